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
// - Lanes still running after 32, 128 and 512 steps are repacked densely into
//   new groups with their whole state (c, z, count, saved z, pixel index); every
//   lane of a level is at the same step, so the steps are the same as before.
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
#define HWY_TARGET_INCLUDE "kernel/kernel_simd.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Include after foreach_target.h.
#include <hwy/highway.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <iterator>
#include <vector>

#include "kernel/kernel.h"
#include "kernel/kernel_simd.h"

HWY_BEFORE_NAMESPACE();
namespace mandelbrot {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Independent vectors in flight per thread: one step's dependency chain is long
// (mul -> sub -> add), so several chains keep the FP units busy, as long as a
// group's state fits the registers. Measured best per target: 4 for AVX2, 3
// elsewhere (see docs/PERFORMANCE.md).
constexpr size_t kUnroll = HWY_TARGET == HWY_AVX2 ? 4 : 3;
constexpr int32_t kBlock = 8;
constexpr double kMultiplierMargin = 0.995;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;

// Lanes inside the main cardioid or the period-2 bulb with |multiplier| <= margin.
// Cardioid: mu = 1 - sqrt(1 - 4c) (principal root); bulb: mu = 4(c + 1).
// |mu| is computed in single precision, which is cheaper (its square roots
// above all) and safe: its error, about 1e-6, cannot take a point with |mu| >= 1
// below the margin.
HWY_INLINE M KnownInside(D d, V cr, V ci) {
  // Both shapes lie in [-1.25, 0.375] x [-0.65, 0.65]: most vectors of a view
  // are nowhere near them and skip the rest.
  const M in_box = hn::And(hn::And(hn::Ge(cr, hn::Set(d, -1.26)), hn::Le(cr, hn::Set(d, 0.38))),
                           hn::Le(hn::Abs(ci), hn::Set(d, 0.66)));
  if (hn::AllFalse(d, in_box)) return in_box;
  const hn::Rebind<float, D> df;
  using VF = hn::Vec<decltype(df)>;
  const VF x = hn::DemoteTo(df, cr);
  const VF y = hn::DemoteTo(df, ci);
  const VF one = hn::Set(df, 1.0f);
  const VF half = hn::Set(df, 0.5f);
  // w^2 = 1 - 4c = a + bi; Re w = sqrt((|w^2| + a) / 2), |Im w| = sqrt((|w^2| - a) / 2).
  const VF a = hn::Sub(one, hn::Mul(hn::Set(df, 4.0f), x));
  const VF b = hn::Mul(hn::Set(df, 4.0f), y);
  const VF modulus = hn::Sqrt(hn::Add(hn::Mul(a, a), hn::Mul(b, b)));
  const VF re_w = hn::Sqrt(hn::Mul(half, hn::Add(modulus, a)));
  const VF im_w = hn::Sqrt(hn::ZeroIfNegative(hn::Mul(half, hn::Sub(modulus, a))));
  const VF mu_re = hn::Sub(one, re_w);
  const VF cardioid_mu2 = hn::Add(hn::Mul(mu_re, mu_re), hn::Mul(im_w, im_w));
  const VF xr = hn::Add(x, one);
  const VF bulb_mu2 = hn::Mul(hn::Set(df, 16.0f), hn::Add(hn::Mul(xr, xr), hn::Mul(y, y)));
  const V mu2 = hn::PromoteTo(d, hn::Min(cardioid_mu2, bulb_mu2));
  return hn::And(in_box, hn::Le(mu2, hn::Set(d, kMultiplierMargin * kMultiplierMargin)));
}

// The lanes in flight: kUnroll vectors of points, each lane with its pixel
// index, its orbit, its count so far and the z saved for periodicity checks.
struct Group {
  V cr[kUnroll], zr[kUnroll], zi[kUnroll], count[kUnroll], idx[kUnroll];
  V saved_r[kUnroll], saved_i[kUnroll];
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
HWY_INLINE void CatchCycles(Group& g, V inside_count) {
  for (size_t u = 0; u < kUnroll; ++u) {
    const M cycle =
        hn::And(g.active[u], hn::And(hn::Eq(g.zr[u], g.saved_r[u]), hn::Eq(g.zi[u], g.saved_i[u])));
    g.count[u] = hn::IfThenElse(cycle, inside_count, g.count[u]);
    g.active[u] = hn::AndNot(cycle, g.active[u]);
  }
}

// Steps first .. last - 1 of a group: blocks with a check at their end when
// escape is monotone (with cycle checks at block ends, z saved for them after
// blocks 1, 2, 4, ... of the orbit), else every step checked.
HWY_INLINE void RunSteps(D d, Group& g, V ci, V b2, V inside_count, bool blocks, int32_t first,
                         int32_t last) {
  int32_t n = first;
  if (blocks) {
    while (n + kBlock <= last && AnyActive(d, g)) {
      if (!StepBlock(d, g, ci, b2, n)) StepEach(d, g, ci, b2, n, n + kBlock);
      n += kBlock;
      CatchCycles(g, inside_count);
      const int32_t blocks_done = n / kBlock;
      if ((blocks_done & (blocks_done - 1)) == 0) {
        for (size_t u = 0; u < kUnroll; ++u) {
          g.saved_r[u] = g.zr[u];
          g.saved_i[u] = g.zi[u];
        }
      }
    }
  }
  if (n < last && AnyActive(d, g)) StepEach(d, g, ci, b2, n, last);
}

// Lanes that outlive a level, kept as arrays (one entry per lane) so that the
// next level can pack them densely into groups again.
struct Survivors {
  std::vector<double> cr, zr, zi, count, idx, saved_r, saved_i;
  size_t size = 0;

