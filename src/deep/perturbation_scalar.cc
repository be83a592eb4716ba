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
                     const Num* ref_im, const BlaTable<Num>* bla, Num dcr, Num dci) {
  const Num zero = Ops::Set(0.0);
  Num dzr = zero;
  Num dzi = zero;
  int64_t m = 0;
  int32_t count = 0;
  for (int32_t n = 0; n < p.iterations;) {
    Num ar = ref_re[m];
    Num ai = ref_im[m];
    const Num zr = Ops::Add(ar, dzr);
    const Num zi = Ops::Add(ai, dzi);
    const Num r2 = Ops::Add(Ops::Mul(zr, zr), Ops::Mul(zi, zi));
    if (!Ops::Passes(r2, p.bailout_squared)) return count;
    count = n;
    const bool at_end = p.reference_escaped && m == p.last;
    // |z| < |dz| in the 1-norm, which no square can underflow (deep/perturbation.h).
    const Num dz_norm = Ops::Add(Ops::Abs(dzr), Ops::Abs(dzi));
    const bool nearer_start = Ops::Less(Ops::Add(Ops::Abs(zr), Ops::Abs(zi)), dz_norm);
    if (nearer_start || (at_end && p.rebase_at_end)) {
      // Rebase onto Z_0 = 0: the whole z becomes the difference.
      dzr = zr;
      dzi = zi;
      m = 0;
      ar = zero;
      ai = zero;
    } else if (at_end) {
      return unfinished_count(n);
    } else if (bla) {
      const int64_t steps =
          bla_advance(*bla, m, p.iterations - 1 - n, dz_norm, dcr, dci, &dzr, &dzi);
      if (steps > 0) {
        // The checks the map skips pass: z stays within 2^-64 |Z| of the
        // reference, which passed them (docs/SEMANTICS.md, "Deep zoom").
        m += steps;
        n += static_cast<int32_t>(steps);
        count = n - 1;
        continue;
      }
    }
    const hn::Complex<Num> next = step.template Step<Ops>(ar, ai, dzr, dzi, dcr, dci);
    dzr = next.re;
    dzi = next.im;
    ++m;
    ++n;
  }
  return count;
}

// The offset of pixel (row, column) from the pass's reference point, with the
// spacings step_x, step_y of the number type Ops computes (deep/perturbation.h):
// the one formula for doubles and for the extended range.
template <class Ops, class Num>
void Offset(const PerturbationPass& pass, int64_t row, int64_t column, Num step_x, Num step_y,
            Num* dcr, Num* dci) {
  const Num x =
      Ops::Mul(Ops::Set(static_cast<double>(pass.column_offset + column) - pass.ref_col), step_x);
  const Num y =
      Ops::Mul(Ops::Set(pass.ref_row - static_cast<double>(pass.row_offset + row)), step_y);
  const Num cos = Ops::Set(pass.cos);
  const Num sin = Ops::Set(pass.sin);
  *dcr = Ops::Sub(Ops::Mul(x, cos), Ops::Mul(y, sin));
  *dci = Ops::Add(Ops::Mul(x, sin), Ops::Mul(y, cos));
}

}  // namespace

void pixel_offset(const PerturbationPass& pass, int64_t row, int64_t column, double* dcr,
                  double* dci) {
  Offset<hn::ScalarDeepOps>(pass, row, column, pass.step_x, pass.step_y, dcr, dci);
}

void perturb_pixels_scalar(const PerturbationPass& pass, const int64_t* pixels, int64_t first,
                           int64_t n, int32_t* counts) {
  hn::VisitPerturbedStep(pass.family, [&](const auto& step) {
    for (int64_t k = first; k < first + n; ++k) {
      const int64_t p = pixels ? pixels[k] : k;
      if (pass.extended) {
        FloatExp dcr;
        FloatExp dci;
        Offset<hn::FloatExpOps>(pass, p / pass.width, p % pass.width, pass.step_x_x, pass.step_y_x,
                                &dcr, &dci);
        counts[p] = PerturbPixel<hn::FloatExpOps>(step, pass, pass.ref_re_x, pass.ref_im_x,
                                                  pass.bla_x, dcr, dci);
      } else {
        double dcr = 0;
        double dci = 0;
        pixel_offset(pass, p / pass.width, p % pass.width, &dcr, &dci);
        counts[p] = PerturbPixel<hn::ScalarDeepOps>(step, pass, pass.ref_re, pass.ref_im, pass.bla,
                                                    dcr, dci);
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
