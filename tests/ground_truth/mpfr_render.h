// The ground truth for deep zoom: a brute-force renderer that iterates every
// pixel naively in MPFR at one working precision, with no perturbation, no
// approximation and no shortcut (docs/SEMANTICS.md, "Counts", "Families",
// "Views"). It shares no code with the program's renderers beyond the checks of
// view/decimal.h, so the program's results can be compared against it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// The most bits of working precision mpfr_render() accepts or chooses (about
// 315,000 decimal digits: a radius near 1e-315000).
inline constexpr long kMaxMpfrPrecisionBits = long{1} << 20;
// The most pixels one mpfr_render() computes (the counts are held in memory).
inline constexpr int64_t kMaxMpfrPixels = int64_t{1} << 26;

// One render: the view as decimal strings (X, Y, R as docs/SEMANTICS.md, "Views",
// reads them), the image size, the iteration count, the bailout B, the family
// ("mandelbrot", "multibrot" with `power` in 2..8, "burning-ship", "tricorn"),
// the working precision in bits (0: auto_mpfr_precision()) and the threads
// (0: OpenMP's default). The counts do not depend on the threads. An angle A in
// degrees (empty: none) turns every sample about the centre, counter-clockwise
// (docs/SEMANTICS.md, "Rotation"); A is read as the double path reads it, rounded
// to a double, and its cosine and sine are then correctly rounded at the
// working precision (MPFR's mpfr_cosu and mpfr_sinu).
struct MpfrRenderRequest {
  std::string center_x = "-0.5";
  std::string center_y = "0";
  std::string radius = "1.5";
  std::string angle;
  int32_t width = 32;
  int32_t height = 32;
  int32_t iterations = 100;
  double bailout = 10;
  std::string family = "mandelbrot";
  int power = 2;
  long precision_bits = 0;
  int threads = 0;
  // Also the channels (docs/SEMANTICS.md, "Channels"): the smooth value, and
  // for the holomorphic families (mandelbrot, multibrot) the distance estimate.
  bool channels = false;
};

// The counts, row-major (row 0 is the top, as docs/SEMANTICS.md, "Sampling"),
// and the precision they were computed at.
struct MpfrRenderResult {
  std::vector<int32_t> counts;
  long precision_bits = 0;
  // With request.channels, row-major as counts, NaN where the point did not
  // escape (and distance empty for the burning ship and the tricorn): with e the
  // step whose check failed and z_e its value, computed at the working precision
  // and rounded to double at the end,
  //   smooth = (e + 1) - log(0.5 log |z_e|^2) / log d,
  //   distance = |z_e| log|z_e| / |dz_e/dc| / (2R/H),
  // dz/dc from 0 by dz = d z^(d-1) dz + 1 before each step (d the power).
  std::vector<double> smooth;
  std::vector<double> distance;
};

// The automatic working precision of a request, in bits:
//
//   bits = (e_M - e_s) + 64 + ceil(log2(iterations))
//
// where 2^e_M bounds every value the render computes with (|X| + |Y| + the
// view's half-diagonal + B, rounded up to a power of two) and 2^e_s is the pixel
// spacing 2R/H (rounded down to a power of two). Why this is enough:
// - Sample points. Each one is X + R(2j - W)/H computed with three roundings of
//   relative error 2^-bits on values below 2^e_M, so it is within
//   2^(e_M + 2 - bits) <= 2^(e_s - 62) of its exact value: neighbouring points
//   (2^e_s apart or more) stay separated 2^60 times over.
// - Orbits. A rounding at step k moves z by about 2^(e_M - bits), and later
//   steps amplify that as they amplify a change of c (|dz_n/dz_k| is about
//   |dz_n/dc| or less); a count that the pixel grid resolves at all changes by
//   at most a few iterations when c moves by a pixel, so each rounding ends up
//   about 2^-64 of a pixel's effect, and the sum of `iterations` of them still
//   about 2^-64 after the log2(iterations) extra bits: some 60 correct bits
//   where they matter. This is an argument, not a proof; the tests check it by
//   rendering again at 64 more bits and finding the same counts.
// REQUIRES: check_mpfr_render_request(request).ok() (the precision is ignored).
long auto_mpfr_precision(const MpfrRenderRequest& request);

// Ok when the request can be rendered: X, Y and R decimals (docs/SEMANTICS.md,
// "Views") within MPFR's exponent range and R > 0, 1 <= width, height, at most
// kMaxMpfrPixels pixels, an empty angle or a decimal within the range of
// doubles, iterations >= 1, a finite bailout > 0, a known family
// and power, and precision_bits 0 or in [2, kMaxMpfrPrecisionBits]. Otherwise an
// invalid argument naming the value.
Status check_mpfr_render_request(const MpfrRenderRequest& request);

// Renders the request: for the pixel in row i, column j, the sample point
// Re c = X + R(2j - W)/H, Im c = Y + R(H - 2i)/H, computed from X, Y and R read at
// the working precision (each rounded to nearest), or with an angle, with
// u = R(2j - W)/H and v = R(H - 2i)/H, Re c = X + (u cos A - v sin A) and
// Im c = Y + (u sin A + v cos A); and its count as
// docs/SEMANTICS.md, "Counts" and "Families" define it, every operation one MPFR
// operation at the working precision, rounded to nearest, in the documented
// order. B*B is the double nearest to B*B, as the contract computes it.
// At 53 bits the operations are exactly IEEE double's (MPFR has a wider exponent
// range, so the two differ only where doubles overflow, underflow or go
// subnormal). An invalid request gives check_mpfr_render_request()'s error and
// leaves `result` unchanged.
Status mpfr_render(const MpfrRenderRequest& request, MpfrRenderResult* result);

}  // namespace mandelbrot
