// The scalar perturbation loop, one pixel at a time, exactly as
// deep/perturbation.h states it: the reference every SIMD target matches, and
// the only loop of the extended range (FloatExp numbers).
#include <hwy/highway.h>

#include <cmath>
#include <string>

#include "deep/perturbation.h"
#include "deep/perturbed_steps-inl.h"

namespace mandelbrot {
namespace {

namespace hn = HWY_NAMESPACE;

// The loop for numbers Num with operations Ops (hn::ScalarDeepOps for double,
// hn::FloatExpOps for FloatExp), the reference ref_re/ref_im.
template <class Ops, class Num, class Step>
int32_t PerturbPixel(const Step& step, const PerturbationPass& p, const Num* ref_re,
                     const Num* ref_im, Num dcr, Num dci) {
  const Num zero = Ops::Set(0.0);
  Num dzr = zero;
  Num dzi = zero;
  int64_t m = 0;
  int32_t count = 0;
  for (int32_t n = 0; n < p.iterations; ++n) {
    Num ar = ref_re[m];
    Num ai = ref_im[m];
    const Num zr = Ops::Add(ar, dzr);
    const Num zi = Ops::Add(ai, dzi);
    const Num r2 = Ops::Add(Ops::Mul(zr, zr), Ops::Mul(zi, zi));
    if (!Ops::Passes(r2, p.bailout_squared)) return count;
    count = n;
    const bool at_end = p.reference_escaped && m == p.last;
    // |z| < |dz| in the 1-norm, which no square can underflow (deep/perturbation.h).
    const bool nearer_start =
        Ops::Less(Ops::Add(Ops::Abs(zr), Ops::Abs(zi)), Ops::Add(Ops::Abs(dzr), Ops::Abs(dzi)));
    if (nearer_start || (at_end && p.rebase_at_end)) {
      // Rebase onto Z_0 = 0: the whole z becomes the difference.
      dzr = zr;
      dzi = zi;
      m = 0;
      ar = zero;
      ai = zero;
    } else if (at_end) {
      return unfinished_count(n);
    }
    const hn::Complex<Num> next = step.template Step<Ops>(ar, ai, dzr, dzi, dcr, dci);
    dzr = next.re;
    dzi = next.im;
    ++m;
  }
  return count;
}

// The offset of pixel (row, column) in the extended range.
void pixel_offset_extended(const PerturbationPass& pass, int64_t row, int64_t column, FloatExp* dcr,
                           FloatExp* dci) {
  const FloatExp x = to_float_exp(static_cast<double>(column) - pass.ref_col) * pass.step_x_x;
  const FloatExp y = to_float_exp(pass.ref_row - static_cast<double>(row)) * pass.step_y_x;
  *dcr = x * to_float_exp(pass.cos) - y * to_float_exp(pass.sin);
  *dci = x * to_float_exp(pass.sin) + y * to_float_exp(pass.cos);
}

}  // namespace

void pixel_offset(const PerturbationPass& pass, int64_t row, int64_t column, double* dcr,
                  double* dci) {
  const double x = (static_cast<double>(column) - pass.ref_col) * pass.step_x;
  const double y = (pass.ref_row - static_cast<double>(row)) * pass.step_y;
  *dcr = x * pass.cos - y * pass.sin;
  *dci = x * pass.sin + y * pass.cos;
}

void perturb_pixels_scalar(const PerturbationPass& pass, const int64_t* pixels, int64_t first,
                           int64_t n, int32_t* counts) {
  hn::VisitPerturbedStep(pass.family, [&](const auto& step) {
    for (int64_t k = first; k < first + n; ++k) {
      const int64_t p = pixels ? pixels[k] : k;
      if (pass.extended) {
        FloatExp dcr;
        FloatExp dci;
        pixel_offset_extended(pass, p / pass.width, p % pass.width, &dcr, &dci);
        counts[p] =
            PerturbPixel<hn::FloatExpOps>(step, pass, pass.ref_re_x, pass.ref_im_x, dcr, dci);
      } else {
        double dcr = 0;
        double dci = 0;
        pixel_offset(pass, p / pass.width, p % pass.width, &dcr, &dci);
        counts[p] = PerturbPixel<hn::ScalarDeepOps>(step, pass, pass.ref_re, pass.ref_im, dcr, dci);
      }
    }
  });
}

std::string deep_zoom_problem(const Family& family) {
  if (family.julia()) {
    return "the julia family has no deep-zoom method yet (docs/SEMANTICS.md, \"Deep zoom\")";
  }
  return "";
}

}  // namespace mandelbrot
