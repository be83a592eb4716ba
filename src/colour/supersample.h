// Colouring supersampled images (docs/SEMANTICS.md, "Supersampling"): each
// pixel the linear-light mean of the colours of its n x n samples.
#pragma once

#include <cstdint>

#include "buffer/count_buffer.h"
#include "colour/colour_map.h"

namespace mandelbrot {

// Writes pixel row r of a band of sample rows (3 * band.width() / n bytes):
// the band's rows n r .. n r + n - 1 are coloured by `colours`, as a plain
// image of the samples is (map_band_row), and each n x n block averaged in
// linear light (average_blocks). With n == 1 this is map_band_row(band, r).
// REQUIRES: n >= 1, band.width() a multiple of n, n r + n <= band.rows().
void supersampled_row(const ColourMap& colours, const CountBuffer& band, int n, int32_t r,
                      uint8_t* rgb);

// Writes every pixel row of a band of sample rows (band.rows() / n of them,
// 3 * band.width() / n bytes each) to rgb, rows spread over `threads` threads.
// REQUIRES: as supersampled_row(), band.rows() a multiple of n.
void supersampled_band(const ColourMap& colours, const CountBuffer& band, int n, int threads,
                       uint8_t* rgb);

}  // namespace mandelbrot
