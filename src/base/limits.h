// Limits shared by every subcommand and the C library, so that one value is
// accepted or refused the same way everywhere.
#pragma once

#include <cstdint>

namespace mandelbrot {

// Largest accepted width or height. Larger images are refused before anything
// is allocated.
inline constexpr int64_t kMaxImageSide = int64_t{1} << 20;

// The most threads a render may ask for.
inline constexpr int kMaxThreads = 1024;

}  // namespace mandelbrot
