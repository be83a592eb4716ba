// sRGB and linear light (docs/SEMANTICS.md, "Supersampling"): the standard
// sRGB transfer function both ways on 8-bit values, and the mean of blocks of
// colours in linear light.
#pragma once

#include <cstdint>

namespace mandelbrot {

// The linear-light value of an 8-bit sRGB component v: with c = v / 255,
// c / 12.92 when c <= 0.04045, else ((c + 0.055) / 1.055)^2.4, in IEEE double
// with the C library's pow.
double srgb_to_linear(uint8_t v);

// The 8-bit sRGB component of a linear-light value l: the number of k in
// 0 .. 254 whose midpoint srgb_midpoint(k) is at most l. This is
// round(255 * encode(l)), halves up, with encode the inverse of the transfer
// function, decided by comparisons only; linear_to_srgb(srgb_to_linear(v)) == v.
uint8_t linear_to_srgb(double linear);

// The linear-light value halfway between sRGB codes k and k + 1: the transfer
// function at c = (k + 0.5) / 255. REQUIRES: 0 <= k <= 254.
double srgb_midpoint(int k);

// Averages blocks of n x n colours in linear light. `samples` holds n rows,
// one after another, each of n * width RGB pixels (3 bytes); out gets `width`
// RGB pixels: per channel, pixel j is linear_to_srgb(sum / (n * n)), the sum
// of srgb_to_linear() over the samples of rows 0 .. n-1 and columns n j ..
// n j + n - 1, added row by row, left to right, in double.
// REQUIRES: 1 <= n <= 256, width >= 1.
void average_blocks(const uint8_t* samples, int n, int32_t width, uint8_t* out);

}  // namespace mandelbrot
