// The option values that several subcommands take (render, bench, and the C
// library's equivalents), checked one way everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"

namespace mandelbrot {

// An integer in [lo, hi]; otherwise an invalid argument naming `option` and the text.
Status parse_ranged(const std::string& text, const char* option, int64_t lo, int64_t hi,
                    int64_t* value);

// --size, --width, --height: 1 to kMaxImageSide pixels.
Status parse_image_side(const std::string& text, const char* option, int32_t* side);

// --iter: 1 to 2^31 - 1.
Status parse_iterations(const std::string& text, int32_t* iterations);

// --threads: 1 to kMaxThreads, or 0 (and when not given) for every core
// OpenMP offers (OMP_NUM_THREADS, else the machine's cores).
Status parse_threads(const std::optional<std::string>& text, int* threads);

}  // namespace mandelbrot
