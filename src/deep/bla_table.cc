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

// Bounds of a complex number's modulus: the 1-norm above, the larger part below.
double upper(double re, double im) { return std::abs(re) + std::abs(im); }
double lower(double re, double im) { return std::max(std::abs(re), std::abs(im)); }

// The smaller of r and q, and NaN when q is NaN (then the map is not usable).
double lowest(double r, double q) { return q < r || std::isnan(q) ? q : r; }

// The quadratic single step from Z_m of z^2 + c: dz' = 2 Z dz + dz^2 + dc
// exactly, so A = 2 Z, C = 1, B = 1. Its radius keeps the checks the map skips
// passing (deep/bla_table.h): |dz| < max(|Zr|, |Zi|) / 4 cannot rebase, and
// |Zr| + |Zi| + |dz| <= bailout cannot escape.
Map<double> quadratic_step(double zr, double zi, double bailout) {
  Map<double> m{zr + zr, zi + zi, 1.0, 0.0, 0.0, 1.0, 0.0};
  m.r = std::min(0.25 * lower(zr, zi), bailout - upper(zr, zi));
  if (!(m.r > 0)) m.r = 0;
  return m;
}

// y after x for quadratic maps, dropping from C_y u^2, u = A_x x + C_x x^2 + B_x dc,
// all but C_y A_x^2 x^2 (deep/bla_table.h has the bounds this checks).
Map<double> merge_quadratic(const Map<double>& x, const Map<double>& y, double max_offset) {
  const double o = max_offset;
  Map<double> z;
  z.ar = y.ar * x.ar - y.ai * x.ai;
  z.ai = y.ar * x.ai + y.ai * x.ar;
  z.br = (y.ar * x.br - y.ai * x.bi) + y.br;
  z.bi = (y.ar * x.bi + y.ai * x.br) + y.bi;
  const double a2r = x.ar * x.ar - x.ai * x.ai;
  const double a2i = 2 * (x.ar * x.ai);
  z.cr = (y.ar * x.cr - y.ai * x.ci) + (y.cr * a2r - y.ci * a2i);
  z.ci = (y.ar * x.ci + y.ai * x.cr) + (y.cr * a2i + y.ci * a2r);
  const double ax = upper(x.ar, x.ai);
  const double bx = upper(x.br, x.bi);
  const double cx = upper(x.cr, x.ci);
  const double cy = upper(y.cr, y.ci);
  // Containment: |A_x| r + |C_x| r^2 + |B_x| o < R_y.
  const double t = y.r - bx * o;
  double r = x.r;
  if (!(t > 0)) {
    r = 0;
  } else {
    r = lowest(r, cx > 0 ? 2 * t / (ax + std::sqrt(ax * ax + 4 * cx * t)) : t / ax);
  }
  // Each dropped term at most a quarter of kBlaEpsilon |A_y| |A_x| |x|, or
  // kBlaEpsilon |A_y| |B_x| |dc| for the one without x.
  const double tx = 0.25 * kBlaEpsilon * lower(y.ar, y.ai) * lower(x.ar, x.ai);
  if (!(2 * cy * ax * bx * o <= tx) ||
      !(cy * bx * bx * o <= kBlaEpsilon * lower(y.ar, y.ai) * lower(x.br, x.bi))) {
    r = 0;
  }
  if (cy > 0) {
    r = lowest(r, std::sqrt(tx / (2 * cy * ax * cx)));      // 2 C_y A_x C_x x^3
    r = lowest(r, std::cbrt(tx / (cy * cx * cx)));          // C_y C_x^2 x^4
    if (o > 0) r = lowest(r, tx / (2 * cy * cx * bx * o));  // 2 C_y C_x B_x x^2 dc
  }
  const bool usable = r > 0 && std::isfinite(r) && std::isfinite(z.ar) && std::isfinite(z.ai) &&
                      std::isfinite(z.br) && std::isfinite(z.bi) && std::isfinite(z.cr) &&
                      std::isfinite(z.ci);
  z.r = usable ? r : 0.0;
  return z;
}

// y after x (deep/bla_table.h).
template <class Ops, class Num>
Map<Num> merge(const Map<Num>& x, const Map<Num>& y, Num max_offset) {
  const hn::Complex<Num> ya{y.ar, y.ai};
  const hn::Complex<Num> a = hn::ComplexMul<Ops>(ya, hn::Complex<Num>{x.ar, x.ai});
  const hn::Complex<Num> yb = hn::ComplexMul<Ops>(ya, hn::Complex<Num>{x.br, x.bi});
  Map<Num> z;
  z.ar = a.re;
  z.ai = a.im;
  z.br = Ops::Add(yb.re, y.br);
  z.bi = Ops::Add(yb.im, y.bi);
  const Num a_norm = Ops::Add(Ops::Abs(x.ar), Ops::Abs(x.ai));
  const Num b_norm = Ops::Add(Ops::Abs(x.br), Ops::Abs(x.bi));
  const Num q = Ops::Div(Ops::Sub(y.r, Ops::Mul(b_norm, max_offset)), a_norm);
  const Num zero = Ops::Set(0.0);
  const bool usable =
      Ops::Positive(q) && finite(q) && finite(z.ar) && finite(z.ai) && finite(z.br) && finite(z.bi);
  z.r = !usable ? zero : (Ops::Less(q, x.r) ? q : x.r);
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
  const Num zr_abs = Ops::Abs(zr);
  const Num zi_abs = Ops::Abs(zi);
  const Num z_max = Ops::Less(zr_abs, zi_abs) ? zi_abs : zr_abs;
  const Num r = Ops::Mul(Ops::Set(Step::kRadiusFactor * kBlaEpsilon), z_max);
  return {a.re, a.im, Ops::Set(1.0), Ops::Set(0.0), r};
}

template <class Ops, class Num>
void build(const Num* z, int64_t last, const Family& family, Num max_offset, double bailout,
           BlaOrder order, BlaTable<Num>* table) {
  *table = BlaTable<Num>();
  hn::VisitPerturbedStep(family, [&](const auto& step) {
    using Step = std::decay_t<decltype(step)>;
    if constexpr (Step::kLinear) {
      // Quadratic maps for z^2 + c in doubles (deep/bla_table.h).
      constexpr bool kCanBeQuadratic =
          std::is_same_v<Num, double> && std::is_same_v<Step, hn::PerturbedSquare>;
      const bool quadratic = kCanBeQuadratic && order == BlaOrder::kQuadratic;
      table->quadratic = quadratic;
      const auto single = [&](Num zr, Num zi) {
        if constexpr (kCanBeQuadratic) {
          if (quadratic) return quadratic_step(zr, zi, bailout);
        }
        return single_step<Ops, Step>(zr, zi);
      };
      const auto join = [&](const Map<Num>& x, const Map<Num>& y) {
        if constexpr (kCanBeQuadratic) {
          if (quadratic) return merge_quadratic(x, y, max_offset);
        }
        return merge<Ops>(x, y, max_offset);
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
                     double bailout, BlaTable<FloatExp>* table) {
  build<hn::FloatExpOps>(orbit.z_x.data(), orbit.last(), family, max_offset, bailout,
                         BlaOrder::kLinear, table);
}

}  // namespace mandelbrot
