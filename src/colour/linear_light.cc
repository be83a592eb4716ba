#include "colour/linear_light.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace mandelbrot {
namespace {

// The transfer function at c in [0, 1] (docs/SEMANTICS.md, "Supersampling").
double decode(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

// Both tables are constants, computed once on first use.
const std::array<double, 256>& linear_table() {
  static const std::array<double, 256> table = [] {
    std::array<double, 256> t{};
    for (int v = 0; v < 256; ++v) t[static_cast<size_t>(v)] = decode(v / 255.0);
    return t;
  }();
  return table;
}

const std::array<double, 255>& midpoint_table() {
  static const std::array<double, 255> table = [] {
    std::array<double, 255> t{};
    for (int k = 0; k < 255; ++k) t[static_cast<size_t>(k)] = decode((k + 0.5) / 255.0);
    return t;
  }();
  return table;
}

}  // namespace

double srgb_to_linear(uint8_t v) { return linear_table()[v]; }

double srgb_midpoint(int k) { return midpoint_table()[static_cast<size_t>(k)]; }

uint8_t linear_to_srgb(double linear) {
  const std::array<double, 255>& midpoints = midpoint_table();
  // The midpoints rise, so those at most `linear` are a prefix.
  const auto end = std::upper_bound(midpoints.begin(), midpoints.end(), linear);
  return static_cast<uint8_t>(end - midpoints.begin());
}

void average_blocks(const uint8_t* samples, int n, int32_t width, uint8_t* out) {
  const std::array<double, 256>& linear = linear_table();
  const size_t row_bytes = static_cast<size_t>(n) * static_cast<size_t>(width) * 3;
  const double count = static_cast<double>(n) * n;
  for (int32_t j = 0; j < width; ++j) {
    double sum[3] = {0, 0, 0};
    for (int a = 0; a < n; ++a) {
      const uint8_t* p = samples + static_cast<size_t>(a) * row_bytes +
                         static_cast<size_t>(j) * static_cast<size_t>(n) * 3;
      for (int b = 0; b < n; ++b, p += 3) {
        for (int ch = 0; ch < 3; ++ch) sum[ch] += linear[p[ch]];
      }
    }
    for (int ch = 0; ch < 3; ++ch) {
      out[static_cast<size_t>(j) * 3 + static_cast<size_t>(ch)] = linear_to_srgb(sum[ch] / count);
    }
  }
}

}  // namespace mandelbrot
