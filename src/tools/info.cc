#include "tools/info.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "formats/exr/exr_file.h"
#include "formats/image_reader.h"
#include "formats/png/png_chunks.h"
#include "formats/png/png_text.h"

namespace mandelbrot {
namespace {

// Embedded parameters nested deeper than this are shown as text, not parsed:
// nlohmann::json prints (and destroys) nested values recursively.
constexpr int kMaxParameterDepth = 64;

// JSON is printed with invalid UTF-8 replaced by U+FFFD: PNG text is Latin-1,
// and file names are bytes.
std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The deepest nesting of [ and { outside strings.
int nesting_depth(const std::string& text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// What info shows: the header, the count range (count data only) and the
// embedded parameters (PNG only).
struct Description {
  ImageHeader header;
  int32_t min_count = 0;
  int32_t max_count = 0;
  std::optional<std::string> parameters;
};

// A PNG: its chunks only, without decoding the image (docs/RELIABILITY.md).
Status describe_png(InputStream& in, Description* d) {
  PngHeader png;
  if (Status s = scan_png(in, kParamsKeyword, &png, &d->parameters); !s.ok()) return s;
  d->header.format = OutputFormat::kPng;
  d->header.kind = ImageKind::kImage;
  d->header.width = static_cast<int32_t>(png.width);
  d->header.height = static_cast<int32_t>(png.height);
  d->header.channels = 3;
  d->header.maxval = 255;
  return Status();
}

// An EXR file (docs/SEMANTICS.md, "EXR"): its header, and its N channel a band
// at a time for the count range (N - IterationsBias; a pixel that never escaped
// counts as Iterations - 1).
Status describe_exr(const std::string& path, Description* d) {
  if (path == "-") {
    return invalid_argument("info reads EXR files from a file, not from standard input");
  }
  std::unique_ptr<ExrReader> reader;
  if (Status s = ExrReader::open(path, &reader); !s.ok()) return s;
  const ExrInfo& info = reader->info();
  if (!info.has_n) return invalid_argument("'{}': an EXR file without the N channel", path);
  d->header.format = OutputFormat::kExr;
  d->header.kind = ImageKind::kCounts;
  d->header.width = info.width;
  d->header.height = info.height;
  d->parameters = info.parameters;
  int64_t lo = std::numeric_limits<int64_t>::max();
  int64_t hi = std::numeric_limits<int64_t>::min();
  constexpr int32_t kRows = 64;
  ExrRows rows;
  for (int32_t first = 0; first < info.height; first += kRows) {
    const int32_t n = std::min(kRows, info.height - first);
    if (Status s = reader->read_rows(first, n, &rows); !s.ok()) return s;
    for (const uint32_t v : rows.n) {
      const int64_t count = v == kExrNeverEscaped ? info.iterations.value_or(int64_t{v}) - 1
                                                  : int64_t{v} - info.iterations_bias;
      lo = std::min(lo, count);
      hi = std::max(hi, count);
    }
  }
  d->min_count = static_cast<int32_t>(std::clamp<int64_t>(lo, INT32_MIN, INT32_MAX));
  d->max_count = static_cast<int32_t>(std::clamp<int64_t>(hi, INT32_MIN, INT32_MAX));
  return Status();
}

// Any other file: its rows one at a time, for the count range.
Status describe_rows(std::unique_ptr<InputStream> in, const std::string& path,
                     std::optional<std::pair<int32_t, int32_t>> raw_size, Description* d) {
  std::unique_ptr<ImageReader> reader;
  if (Status s = open_image(std::move(in), path, std::nullopt, raw_size, &reader); !s.ok()) {
    return s;
  }
  d->header = reader->header();
  std::vector<int32_t> row(static_cast<size_t>(d->header.width) * d->header.channels);
  int32_t lo = std::numeric_limits<int32_t>::max();
  int32_t hi = std::numeric_limits<int32_t>::min();
  for (int32_t y = 0; y < d->header.height; ++y) {
    if (Status s = reader->read_row(row.data()); !s.ok()) return s;
    const auto [row_lo, row_hi] = std::minmax_element(row.begin(), row.end());
    lo = std::min(lo, *row_lo);
    hi = std::max(hi, *row_hi);
  }
  if (Status s = reader->finish(); !s.ok()) return s;
  d->min_count = lo;
  d->max_count = hi;
  return Status();
}

}  // namespace

Status describe_stream(std::unique_ptr<InputStream> in, const std::string& path,
                       std::optional<std::pair<int32_t, int32_t>> raw_size, bool json,
                       std::string* description) {
  Description d;
  std::vector<uint8_t> start;
  if (Status s = in->peek(kPngSignature.size(), &start); !s.ok()) return s;
  const std::string_view head(reinterpret_cast<const char*>(start.data()), start.size());
  const bool png = head == kPngSignature;
  const bool exr = head.substr(0, kExrMagic.size()) == kExrMagic;
  if (Status s = png   ? describe_png(*in, &d)
                 : exr ? describe_exr(path, &d)
                       : describe_rows(std::move(in), path, raw_size, &d);
      !s.ok()) {
    return s;
  }
  const ImageHeader& h = d.header;
  const std::string format(output_format_name(h.format));
  nlohmann::ordered_json params;
  if (d.parameters) {
    if (nesting_depth(*d.parameters) <= kMaxParameterDepth) {
      params = nlohmann::ordered_json::parse(*d.parameters, nullptr, false);
    }
    if (params.is_discarded() || params.is_null()) params = *d.parameters;  // shown as it is
  }
  if (json) {
    nlohmann::ordered_json j;
    j["file"] = path;
    j["format"] = format;
    j["kind"] = image_kind_name(h.kind);
    j["width"] = h.width;
    j["height"] = h.height;
    if (h.maxval > 0) j["maxval"] = h.maxval;
    if (h.kind == ImageKind::kCounts) {
      j["min_count"] = d.min_count;
      j["max_count"] = d.max_count;
    }
    j["parameters"] = d.parameters ? params : nlohmann::ordered_json(nullptr);
    *description = dump(j);
    return Status();
  }
  std::string text =
      fmt::format("{}: {} {}, {}x{}", path, format, image_kind_name(h.kind), h.width, h.height);
  if (h.maxval > 0) text += fmt::format(", maxval {}", h.maxval);
  if (h.kind == ImageKind::kCounts)
    text += fmt::format(", counts {} to {}", d.min_count, d.max_count);
  text += "\n";
  if (!d.parameters) {
    text += "no embedded render parameters\n";
  } else if (params.is_object()) {
    // Strings as they are; an object one line per member ("view.radius: 0.5").
    const auto show = [](const nlohmann::ordered_json& value) {
      return value.is_string() ? value.get<std::string>() : dump(value);
    };
    for (const auto& [key, value] : params.items()) {
      if (value.is_object()) {
        for (const auto& [member, inner] : value.items()) {
          text += fmt::format("  {}.{}: {}\n", key, member, show(inner));
        }
      } else {
        text += fmt::format("  {}: {}\n", key, show(value));
      }
    }
  } else {
    text += fmt::format("  parameters: {}\n", *d.parameters);
  }
  *description = std::move(text);
  return Status();
}

Status describe_file(const std::string& path, std::optional<std::pair<int32_t, int32_t>> raw_size,
                     bool json, std::string* description) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(path, &in); !s.ok()) return s;
  return describe_stream(std::move(in), path, raw_size, json, description);
}

}  // namespace mandelbrot
