#include "render/supersample_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "base/limits.h"
#include "base/parse.h"

namespace mandelbrot {
namespace {

// A count for a message: whole below 10^15, else in three digits (1e+40).
std::string count_text(double count) {
  return count < 1e15 ? fmt::format("{:.0f}", count) : fmt::format("{:.3g}", count);
}

}  // namespace

Status parse_supersample(const RenderOptions& o, int32_t width, int32_t height, int32_t* n) {
  *n = 1;
  if (!o.supersample) return Status();
  const std::string& text = *o.supersample;
  int64_t v = 0;
  const Status parsed = parse_int64(text, "--supersample", &v);
  // Digits beyond int64 are too large too, not malformed.
  const std::string unsigned_text = text.starts_with('+') ? text.substr(1) : text;
  const bool digits =
      !unsigned_text.empty() && unsigned_text.find_first_not_of("0123456789") == std::string::npos;
  const bool too_large = parsed.ok() ? v > kMaxSupersample : digits;
  if (!parsed.ok() && !too_large) {
    return invalid_argument(
        "--supersample must be a whole number from 1 to {} (N x N samples per pixel), got '{}'",
        kMaxSupersample, text);
  }
  if (too_large) {
    const double side = std::strtod(unsigned_text.c_str(), nullptr);
    return invalid_argument(
        "--supersample {} is too large: {} samples per pixel would take about {} times the time "
        "of a plain render ({} samples for {}x{}); the most is {} ({} samples per pixel)",
        text, count_text(side * side), count_text(side * side),
        count_text(side * side * width * height), width, height, kMaxSupersample,
        kMaxSupersample * kMaxSupersample);
  }
  if (v < 1) {
    return invalid_argument(
        "--supersample must be at least 1 (N x N samples per pixel; 1 is the plain render), "
        "got '{}'",
        text);
  }
  const int64_t longer = std::max(width, height);
  if (v * longer > kMaxImageSide) {
    return invalid_argument(
        "--supersample {} at {}x{} samples a {}x{} grid ({} samples, {} times a plain render's "
        "time), but a grid's side may be at most {}, as an image's; at this size "
        "--supersample may be at most {}",
        text, width, height, v * width, v * height,
        count_text(static_cast<double>(v * width) * static_cast<double>(v * height)), v * v,
        kMaxImageSide, kMaxImageSide / longer);
  }
  *n = static_cast<int32_t>(v);
  return Status();
}

}  // namespace mandelbrot
