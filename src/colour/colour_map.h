// ColourMap: from iteration counts to 8-bit RGB pixels.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "buffer/count_buffer.h"

namespace mandelbrot {

enum class ColourMapKind {
  kHot,   // black -> red -> yellow -> white, like matplotlib's "hot"
  kGray,  // black -> white
};

// "hot" or "gray" (also "grey"); nullopt for anything else.
std::optional<ColourMapKind> parse_colour_map(std::string_view name);
std::string_view colour_map_name(ColourMapKind kind);

using Rgb = std::array<uint8_t, 3>;

// The colour at position t in [0, 1] of the ramp (t is clamped).
Rgb colour_ramp(ColourMapKind kind, double t);

// Maps a count in [0, iterations) to colour_ramp(kind, t) with
//   t = 1 when count == iterations - 1 (inside: white),
//   t = 0 when count == 0 (escaped at once: black),
//   t = log(count) / log(iterations - 1) otherwise.
// Counts outside [0, iterations) are clamped into it. Deterministic: the same
// count always gives the same colour.
class ColourMap {
 public:
  // REQUIRES: iterations >= 1.
  ColourMap(ColourMapKind kind, int32_t iterations);

  Rgb operator()(int32_t count) const;
  // Writes 3 * n bytes (R, G, B per pixel) to rgb.
  void map_row(const int32_t* counts, size_t n, uint8_t* rgb) const;
  // Maps every row of a band to rgb (3 * width bytes per row), rows spread over
  // `threads` threads.
  void map_band(const CountBuffer& band, int threads, uint8_t* rgb) const;

 private:
  Rgb compute(int32_t count) const;

  ColourMapKind kind_;
  int32_t iterations_;
  std::vector<Rgb> table_;  // one entry per count, when iterations is small enough
  // The same colours as 4-byte words (R, G, B, 0 in memory order), so that a
  // pixel is one 4-byte store that the next pixel's store overlaps.
  std::vector<uint32_t> words_;
};

}  // namespace mandelbrot
