// Decoders for every output format: stb_image for PNG (from libstb-dev, compiled
// file-local), and small parsers for npy, Netpbm and raw.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb_image.h>

#include <fmt/format.h>

#include <cctype>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>

#include "base/byte_order.h"
#include "base/file_reader.h"
#include "base/limits.h"
#include "base/parse.h"
#include "formats/image_reader.h"
#include "formats/png/png_text.h"

namespace mandelbrot {
namespace {

// Larger images than this are refused rather than allocated (a corrupt header
// can claim anything).
constexpr int64_t kMaxSamples = int64_t{1} << 32;

// The largest file read_image() reads: the samples of the largest image it
// accepts, plus room for any header.
constexpr uint64_t kMaxImageFileBytes = static_cast<uint64_t>(kMaxSamples) * 4 + (1 << 20);

bool starts_with(const std::vector<uint8_t>& bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() &&
         std::memcmp(bytes.data(), prefix.data(), prefix.size()) == 0;
}

Status check_size(const std::string& path, int64_t width, int64_t height, int channels) {
  if (width < 1 || height < 1 || width * height * channels > kMaxSamples) {
    return invalid_argument("'{}': unsupported size {}x{}", path, width, height);
  }
  return Status();
}

Status read_counts_le(const std::string& path, const uint8_t* data, size_t available,
                      LoadedImage* image) {
  const size_t n = static_cast<size_t>(image->width) * static_cast<size_t>(image->height);
  if (available != n * 4) {
    return invalid_argument("'{}': expected {} bytes of counts for {}x{}, found {}", path, n * 4,
                            image->width, image->height, available);
  }
  image->samples.resize(n);
  for (size_t i = 0; i < n; ++i) image->samples[i] = static_cast<int32_t>(get_le32(data + 4 * i));
  return Status();
}

Status decode_png(const std::string& path, const std::vector<uint8_t>& bytes, LoadedImage* image) {
  int width = 0;
  int height = 0;
  int channels_in_file = 0;
  std::unique_ptr<stbi_uc, decltype(&stbi_image_free)> pixels(
      stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &width, &height,
                            &channels_in_file, 3),
      stbi_image_free);
  if (!pixels)
    return invalid_argument("'{}': not a readable PNG ({})", path, stbi_failure_reason());
  if (Status s = check_size(path, width, height, 3); !s.ok()) return s;
  image->format = OutputFormat::kPng;
  image->kind = ImageKind::kImage;
  image->width = width;
  image->height = height;
  image->channels = 3;
  image->maxval = 255;
  image->samples.assign(pixels.get(), pixels.get() + static_cast<size_t>(width) * height * 3);
  image->parameters = find_png_text(bytes, kParamsKeyword);
  return Status();
}

// The text of `key`'s value in an npy header dict, e.g. "'<i4'", "False" or
// "(400, 300)": from after the colon to the next comma or brace outside
// parentheses, trimmed. Empty when the key is missing.
std::string npy_value(const std::string& header, const std::string& key) {
  const size_t at = header.find("'" + key + "'");
  if (at == std::string::npos) return "";
  size_t pos = header.find(':', at);
  if (pos == std::string::npos) return "";
  const size_t start = ++pos;
  int depth = 0;
  for (; pos < header.size(); ++pos) {
    const char c = header[pos];
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth == 0 && (c == ',' || c == '}')) break;
  }
  const std::string value = header.substr(start, pos - start);
  const size_t first = value.find_first_not_of(' ');
  const size_t last = value.find_last_not_of(' ');
  return first == std::string::npos ? "" : value.substr(first, last - first + 1);
}

