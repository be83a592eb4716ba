// open_image(): picks the reader by the file's signature.
#include "formats/image_reader.h"

#include <fmt/format.h>

#include <cstring>

#include "base/limits.h"
#include "base/parse.h"
#include "formats/exr/exr_file.h"
#include "formats/image_readers.h"
#include "formats/png/png_text.h"

namespace mandelbrot {
namespace {

bool starts_with(const std::vector<uint8_t>& bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() &&
         std::memcmp(bytes.data(), prefix.data(), prefix.size()) == 0;
}

}  // namespace

Status check_image_size(const InputStream& in, int64_t width, int64_t height) {
  if (width < 1 || height < 1 || width > kMaxImageSide || height > kMaxImageSide) {
    return invalid_argument("'{}': unsupported size {}x{} (each side must be 1 to {})", in.name(),
                            width, height, kMaxImageSide);
  }
  return Status();
}

Status wrong_counts_size(StatusCode code, const InputStream& in, int sample_bytes, int32_t width,
                         int32_t height, const std::string& found) {
  return Status(code,
                fmt::format("'{}': expected {} bytes of counts for {}x{}, found {}", in.name(),
                            uint64_t{1} * sample_bytes * width * height, width, height, found));
}

Status finish_counts(StatusCode code, InputStream& in, int sample_bytes, int32_t width,
                     int32_t height) {
  bool end = false;
  if (Status s = in.at_end(&end); !s.ok()) return s;
  return end ? Status() : wrong_counts_size(code, in, sample_bytes, width, height, "more");
}

Status parse_raw_size(const std::optional<std::string>& width,
                      const std::optional<std::string>& height,
                      std::optional<std::pair<int32_t, int32_t>>* size) {
  size->reset();
  if (!width && !height) return Status();
  if (!width || !height) return invalid_argument("raw files need both --width and --height");
  int64_t w = 0;
  int64_t h = 0;
  if (Status s = parse_int64(*width, "--width", &w); !s.ok()) return s;
  if (Status s = parse_int64(*height, "--height", &h); !s.ok()) return s;
  if (w < 1 || h < 1 || w > kMaxImageSide || h > kMaxImageSide) {
    return invalid_argument("--width and --height must be between 1 and {}, got {}x{}",
                            kMaxImageSide, *width, *height);
  }
  *size = std::make_pair(static_cast<int32_t>(w), static_cast<int32_t>(h));
  return Status();
}

const char* image_kind_name(ImageKind kind) {
  switch (kind) {
    case ImageKind::kCounts:
      return "counts";
    case ImageKind::kImage:
      return "image";
    case ImageKind::kBitmap:
      return "bitmap";
  }
  return "?";
}

Status open_image(const std::string& path, std::optional<OutputFormat> format,
                  std::optional<std::pair<int32_t, int32_t>> raw_size,
                  std::unique_ptr<ImageReader>* reader) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(path, &in); !s.ok()) return s;
  return open_image(std::move(in), path, format, raw_size, reader);
}

Status open_image(std::unique_ptr<InputStream> in, const std::string& path,
                  std::optional<OutputFormat> format,
                  std::optional<std::pair<int32_t, int32_t>> raw_size,
                  std::unique_ptr<ImageReader>* reader) {
  std::vector<uint8_t> start;
  if (Status s = in->peek(8, &start); !s.ok()) return s;
  if (starts_with(start, kPngSignature)) return open_png_reader(std::move(in), reader);
  if (starts_with(start, std::string_view("\x93NUMPY", 6))) {
    return open_npy_reader(std::move(in), reader);
  }
  if (start.size() >= 2 && start[0] == 'P' && start[1] >= '4' && start[1] <= '6') {
    return open_netpbm_reader(std::move(in), reader);
  }
  if (starts_with(start, kExrMagic)) {
    if (path == "-")
      return invalid_argument("EXR files are read from a file, not from standard input");
    return open_exr_counts_reader(path, reader);
  }
  const auto guessed = format ? format : output_format_from_path(path);
  if (guessed != OutputFormat::kRaw) {
    return invalid_argument("'{}': not a file this program reads ({})", in->name(),
                            output_format_list());
  }
  if (!raw_size) {
    return invalid_argument("'{}' is raw counts: give its size with --width and --height",
                            in->name());
  }
  return open_raw_reader(std::move(in), *raw_size, reader);
}

Status read_all_rows(ImageReader& reader, uint64_t max_samples, LoadedImage* image) {
  const ImageHeader& h = reader.header();
  const uint64_t row_samples = static_cast<uint64_t>(h.width) * static_cast<uint64_t>(h.channels);
  const uint64_t samples = row_samples * static_cast<uint64_t>(h.height);
  if (samples > max_samples) {
    return resource_exhausted("a {}x{} image has {} samples, more than the {} held in memory",
                              h.width, h.height, samples, max_samples);
  }
  LoadedImage result;
  result.header = h;
  result.samples.resize(samples);
  for (int32_t y = 0; y < h.height; ++y) {
    if (Status s = reader.read_row(result.samples.data() + y * row_samples); !s.ok()) return s;
  }
  if (Status s = reader.finish(); !s.ok()) return s;
  *image = std::move(result);
  return Status();
}

}  // namespace mandelbrot
