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

// One map: z -> A z + B dc, valid for |z| < r.
template <class Num>
struct Map {
  Num ar, ai, br, bi, r;
};

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
  level->maps[k] = {map.ar, map.ai, map.br, map.bi};
}

template <class Num>
Map<Num> load(const BlaLevel<Num>& level, size_t k) {
  const typename BlaLevel<Num>::Coefficients& c = level.maps[k];
  return {c.ar, c.ai, c.br, c.bi, level.radius[k]};
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
void build(const Num* z, int64_t last, const Family& family, Num max_offset, BlaTable<Num>* table) {
  table->levels.clear();
  hn::VisitPerturbedStep(family, [&](const auto& step) {
    using Step = std::decay_t<decltype(step)>;
    if constexpr (Step::kLinear) {
      // Level 1 from pairs of single steps m = 1 + 2k, m + 1, with m + 2 <= last.
      const int64_t pairs = std::max<int64_t>(0, (last - 1) / 2);
      if (pairs == 0) return;
      BlaLevel<Num> level;
      resize(static_cast<size_t>(pairs), &level);
      for (int64_t k = 0; k < pairs; ++k) {
        const int64_t m = 1 + 2 * k;
        const Map<Num> x = single_step<Ops, Step>(z[2 * m], z[2 * m + 1]);
        const Map<Num> y = single_step<Ops, Step>(z[2 * m + 2], z[2 * m + 3]);
        store(merge<Ops>(x, y, max_offset), static_cast<size_t>(k), &level);
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
          store(merge<Ops>(load(below, 2 * k), load(below, 2 * k + 1), max_offset), k, &up);
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
                     BlaTable<double>* table) {
  build<hn::ScalarDeepOps>(orbit.z.data(), orbit.last(), family, max_offset, table);
}

void build_bla_table(const ReferenceOrbit& orbit, const Family& family, FloatExp max_offset,
                     BlaTable<FloatExp>* table) {
  build<hn::FloatExpOps>(orbit.z_x.data(), orbit.last(), family, max_offset, table);
}

}  // namespace mandelbrot
