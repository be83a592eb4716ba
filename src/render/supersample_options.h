// --supersample N (docs/SEMANTICS.md, "Supersampling"): N x N samples per
// pixel, parsed and bounded in one place.
#pragma once

#include <cstdint>

#include "base/status.h"
#include "render/options.h"

namespace mandelbrot {

// The largest N: 256 samples per pixel, 256 times a plain render's time.
inline constexpr int32_t kMaxSupersample = 16;

// Parses --supersample (1 when not given) for an image of width x height
// pixels: a whole number from 1 to kMaxSupersample whose sample grid, N width
// x N height, has sides within kMaxImageSide as an image's have. Otherwise a
// usage error naming the value and what it would cost (samples per pixel,
// times a plain render's time, the grid's size).
// REQUIRES: width and height are valid image sides.
Status parse_supersample(const RenderOptions& o, int32_t width, int32_t height, int32_t* n);

}  // namespace mandelbrot
