#include "tools/colour.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <memory>
#include <optional>

#include "base/same_file.h"
#include "formats/exr/exr_file.h"
#include "formats/image_reader.h"

namespace mandelbrot {
namespace {

// An exr input: N, and NF or DEX/DEY when the colouring reads them.
Status exr_bands(const RenderPlan& plan, const std::string& input, ReadBand* read_band) {
  std::shared_ptr<ExrReader> reader;
  {
    std::unique_ptr<ExrReader> opened;
    if (Status s = ExrReader::open(input, &opened); !s.ok()) return s;
    reader = std::move(opened);
  }
  const ExrInfo& info = reader->info();
  const KernelParams& k = plan.params;
  if (!info.has_n) {
    return invalid_argument("'{}' has no N channel: not the escape data of a render", input);
  }
  if (info.width != k.width || info.height != k.height) {
    return invalid_argument("'{}' is {}x{}, but the render's image is {}x{}", input, info.width,
                            info.height, k.width, k.height);
  }
  if (plan.channels.smooth && !info.has_nf) {
    return invalid_argument(
        "'{}' has no NF channel, which --colouring smooth reads: render it with --channels "
        "smooth (or --colouring smooth)",
        input);
  }
  if (plan.channels.distance && !info.has_de) {
    return invalid_argument(
        "'{}' has no DEX/DEY channels, which --colouring distance reads: render it with "
        "--channels distance (or --colouring distance)",
        input);
  }
  auto rows = std::make_shared<ExrRows>();
  *read_band = [reader, rows, input, &plan](CountBuffer& band) {
    if (Status s = reader->read_rows(band.first_row(), band.rows(), rows.get()); !s.ok()) {
      return s;
    }
    return band_from_exr(*rows, reader->info(), input, plan.params.iterations, plan.params.bailout,
                         band);
  };
  return Status();
}

// npy or raw counts of the plan's size, with the channels the colouring reads
// (npy records of --channels).
Status count_bands(const RenderPlan& plan, const std::string& input, ReadBand* read_band) {
  const KernelParams& k = plan.params;
  // Raw counts have no header: their size says whether the render's size is theirs.
  struct stat st {};
  if (output_format_from_path(input) == OutputFormat::kRaw && ::stat(input.c_str(), &st) == 0 &&
      S_ISREG(st.st_mode)) {
    const uint64_t expected = uint64_t{4} * static_cast<uint64_t>(k.width) * k.height;
    if (static_cast<uint64_t>(st.st_size) != expected) {
      return invalid_argument(
          "'{}' holds {} bytes, but the raw counts of a {}x{} image are {} bytes: give the "
          "render's --size (or --width and --height)",
          input, st.st_size, k.width, k.height, expected);
    }
  }
  // Opened again at the first band of each pass.
  auto reader = std::make_shared<std::unique_ptr<ImageReader>>();
  auto open = [input, &k, &plan](std::unique_ptr<ImageReader>* r) -> Status {
    if (Status s = open_image(input, std::nullopt, std::pair{k.width, k.height}, r); !s.ok()) {
      return s;
    }
    const ImageHeader& h = (*r)->header();
    if (h.kind != ImageKind::kCounts || h.channels != 1) {
      return invalid_argument("'{}' holds {} data, not counts (npy, raw or exr)", input,
                              image_kind_name(h.kind));
    }
    if (h.width != k.width || h.height != k.height) {
      return invalid_argument("'{}' is {}x{}, but the render's image is {}x{}", input, h.width,
                              h.height, k.width, k.height);
    }
    const Channels held = (*r)->channels();
    if ((plan.channels.smooth && !held.smooth) || (plan.channels.distance && !held.distance)) {
      const char* name = plan.channels.smooth && !held.smooth ? "smooth" : "distance";
      return invalid_argument(
          "'{}' has no {} values, which --colouring {} reads: save them with --channels "
          "count,{} (npy) or as exr",
          input, name, colouring_name(plan.colouring), name);
    }
    return Status();
  };
  if (Status s = open(reader.get()); !s.ok()) return s;
  *read_band = [reader, open, input, &k](CountBuffer& band) -> Status {
    if (band.first_row() == 0 && !*reader) {
      if (Status s = open(reader.get()); !s.ok()) return s;
    }
    for (int32_t r = 0; r < band.rows(); ++r) {
      const RowOut row = band.row_out(r);
      int32_t* out = row.counts;
      if (Status s = (*reader)->read_row(out); !s.ok()) return s;
      (*reader)->row_channels(row.smooth, row.distance);
      for (int32_t x = 0; x < band.width(); ++x) {
        if (out[x] < 0 || out[x] >= k.iterations) {
          return invalid_argument(
              "'{}' holds the count {} at column {}, row {}, outside 0 to {}: not the counts of "
              "a render with --iter {}",
              input, out[x], x, band.first_row() + r, k.iterations - 1, k.iterations);
        }
      }
    }
    if (band.first_row() + band.rows() == k.height) {
      Status s = (*reader)->finish();
      reader->reset();  // a second pass opens the file again
      return s;
    }
    return Status();
  };
  return Status();
}

}  // namespace

Status colour_saved_data(const RenderPlan& plan, const std::string& input, RenderReport* report) {
  if (!plan.to_stdout() && same_file(input, plan.output)) {
    return invalid_argument("-o '{}' is the input '{}': writing it would destroy it", plan.output,
                            input);
  }
  ReadBand read_band;
  const Status s = starts_like_exr(input) ? exr_bands(plan, input, &read_band)
                                          : count_bands(plan, input, &read_band);
  if (!s.ok()) return s;
  return encode_counts_to_output(plan, read_band, report);
}

}  // namespace mandelbrot
