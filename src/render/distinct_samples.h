// Whether the double path can tell a view's pixels apart (docs/SEMANTICS.md,
// "Too deep for doubles").
#pragma once

#include "base/status.h"
#include "kernel/kernel.h"
#include "view/view.h"

namespace mandelbrot {

// How far apart, in units in the last place, neighbouring samples of a rotated
// view must lie before the rule below deems them distinct doubles.
inline constexpr double kRotatedSpacingUlps = 32;

// Ok when every two neighbouring samples of params are distinct doubles;
// otherwise too_deep_error(view, ...), naming the first pair that collapses.
// Without rotation this is exact: it computes x_at(j) for every column and
// y_at(i) for every row, as the kernel does, and compares neighbours (O(W + H)).
// With a rotation it is a sufficient condition: the pixel spacing (the smaller
// of (xmax - xmin) / W and (ymax - ymin) / H) must be at least
// kRotatedSpacingUlps units in the last place of M, a bound on the magnitude of
// every value the rotated sample formula computes; see docs/SEMANTICS.md for
// why that guarantees distinct samples.
// REQUIRES: check_kernel_params(params).ok().
Status check_distinct_samples(const KernelParams& params, const View& view);

}  // namespace mandelbrot
