// How many threads a render is worth starting (docs/PERFORMANCE.md).
#pragma once

#include "kernel/kernel.h"

namespace mandelbrot {

// At most `threads`, and no more than the work can use: one per row, and one
// per 2^22 pixel-iterations at most (about a millisecond of exact work per
// core), since starting a thread costs a few hundred microseconds on the CI
// machine. The counts are the same for any number. REQUIRES: threads >= 1.
int threads_worth_starting(const KernelParams& k, int threads);

// The same for the encoder of a held image: one thread per 4 MiB of pixels
// (3 bytes each), so that a small image is not encoded in a parallel region
// whose idle threads spin for milliseconds. REQUIRES: threads >= 1.
int encoder_threads_worth_starting(const KernelParams& k, int threads);

}  // namespace mandelbrot
