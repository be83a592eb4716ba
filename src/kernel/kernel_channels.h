// The continuous channels of a render (docs/SEMANTICS.md, "Channels"): the
// smooth escape value and the distance estimate, computed after the counts by
// a loop over the row's escaped points, exactly as the contract writes them:
// the scalar loop here, and one per SIMD target (kernel_channels_simd.cc, reached
// through Kernel::channel_row) that computes the same doubles.
#pragma once

#include <cstdint>
#include <string>

#include "buffer/count_buffer.h"
#include "kernel/kernel.h"

namespace mandelbrot {

// The bailout a render uses when the smooth channel is wanted and --bailout
// was not given: 2^8, so that the bands of the smooth value join up
// (docs/SEMANTICS.md, "Channels").
inline constexpr double kSmoothBailout = 256.0;

// What keeps `channels` from being computed for params, if anything (an empty
// string when they can be): the channels need a bailout of at least 2 (log log
// |z| must be defined), and the distance estimate a family whose step is
// holomorphic (mandelbrot, julia, multibrot), one sentence naming the value.
std::string channels_problem(const KernelParams& params, Channels channels);

// The degree d of the family's step: the multibrot power, else 2.
int32_t step_degree(const Family& family);

// The natural logarithm that every channel uses (kernel/channel_formulas-inl.h:
// fdlibm's algorithm with IEEE operations only, so the same double on every
// target and machine, within 1 ulp of the exact value).
// REQUIRES: x is a positive normal double, +inf or NaN.
double channel_log(double x);

// The smooth value of a point that escaped at index `escape` (the first n with
// |z_n| > bailout) with x2 + y2 = |z_escape|^2 = `modulus_squared`, given
// log_degree = log(degree):
//   (escape + 1) - log(0.5 * log(modulus_squared)) / log_degree.
double smooth_value(int32_t escape, double modulus_squared, double log_degree);

// The distance estimate in pixels of a point that escaped with |z|^2 =
// modulus_squared and derivative (dzr, dzi), for pixels `pixel` wide:
//   |z| * log|z| / |dz| / pixel, with |z| = sqrt(modulus_squared),
//   log|z| = 0.5 * channel_log(modulus_squared) and |dz| = sqrt(dzr^2 + dzi^2).
double distance_value(double modulus_squared, double dzr, double dzi, double pixel);

// The width of a pixel in the complex plane: (xmax - xmin) / full_width().
double pixel_width(const KernelParams& params);

// Computes the channels out has (non-null) of row `row` of params from its
// counts, which out.counts already holds (from any kernel: they are the same):
// NaN where the count is iterations - 1 (the point is inside), else the
// point's orbit is iterated again to its escape. The scalar loop; every SIMD
// target's channel row (Kernel::channel_row) gives the same doubles.
// REQUIRES: check_kernel_params(params).ok(), channels_problem(params, the
// channels out has) empty, 0 <= row < height, out.counts the row's counts.
void channel_row(const KernelParams& params, int32_t row, const RowOut& out);

}  // namespace mandelbrot