  // Room for n lanes and the slack CompressStore and full-vector loads need.
  void reserve(size_t n) {
    for (std::vector<double>* v : {&cr, &zr, &zi, &count, &idx, &saved_r, &saved_i}) {
      if (v->size() < n) v->assign(n, 0.0);
    }
  }

  void append_active(D d, const Group& g) {
    size_t added = 0;
    for (size_t u = 0; u < kUnroll; ++u) {
      const M keep = g.active[u];
      hn::CompressStore(g.cr[u], keep, d, cr.data() + size);
      hn::CompressStore(g.zr[u], keep, d, zr.data() + size);
      hn::CompressStore(g.zi[u], keep, d, zi.data() + size);
      hn::CompressStore(g.count[u], keep, d, count.data() + size);
      hn::CompressStore(g.saved_r[u], keep, d, saved_r.data() + size);
      hn::CompressStore(g.saved_i[u], keep, d, saved_i.data() + size);
      added = hn::CompressStore(g.idx[u], keep, d, idx.data() + size);
      size += added;
    }
  }

  void load(D d, size_t first, Group& g) const {
    const size_t lanes = hn::Lanes(d);
    for (size_t u = 0; u < kUnroll; ++u) {
      const size_t at = first + u * lanes;
      g.cr[u] = hn::LoadU(d, cr.data() + at);
      g.zr[u] = hn::LoadU(d, zr.data() + at);
      g.zi[u] = hn::LoadU(d, zi.data() + at);
      g.count[u] = hn::LoadU(d, count.data() + at);
      g.saved_r[u] = hn::LoadU(d, saved_r.data() + at);
      g.saved_i[u] = hn::LoadU(d, saved_i.data() + at);
      g.idx[u] = hn::LoadU(d, idx.data() + at);
      g.active[u] =
          hn::Lt(hn::Iota(d, static_cast<double>(at)), hn::Set(d, static_cast<double>(size)));
    }
  }
};

// The sample x of every column: the same for every row of a render, so computed
// once per thread and render (a division per pixel saved), exactly as x_at().
const std::vector<double>& ColumnXs(D d, const KernelParams& p, size_t padding) {
  thread_local std::vector<double> xs;
  thread_local double xmin = 0, xmax = 0;
  thread_local int32_t width = 0;
  if (width != p.width || xmin != p.region.xmin || xmax != p.region.xmax || xs.empty()) {
    xs.assign(static_cast<size_t>(p.width) + padding, 0.0);
    const size_t lanes = hn::Lanes(d);
    const V w = hn::Set(d, static_cast<double>(p.width));
    const V lo = hn::Set(d, p.region.xmin);
    const V span = hn::Set(d, p.region.xmax - p.region.xmin);
    for (size_t j = 0; j < static_cast<size_t>(p.width); j += lanes) {
      const V x = hn::Add(lo, hn::Mul(hn::Div(hn::Iota(d, static_cast<double>(j)), w), span));
      hn::StoreU(x, d, xs.data() + j);  // the padding takes the tail
    }
    width = p.width;
    xmin = p.region.xmin;
    xmax = p.region.xmax;
  }
  return xs;
}

// Steps at which the lanes still running are packed densely again: a group runs
// until its slowest lane is done, so lanes that stopped early would idle beside
// it. Measured on the default view (docs/PERFORMANCE.md): 61% of lane-steps are
// useful without levels, 85% with these.
// Not on AVX2, where Highway emulates compression of 4 doubles with tables and
// repacking cost more than it saved (measured); AVX-512 has an instruction for
// it, and with SSE's 2 lanes it is a shuffle.
constexpr int32_t kLevelEnds[] = {32, 128, 512};
constexpr bool kRepackLevels = HWY_TARGET != HWY_AVX2;

void RenderRow(const KernelParams& p, int32_t row, bool shortcuts, int32_t* out) {
  const D d;
  const size_t lanes = hn::Lanes(d);
  const size_t group_size = kUnroll * lanes;
  const int32_t iterations = p.iterations;
  const V ci = hn::Set(d, p.y_at(row));
  const V b2 = hn::Set(d, p.bailout * p.bailout);
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

  thread_local Survivors survivors_a;
  thread_local Survivors survivors_b;
  Survivors* survivors = &survivors_a;
  Survivors* next = &survivors_b;
  const size_t capacity = static_cast<size_t>(p.width) + 2 * group_size;
  survivors->reserve(capacity);
  next->reserve(capacity);

  const double* xs = ColumnXs(d, p, 2 * group_size).data();

  // Level 0: the row's pixels in order (all of the work, without repacking).
  int32_t level_end = kRepackLevels ? std::min(kLevelEnds[0], iterations) : iterations;
  next->size = 0;
  HWY_ALIGN int32_t counts[kUnroll * HWY_MAX_BYTES / sizeof(double)];
  for (int64_t j0 = 0; j0 < p.width; j0 += static_cast<int64_t>(group_size)) {
    Group g;
    for (size_t u = 0; u < kUnroll; ++u) {
      const size_t at = static_cast<size_t>(j0) + u * lanes;
      const V j = hn::Iota(d, static_cast<double>(at));
      g.cr[u] = hn::LoadU(d, xs + at);
      g.zr[u] = g.zi[u] = g.count[u] = g.saved_r[u] = g.saved_i[u] = hn::Zero(d);  // z_0 = 0
      g.idx[u] = j;
      g.active[u] = hn::Lt(j, width);  // lanes past the row's end never run
      if (known_inside_test) {
        const M inside = KnownInside(d, g.cr[u], ci);
        g.count[u] = hn::IfThenElse(inside, inside_count, g.count[u]);
        g.active[u] = hn::AndNot(inside, g.active[u]);
      }
    }
    RunSteps(d, g, ci, b2, inside_count, blocks, 0, level_end);
    // Lanes still running are written again when they finish.
    for (size_t u = 0; u < kUnroll; ++u) {
      hn::Store(hn::DemoteTo(di, g.count[u]), di, counts + u * lanes);
    }
    const size_t valid = std::min(group_size, static_cast<size_t>(p.width - j0));
    std::memcpy(out + j0, counts, valid * sizeof(int32_t));
    if (level_end < iterations) next->append_active(d, g);
  }

  // Later levels: the survivors, packed densely.
  for (size_t level = 1; level_end < iterations && next->size > 0; ++level) {
    std::swap(survivors, next);
    next->size = 0;
    const int32_t first = level_end;
    level_end =
        level < std::size(kLevelEnds) ? std::min(kLevelEnds[level], iterations) : iterations;
    HWY_ALIGN double idx[kUnroll * HWY_MAX_BYTES / sizeof(double)];
    for (size_t k0 = 0; k0 < survivors->size; k0 += group_size) {
      Group g;
      survivors->load(d, k0, g);
      RunSteps(d, g, ci, b2, inside_count, blocks, first, level_end);
      for (size_t u = 0; u < kUnroll; ++u) {
        hn::Store(hn::DemoteTo(di, g.count[u]), di, counts + u * lanes);
        hn::Store(g.idx[u], d, idx + u * lanes);
      }
      const size_t valid = std::min(group_size, survivors->size - k0);
      for (size_t l = 0; l < valid; ++l) out[static_cast<int64_t>(idx[l])] = counts[l];
      if (level_end < iterations) next->append_active(d, g);
    }
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
