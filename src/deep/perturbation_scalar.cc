// The scalar perturbation loop, one pixel at a time, exactly as
// deep/perturbation.h states it: the reference every SIMD target matches, and
// the only loop of the extended range (FloatExp numbers) and of the channels.
#include <hwy/highway.h>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "deep/perturbation.h"
#include "deep/perturbed_steps-inl.h"
#include "kernel/kernel_channels.h"

namespace mandelbrot {
namespace {

namespace hn = HWY_NAMESPACE;

// What a pixel's orbit gives: its count (deep/perturbation.h) and, when it
// escaped, |z|^2 there and (kDerivative) the derivative D of z by the pixel.
template <class Num>
struct PixelOrbit {
  int32_t count = 0;
  bool escaped = false;
  double modulus_squared = 0;
  Num dr{};
  Num di{};
};

// Whether a double can stand for a FloatExp in the plain step of z^2 + c
// without changing a bit: zero, or a magnitude in [2^-400, 2^400]. With every
// input so, each sum, product and difference of that step and of the check is
// zero or a normal double (at least 2^-904), where FloatExp's operations give
// exactly the double operations' values (deep/float_exp.h).
bool StandsForFloatExp(double x) {
  const double a = std::fabs(x);
  return x == 0 || (a >= 0x1p-400 && a <= 0x1p400);
}

// The same test of a FloatExp itself, before it becomes a double (to_double
// would turn one below the doubles' range into a zero that passes the test).
bool StandsForFloatExp(FloatExp x) {
  return x.m == 0 || (std::isfinite(x.m) && x.e > -400 && x.e <= 400);
}

// Adding d to the double x != 0 in FloatExp gives x itself: d is zero or more
// than 64 binades below x.
bool AddsNothing(double x, FloatExp d) {
  return x != 0 && (d.m == 0 || normalized(x, 0).e - d.e > 64);
}

// The extended range's plain steps of z^2 + c in doubles, for as long as they
// are provably FloatExp's steps bit for bit: from (m, n, dz), while the
// reference values and dz stand for FloatExp (StandsForFloatExp), the check
// passes, no rebase, end of reference or BLA map can apply (|dz| at least the
// table's largest radius), and dc adds nothing to the step (AddsNothing).
// Stops before the step where one of these fails, for the FloatExp loop to
// take it; `count` gets n at each check passed, as there.
template <class Step>
void DoubleSteps(const Step& step, const PerturbationPass& p, FloatExp dcr, FloatExp dci,
                 int64_t* m_io, int32_t* n_io, FloatExp* dzr_io, FloatExp* dzi_io, int32_t* count) {
  if (!StandsForFloatExp(*dzr_io) || !StandsForFloatExp(*dzi_io)) return;
  double dzr = to_double(*dzr_io);
  double dzi = to_double(*dzi_io);
  const double largest_radius = p.bla_x ? to_double(p.bla_x->largest_radius) : 0.0;
  int64_t m = *m_io;
  int32_t n = *n_io;
  while (n < p.iterations) {
    if (!StandsForFloatExp(p.ref_x[2 * m]) || !StandsForFloatExp(p.ref_x[2 * m + 1])) break;
    const double ar = to_double(p.ref_x[2 * m]);
    const double ai = to_double(p.ref_x[2 * m + 1]);
    const hn::PixelCheck<hn::ScalarDeepOps, double> c =
        hn::CheckPixel<hn::ScalarDeepOps>(ar, ai, dzr, dzi);
    if (!hn::ScalarDeepOps::Passes(c.r2, p.bailout_squared) || c.nearer_start) break;
    if ((p.reference_escaped && m == p.last) || (p.bla_x && c.dz_norm < largest_radius)) break;
    const hn::Complex<double> next =
        step.template Step<hn::ScalarDeepOps>(ar, ai, dzr, dzi, 0.0, 0.0);
    if (!AddsNothing(next.re, dcr) || !AddsNothing(next.im, dci) || !StandsForFloatExp(next.re) ||
        !StandsForFloatExp(next.im)) {
      break;
    }
    *count = n;
    dzr = next.re;
    dzi = next.im;
    ++m;
    ++n;
  }
  if (n != *n_io) {
    *dzr_io = to_float_exp(dzr);
    *dzi_io = to_float_exp(dzi);
    *m_io = m;
    *n_io = n;
  }
}

// The loop for numbers Num with operations Ops (hn::ScalarDeepOps for double,
// hn::FloatExpOps for FloatExp), the reference ref (Z_m = ref[2m] + i ref[2m+1]); with kDerivative
// D goes along (deep/perturbation.h), `spacing` being step_x.
template <bool kDerivative, class Ops, class Num, class Step>
PixelOrbit<Num> PerturbPixel(const Step& step, const PerturbationPass& p, const Num* ref,
                             const BlaTable<Num>* bla, Num dcr, Num dci, Num spacing) {
  const Num zero = Ops::Set(0.0);
  Num dzr = zero;
  Num dzi = zero;
  PixelOrbit<Num> orbit{0, false, 0, zero, zero};
  int64_t m = 0;
  // The derivative is not part of the state that repeats.
  const bool periodic = p.periodicity && !kDerivative;
  CycleFinder<Num> cycles;
  for (int32_t n = 0; n < p.iterations;) {
    if constexpr (std::is_same_v<Num, FloatExp> && std::is_same_v<Step, hn::PerturbedSquare> &&
                  !kDerivative) {
      if (p.double_steps) {
        DoubleSteps(step, p, dcr, dci, &m, &n, &dzr, &dzi, &orbit.count);
        if (n >= p.iterations) break;
      }
    }
    Num ar = ref[2 * m];
    Num ai = ref[2 * m + 1];
    const hn::PixelCheck<Ops, Num> check = hn::CheckPixel<Ops>(ar, ai, dzr, dzi);
    const Num zr = check.zr;
    const Num zi = check.zi;
    const Num dz_norm = check.dz_norm;
    if (!Ops::Passes(check.r2, p.bailout_squared)) {
      orbit.escaped = true;
      orbit.modulus_squared = to_double(check.r2);
      return orbit;
    }
    orbit.count = n;
    const bool at_end = p.reference_escaped && m == p.last;
    if (check.nearer_start || (at_end && p.rebase_at_end)) {
      // Rebase onto Z_0 = 0: the whole z becomes the difference.
      dzr = zr;
      dzi = zi;
      m = 0;
      ar = zero;
      ai = zero;
      if (periodic && n >= kCyclesFrom) {
        const int64_t skip = cycles.at_rebase(n, dzr, dzi, p.iterations);
        if (skip > 0 && p.periodic_pixels)
          p.periodic_pixels->fetch_add(1, std::memory_order_relaxed);
        n += static_cast<int32_t>(skip);
        orbit.count = n;
      }
    } else if (at_end) {
      orbit.count = unfinished_count(n);
      return orbit;
    } else if (bla) {
      const typename BlaLevel<Num>::Coefficients* map = nullptr;
      const Num before_r = dzr;
      const Num before_i = dzi;
      const int64_t steps =
          bla_advance(*bla, m, p.iterations - 1 - n, dz_norm, dcr, dci, &dzr, &dzi, &map);
      if (steps > 0) {
        // The checks the map skips pass: its radius keeps z near enough the
        // reference, which passed them (deep/bla_table.h).
        if constexpr (kDerivative) {
          Num sr, si;
          bla_slope(*bla, *map, before_r, before_i, &sr, &si);
          const hn::Complex<Num> d = hn::MapDerivative<Ops>(
              sr, si, map->br, map->bi, hn::Complex<Num>{orbit.dr, orbit.di}, spacing);
          orbit.dr = d.re;
          orbit.di = d.im;
        }
        m += steps;
        n += static_cast<int32_t>(steps);
        orbit.count = n - 1;
        continue;
      }
    }
    if constexpr (kDerivative && Step::kLinear) {
      const hn::Complex<Num> d =
          hn::StepDerivative<Ops, Step>(zr, zi, hn::Complex<Num>{orbit.dr, orbit.di}, spacing);
      orbit.dr = d.re;
      orbit.di = d.im;
    }
    const hn::Complex<Num> next = step.template Step<Ops>(ar, ai, dzr, dzi, dcr, dci);
    dzr = next.re;
    dzi = next.im;
    ++m;
    ++n;
  }
  return orbit;
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

namespace {

// Pixel p's count, and its channels where the pass has them.
template <class Num>
void Store(const PerturbationPass& pass, int64_t p, const PixelOrbit<Num>& orbit, double log_degree,
           int32_t* counts) {
  store_pixel(pass, p, orbit.count, orbit.escaped, orbit.modulus_squared, to_double(orbit.dr),
              to_double(orbit.di), log_degree, counts);
}

template <bool kDerivative, class Step>
void PerturbScalar(const Step& step, const PerturbationPass& pass, const int64_t* pixels,
                   int64_t first, int64_t n, int32_t* counts) {
  const double log_degree = channel_log(static_cast<double>(step_degree(pass.family)));
  for (int64_t k = first; k < first + n; ++k) {
    const int64_t p = pixels ? pixels[k] : k;
    if (pass.extended) {
      FloatExp dcr;
      FloatExp dci;
      Offset<hn::FloatExpOps>(pass, p / pass.width, p % pass.width, pass.step_x_x, pass.step_y_x,
                              &dcr, &dci);
      Store(pass, p,
            PerturbPixel<kDerivative, hn::FloatExpOps>(step, pass, pass.ref_x, pass.bla_x, dcr, dci,
                                                       pass.step_x_x),
            log_degree, counts);
    } else {
      double dcr = 0;
      double dci = 0;
      pixel_offset(pass, p / pass.width, p % pass.width, &dcr, &dci);
      Store(pass, p,
            PerturbPixel<kDerivative, hn::ScalarDeepOps>(step, pass, pass.ref, pass.bla, dcr, dci,
                                                         pass.step_x),
            log_degree, counts);
    }
  }
}

}  // namespace

void perturb_pixels_scalar(const PerturbationPass& pass, const int64_t* pixels, int64_t first,
                           int64_t n, int32_t* counts) {
  hn::VisitPerturbedStep(pass.family, [&](const auto& step) {
    if (pass.distance) {
      PerturbScalar<true>(step, pass, pixels, first, n, counts);
    } else {
      PerturbScalar<false>(step, pass, pixels, first, n, counts);
    }
  });
}

void store_pixel(const PerturbationPass& pass, int64_t p, int32_t count, bool escaped,
                 double modulus_squared, double dr, double di, double log_degree, int32_t* counts) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  counts[p] = count;
  if (pass.smooth) {
    pass.smooth[p] = escaped ? smooth_value(count + 1, modulus_squared, log_degree) : kNaN;
  }
  if (pass.distance) {
    pass.distance[p] = escaped ? distance_value(modulus_squared, dr, di, 1.0) : kNaN;
  }
}

std::string deep_zoom_problem(const Family& family) {
  if (family.julia()) {
    return "the julia family has no deep-zoom method yet (docs/SEMANTICS.md, \"Deep zoom\")";
  }
  return "";
}

}  // namespace mandelbrot
