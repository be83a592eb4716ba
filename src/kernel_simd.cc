// The vectorised kernel: many pixels per instruction, compiled once per SIMD
// target by Highway (foreach_target.h re-includes this file for each target)
// and chosen at run time. It computes exactly the counts of the scalar
// reference (kernel_scalar.cc); kernel_test.cc checks every compiled target.
//
// Exactness, step by step:
// - Sample points use the reference's formulas with IEEE division, so every lane
//   holds the same c as the scalar loop.
// - One step is Mul/Add/Sub only, in the reference's order (2*zr*zi as
//   (zr+zr)*zi, which is the same double); no MulAdd, so no fused rounding.
// - A lane is active until its first failed check, like the scalar `break`;
//   its count is frozen from then on, whatever its z does.
// Shortcuts (only with shortcuts on), each unable to change a count:
// - Main cardioid and period-2 bulb (when bailout >= 2): a point whose
//   attracting cycle has multiplier |mu| <= kMultiplierMargin is in the set, its
//   orbit stays within |z| <= 2, so it never fails the check and its count is
//   iterations - 1. The margin keeps boundary points, whose orbits converge
//   slowly, iterating normally.
// - Periodicity: z is saved at block boundaries (Brent: at blocks 1, 2, 4, ...);
//   when z is bit-for-bit equal to a saved z, every value of the cycle has
//   already passed the check, so the orbit never escapes.
// - Block escape tests: when bailout >= 2 and every |c| of the region is at most
//   (B^2 - B) / 2, escape is monotone (once the computed check fails, the next
//   computed |z| is at least about B + 1, so it fails forever; inf and NaN fail
//   too). Then checking only the last step of a block of kBlock steps tells
//   whether any step escaped, and a block with an escaping lane is replayed
//   step by step from its saved start to find the exact count.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernel_simd.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Include after foreach_target.h.
#include <hwy/highway.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "kernel_simd.h"
#include "mandelbrot/kernel.h"

