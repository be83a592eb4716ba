#include "tools/compare.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/output_file.h"
#include "base/parse.h"
#include "base/same_file.h"
#include "colour/colour_map.h"
#include "formats/encoders.h"
#include "formats/png/png_writer.h"

namespace mandelbrot {
namespace {

// "N" (a whole count) or "P%" of `pixels`, rounded down to a whole pixel and
// computed exactly from the decimal digits (6.27% of 40000 is 2508, not
// 2507.9999999999995).
Status parse_pixel_allowance(const std::string& text, int64_t pixels, int64_t* allowed) {
  const bool percent = !text.empty() && text.back() == '%';
  const std::string number = percent ? text.substr(0, text.size() - 1) : text;
  const size_t point = number.find('.');
  std::string digits = number;
  if (point != std::string::npos) digits.erase(point, 1);
  const size_t decimals = point == std::string::npos ? 0 : number.size() - point - 1;
  const bool well_formed = !digits.empty() && digits.size() <= 18 &&
                           digits.find_first_not_of("0123456789") == std::string::npos &&
                           (percent || decimals == 0);
  if (!well_formed) {
    return invalid_argument(
        "--max-differing must be a whole count or a percentage like 0.5%, got '{}'", text);
  }
  const int64_t value = std::stoll(digits);
  if (!percent) {
    *allowed = value;
    return Status();
  }
  __int128 scale = 100;
  for (size_t i = 0; i < decimals; ++i) scale *= 10;
  if (value > scale)
    return invalid_argument("--max-differing must be at most 100%, got '{}'", text);
  *allowed = static_cast<int64_t>(static_cast<__int128>(pixels) * value / scale);
  return Status();
}

Status parse_tolerances(const CompareOptions& o, int64_t pixels, CompareResult* r) {
  if (o.max_diff) {
    if (Status s = parse_int64(*o.max_diff, "--max-diff", &r->max_diff); !s.ok()) return s;
    if (r->max_diff < 0) return invalid_argument("--max-diff must be >= 0, got '{}'", *o.max_diff);
  }
  if (o.max_differing) {
    if (Status s = parse_pixel_allowance(*o.max_differing, pixels, &r->max_differing); !s.ok()) {
      return s;
    }
  }
  return Status();
}

// The diff image: dark grey where the pixels agree, yellow where they differ
// within the tolerance, red where they differ beyond it.
constexpr Rgb kAgree = {40, 40, 40};
constexpr Rgb kWithinTolerance = {255, 200, 0};
constexpr Rgb kBeyondTolerance = {255, 0, 0};

// The diff image, written band by band as the rows are compared, so that its
// memory is a band's whatever the image's size.
class DiffImage {
 public:
  DiffImage(int32_t width, int32_t height)
      : width_(width),
        band_rows_(std::max<int32_t>(1, static_cast<int32_t>((size_t{4} << 20) / (3 * width)))),
        band_(static_cast<size_t>(band_rows_) * width * 3),
        height_(height) {}

  Status open(const std::string& path) {
    if (Status s = OutputFile::open(path, &file_); !s.ok()) return s;
    writer_ = std::make_unique<PngWriter>(*file_, width_, height_, kDefaultPngLevel, 1);
    return writer_->begin();
  }

  // The colour of pixel x of the next row, by its largest channel difference.
  void set(int32_t x, int64_t diff, int64_t max_diff) {
    const Rgb& colour = diff == 0 ? kAgree : diff <= max_diff ? kWithinTolerance : kBeyondTolerance;
    const size_t at = (static_cast<size_t>(rows_in_band_) * width_ + x) * 3;
    std::copy(colour.begin(), colour.end(), band_.begin() + static_cast<std::ptrdiff_t>(at));
  }

  // The row is complete: writes the band when it is full or the image is.
  Status end_row() {
    ++rows_in_band_;
    if (rows_in_band_ < band_rows_ && first_row_ + rows_in_band_ < height_) return Status();
    const size_t row_bytes = static_cast<size_t>(width_) * 3;
    Status s = writer_->write_rows(first_row_, rows_in_band_, [&](int32_t row, uint8_t* out) {
      std::memcpy(out, band_.data() + static_cast<size_t>(row - first_row_) * row_bytes, row_bytes);
    });
    first_row_ += rows_in_band_;
    rows_in_band_ = 0;
    return s;
  }

  Status commit() {
    if (Status s = writer_->finish(""); !s.ok()) return s;
    return file_->commit();
  }

