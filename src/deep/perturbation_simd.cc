// The vectorised perturbation loop: one pixel per lane, compiled once per SIMD
// target by Highway and chosen at run time like the direct kernel
// (kernel/kernel_simd.cc). Each lane runs exactly the scalar loop of
// perturbation_scalar.cc: the same perturbed step (deep/perturbed_steps-inl.h),
// the same check, rebase and end-of-reference rules, with Add/Sub/Mul only (no
// fused multiply-add), and the reference values fetched at the lane's own
// index m (GatherReference). A lane whose pixel is done is given the next pixel at
// once, so lanes never idle while their neighbours run long orbits; the loop
// that does so only redoes a check, which changes nothing. With a BLA table, a
// lane whose map of 2 steps is valid applies its map with the scalar loop's
// bla_advance while the other lanes take their plain step. With periodicity,
// a rebased lane's state goes to its own CycleFinder, as in the scalar loop.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "deep/perturbation_simd.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Include after foreach_target.h.
#include <hwy/highway.h>

#include "deep/perturbation.h"
#include "deep/perturbed_steps-inl.h"
#include "kernel/kernel_channels.h"

HWY_BEFORE_NAMESPACE();
namespace mandelbrot {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;
using DI = hn::RebindToSigned<D>;
using VI = hn::Vec<DI>;

constexpr size_t kMaxLanes = HWY_MAX_BYTES / sizeof(double);

// The vector instance of the perturbed steps' number type.
struct VecDeepOps {
  using Mask = M;
  static HWY_INLINE V Set(double a) { return hn::Set(D(), a); }
  static HWY_INLINE V Add(V a, V b) { return hn::Add(a, b); }
  static HWY_INLINE V Sub(V a, V b) { return hn::Sub(a, b); }
  static HWY_INLINE V Mul(V a, V b) { return hn::Mul(a, b); }
  static HWY_INLINE V Neg(V a) { return hn::Neg(a); }
  static HWY_INLINE M NonNegative(V a) { return hn::Ge(a, hn::Zero(D())); }
  static HWY_INLINE M Positive(V a) { return hn::Gt(a, hn::Zero(D())); }
  static HWY_INLINE V IfThenElse(M m, V yes, V no) { return hn::IfThenElse(m, yes, no); }
  static HWY_INLINE V Abs(V a) { return hn::Abs(a); }
  static HWY_INLINE M Less(V a, V b) { return hn::Lt(a, b); }
};

// The lanes' state between vector passes, one entry per lane. A lane without a
// pixel (idx < 0) stays at dz = dc = 0, m = 0, which follows Z_0 = 0 harmlessly.
struct Lanes {
  HWY_ALIGN double dzr[kMaxLanes];
  HWY_ALIGN double dzi[kMaxLanes];
  HWY_ALIGN double dcr[kMaxLanes];
  HWY_ALIGN double dci[kMaxLanes];
  HWY_ALIGN double dr[kMaxLanes];  // the derivative D, when the loop carries it
  HWY_ALIGN double di[kMaxLanes];
  HWY_ALIGN int64_t m[kMaxLanes];
  HWY_ALIGN int64_t n[kMaxLanes];
  HWY_ALIGN int64_t idx[kMaxLanes];
  CycleFinder<double> cycles[kMaxLanes];
};

// The reference values (re, im) at the lanes' indices m, from the interleaved
// reference z: one 128-bit load per lane, then the halves combined and split
// into real and imaginary parts. (It replaced two gathers, one of each part:
// 1.08x faster on the CPU measured, docs/PERFORMANCE.md.)
#if HWY_TARGET == HWY_SCALAR
HWY_INLINE void GatherReference(const double* z, VI m, V* re, V* im) {
  const int64_t k = hn::GetLane(m);
  *re = hn::Set(D(), z[2 * k]);
  *im = hn::Set(D(), z[2 * k + 1]);
}
#else
// The pairs of lanes idx[0], idx[1], ... side by side in one vector of dd.
template <class DD>
HWY_INLINE hn::Vec<DD> LoadPairs(DD dd, const double* z, const int64_t* idx) {
  if constexpr (hn::MaxLanes(dd) <= 2) {
    return hn::LoadU(dd, z + 2 * idx[0]);
  } else {
    const hn::Half<DD> dh;
    return hn::Combine(dd, LoadPairs(dh, z, idx + hn::MaxLanes(dh) / 2), LoadPairs(dh, z, idx));
  }
}

HWY_INLINE void GatherReference(const double* z, VI m, V* re, V* im) {
  const D d;
  HWY_ALIGN int64_t idx[kMaxLanes];
  hn::Store(m, DI(), idx);
  const V lo = LoadPairs(d, z, idx);
  const V hi = LoadPairs(d, z, idx + hn::MaxLanes(d) / 2);
  *re = hn::ConcatEven(d, hi, lo);
  *im = hn::ConcatOdd(d, hi, lo);
}
#endif

// Applies the map that is valid for `lane` (deep/bla_table.h), then, while the
// lane's next pass would do the same, the next maps: its check passes, it does
// not rebase, stop or reach the end of the reference, and a map is valid. The
// doubles and decisions are the vector loop's, so the lane ends where that
// loop would have taken it one map per pass, without a pass for each map.
// With kDerivative, each map also takes D to S D + B step_x, S its slope at dz
// (bla_slope), as in the scalar loop.
template <bool kDerivative>
HWY_INLINE void ChainMaps(const PerturbationPass& p, double dz_norm, size_t lane, Lanes* s) {
  const int64_t final_step = p.iterations - 1;
  double dzr = s->dzr[lane];
  double dzi = s->dzi[lane];
  Complex<double> derivative{s->dr[lane], s->di[lane]};
  int64_t m = s->m[lane];
  int64_t n = s->n[lane];
  for (;;) {
    const BlaLevel<double>::Coefficients* map = nullptr;
    const double before_r = dzr;
    const double before_i = dzi;
    const int64_t steps = bla_advance(*p.bla, m, final_step - n, dz_norm, s->dcr[lane],
                                      s->dci[lane], &dzr, &dzi, &map);
    if (steps == 0) break;
    if constexpr (kDerivative) {
      double sr, si;
      bla_slope(*p.bla, *map, before_r, before_i, &sr, &si);
      derivative = MapDerivative<ScalarDeepOps>(sr, si, map->br, map->bi, derivative, p.step_x);
    }
    m += steps;
    n += steps;
    const PixelCheck<ScalarDeepOps, double> c =
        CheckPixel<ScalarDeepOps>(p.ref[2 * m], p.ref[2 * m + 1], dzr, dzi);
    if (!ScalarDeepOps::Passes(c.r2, p.bailout_squared) || c.nearer_start) break;
    if ((p.reference_escaped && m == p.last) || n == final_step) break;
    dz_norm = c.dz_norm;
  }
  s->dzr[lane] = dzr;
  s->dzi[lane] = dzi;
  s->dr[lane] = derivative.re;
  s->di[lane] = derivative.im;
  s->m[lane] = m;
  s->n[lane] = n;
}

// With kDerivative the lanes carry D as the scalar loop does (deep/perturbation.h).
template <bool kDerivative, class Step>
void PerturbLanes(const Step& step, const PerturbationPass& p, const int64_t* pixels, int64_t first,
                  int64_t count, int32_t* counts) {
  const D d;
  const DI di;
  const size_t lanes = hn::Lanes(d);
  Lanes s;
  int64_t next = first;
  const int64_t end = first + count;
  // Gives `lane` the next pixel, or none; returns whether it got one.
  const auto start_pixel = [&](size_t lane) {
    s.dzr[lane] = 0;
    s.dzi[lane] = 0;
    s.dr[lane] = 0;
    s.di[lane] = 0;
    s.m[lane] = 0;
    s.n[lane] = 0;
    s.cycles[lane] = CycleFinder<double>();
    if (next >= end) {
      s.dcr[lane] = 0;
      s.dci[lane] = 0;
      s.idx[lane] = -1;
      return false;
    }
    const int64_t pixel = pixels ? pixels[next] : next;
    ++next;
    pixel_offset(p, pixel / p.width, pixel % p.width, &s.dcr[lane], &s.dci[lane]);
    s.idx[lane] = pixel;
    return true;
  };
  size_t live = 0;
  for (size_t lane = 0; lane < lanes; ++lane) live += start_pixel(lane) ? 1 : 0;

  const V b2 = hn::Set(d, p.bailout_squared);
  const V spacing = hn::Set(d, p.step_x);
  const double log_degree = channel_log(static_cast<double>(step_degree(p.family)));
  // The derivative is not part of the state that repeats.
  const bool periodic = p.periodicity && !kDerivative;
  const VI last = hn::Set(di, p.last);
  const VI final_step = hn::Set(di, p.iterations - 1);
  const VI one = hn::Set(di, 1);
  const VI two = hn::Set(di, 2);
  const VI all_steps = hn::Set(di, p.iterations);
  const VI cycles_before = hn::Set(di, kCyclesFrom - 1);
  // The maps of 2 steps (deep/bla_table.h), if any.
  const int64_t bla_pairs =
      p.bla && !p.bla->levels.empty() ? static_cast<int64_t>(p.bla->levels[0].radius.size()) : 0;
  const double* bla_radius = bla_pairs > 0 ? p.bla->levels[0].radius.data() : nullptr;
  const VI pairs = hn::Set(di, bla_pairs);
  const V largest_radius = hn::Set(d, bla_pairs > 0 ? p.bla->largest_radius : 0.0);
  // Z_1, where a rebased lane goes on (Z_0 = 0 alone when the orbit has no Z_1).
  const V z1_re = hn::Set(d, p.last >= 1 ? p.ref[2] : 0.0);
  const V z1_im = hn::Set(d, p.last >= 1 ? p.ref[3] : 0.0);
  while (live > 0) {
    V dzr = hn::Load(d, s.dzr);
    V dzi = hn::Load(d, s.dzi);
    const V dcr = hn::Load(d, s.dcr);
    const V dci = hn::Load(d, s.dci);
    V der_r = hn::Load(d, s.dr);
    V der_i = hn::Load(d, s.di);
    VI m = hn::Load(di, s.m);
    VI n = hn::Load(di, s.n);
    const M alive = hn::RebindMask(d, hn::Gt(hn::Load(di, s.idx), hn::Set(di, -1)));
    const VI step_one = hn::IfThenElseZero(hn::RebindMask(di, alive), one);
    V ar, ai;
    GatherReference(p.ref, m, &ar, &ai);
    for (;;) {
      // The next step's reference values, fetched before this step decides
      // whether to rebase (then they are Z_1), so that the loads' latency is
      // off the chain from dz to dz. m + 1 is at most `last` whenever it is used.
      const VI m_next = hn::Min(hn::Add(m, step_one), last);
      V ar_next, ai_next;
      GatherReference(p.ref, m_next, &ar_next, &ai_next);
      const PixelCheck<VecDeepOps, V> c = CheckPixel<VecDeepOps>(ar, ai, dzr, dzi);
      const V zr = c.zr;
      const V zi = c.zi;
      const V r2 = c.r2;
      const V dz_norm = c.dz_norm;
      const M inside = hn::Le(r2, b2);
      const M at_end = p.reference_escaped ? hn::RebindMask(d, hn::Eq(m, last)) : hn::FirstN(d, 0);
      M rebase = c.nearer_start;
      if (p.rebase_at_end) rebase = hn::Or(rebase, at_end);
      const M stuck = hn::AndNot(rebase, at_end);
      const M final = hn::RebindMask(d, hn::Eq(n, final_step));
      const M stop = hn::And(alive, hn::Or(hn::Not(inside), hn::Or(stuck, final)));
      if (!hn::AllFalse(d, stop)) {
        // Finish the stopped lanes and give them new pixels; the others
        // redo this check after the reload, with the same result.
        hn::Store(dzr, d, s.dzr);
        hn::Store(dzi, d, s.dzi);
        hn::Store(der_r, d, s.dr);
        hn::Store(der_i, d, s.di);
        hn::Store(m, di, s.m);
        hn::Store(n, di, s.n);
        HWY_ALIGN double r2s[kMaxLanes];
        HWY_ALIGN int64_t stuck_bits[kMaxLanes];
        HWY_ALIGN int64_t stop_bits[kMaxLanes];
        hn::Store(r2, d, r2s);
        hn::Store(hn::VecFromMask(di, hn::RebindMask(di, stuck)), di, stuck_bits);
        hn::Store(hn::VecFromMask(di, hn::RebindMask(di, stop)), di, stop_bits);
        for (size_t lane = 0; lane < lanes; ++lane) {
          if (stop_bits[lane] == 0) continue;
          const int32_t step_n = static_cast<int32_t>(s.n[lane]);
          const bool escaped = !(r2s[lane] <= p.bailout_squared);
          int32_t result;
          if (escaped) {
            result = step_n > 0 ? step_n - 1 : 0;
          } else if (stuck_bits[lane] != 0) {
            result = unfinished_count(step_n);
          } else {
            result = p.iterations - 1;
          }
          store_pixel(p, s.idx[lane], result, escaped, r2s[lane], s.dr[lane], s.di[lane],
                      log_degree, counts);
          if (!start_pixel(lane)) --live;
        }
        break;
      }
      // Rebased lanes from step kCyclesFrom on consult their cycle finders.
      const M consult =
          periodic ? hn::And(hn::And(alive, rebase), hn::RebindMask(d, hn::Gt(n, cycles_before)))
                   : hn::FirstN(d, 0);
      if (!hn::AllFalse(d, consult)) {
        // Each such lane's state goes to its cycle finder, as in the scalar loop.
        HWY_ALIGN double zrs[kMaxLanes];
        HWY_ALIGN double zis[kMaxLanes];
        HWY_ALIGN int64_t rebase_bits[kMaxLanes];
        hn::Store(zr, d, zrs);
        hn::Store(zi, d, zis);
        hn::Store(n, di, s.n);
        hn::Store(hn::VecFromMask(di, hn::RebindMask(di, consult)), di, rebase_bits);
        int64_t skipped = 0;
        for (size_t lane = 0; lane < lanes; ++lane) {
          if (rebase_bits[lane] == 0) continue;
          const int64_t skip =
              s.cycles[lane].at_rebase(s.n[lane], zrs[lane], zis[lane], p.iterations);
          s.n[lane] += skip;
          skipped += skip > 0 ? 1 : 0;
        }
        if (skipped > 0) {
          n = hn::Load(di, s.n);
          if (p.periodic_pixels) p.periodic_pixels->fetch_add(skipped, std::memory_order_relaxed);
        }
      }
      // Lanes whose map of 2 steps from m is valid (deep/bla_table.h): no
      // rebase (m >= 1), m - 1 even, the map exists, 2 steps left, and
      // |dz| below its radius. Only these have a map in bla_advance.
      M bla_lanes = hn::FirstN(d, 0);
      // The gather of radii only when some lane's dz is below them all.
      if (bla_pairs > 0 && !hn::AllFalse(d, hn::Lt(dz_norm, largest_radius))) {
        const VI from = hn::Sub(m, one);
        const VI pair = hn::ShiftRight<1>(from);
        const VI even = hn::And(from, one);
        const auto has_map =
            hn::And(hn::And(hn::Gt(m, hn::Zero(di)), hn::Eq(even, hn::Zero(di))),
                    hn::And(hn::Gt(pairs, pair), hn::Gt(all_steps, hn::Add(n, two))));
        const V radius = hn::GatherIndex(d, bla_radius, hn::IfThenElseZero(has_map, pair));
        bla_lanes = hn::And(hn::And(alive, hn::Not(rebase)),
                            hn::And(hn::RebindMask(d, has_map), hn::Lt(dz_norm, radius)));
      }
      dzr = hn::IfThenElse(rebase, zr, dzr);
      dzi = hn::IfThenElse(rebase, zi, dzi);
      ar = hn::IfThenZeroElse(rebase, ar);
      ai = hn::IfThenZeroElse(rebase, ai);
      m = hn::IfThenZeroElse(hn::RebindMask(di, rebase), m);
      const Complex<V> next_dz = step.template Step<VecDeepOps>(ar, ai, dzr, dzi, dcr, dci);
      Complex<V> next_der{der_r, der_i};
      if constexpr (kDerivative && Step::kLinear) {
        next_der = StepDerivative<VecDeepOps, Step>(zr, zi, next_der, spacing);
      }
      ar = hn::IfThenElse(rebase, z1_re, ar_next);
      ai = hn::IfThenElse(rebase, z1_im, ai_next);
      if (!hn::AllFalse(d, bla_lanes)) {
        // The other lanes take their step; these apply their map, exactly as
        // the scalar loop does.
        HWY_ALIGN double norms[kMaxLanes];
        HWY_ALIGN int64_t bla_bits[kMaxLanes];
        hn::Store(dzr, d, s.dzr);
        hn::Store(dzi, d, s.dzi);
        hn::Store(der_r, d, s.dr);
        hn::Store(der_i, d, s.di);
        hn::Store(m, di, s.m);
        hn::Store(n, di, s.n);
        hn::Store(dz_norm, d, norms);
        hn::Store(hn::VecFromMask(di, hn::RebindMask(di, bla_lanes)), di, bla_bits);
        for (size_t lane = 0; lane < lanes; ++lane) {
          if (bla_bits[lane] != 0) ChainMaps<kDerivative>(p, norms[lane], lane, &s);
        }
        der_r = hn::IfThenElse(bla_lanes, hn::Load(d, s.dr), next_der.re);
        der_i = hn::IfThenElse(bla_lanes, hn::Load(d, s.di), next_der.im);
        const V dzr_map = hn::Load(d, s.dzr);
        const V dzi_map = hn::Load(d, s.dzi);
        dzr = hn::IfThenElse(bla_lanes, dzr_map, next_dz.re);
        dzi = hn::IfThenElse(bla_lanes, dzi_map, next_dz.im);
        const auto mapped = hn::RebindMask(di, bla_lanes);
        m = hn::IfThenElse(mapped, hn::Load(di, s.m), hn::Add(m, step_one));
        n = hn::IfThenElse(mapped, hn::Load(di, s.n), hn::Add(n, step_one));
        GatherReference(p.ref, m, &ar, &ai);
        continue;
      }
      dzr = next_dz.re;
      dzi = next_dz.im;
      der_r = next_der.re;
      der_i = next_der.im;
      m = hn::Add(m, step_one);
      n = hn::Add(n, step_one);
    }
  }
}

void PerturbPixels(const PerturbationPass& pass, const int64_t* pixels, int64_t first, int64_t n,
                   int32_t* counts) {
  VisitPerturbedStep(pass.family, [&](const auto& step) {
    if (pass.distance) {
      PerturbLanes<true>(step, pass, pixels, first, n, counts);
    } else {
      PerturbLanes<false>(step, pass, pixels, first, n, counts);
    }
  });
}

PerturbFunction TargetFunction() { return PerturbPixels; }

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace mandelbrot
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace mandelbrot {

PerturbFunction perturb_function_for_target(int64_t target) {
  // Every target foreach_target.h compiled this file for (an explicit table
  // rather than HWY_EXPORT's, as kernel/kernel_simd.cc explains).
  switch (target) {
#if HWY_TARGETS & HWY_AVX3_DL
    case HWY_AVX3_DL:
      return N_AVX3_DL::TargetFunction();
#endif
#if HWY_TARGETS & HWY_AVX3
    case HWY_AVX3:
      return N_AVX3::TargetFunction();
#endif
#if HWY_TARGETS & HWY_AVX2
    case HWY_AVX2:
      return N_AVX2::TargetFunction();
#endif
#if HWY_TARGETS & HWY_SSE4
    case HWY_SSE4:
      return N_SSE4::TargetFunction();
#endif
#if HWY_TARGETS & HWY_SSSE3
    case HWY_SSSE3:
      return N_SSSE3::TargetFunction();
#endif
#if HWY_TARGETS & HWY_EMU128
    case HWY_EMU128:
      return N_EMU128::TargetFunction();
#endif
#if HWY_TARGETS & HWY_SCALAR
    case HWY_SCALAR:
      return N_SCALAR::TargetFunction();
#endif
  }
  return nullptr;
}

}  // namespace mandelbrot
#endif  // HWY_ONCE
