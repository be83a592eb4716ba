#include "colour/colouring.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace mandelbrot {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<Colouring> parse_colouring(std::string_view name) {
  if (name == "log") return Colouring::kLog;
  if (name == "smooth") return Colouring::kSmooth;
  if (name == "histogram") return Colouring::kHistogram;
  if (name == "distance") return Colouring::kDistance;
  return std::nullopt;
}

std::string_view colouring_name(Colouring colouring) {
  switch (colouring) {
    case Colouring::kSmooth:
      return "smooth";
    case Colouring::kHistogram:
      return "histogram";
    case Colouring::kDistance:
      return "distance";
    case Colouring::kLog:
      break;
  }
  return "log";
}

Channels channels_of(Colouring colouring) {
  return Channels{colouring == Colouring::kSmooth, colouring == Colouring::kDistance};
}

std::optional<Rgb> parse_interior(std::string_view text) {
  if (text == "black") return Rgb{0, 0, 0};
  if (text == "white") return Rgb{255, 255, 255};
  return parse_hex_colour(text);
}

std::optional<Rgb> parse_hex_colour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  Rgb colour{};
  for (int k = 0; k < 3; ++k) {
    const int high = hex_digit(text[1 + 2 * k]);
    const int low = hex_digit(text[2 + 2 * k]);
    if (high < 0 || low < 0) return std::nullopt;
    colour[static_cast<size_t>(k)] = static_cast<uint8_t>(16 * high + low);
  }
  return colour;
}

std::string interior_name(Rgb colour) { return hex_colour_name(colour); }

std::string hex_colour_name(Rgb colour) {
  return fmt::format("#{:02x}{:02x}{:02x}", colour[0], colour[1], colour[2]);
}

void SmoothRange::add(std::span<const int32_t> counts, std::span<const double> smooth,
                      int32_t iterations) {
  const int32_t inside = iterations - 1;
  for (size_t i = 0; i < counts.size(); ++i) {
    const double v = smooth[i];
    if (counts[i] == inside || !std::isfinite(v)) continue;
    if (low > high) {
      low = high = v;
    } else {
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
}

void SmoothRange::merge(const SmoothRange& other) {
  if (other.low > other.high) return;
  if (low > high) {
    *this = other;
    return;
  }
  low = std::min(low, other.low);
  high = std::max(high, other.high);
}

SmoothScale smooth_scale(SmoothRange range) {
  if (!(range.high > range.low)) return SmoothScale{range.low, 0.0};
  return SmoothScale{range.low, std::log((range.high - range.low) + 1.0)};
}

int table_index(double x, int size) {
  if (!(x > 0)) return 0;  // NaN as well
  return std::min(size - 1, static_cast<int>(std::min(x, 1.0) * size));
}

int smooth_index(double v, SmoothScale scale, int size) {
  if (!(scale.top > 0) || !std::isfinite(v)) return 0;
  return table_index(std::log((v - scale.low) + 1.0) / scale.top, size);
}

int distance_index(double e, int size) {
  if (!(e >= 0)) return 0;
  return table_index(1.0 - 4.0 / (e + 4.0), size);
}

double cycle_position(double v, double period, double offset) {
  const double u = (v + offset * period) / period;
  if (!std::isfinite(u)) return 0.0;  // v not finite, or a period so small u overflows
  return u - std::floor(u);
}

CountHistogram::CountHistogram(int32_t iterations)
    : iterations_(iterations), bins_(static_cast<size_t>(std::max(iterations, 1))) {}

void CountHistogram::add(std::span<const int32_t> counts) {
  const int32_t inside = iterations_ - 1;
  for (const int32_t c : counts) {
    if (c >= 0 && c < inside) ++bins_[static_cast<size_t>(c)];
  }
}

std::vector<uint16_t> CountHistogram::indices(int size) const {
  int64_t escaped = 0;
  for (const int64_t n : bins_) escaped += n;
  std::vector<uint16_t> out(bins_.size(), 0);
  int64_t below = 0;
  for (size_t c = 0; c < bins_.size(); ++c) {
    below += bins_[c];
    if (escaped > 0) {
      out[c] = static_cast<uint16_t>(
          table_index(static_cast<double>(below) / static_cast<double>(escaped), size));
    }
  }
  return out;
}

}  // namespace mandelbrot