 private:
  int32_t width_;
  int32_t band_rows_;
  std::vector<uint8_t> band_;
  int32_t height_;
  int32_t first_row_ = 0;
  int32_t rows_in_band_ = 0;
  std::unique_ptr<OutputFile> file_;
  std::unique_ptr<PngWriter> writer_;
};

}  // namespace

Status compare_files(const CompareOptions& o, CompareResult* result) {
  std::optional<OutputFormat> format;
  if (o.format) {
    format = parse_output_format(*o.format);
    if (!format)
      return invalid_argument("unknown --format '{}' (known: {})", *o.format, output_format_list());
  }
  std::optional<std::pair<int32_t, int32_t>> size;
  if (Status s = parse_raw_size(o.width, o.height, &size); !s.ok()) return s;
  if (o.a == "-" && o.b == "-") {
    return invalid_argument("only one of the files to compare can be standard input ('-')");
  }
  if (o.diff_image) {
    for (const std::string& input : {o.a, o.b}) {
      if (same_file(*o.diff_image, input)) {
        return invalid_argument("--diff-image '{}' is the input '{}': writing it would destroy it",
                                *o.diff_image, input);
      }
    }
  }
  std::unique_ptr<ImageReader> reader_a;
  std::unique_ptr<ImageReader> reader_b;
  if (Status s = open_image(o.a, format, size, &reader_a); !s.ok()) return s;
  if (Status s = open_image(o.b, format, size, &reader_b); !s.ok()) return s;
  const ImageHeader& a = reader_a->header();
  const ImageHeader& b = reader_b->header();
  if (a.kind != b.kind) {
    return invalid_argument("cannot compare '{}' ({}, {}) with '{}' ({}, {})", o.a,
                            output_format_name(a.format), image_kind_name(a.kind), o.b,
                            output_format_name(b.format), image_kind_name(b.kind));
  }
  if (a.width != b.width || a.height != b.height) {
    return invalid_argument("different dimensions: '{}' is {}x{}, '{}' is {}x{}", o.a, a.width,
                            a.height, o.b, b.width, b.height);
  }

  CompareResult r;
  if (Status s = start_comparison(o, a.kind, a.width, a.height, a.channels, &r); !s.ok()) return s;
  std::unique_ptr<DiffImage> diff_image;
  if (o.diff_image) {
    diff_image = std::make_unique<DiffImage>(a.width, a.height);
    if (Status s = diff_image->open(*o.diff_image); !s.ok()) {
      return invalid_argument("--diff-image: {}", s.message());
    }
  }
  const size_t row_samples = static_cast<size_t>(a.width) * a.channels;
  std::vector<int32_t> row_a(row_samples);
  std::vector<int32_t> row_b(row_samples);
  std::vector<int64_t> pixel_diffs(static_cast<size_t>(a.width));
  for (int32_t y = 0; y < a.height; ++y) {
    if (Status s = reader_a->read_row(row_a.data()); !s.ok()) return s;
    if (Status s = reader_b->read_row(row_b.data()); !s.ok()) return s;
    compare_row(row_a.data(), row_b.data(), &r, pixel_diffs.data());
    if (diff_image) {
      for (int32_t x = 0; x < a.width; ++x) diff_image->set(x, pixel_diffs[x], r.max_diff);
      if (Status s = diff_image->end_row(); !s.ok())
        return invalid_argument("--diff-image: {}", s.message());
    }
  }
  if (Status s = reader_a->finish(); !s.ok()) return s;
  if (Status s = reader_b->finish(); !s.ok()) return s;
  finish_comparison(&r);
  if (diff_image) {
    if (Status s = diff_image->commit(); !s.ok())
      return invalid_argument("--diff-image: {}", s.message());
  }
  *result = r;
  return Status();
}

Status start_comparison(const CompareOptions& o, ImageKind kind, int32_t width, int32_t height,
                        int channels, CompareResult* result) {
  CompareResult r;
  r.kind = kind;
  r.width = width;
  r.height = height;
  r.channels = channels;
  r.pixels = int64_t{width} * height;
  if (Status s = parse_tolerances(o, r.pixels, &r); !s.ok()) return s;
  *result = r;
  return Status();
}

void compare_row(const int32_t* a, const int32_t* b, CompareResult* r, int64_t* pixel_diffs) {
  for (int32_t x = 0; x < r->width; ++x) {
    int64_t pixel_diff = 0;
    for (int c = 0; c < r->channels; ++c) {
      const size_t i = static_cast<size_t>(x) * r->channels + c;
      const int64_t d = std::llabs(int64_t{a[i]} - b[i]);
      pixel_diff = std::max(pixel_diff, d);
      r->squared_error += static_cast<double>(d) * static_cast<double>(d);  // d * d can overflow
    }
    r->largest_diff = std::max(r->largest_diff, pixel_diff);
    r->differing_at_all += pixel_diff > 0;
    r->differing += pixel_diff > r->max_diff;
    if (pixel_diffs) pixel_diffs[x] = pixel_diff;
  }
}

void finish_comparison(CompareResult* r) {
  if (r->kind == ImageKind::kImage && r->squared_error > 0) {
    const double mse = r->squared_error / static_cast<double>(r->pixels * r->channels);
    r->psnr = 10 * std::log10(255.0 * 255.0 / mse);
  }
  r->match = r->differing <= r->max_differing;
}

std::string compare_text(const CompareResult& r) {
  std::string text = fmt::format(
      "{}: {}x{} {}, {} of {} pixels differ ({:.4f}%), largest difference {}{}",
      r.match ? "match" : "DIFFERENT", r.width, r.height, image_kind_name(r.kind), r.differing,
      r.pixels, 100.0 * static_cast<double>(r.differing) / static_cast<double>(r.pixels),
      r.largest_diff, r.kind == ImageKind::kImage ? " per channel" : "");
  if (r.kind == ImageKind::kImage) {
    text += r.psnr ? fmt::format(", PSNR {:.2f} dB", *r.psnr) : ", PSNR inf (identical)";
  }
  if (r.max_diff > 0 || r.max_differing > 0) {
    text +=
        fmt::format(" (tolerance: --max-diff {}, --max-differing {})", r.max_diff, r.max_differing);
  }
  return text;
}

std::string compare_json(const CompareResult& r) {
  nlohmann::ordered_json j;
  j["match"] = r.match;
  j["kind"] = image_kind_name(r.kind);
  j["width"] = r.width;
  j["height"] = r.height;
  j["pixels"] = r.pixels;
  j["differing"] = r.differing;
  j["differing_share"] = static_cast<double>(r.differing) / static_cast<double>(r.pixels);
  j["differing_at_all"] = r.differing_at_all;
  j["largest_diff"] = r.largest_diff;
  if (r.kind == ImageKind::kImage) {
    j["psnr"] = r.psnr ? nlohmann::ordered_json(*r.psnr) : nlohmann::ordered_json(nullptr);
  }
  j["max_diff"] = r.max_diff;
  j["max_differing"] = r.max_differing;
  return j.dump();
}

}  // namespace mandelbrot
