// Building the BLA tables (deep/bla_table.h): single steps from the reference
// orbit and the family's derivative, merged pairwise level by level.
#include <hwy/highway.h>

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>

#include "deep/bla_table.h"
#include "deep/perturbed_steps-inl.h"

namespace mandelbrot {
namespace {

namespace hn = HWY_NAMESPACE;

bool finite(double a) { return std::isfinite(a); }
bool finite(FloatExp a) { return is_finite(a); }

// One map: z -> A z + C z^2 + B dc, valid for |z| < r (C = 0 in linear tables).
template <class Num>
struct Map {
  Num ar, ai, br, bi, r;
  Num cr{}, ci{};
};

// The coefficients A = A_y A_x and B = A_y B_x + B_y of y after x, which linear
// and quadratic maps share.
template <class Ops, class Num>
Map<Num> compose(const Map<Num>& x, const Map<Num>& y) {
  const hn::Complex<Num> ya{y.ar, y.ai};
  const hn::Complex<Num> a = hn::ComplexMul<Ops>(ya, hn::Complex<Num>{x.ar, x.ai});
  const hn::Complex<Num> yb = hn::ComplexMul<Ops>(ya, hn::Complex<Num>{x.br, x.bi});
  Map<Num> z;
  z.ar = a.re;
  z.ai = a.im;
  z.br = Ops::Add(yb.re, y.br);
  z.bi = Ops::Add(yb.im, y.bi);
  return z;
}

bool not_a_number(double a) { return std::isnan(a); }
bool not_a_number(FloatExp a) { return std::isnan(a.m); }

using std::abs;

// Bounds of a complex number's modulus: the 1-norm above, the larger part below.
template <class Num>
Num upper(Num re, Num im) {
  return abs(re) + abs(im);
}
template <class Num>
Num lower(Num re, Num im) {
  return bla_less(abs(re), abs(im)) ? abs(im) : abs(re);
}

// The smaller of r and q, and NaN when q is NaN (then the map is not usable).
template <class Num>
Num lowest(Num r, Num q) {
  return bla_less(q, r) || not_a_number(q) ? q : r;
}

// a <= b, false when either is NaN.
template <class Num>
bool at_most(Num a, Num b) {
  return !bla_less(b, a) && !not_a_number(a) && !not_a_number(b);
}

// The square root of m 2^e from the root of m 2^(e mod 2), so that a double and
// a FloatExp of the same value give the same root; correctly rounded, as
// std::sqrt is, so the same on every machine.
FloatExp square_root(FloatExp a) {
  if (a.m == 0 || !std::isfinite(a.m) || a.m < 0) return {std::sqrt(a.m), a.e};
  const int64_t q = a.e >= 0 ? a.e / 2 : -((-a.e + 1) / 2);
  return normalized(std::sqrt(a.m * static_cast<double>(int64_t{1} << (a.e - 2 * q))), q);
}
double square_root(double a) { return to_double(square_root(to_float_exp(a))); }

// A power of two at most the cube root of a > 0: 2^floor((e - 1) / 3) for
// a = m 2^e, 0.5 <= m < 1 (the C library's cbrt is not the same on every machine;
// the bound it serves seldom decides a radius).
FloatExp cube_root_below(FloatExp a) {
  if (a.m <= 0 || !std::isfinite(a.m)) return {std::sqrt(a.m), a.e};  // 0, NaN, or inf
  const int64_t e = a.e - 1;
  const int64_t q = e >= 0 ? e / 3 : -((-e + 2) / 3);
  return {0.5, q + 1};
}
double cube_root_below(double a) { return to_double(cube_root_below(to_float_exp(a))); }

// The sum over k = 3 .. d of C(d, k) 4^(3-k): with |dz| <= |Z| / 4 the terms
// of degree k >= 3 of the step of z^d + c are at most this times
// |Z|^(d-3) |dz|^3 (each next one at most (d - k) / (4 (k + 1)) of the last).
constexpr double remainder_sum(int32_t d) {
  double sum = 0;
  double quarter = 1;  // 4^(3-k)
  for (int32_t k = 3; k <= d; ++k) {
    sum += hn::kBinomial[d][k] * quarter;
    quarter /= 4;
  }
  return sum;
}

// The quadratic single step from Z_m: dz' = A dz + C dz^2 + dc + R(dz), with
// A the step's derivative, C its second coefficient, B = 1, and R the terms of
// degree 3 and more (none for z^2 + c, whose map is exact). Its radius keeps
// the checks the map skips passing (deep/bla_table.h): |dz| < max(|Zr|, |Zi|)
// / 4 cannot rebase, and |Zr| + |Zi| + |dz| <= bailout cannot escape; for
// z^d + c, d > 2, also |R| <= kBlaEpsilon / 4 |A| |dz|, which by
// remainder_sum holds for r^2 |Z|^(d-3) remainder_sum(d) <= kBlaEpsilon / 4 |A|.
template <class Ops, class Step, class Num>
Map<Num> quadratic_step(Num zr, Num zi, double bailout) {
  const Num zero = Ops::Set(0.0);
  const hn::Complex<Num> a = Step::template Derivative<Ops>(zr, zi);
  const hn::Complex<Num> c = Step::template SecondCoefficient<Ops>(zr, zi);
  Map<Num> m{a.re, a.im, Ops::Set(1.0), zero, zero, c.re, c.im};
  m.r = lowest(Ops::Set(0.25) * lower(zr, zi), Ops::Set(bailout) - upper(zr, zi));
  if constexpr (Step::kDegree > 2) {
    const Num z = upper(zr, zi);
    Num z_power = Ops::Set(remainder_sum(Step::kDegree));
    for (int32_t j = 3; j < Step::kDegree; ++j) z_power = z_power * z;
    m.r = lowest(m.r, square_root(Ops::Set(0.25 * kBlaEpsilon) * (lower(a.re, a.im) / z_power)));
  }
  if (!Ops::Positive(m.r) || !finite(m.r)) m.r = zero;
  return m;
}

// y after x for quadratic maps, dropping from C_y u^2, u = A_x x + C_x x^2 + B_x dc,
// all but C_y A_x^2 x^2 (deep/bla_table.h has the bounds this checks).
template <class Ops, class Num>
Map<Num> merge_quadratic(const Map<Num>& x, const Map<Num>& y, Num o) {
  const Num zero = Ops::Set(0.0);
  const Num two = Ops::Set(2.0);
  const Num epsilon = Ops::Set(kBlaEpsilon);
  Map<Num> z = compose<Ops>(x, y);
  // C = A_y C_x + C_y A_x^2.
  const hn::Complex<Num> xa{x.ar, x.ai};
  const hn::Complex<Num> yc = hn::ComplexMul<Ops>(hn::Complex<Num>{y.ar, y.ai}, {x.cr, x.ci});
  const hn::Complex<Num> ca =
      hn::ComplexMul<Ops>(hn::Complex<Num>{y.cr, y.ci}, hn::ComplexMul<Ops>(xa, xa));
  z.cr = Ops::Add(yc.re, ca.re);
  z.ci = Ops::Add(yc.im, ca.im);
  const Num ax = upper(x.ar, x.ai);
  const Num bx = upper(x.br, x.bi);
  const Num cx = upper(x.cr, x.ci);
  const Num cy = upper(y.cr, y.ci);
  // Containment: |A_x| r + |C_x| r^2 + |B_x| o < R_y.
  const Num t = y.r - bx * o;
  Num r = x.r;
  if (!Ops::Positive(t)) {
    r = zero;
  } else if (Ops::Positive(cx)) {
    r = lowest(r, two * t / (ax + square_root(ax * ax + Ops::Set(4.0) * cx * t)));
  } else {
    r = lowest(r, t / ax);
  }
  // Each dropped term at most a quarter of kBlaEpsilon |A_y| |A_x| |x|, or
  // kBlaEpsilon |A_y| |B_x| |dc| for the one without x.
  const Num ay = lower(y.ar, y.ai);
  const Num tx = Ops::Set(0.25) * epsilon * ay * lower(x.ar, x.ai);
  if (!at_most(two * cy * ax * bx * o, tx) ||
      !at_most(cy * bx * bx * o, epsilon * ay * lower(x.br, x.bi))) {
    r = zero;
  }
  if (Ops::Positive(cy)) {
    r = lowest(r, square_root(tx / (two * cy * ax * cx)));               // 2 C_y A_x C_x x^3
    r = lowest(r, cube_root_below(tx / (cy * cx * cx)));                 // C_y C_x^2 x^4
    if (Ops::Positive(o)) r = lowest(r, tx / (two * cy * cx * bx * o));  // 2 C_y C_x B_x x^2 dc
  }
  const bool usable = Ops::Positive(r) && finite(r) && finite(z.ar) && finite(z.ai) &&
                      finite(z.br) && finite(z.bi) && finite(z.cr) && finite(z.ci);
  z.r = usable ? r : zero;
  return z;
}

// y after x (deep/bla_table.h).
template <class Ops, class Num>
Map<Num> merge(const Map<Num>& x, const Map<Num>& y, Num max_offset) {
  Map<Num> z = compose<Ops>(x, y);
  const Num q = (y.r - upper(x.br, x.bi) * max_offset) / upper(x.ar, x.ai);
  const bool usable =
      Ops::Positive(q) && finite(q) && finite(z.ar) && finite(z.ai) && finite(z.br) && finite(z.bi);
  z.r = usable ? lowest(x.r, q) : Ops::Set(0.0);
  return z;
}

template <class Num>
void store(const Map<Num>& map, size_t k, BlaLevel<Num>* level) {
  level->radius[k] = map.r;
  level->maps[k] = {map.ar, map.ai, map.br, map.bi, map.cr, map.ci};
}

template <class Num>
Map<Num> load(const BlaLevel<Num>& level, size_t k) {
  const typename BlaLevel<Num>::Coefficients& c = level.maps[k];
  return {c.ar, c.ai, c.br, c.bi, level.radius[k], c.cr, c.ci};
}

template <class Num>
void resize(size_t n, BlaLevel<Num>* level) {
  level->radius.resize(n);
  level->maps.resize(n);
}

// The single step from Z_m.
template <class Ops, class Step, class Num>
Map<Num> single_step(Num zr, Num zi) {
  const hn::Complex<Num> a = Step::template Derivative<Ops>(zr, zi);
  const Num r = Ops::Set(Step::kRadiusFactor * kBlaEpsilon) * lower(zr, zi);
  return {a.re, a.im, Ops::Set(1.0), Ops::Set(0.0), r};
}

template <class Ops, class Num>
void build(const Num* z, int64_t last, const Family& family, Num max_offset, double bailout,
           BlaOrder order, BlaTable<Num>* table) {
  *table = BlaTable<Num>();
  hn::VisitPerturbedStep(family, [&](const auto& step) {
    using Step = std::decay_t<decltype(step)>;
    if constexpr (Step::kLinear) {
      // Quadratic maps unless asked for linear ones (deep/bla_table.h).
      const bool quadratic = order == BlaOrder::kQuadratic;
      table->quadratic = quadratic;
      const auto single = [&](Num zr, Num zi) {
        return quadratic ? quadratic_step<Ops, Step>(zr, zi, bailout)
                         : single_step<Ops, Step>(zr, zi);
      };
      const auto join = [&](const Map<Num>& x, const Map<Num>& y) {
        return quadratic ? merge_quadratic<Ops>(x, y, max_offset) : merge<Ops>(x, y, max_offset);
      };
      // Level 1 from pairs of single steps m = 1 + 2k, m + 1, with m + 2 <= last.
      const int64_t pairs = std::max<int64_t>(0, (last - 1) / 2);
      if (pairs == 0) return;
      BlaLevel<Num> level;
      resize(static_cast<size_t>(pairs), &level);
      for (int64_t k = 0; k < pairs; ++k) {
        const int64_t m = 1 + 2 * k;
        const Map<Num> x = single(z[2 * m], z[2 * m + 1]);
        const Map<Num> y = single(z[2 * m + 2], z[2 * m + 3]);
        store(join(x, y), static_cast<size_t>(k), &level);
      }
      table->largest_radius = level.radius[0];
      for (const Num& r : level.radius) {
        if (Ops::Less(table->largest_radius, r)) table->largest_radius = r;
      }
      table->levels.push_back(std::move(level));
      // Level j + 1 from pairs of level j.
      while (table->levels.back().radius.size() >= 2) {
        const BlaLevel<Num>& below = table->levels.back();
        const size_t n = below.radius.size() / 2;
        BlaLevel<Num> up;
        resize(n, &up);
        for (size_t k = 0; k < n; ++k) {
          store(join(load(below, 2 * k), load(below, 2 * k + 1)), k, &up);
        }
        table->levels.push_back(std::move(up));
      }
    }
  });
}

}  // namespace

bool has_bla(const Family& family) {
  return hn::VisitPerturbedStep(
      family, [](const auto& step) { return std::decay_t<decltype(step)>::kLinear; });
}

void build_bla_table(const ReferenceOrbit& orbit, const Family& family, double max_offset,
                     double bailout, BlaTable<double>* table, BlaOrder order) {
  build<hn::ScalarDeepOps>(orbit.z.data(), orbit.last(), family, max_offset, bailout, order, table);
}

void build_bla_table(const ReferenceOrbit& orbit, const Family& family, FloatExp max_offset,
                     double bailout, BlaTable<FloatExp>* table, BlaOrder order) {
  build<hn::FloatExpOps>(orbit.z_x.data(), orbit.last(), family, max_offset, bailout, order, table);
}

}  // namespace mandelbrot
