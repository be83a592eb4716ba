#include "tools/compare.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/output_file.h"
#include "base/parse.h"
#include "colour/colour_map.h"
#include "formats/encoders.h"

namespace mandelbrot {
namespace {

Status parse_tolerances(const CompareOptions& o, int64_t pixels, CompareResult* r) {
  if (o.max_diff) {
    if (Status s = parse_int64(*o.max_diff, "--max-diff", &r->max_diff); !s.ok()) return s;
    if (r->max_diff < 0) return usage_error("--max-diff must be >= 0, got '{}'", *o.max_diff);
  }
  if (o.max_differing) {
    std::string text = *o.max_differing;
    const bool percent = !text.empty() && text.back() == '%';
    if (percent) text.pop_back();
    double v = 0;
    if (Status s = parse_double(text, "--max-differing", &v); !s.ok()) {
      return usage_error("--max-differing must be a count or a percentage, got '{}'",
                         *o.max_differing);
    }
    if (v < 0 || (percent && v > 100) || (!percent && v != std::floor(v))) {
      return usage_error("--max-differing must be a whole count or a percentage, got '{}'",
                         *o.max_differing);
    }
    r->max_differing = percent ? v / 100 * static_cast<double>(pixels) : v;
  }
  return Status();
}

// The diff image: dark grey where the pixels agree, yellow where they differ
// within the tolerance, red where they differ beyond it.
constexpr Rgb kAgree = {40, 40, 40};
constexpr Rgb kWithinTolerance = {255, 200, 0};
constexpr Rgb kBeyondTolerance = {255, 0, 0};

Status write_diff_image(const std::string& path, const LoadedImage& a, const LoadedImage& b,
                        int64_t max_diff) {
  std::vector<uint8_t> rgb(static_cast<size_t>(a.width) * a.height * 3);
  const size_t pixels = static_cast<size_t>(a.width) * a.height;
  for (size_t p = 0; p < pixels; ++p) {
    int64_t diff = 0;
    for (int c = 0; c < a.channels; ++c) {
      const size_t i = p * a.channels + c;
      diff = std::max<int64_t>(diff, std::llabs(int64_t{a.samples[i]} - b.samples[i]));
    }
    const Rgb& colour = diff == 0 ? kAgree : diff <= max_diff ? kWithinTolerance : kBeyondTolerance;
    std::copy(colour.begin(), colour.end(), rgb.begin() + static_cast<std::ptrdiff_t>(3 * p));
  }
  std::unique_ptr<OutputFile> file;
  Status s = OutputFile::open(path, &file);
  if (s.ok()) s = write_png(rgb.data(), a.width, a.height, kDefaultPngLevel, 1, "", *file);
  if (s.ok()) s = file->commit();
  return s.ok() ? Status() : usage_error("--diff-image: {}", s.message());
}

}  // namespace

Status compare_files(const CompareOptions& o, CompareResult* result) {
  std::optional<OutputFormat> format;
  if (o.format) {
    format = parse_output_format(*o.format);
    if (!format)
      return usage_error("unknown --format '{}' (known: {})", *o.format, output_format_list());
  }
  std::optional<std::pair<int32_t, int32_t>> size;
  if (Status s = parse_raw_size(o.width, o.height, &size); !s.ok()) return s;
  LoadedImage a;
  LoadedImage b;
  if (Status s = read_image(o.a, format, size, &a); !s.ok()) return s;
  if (Status s = read_image(o.b, format, size, &b); !s.ok()) return s;
  if (a.kind != b.kind) {
    return usage_error("cannot compare '{}' ({}, {}) with '{}' ({}, {})", o.a,
                       output_format_name(a.format), image_kind_name(a.kind), o.b,
                       output_format_name(b.format), image_kind_name(b.kind));
  }
  if (a.width != b.width || a.height != b.height) {
    return usage_error("different dimensions: '{}' is {}x{}, '{}' is {}x{}", o.a, a.width, a.height,
                       o.b, b.width, b.height);
  }

  CompareResult r;
  r.kind = a.kind;
  r.width = a.width;
  r.height = a.height;
  r.pixels = int64_t{a.width} * a.height;
  if (Status s = parse_tolerances(o, r.pixels, &r); !s.ok()) return s;
  double squared_error = 0;
  for (int64_t p = 0; p < r.pixels; ++p) {
    int64_t pixel_diff = 0;
    for (int c = 0; c < a.channels; ++c) {
      const size_t i = static_cast<size_t>(p) * a.channels + c;
      const int64_t d = std::llabs(int64_t{a.samples[i]} - b.samples[i]);
      pixel_diff = std::max(pixel_diff, d);
      squared_error += static_cast<double>(d * d);
    }
    r.largest_diff = std::max(r.largest_diff, pixel_diff);
    r.differing_at_all += pixel_diff > 0;
    r.differing += pixel_diff > r.max_diff;
  }
  if (a.kind == ImageKind::kImage && squared_error > 0) {
    const double mse = squared_error / static_cast<double>(r.pixels * a.channels);
    r.psnr = 10 * std::log10(255.0 * 255.0 / mse);
  }
  r.match = static_cast<double>(r.differing) <= r.max_differing;
  if (o.diff_image) {
    if (Status s = write_diff_image(*o.diff_image, a, b, r.max_diff); !s.ok()) return s;
  }
  *result = r;
  return Status();
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