// "(H, W)" with two positive integers; false otherwise.
bool parse_shape(const std::string& text, int64_t* height, int64_t* width) {
  if (text.size() < 5 || text.front() != '(' || text.back() != ')') return false;
  const size_t comma = text.find(',');
  if (comma == std::string::npos) return false;
  int64_t values[2];
  const std::string parts[2] = {text.substr(1, comma - 1),
                                text.substr(comma + 1, text.size() - comma - 2)};
  for (int i = 0; i < 2; ++i) {
    const size_t first = parts[i].find_first_not_of(' ');
    const size_t last = parts[i].find_last_not_of(' ');
    if (first == std::string::npos) return false;
    const std::string digits = parts[i].substr(first, last - first + 1);
    if (digits.empty() || digits.size() > 10 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
    values[i] = std::stoll(digits);
  }
  *height = values[0];
  *width = values[1];
  return true;
}

Status decode_npy(const std::string& path, const std::vector<uint8_t>& bytes, LoadedImage* image) {
  if (bytes.size() < 10) return invalid_argument("'{}': truncated npy header", path);
  const int major = bytes[6];
  size_t header_len = get_le16(bytes.data() + 8);
  size_t data_at = 10 + header_len;
  if (major >= 2) {
    if (bytes.size() < 12) return invalid_argument("'{}': truncated npy header", path);
    header_len = get_le32(bytes.data() + 8);
    data_at = 12 + header_len;
  }
  if (data_at > bytes.size()) return invalid_argument("'{}': truncated npy header", path);
  const std::string header(bytes.begin() + (major >= 2 ? 12 : 10), bytes.begin() + data_at);
  if (npy_value(header, "descr") != "'<i4'") {
    return invalid_argument("'{}': unsupported npy dtype (expected '<i4' counts)", path);
  }
  if (npy_value(header, "fortran_order") != "False") {
    return invalid_argument("'{}': unsupported npy layout (Fortran order)", path);
  }
  int64_t height = 0;
  int64_t width = 0;
  if (!parse_shape(npy_value(header, "shape"), &height, &width)) {
    return invalid_argument("'{}': unsupported npy shape (expected 2-D)", path);
  }
  if (Status s = check_size(path, width, height, 1); !s.ok()) return s;
  image->format = OutputFormat::kNpy;
  image->kind = ImageKind::kCounts;
  image->width = static_cast<int32_t>(width);
  image->height = static_cast<int32_t>(height);
  return read_counts_le(path, bytes.data() + data_at, bytes.size() - data_at, image);
}

// Netpbm header fields: white space separated, '#' comments to end of line.
Status netpbm_fields(const std::string& path, const std::vector<uint8_t>& bytes, int count,
                     std::vector<int64_t>* fields, size_t* data_at) {
  size_t pos = 2;
  fields->clear();
  while (static_cast<int>(fields->size()) < count) {
    while (pos < bytes.size() && (std::isspace(bytes[pos]) || bytes[pos] == '#')) {
      if (bytes[pos] == '#') {
        while (pos < bytes.size() && bytes[pos] != '\n') ++pos;
      } else {
        ++pos;
      }
    }
    const size_t start = pos;
    while (pos < bytes.size() && std::isdigit(bytes[pos])) ++pos;
    if (pos == start || pos - start > 9) return invalid_argument("'{}': bad Netpbm header", path);
    fields->push_back(std::stoll(std::string(bytes.begin() + start, bytes.begin() + pos)));
  }
  if (pos >= bytes.size() || !std::isspace(bytes[pos])) {
    return invalid_argument("'{}': bad Netpbm header", path);
  }
  *data_at = pos + 1;
  return Status();
}

Status decode_netpbm(const std::string& path, const std::vector<uint8_t>& bytes,
                     LoadedImage* image) {
  const char type = static_cast<char>(bytes[1]);
  std::vector<int64_t> f;
  size_t at = 0;
  if (Status s = netpbm_fields(path, bytes, type == '4' ? 2 : 3, &f, &at); !s.ok()) return s;
  const int channels = type == '6' ? 3 : 1;
  if (Status s = check_size(path, f[0], f[1], channels); !s.ok()) return s;
  image->width = static_cast<int32_t>(f[0]);
  image->height = static_cast<int32_t>(f[1]);
  image->channels = channels;
  const size_t pixels = static_cast<size_t>(f[0]) * static_cast<size_t>(f[1]);
  const uint8_t* data = bytes.data() + at;
  const size_t available = bytes.size() - at;
  if (type == '4') {
    image->format = OutputFormat::kPbm;
    image->kind = ImageKind::kBitmap;
    const size_t row_bytes = (static_cast<size_t>(f[0]) + 7) / 8;
    if (available < row_bytes * static_cast<size_t>(f[1])) {
      return invalid_argument("'{}': truncated: {} bytes of pixels, expected {}", path, available,
                              row_bytes * f[1]);
    }
    image->samples.resize(pixels);
    for (int64_t y = 0; y < f[1]; ++y) {
      for (int64_t x = 0; x < f[0]; ++x) {
        image->samples[y * f[0] + x] = (data[y * row_bytes + x / 8] >> (7 - x % 8)) & 1;
      }
    }
    return Status();
  }
  const int64_t maxval = f[2];
  if (maxval < 1 || maxval > 65535) return invalid_argument("'{}': bad maxval {}", path, maxval);
  if (type == '6' && maxval != 255) {
    return invalid_argument("'{}': unsupported PPM maxval {} (expected 255)", path, maxval);
  }
  image->maxval = static_cast<int32_t>(maxval);
  image->format = type == '5' ? OutputFormat::kPgm : OutputFormat::kPpm;
  image->kind = type == '5' ? ImageKind::kCounts : ImageKind::kImage;
  const int bytes_per_sample = maxval > 255 ? 2 : 1;
  const size_t samples = pixels * channels;
  if (available < samples * bytes_per_sample) {
    return invalid_argument("'{}': truncated: {} bytes of pixels, expected {}", path, available,
                            samples * bytes_per_sample);
  }
  image->samples.resize(samples);
  for (size_t i = 0; i < samples; ++i) {
    image->samples[i] = bytes_per_sample == 2 ? get_be16(data + 2 * i) : data[i];
  }
  return Status();
}

}  // namespace

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

Status read_image(const std::string& path, std::optional<OutputFormat> format,
                  std::optional<std::pair<int32_t, int32_t>> raw_size, LoadedImage* image) {
  std::vector<uint8_t> bytes;
  if (Status s = read_file(path, kMaxImageFileBytes, "", &bytes); !s.ok()) return s;
  LoadedImage result;
  Status s;
  if (starts_with(bytes, kPngSignature)) {
    s = decode_png(path, bytes, &result);
  } else if (starts_with(bytes, std::string_view("\x93NUMPY", 6))) {
    s = decode_npy(path, bytes, &result);
  } else if (bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] >= '4' && bytes[1] <= '6') {
    s = decode_netpbm(path, bytes, &result);
  } else {
    const auto guessed = format ? format : output_format_from_path(path);
    if (guessed != OutputFormat::kRaw) {
      return invalid_argument("'{}': not a file this program reads (png, raw, npy, pgm, ppm, pbm)",
                              path);
    }
    if (!raw_size) {
      return invalid_argument("'{}' is raw counts: give its size with --width and --height", path);
    }
    result.format = OutputFormat::kRaw;
    result.kind = ImageKind::kCounts;
    result.width = raw_size->first;
    result.height = raw_size->second;
    s = read_counts_le(path, bytes.data(), bytes.size(), &result);
  }
  if (!s.ok()) return s;
  *image = std::move(result);
  return Status();
}

}  // namespace mandelbrot
