// The scalar perturbation loop, one pixel at a time, exactly as
// deep/perturbation.h states it; the reference every SIMD target matches.
#include <hwy/highway.h>

#include <fmt/format.h>

#include <cmath>

#include "deep/perturbation.h"
#include "deep/perturbed_steps-inl.h"

namespace mandelbrot {
namespace {

namespace hn = HWY_NAMESPACE;

template <class Step>
int32_t PerturbPixel(const Step& step, const PerturbationPass& p, double dcr, double dci) {
  double dzr = 0;
  double dzi = 0;
  int64_t m = 0;
  int32_t count = 0;
  for (int32_t n = 0; n < p.iterations; ++n) {
    double ar = p.ref_re[m];
    double ai = p.ref_im[m];
    const double zr = ar + dzr;
    const double zi = ai + dzi;
    const double r2 = zr * zr + zi * zi;
    if (!(r2 <= p.bailout_squared)) return count;
    count = n;
    const bool at_end = p.reference_escaped && m == p.last;
    // |z| < |dz| in the 1-norm, which no square can underflow (deep/perturbation.h).
    const bool nearer_start = std::fabs(zr) + std::fabs(zi) < std::fabs(dzr) + std::fabs(dzi);
    if (nearer_start || (at_end && p.rebase_at_end)) {
      // Rebase onto Z_0 = 0: the whole z becomes the difference.
      dzr = zr;
      dzi = zi;
      m = 0;
      ar = 0;
      ai = 0;
    } else if (at_end) {
      return unfinished_count(n);
    }
    const hn::Complex<double> next =
        step.template Step<hn::ScalarDeepOps>(ar, ai, dzr, dzi, dcr, dci);
    dzr = next.re;
    dzi = next.im;
    ++m;
  }
  return count;
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
      double dcr = 0;
      double dci = 0;
      pixel_offset(pass, p / pass.width, p % pass.width, &dcr, &dci);
      counts[p] = PerturbPixel(step, pass, dcr, dci);
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