HWY_BEFORE_NAMESPACE();
namespace mandelbrot {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Independent vectors in flight per thread: one step's dependency chain is long
// (mul -> sub -> add), so several chains keep the FP units busy.
constexpr size_t kUnroll = 4;
constexpr int32_t kBlock = 8;
constexpr double kMultiplierMargin = 0.995;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;

// Lanes inside the main cardioid or the period-2 bulb with |multiplier| <= margin.
// Cardioid: mu = 1 - sqrt(1 - 4c) (principal root); bulb: mu = 4(c + 1).
HWY_INLINE M KnownInside(D d, V cr, V ci) {
  // Both shapes lie in [-1.25, 0.375] x [-0.65, 0.65]: most vectors of a view
  // are nowhere near them and skip the square roots.
  const M in_box = hn::And(hn::And(hn::Ge(cr, hn::Set(d, -1.26)), hn::Le(cr, hn::Set(d, 0.38))),
                           hn::Le(hn::Abs(ci), hn::Set(d, 0.66)));
  if (hn::AllFalse(d, in_box)) return in_box;
  const V one = hn::Set(d, 1.0);
  const V four = hn::Set(d, 4.0);
  // w^2 = 1 - 4c = a + bi; |w| = sqrt(|a + bi|); Re w = sqrt((|w^2| + a) / 2), |Im w| =
  // sqrt((|w^2| - a) / 2), with the sign of b.
  const V a = hn::Sub(one, hn::Mul(four, cr));
  const V b = hn::Neg(hn::Mul(four, ci));
  const V modulus = hn::Sqrt(hn::Add(hn::Mul(a, a), hn::Mul(b, b)));
  const V half = hn::Set(d, 0.5);
  const V re_w = hn::Sqrt(hn::Mul(half, hn::Add(modulus, a)));
  const V im_w_abs = hn::Sqrt(hn::ZeroIfNegative(hn::Mul(half, hn::Sub(modulus, a))));
  // |mu|^2 = (1 - Re w)^2 + (Im w)^2; the sign of Im w does not matter here.
  const V mu_re = hn::Sub(one, re_w);
  const V mu2 = hn::Add(hn::Mul(mu_re, mu_re), hn::Mul(im_w_abs, im_w_abs));
  const V margin2 = hn::Set(d, kMultiplierMargin * kMultiplierMargin);
  const M in_cardioid = hn::Le(mu2, margin2);
  const V xr = hn::Add(cr, one);
  const V bulb2 = hn::Mul(hn::Set(d, 16.0), hn::Add(hn::Mul(xr, xr), hn::Mul(ci, ci)));
  const M in_bulb = hn::Le(bulb2, margin2);  // |4(c + 1)|^2 <= margin^2
  return hn::Or(in_cardioid, in_bulb);
}

struct Group {
  V cr[kUnroll], zr[kUnroll], zi[kUnroll], count[kUnroll];
  M active[kUnroll];
};

HWY_INLINE bool AnyActive(D d, const Group& g) {
  M any = g.active[0];
  for (size_t u = 1; u < kUnroll; ++u) any = hn::Or(any, g.active[u]);
  return !hn::AllFalse(d, any);
}

// active && sum <= b2. On AVX-512 this is one compare under a mask; the mask
// unit shares a port with the FP units, so the saved instruction counts.
HWY_INLINE M StillInside(M active, V sum, V b2) {
#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL
  return M{_mm512_mask_cmp_pd_mask(active.raw, sum.raw, b2.raw, _CMP_LE_OQ)};
#else
  return hn::And(active, hn::Le(sum, b2));
#endif
}

// One step with its check, exactly as the scalar loop: lanes that fail stop.
// With kCount, active lanes also count `step`.
template <bool kCount>
HWY_INLINE void Step(Group& g, V ci, V b2, V step) {
  for (size_t u = 0; u < kUnroll; ++u) {
    const V x2 = hn::Mul(g.zr[u], g.zr[u]);
    const V y2 = hn::Mul(g.zi[u], g.zi[u]);
    g.active[u] = StillInside(g.active[u], hn::Add(x2, y2), b2);
    if (kCount) g.count[u] = hn::IfThenElse(g.active[u], step, g.count[u]);
    const V t = hn::Add(hn::Sub(x2, y2), g.cr[u]);
    g.zi[u] = hn::Add(hn::Mul(hn::Add(g.zr[u], g.zr[u]), g.zi[u]), ci);
    g.zr[u] = t;
  }
}

// Steps n = first .. last - 1, each checked. Counts are recorded once per
// stretch of kStretch steps: lanes still active after it count its last step.
// A stretch in which some lane stopped is replayed from its saved start with a
// count at every step, so that lane gets the exact step it stopped at. The same
// stretch also tests whether every lane has stopped.
constexpr int32_t kStretch = 8;
HWY_INLINE void StepEach(D d, Group& g, V ci, V b2, int32_t first, int32_t last) {
  const V one = hn::Set(d, 1.0);
  int32_t n = first;
  for (; n + kStretch <= last; n += kStretch) {
    V zr0[kUnroll], zi0[kUnroll];
    M active0[kUnroll];
    for (size_t u = 0; u < kUnroll; ++u) {
      zr0[u] = g.zr[u];
      zi0[u] = g.zi[u];
      active0[u] = g.active[u];
    }
    for (int32_t k = 0; k < kStretch; ++k) Step<false>(g, ci, b2, one);
    M stopped = hn::AndNot(g.active[0], active0[0]);
    for (size_t u = 1; u < kUnroll; ++u)
      stopped = hn::Or(stopped, hn::AndNot(g.active[u], active0[u]));
    if (hn::AllFalse(d, stopped)) {
      const V last_step = hn::Set(d, static_cast<double>(n + kStretch - 1));
      for (size_t u = 0; u < kUnroll; ++u) {
        g.count[u] = hn::IfThenElse(g.active[u], last_step, g.count[u]);
      }
      continue;
    }
    for (size_t u = 0; u < kUnroll; ++u) {
      g.zr[u] = zr0[u];
      g.zi[u] = zi0[u];
      g.active[u] = active0[u];
    }
    V step = hn::Set(d, static_cast<double>(n));
    for (int32_t k = 0; k < kStretch; ++k) {
      Step<true>(g, ci, b2, step);
      step = hn::Add(step, one);
    }
    if (!AnyActive(d, g)) return;
  }
  V step = hn::Set(d, static_cast<double>(n));
  for (; n < last; ++n) {
    Step<true>(g, ci, b2, step);
    step = hn::Add(step, one);
  }
}

// kBlock steps from n with only the last one checked. Returns false, with g
// restored to its state at n, when an active lane failed the check (so the
// block must be replayed step by step); else counts n + kBlock - 1 for the
// active lanes.
HWY_INLINE bool StepBlock(D d, Group& g, V ci, V b2, int32_t n) {
  V zr0[kUnroll], zi0[kUnroll];
  for (size_t u = 0; u < kUnroll; ++u) {
    zr0[u] = g.zr[u];
    zi0[u] = g.zi[u];
  }
  M escaped[kUnroll];
  for (int32_t k = 0; k < kBlock; ++k) {
    for (size_t u = 0; u < kUnroll; ++u) {
      const V x2 = hn::Mul(g.zr[u], g.zr[u]);
      const V y2 = hn::Mul(g.zi[u], g.zi[u]);
      if (k == kBlock - 1) escaped[u] = hn::Not(hn::Le(hn::Add(x2, y2), b2));
      const V t = hn::Add(hn::Sub(x2, y2), g.cr[u]);
      g.zi[u] = hn::Add(hn::Mul(hn::Add(g.zr[u], g.zr[u]), g.zi[u]), ci);
      g.zr[u] = t;
    }
  }
  M failed = hn::And(g.active[0], escaped[0]);
  for (size_t u = 1; u < kUnroll; ++u) failed = hn::Or(failed, hn::And(g.active[u], escaped[u]));
  if (!hn::AllFalse(d, failed)) {
    for (size_t u = 0; u < kUnroll; ++u) {
      g.zr[u] = zr0[u];
      g.zi[u] = zi0[u];
    }
    return false;
  }
  const V last = hn::Set(d, static_cast<double>(n + kBlock - 1));
  for (size_t u = 0; u < kUnroll; ++u) g.count[u] = hn::IfThenElse(g.active[u], last, g.count[u]);
  return true;
}

// Marks lanes whose z equals the saved z bit for bit as inside for good.
HWY_INLINE void CatchCycles(Group& g, const V* saved_r, const V* saved_i, V inside_count) {
  for (size_t u = 0; u < kUnroll; ++u) {
    const M cycle =
        hn::And(g.active[u], hn::And(hn::Eq(g.zr[u], saved_r[u]), hn::Eq(g.zi[u], saved_i[u])));
    g.count[u] = hn::IfThenElse(cycle, inside_count, g.count[u]);
    g.active[u] = hn::AndNot(cycle, g.active[u]);
  }
}

void RenderRow(const KernelParams& p, int32_t row, bool shortcuts, int32_t* out) {
  const D d;
  const size_t lanes = hn::Lanes(d);
  const size_t group_size = kUnroll * lanes;
  const int32_t iterations = p.iterations;
  const V ci = hn::Set(d, p.y_at(row));
  const V b2 = hn::Set(d, p.bailout * p.bailout);
  const V xmin = hn::Set(d, p.region.xmin);
  const V span = hn::Set(d, p.region.xmax - p.region.xmin);
  const V width = hn::Set(d, static_cast<double>(p.width));
  const V inside_count = hn::Set(d, static_cast<double>(iterations - 1));
  const hn::Rebind<int32_t, D> di;

  // Block escape tests need monotone escape: see the file comment.
  const double max_x = std::max(std::abs(p.region.xmin), std::abs(p.region.xmax));
  const double max_y = std::max(std::abs(p.region.ymin), std::abs(p.region.ymax));
  const double c_limit = (p.bailout * p.bailout - p.bailout) / 2;
  const bool blocks =
      shortcuts && p.bailout >= 2 && max_x * max_x + max_y * max_y <= c_limit * c_limit;

  // Orbits of points in the set stay within |z| <= 2, so a point known to be
  // inside never fails the check only when bailout >= 2.
  const bool known_inside_test = shortcuts && p.bailout >= 2;

  HWY_ALIGN int32_t counts[kUnroll * HWY_MAX_BYTES / sizeof(double)];
  for (int64_t j0 = 0; j0 < p.width; j0 += static_cast<int64_t>(group_size)) {
    Group g;
    for (size_t u = 0; u < kUnroll; ++u) {
      const V j = hn::Iota(d, static_cast<double>(j0 + static_cast<int64_t>(u * lanes)));
      g.cr[u] = hn::Add(xmin, hn::Mul(hn::Div(j, width), span));
      g.zr[u] = hn::Zero(d);
      g.zi[u] = hn::Zero(d);
      g.count[u] = hn::Zero(d);
      g.active[u] = hn::Lt(j, width);  // lanes past the row's end never run
      if (known_inside_test) {
        const M inside = KnownInside(d, g.cr[u], ci);
        g.count[u] = hn::IfThenElse(inside, inside_count, g.count[u]);
        g.active[u] = hn::AndNot(inside, g.active[u]);
      }
    }

    int32_t n = 0;
    if (blocks) {
      V saved_r[kUnroll], saved_i[kUnroll];
      for (size_t u = 0; u < kUnroll; ++u) saved_r[u] = saved_i[u] = hn::Zero(d);  // z_0
      int32_t next_save = 1;                                                       // in blocks
      for (int32_t block = 1; n + kBlock <= iterations && AnyActive(d, g); ++block) {
        if (!StepBlock(d, g, ci, b2, n)) StepEach(d, g, ci, b2, n, n + kBlock);
        n += kBlock;
        CatchCycles(g, saved_r, saved_i, inside_count);
        if (block == next_save) {
          for (size_t u = 0; u < kUnroll; ++u) {
            saved_r[u] = g.zr[u];
            saved_i[u] = g.zi[u];
          }
          next_save *= 2;
        }
      }
    }
    if (AnyActive(d, g)) StepEach(d, g, ci, b2, n, iterations);

    for (size_t u = 0; u < kUnroll; ++u) {
      hn::Store(hn::DemoteTo(di, g.count[u]), di, counts + u * lanes);
    }
    const size_t valid = std::min(group_size, static_cast<size_t>(p.width - j0));
    std::memcpy(out + j0, counts, valid * sizeof(int32_t));
  }
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace mandelbrot
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace mandelbrot {

HWY_EXPORT(RenderRow);

namespace {

// The names users know, for --kernel: AVX3 is Highway's name for AVX-512.
std::string kernel_name(int64_t target) {
  switch (target) {
    case HWY_AVX3_DL:
      return "avx512-dl";
    case HWY_AVX3:
      return "avx512";
    case HWY_AVX2:
      return "avx2";
    case HWY_SSE4:
      return "sse4";
    case HWY_SSSE3:
      return "ssse3";
    case HWY_EMU128:
      return "emu128";
    case HWY_SCALAR:
      return "hwy-scalar";
  }
  std::string name = hwy::TargetName(target);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

}  // namespace

std::vector<SimdTarget> simd_targets() {
  std::vector<SimdTarget> targets;
  const int64_t supported = hwy::SupportedTargets();
  // HWY_TARGETS lists the compiled targets, one bit each, better targets in
  // lower bits. The dispatch table is indexed in Highway's "chosen target"
  // layout: dynamic targets by the shifted bit, the fallback last.
  for (int64_t rest = HWY_TARGETS; rest != 0; rest &= rest - 1) {
    const int64_t target = rest & -rest;
    const bool fallback = (target & (HWY_EMU128 | HWY_SCALAR)) != 0;
    const size_t index =
        fallback ? HWY_MAX_DYNAMIC_TARGETS + 1
                 : static_cast<size_t>(__builtin_ctzll(HWY_CHOSEN_TARGET_SHIFT(target)));
    targets.push_back(
        {kernel_name(target), HWY_DISPATCH_TABLE(RenderRow)[index], (supported & target) != 0});
  }
  return targets;
}

}  // namespace mandelbrot
#endif  // HWY_ONCE
