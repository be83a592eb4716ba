// The vectorised kernel: many pixels per instruction, compiled once per SIMD
// target by Highway (foreach_target.h re-includes this file for each target)
// and chosen at run time. It computes exactly the counts of the scalar
// reference (kernel_scalar.cc) for every family; kernel_test.cc checks every
// compiled target. The row function is a template on the family's step (from
// fractal/formulas-inl.h, shared with the scalar reference) and on where c comes
// from, instantiated once per target and chosen once per render by SelectRow.
//
// Exactness, step by step:
// - Sample points are the reference's: x_at(j) precomputed per render, y_at(i)
//   per row, and for rotated views each point made by KernelParams::rotate(),
//   so every lane holds the same z_0 and c as the scalar loop.
// - One step is the family's step from fractal/formulas-inl.h, the very code the
//   reference runs, with Mul/Add/Sub/Abs only; no MulAdd, so no fused rounding.
// - A lane is active until its first failed check, like the scalar `break`;
//   its count is frozen from then on, whatever its z does.
// - Lanes still running after 32, 128 and 512 steps are repacked densely into
//   new groups with their whole state (c, z, count, saved z, pixel index); every
//   lane of a level is at the same step, so the steps are the same as before.
// Shortcuts (only with shortcuts on, and only where the step declares them
// proven: see fractal/formulas-inl.h), each unable to change a count:
// - Main cardioid and period-2 bulb (Mandelbrot step, parameter plane, when
//   bailout >= 2): a point whose
//   attracting cycle has multiplier |mu| <= kMultiplierMargin is in the set, its
//   orbit stays within |z| <= 2, so it never fails the check and its count is
//   iterations - 1. The margin keeps boundary points, whose orbits converge
//   slowly, iterating normally.
// - Periodicity (every family): z is saved at z_0 and at block boundaries
//   (Brent: at blocks 1, 2, 4, ...); c is fixed per pixel, so when z is bit for
//   bit equal to a saved z, every value of the cycle has already passed the
//   check, and the orbit never escapes.
// - Block escape tests: when the step declares monotone escape, bailout >= 2 and
//   every |c| of the row is at most monotone_escape_limit(B), about B^2 - B,
//   escape is monotone (once the computed check fails, every later computed |z|
//   stays above B; inf and NaN fail too: docs/SEMANTICS.md has the proof). Then checking only the
//   last step of a block of kBlock steps tells whether any step escaped, and a block with an
//   escaping lane is replayed step by step from its saved start to find the
//   exact count.
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
#include <type_traits>
#include <vector>

#include "fractal/formulas-inl.h"
#include "kernel/cpu_targets.h"
#include "kernel/kernel.h"
#include "kernel/kernel_simd.h"
#include "kernel/row_context.h"

HWY_BEFORE_NAMESPACE();
namespace mandelbrot {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Independent vectors in flight per thread: one step's dependency chain is long
// (mul -> sub -> add), so several chains keep the FP units busy, as long as a
// group's state fits the registers. Measured best on every target: 3
// (docs/PERFORMANCE.md; AVX2 had 4 until it repacked its survivors too).
constexpr size_t kUnroll = 3;
constexpr int32_t kBlock = 8;
constexpr double kMultiplierMargin = 0.995;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;

static_assert(2 * kUnroll * HWY_MAX_BYTES / sizeof(double) <= kSamplePadding,
              "the sample arrays' padding must hold two groups");

// The vector instance of the families' number type (fractal/formulas-inl.h).
struct VecOps {
  static HWY_INLINE V Add(V a, V b) { return hn::Add(a, b); }
  static HWY_INLINE V Sub(V a, V b) { return hn::Sub(a, b); }
  static HWY_INLINE V Mul(V a, V b) { return hn::Mul(a, b); }
  static HWY_INLINE V Abs(V a) { return hn::Abs(a); }
};

// Where a lane's c comes from, fixed per render so that the row function is
// compiled for it: the fewer distinct c vectors, the fewer registers a group needs.
enum class CMode {
  kRowIm,     // parameter plane, unrotated: c = (column x, the row's y)
  kPerLane,   // parameter plane, rotated: both parts vary along the row
  kConstant,  // julia: c is the constant for every lane
};

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
// index, its c, its orbit, its count so far and the z saved for periodicity
// checks. Every lane of cr[u] and ci[u] holds its own c (so that lanes can be
// repacked), but the step loops read the parts that the CMode makes shared from
// RowRunner's constants instead (see RowRunner::Cr/Ci).
struct Group {
  V cr[kUnroll], ci[kUnroll], zr[kUnroll], zi[kUnroll], count[kUnroll], idx[kUnroll];
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

// Packs the lanes of vectors where `keep` is true densely to the front, the
// same lanes for each vector it is given (a lane's whole state moves together),
// and stores the vector whole: the buffers have a vector of slack. The
// permutation is worked out once per mask. On AVX-512 with the in-register
// compress (the compress-to-memory instruction is microcoded and slow on AMD's
// cores); on 2- and 4-lane targets with a lane permutation from a table (the
// emulated CompressStore looks its table up again for every vector).
#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL
class LanePacker {
 public:
  LanePacker(D /*d*/, M keep) : keep_(keep) {}
  HWY_INLINE void Store(D d, V v, double* p) const {
    hn::StoreU(V{_mm512_maskz_compress_pd(keep_.raw, v.raw)}, d, p);
  }

 private:
  M keep_;
};
#elif HWY_TARGET == HWY_SCALAR
class LanePacker {
 public:
  LanePacker(D /*d*/, M keep) : keep_(keep) {}
  HWY_INLINE void Store(D d, V v, double* p) const { hn::CompressStore(v, keep_, d, p); }

 private:
  M keep_;
};
#else
// Row `bits` of the table: the lanes whose bit is set, in order, then the others.
template <size_t kLanes>
struct PackTable {
  int64_t index[size_t{1} << kLanes][kLanes];
  constexpr PackTable() : index() {
    for (size_t bits = 0; bits < (size_t{1} << kLanes); ++bits) {
      size_t at = 0;
      for (size_t lane = 0; lane < kLanes; ++lane) {
        if ((bits >> lane) & 1) index[bits][at++] = static_cast<int64_t>(lane);
      }
      for (size_t lane = 0; lane < kLanes; ++lane) {
        if (!((bits >> lane) & 1)) index[bits][at++] = static_cast<int64_t>(lane);
      }
    }
  }
};
constexpr size_t kMaxPackLanes = HWY_MAX_BYTES / sizeof(double);
static_assert(kMaxPackLanes <= 4, "the permutation table is for up to 4 lanes");
constexpr PackTable<kMaxPackLanes> kPackTable;

class LanePacker {
 public:
  LanePacker(D d, M keep) : indices_(hn::SetTableIndices(d, Row(d, keep))) {}
  HWY_INLINE void Store(D d, V v, double* p) const {
    hn::StoreU(hn::TableLookupLanes(v, indices_), d, p);
  }

 private:
  static const int64_t* Row(D d, M keep) {
    uint8_t bits[8] = {};
    hn::StoreMaskBits(d, keep, bits);
    return kPackTable.index[bits[0]];
  }
  decltype(hn::SetTableIndices(D(), static_cast<const int64_t*>(nullptr))) indices_;
};
#endif

// Lanes outliving a level are stored in a LaneBuffer with their whole state and
// loaded again densely packed. Vectors without an active lane cost one test.
HWY_INLINE void AppendActive(D d, const Group& g, LaneBuffer& b) {
  for (size_t u = 0; u < kUnroll; ++u) {
    const M keep = g.active[u];
    if (hn::AllFalse(d, keep)) continue;
    const LanePacker pack(d, keep);
    const size_t at = b.size;
    pack.Store(d, g.cr[u], b.cr.data() + at);
    pack.Store(d, g.ci[u], b.ci.data() + at);
    pack.Store(d, g.zr[u], b.zr.data() + at);
    pack.Store(d, g.zi[u], b.zi.data() + at);
    pack.Store(d, g.count[u], b.count.data() + at);
    pack.Store(d, g.saved_r[u], b.saved_r.data() + at);
    pack.Store(d, g.saved_i[u], b.saved_i.data() + at);
    pack.Store(d, g.idx[u], b.idx.data() + at);
    b.size = at + hn::CountTrue(d, keep);
  }
}

HWY_INLINE void LoadLanes(D d, const LaneBuffer& b, size_t first, Group& g) {
  const size_t lanes = hn::Lanes(d);
  for (size_t u = 0; u < kUnroll; ++u) {
    const size_t at = first + u * lanes;
    g.cr[u] = hn::LoadU(d, b.cr.data() + at);
    g.ci[u] = hn::LoadU(d, b.ci.data() + at);
    g.zr[u] = hn::LoadU(d, b.zr.data() + at);
    g.zi[u] = hn::LoadU(d, b.zi.data() + at);
    g.count[u] = hn::LoadU(d, b.count.data() + at);
    g.saved_r[u] = hn::LoadU(d, b.saved_r.data() + at);
    g.saved_i[u] = hn::LoadU(d, b.saved_i.data() + at);
    g.idx[u] = hn::LoadU(d, b.idx.data() + at);
    g.active[u] =
        hn::Lt(hn::Iota(d, static_cast<double>(at)), hn::Set(d, static_cast<double>(b.size)));
  }
}

// The iteration of groups with the step `Step` and c as `kMode` says; its
// members are the render's constants.
template <class Step, CMode kMode>
class RowRunner {
 public:
  // shared_cr and shared_ci are the c parts every lane shares, if the mode
  // shares them (the row's y, or the Julia constant); else unused.
  RowRunner(const Step& step, double bailout_squared, int32_t iterations, V shared_cr, V shared_ci)
      : step_(step),
        b2_(hn::Set(d_, bailout_squared)),
        inside_count_(hn::Set(d_, static_cast<double>(iterations - 1))),
        shared_cr_(shared_cr),
        shared_ci_(shared_ci) {}

  // Steps first .. last - 1 of a group: blocks with a check at their end when
  // escape is monotone (with cycle checks at block ends, z saved for them after
  // blocks 1, 2, 4, ... of the orbit), else every step checked. A block in
  // which a lane stopped is replayed with a count at every step; while lanes
  // keep stopping (a group of points that escape at different early steps), the
  // next block is run that way at once instead of being run twice.
  HWY_INLINE void RunSteps(Group& g, bool blocks, int32_t first, int32_t last) const {
    int32_t n = first;
    if (blocks) {
      bool stopping = false;
      while (n + kBlock <= last && AnyActive(d_, g)) {
        if (stopping) {
          stopping = StepCounted(g, n, n + kBlock);
        } else if (!StepBlock(g, n)) {
          StepCounted(g, n, n + kBlock);
          stopping = true;
        }
        n += kBlock;
        CatchCycles(g);
        const int32_t blocks_done = n / kBlock;
        if ((blocks_done & (blocks_done - 1)) == 0) {
          for (size_t u = 0; u < kUnroll; ++u) {
            g.saved_r[u] = g.zr[u];
            g.saved_i[u] = g.zi[u];
          }
        }
      }
    }
    if (n < last && AnyActive(d_, g)) StepEach(g, n, last);
  }

  V inside_count() const { return inside_count_; }

 private:
  // The c of vector u: the render's constants where the mode makes c shared,
  // so that the step loops keep no per-vector copies of them.
  HWY_INLINE V Cr(const Group& g, size_t u) const {
    return kMode == CMode::kConstant ? shared_cr_ : g.cr[u];
  }
  HWY_INLINE V Ci(const Group& g, size_t u) const {
    return kMode == CMode::kPerLane ? g.ci[u] : shared_ci_;
  }

  // One step with its check, exactly as the scalar loop: lanes that fail stop.
  // With kCount, active lanes also count `n`.
  template <bool kCount>
  HWY_INLINE void StepChecked(Group& g, V n) const {
    for (size_t u = 0; u < kUnroll; ++u) {
      const V x2 = hn::Mul(g.zr[u], g.zr[u]);
      const V y2 = hn::Mul(g.zi[u], g.zi[u]);
      g.active[u] = StillInside(g.active[u], hn::Add(x2, y2), b2_);
      if (kCount) g.count[u] = hn::IfThenElse(g.active[u], n, g.count[u]);
      step_.template Step<VecOps>(x2, y2, g.zr[u], g.zi[u], Cr(g, u), Ci(g, u));
    }
  }

  // Steps n = first .. last - 1, each checked. Counts are recorded once per
  // stretch of kStretch steps: lanes still active after it count its last step.
  // A stretch in which some lane stopped is replayed from its saved start with a
  // count at every step, so that lane gets the exact step it stopped at. The same
  // stretch also tests whether every lane has stopped.
  static constexpr int32_t kStretch = 8;
  HWY_INLINE void StepEach(Group& g, int32_t first, int32_t last) const {
    const V one = hn::Set(d_, 1.0);
    int32_t n = first;
    for (; n + kStretch <= last; n += kStretch) {
      V zr0[kUnroll], zi0[kUnroll];
      M active0[kUnroll];
      for (size_t u = 0; u < kUnroll; ++u) {
        zr0[u] = g.zr[u];
        zi0[u] = g.zi[u];
        active0[u] = g.active[u];
      }
      for (int32_t k = 0; k < kStretch; ++k) StepChecked<false>(g, one);
      M stopped = hn::AndNot(g.active[0], active0[0]);
      for (size_t u = 1; u < kUnroll; ++u)
        stopped = hn::Or(stopped, hn::AndNot(g.active[u], active0[u]));
      if (hn::AllFalse(d_, stopped)) {
        const V last_step = hn::Set(d_, static_cast<double>(n + kStretch - 1));
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
      V step = hn::Set(d_, static_cast<double>(n));
      for (int32_t k = 0; k < kStretch; ++k) {
        StepChecked<true>(g, step);
        step = hn::Add(step, one);
      }
      if (!AnyActive(d_, g)) return;
    }
    V step = hn::Set(d_, static_cast<double>(n));
    for (; n < last; ++n) {
      StepChecked<true>(g, step);
      step = hn::Add(step, one);
    }
  }

  // Steps n = first .. last - 1, each checked and counted: for a stretch in
  // which lanes are likely to stop, where StepEach would run it twice. Returns
  // whether a lane stopped.
  HWY_INLINE bool StepCounted(Group& g, int32_t first, int32_t last) const {
    M active0[kUnroll];
    for (size_t u = 0; u < kUnroll; ++u) active0[u] = g.active[u];
    const V one = hn::Set(d_, 1.0);
    V step = hn::Set(d_, static_cast<double>(first));
    for (int32_t n = first; n < last; ++n) {
      StepChecked<true>(g, step);
      step = hn::Add(step, one);
    }
    M stopped = hn::AndNot(g.active[0], active0[0]);
    for (size_t u = 1; u < kUnroll; ++u) {
      stopped = hn::Or(stopped, hn::AndNot(g.active[u], active0[u]));
    }
    return !hn::AllFalse(d_, stopped);
  }

  // kBlock steps from n with only the last one checked. Returns false, with g
  // restored to its state at n, when an active lane failed the check (so the
  // block must be replayed step by step); else counts n + kBlock - 1 for the
  // active lanes.
  HWY_INLINE bool StepBlock(Group& g, int32_t n) const {
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
        if (k == kBlock - 1) escaped[u] = hn::Not(hn::Le(hn::Add(x2, y2), b2_));
        step_.template Step<VecOps>(x2, y2, g.zr[u], g.zi[u], Cr(g, u), Ci(g, u));
      }
    }
    M failed = hn::And(g.active[0], escaped[0]);
    for (size_t u = 1; u < kUnroll; ++u) failed = hn::Or(failed, hn::And(g.active[u], escaped[u]));
    if (!hn::AllFalse(d_, failed)) {
      for (size_t u = 0; u < kUnroll; ++u) {
        g.zr[u] = zr0[u];
        g.zi[u] = zi0[u];
      }
      return false;
    }
    const V last = hn::Set(d_, static_cast<double>(n + kBlock - 1));
    for (size_t u = 0; u < kUnroll; ++u) {
      g.count[u] = hn::IfThenElse(g.active[u], last, g.count[u]);
    }
    return true;
  }

  // Marks lanes whose z equals the saved z bit for bit as inside for good.
  HWY_INLINE void CatchCycles(Group& g) const {
    for (size_t u = 0; u < kUnroll; ++u) {
      const M cycle = hn::And(
          g.active[u], hn::And(hn::Eq(g.zr[u], g.saved_r[u]), hn::Eq(g.zi[u], g.saved_i[u])));
      g.count[u] = hn::IfThenElse(cycle, inside_count_, g.count[u]);
      g.active[u] = hn::AndNot(cycle, g.active[u]);
    }
  }

  const D d_;
  const Step step_;
  const V b2_;
  const V inside_count_;
  const V shared_cr_;
  const V shared_ci_;
};

// Steps at which the lanes still running are packed densely again: a group runs
// until its slowest lane is done, so lanes that stopped early would idle beside
// it. Measured on the default view (docs/PERFORMANCE.md): 61% of lane-steps are
// useful without levels, 85% with these.
// On every target since the lanes are packed with one permutation per vector
// (LanePacker): with Highway's emulated CompressStore, AVX2 lost more to
// repacking than it gained, and ran without it.
constexpr int32_t kLevelEnds[] = {32, 128, 512};
constexpr bool kRepackLevels = true;

// Whether escape is monotone for every c of the row (see the file comment):
// the largest |c| is bounded by the largest |re| and |im| of the row's c values.
template <class Step, CMode kMode>
bool MonotoneEscape(const RowContext& ctx) {
  const KernelParams& p = ctx.params;
  if (!ctx.shortcuts || !Step::kMonotoneEscape || !(p.bailout >= 2)) return false;
  double max_x = 0;
  double max_y = 0;
  if (kMode == CMode::kConstant) {
    max_x = std::abs(p.family.julia_re);
    max_y = std::abs(p.family.julia_im);
  } else if (kMode == CMode::kRowIm) {
    max_x = std::max(std::abs(p.region.xmin), std::abs(p.region.xmax));
    max_y = std::max(std::abs(p.region.ymin), std::abs(p.region.ymax));
  } else {
    for (int32_t j = 0; j < p.width; ++j) {
      max_x = std::max(max_x, std::abs(ctx.scratch.sample_re[static_cast<size_t>(j)]));
      max_y = std::max(max_y, std::abs(ctx.scratch.sample_im[static_cast<size_t>(j)]));
    }
  }
  const double c_limit = monotone_escape_limit(p.bailout);
  return max_x * max_x + max_y * max_y <= c_limit * c_limit;
}

template <class Step, CMode kMode>
void RenderRow(const RowContext& ctx, int32_t row, int32_t* out) {
  const KernelParams& p = ctx.params;
  const D d;
  const size_t lanes = hn::Lanes(d);
  const size_t group_size = kUnroll * lanes;
  const int32_t iterations = p.iterations;
  const V width = hn::Set(d, static_cast<double>(p.width));
  const hn::Rebind<int32_t, D> di;

  // The row's sample points: columns and the row's y, or rotated points.
  const bool rotated = !p.rotation.identity();
  if (rotated) fill_rotated_row(ctx, row);
  const double* sample_re = rotated ? ctx.scratch.sample_re.data() : ctx.columns;
  const double* sample_im = rotated ? ctx.scratch.sample_im.data() : nullptr;
  const V row_im = hn::Set(d, p.y_at(row));
  const V julia_re = hn::Set(d, p.family.julia_re);
  const V julia_im = hn::Set(d, p.family.julia_im);

  const RowRunner<Step, kMode> runner(Step(p.family), p.bailout * p.bailout, iterations, julia_re,
                                      kMode == CMode::kConstant ? julia_im : row_im);
  const V inside_count = runner.inside_count();
  const bool blocks = MonotoneEscape<Step, kMode>(ctx);
  // Orbits of points in the set stay within |z| <= 2, so a point known to be
  // inside never fails the check only when bailout >= 2.
  const bool known_inside_test =
      Step::kCardioidBulb && kMode != CMode::kConstant && ctx.shortcuts && p.bailout >= 2;

  LaneBuffer* survivors = &ctx.scratch.survivors;
  LaneBuffer* next = &ctx.scratch.next;
  const size_t capacity = static_cast<size_t>(p.width) + 2 * group_size;
  survivors->reserve(capacity);
  next->reserve(capacity);

  // Level 0: the row's pixels in order (all of the work, without repacking).
  int32_t level_end = kRepackLevels ? std::min(kLevelEnds[0], iterations) : iterations;
  next->size = 0;
  HWY_ALIGN int32_t counts[kUnroll * HWY_MAX_BYTES / sizeof(double)];
  for (int64_t j0 = 0; j0 < p.width; j0 += static_cast<int64_t>(group_size)) {
    Group g;
    for (size_t u = 0; u < kUnroll; ++u) {
      const size_t at = static_cast<size_t>(j0) + u * lanes;
      const V j = hn::Iota(d, static_cast<double>(at));
      const V re = hn::LoadU(d, sample_re + at);
      const V im = rotated ? hn::LoadU(d, sample_im + at) : row_im;
      if (kMode == CMode::kConstant) {
        g.cr[u] = julia_re;  // julia: c = K, z_0 = the sample point
        g.ci[u] = julia_im;
        g.zr[u] = g.saved_r[u] = re;
        g.zi[u] = g.saved_i[u] = im;
      } else {
        g.cr[u] = re;  // c = the sample point, z_0 = 0
        g.ci[u] = im;
        g.zr[u] = g.zi[u] = g.saved_r[u] = g.saved_i[u] = hn::Zero(d);
      }
      g.count[u] = hn::Zero(d);
      g.idx[u] = j;
      g.active[u] = hn::Lt(j, width);  // lanes past the row's end never run
      if (known_inside_test) {
        const M inside = KnownInside(d, g.cr[u], g.ci[u]);
        g.count[u] = hn::IfThenElse(inside, inside_count, g.count[u]);
        g.active[u] = hn::AndNot(inside, g.active[u]);
      }
    }
    runner.RunSteps(g, blocks, 0, level_end);
    // Lanes still running are written again when they finish. A whole group
    // is stored straight into the row; the row's last, partial one through
    // `counts`.
    const size_t valid = std::min(group_size, static_cast<size_t>(p.width - j0));
    int32_t* const dest = valid == group_size ? out + j0 : counts;
    for (size_t u = 0; u < kUnroll; ++u) {
      hn::StoreU(hn::DemoteTo(di, g.count[u]), di, dest + u * lanes);
    }
    if (dest == counts) std::memcpy(out + j0, counts, valid * sizeof(int32_t));
    if (level_end < iterations) AppendActive(d, g, *next);
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
      LoadLanes(d, *survivors, k0, g);
      runner.RunSteps(g, blocks, first, level_end);
      for (size_t u = 0; u < kUnroll; ++u) {
        hn::Store(hn::DemoteTo(di, g.count[u]), di, counts + u * lanes);
        hn::Store(g.idx[u], d, idx + u * lanes);
      }
      const size_t valid = std::min(group_size, survivors->size - k0);
      for (size_t l = 0; l < valid; ++l) out[static_cast<int64_t>(idx[l])] = counts[l];
      if (level_end < iterations) AppendActive(d, g, *next);
    }
  }
}

// This target's channel loop (kernel_channels_simd.cc, compiled for the same
// targets).
void ChannelRow(const KernelParams& params, int32_t row, const RowOut& out);

// The row function of this target for params: instantiated for the family's
// step and for where c comes from.
RowFunction SelectRow(const KernelParams& p) {
  return VisitStep(p.family, [&p](const auto& step) -> RowFunction {
    using Step = std::decay_t<decltype(step)>;
    // Julia sets use the square step (VisitStep), with c constant.
    if (p.family.julia()) return RenderRow<Step, CMode::kConstant>;
    if (!p.rotation.identity()) return RenderRow<Step, CMode::kPerLane>;
    return RenderRow<Step, CMode::kRowIm>;
  });
}

// This target's entry in the dispatch table: the row selector, and the target
// as the compiled code itself knows it (tests check that forcing a target runs
// that target's code).
SimdEntry TargetEntry() { return SimdEntry{HWY_TARGET, SelectRow, ChannelRow}; }

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace mandelbrot
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace mandelbrot {

namespace {

// Every target foreach_target.h compiled this file for, best first, with its
// entry. An explicit table rather than HWY_EXPORT's, whose first entry would
// call into libhwy.so (see kernel/cpu_targets.h).
struct CompiledTarget {
  int64_t target;
  SimdEntry (*entry)();
};
constexpr CompiledTarget kCompiledTargets[] = {
#if HWY_TARGETS & HWY_AVX3_DL
    {HWY_AVX3_DL, N_AVX3_DL::TargetEntry},
#endif
#if HWY_TARGETS & HWY_AVX3
    {HWY_AVX3, N_AVX3::TargetEntry},
#endif
#if HWY_TARGETS & HWY_AVX2
    {HWY_AVX2, N_AVX2::TargetEntry},
#endif
#if HWY_TARGETS & HWY_SSE4
    {HWY_SSE4, N_SSE4::TargetEntry},
#endif
#if HWY_TARGETS & HWY_SSSE3
    {HWY_SSSE3, N_SSSE3::TargetEntry},
#endif
#if HWY_TARGETS & HWY_EMU128
    {HWY_EMU128, N_EMU128::TargetEntry},
#endif
#if HWY_TARGETS & HWY_SCALAR
    {HWY_SCALAR, N_SCALAR::TargetEntry},
#endif
};

}  // namespace

// The names users know, for --kernel: AVX3 is Highway's name for AVX-512.
std::string simd_target_name(int64_t target) {
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

std::vector<SimdTarget> simd_targets() {
  std::vector<SimdTarget> targets;
  for (const CompiledTarget& compiled : kCompiledTargets) {
    const bool runs = cpu_runs_target(compiled.target);
    // Only code this CPU runs is called, even to ask its target.
    const SimdEntry entry = runs ? compiled.entry() : SimdEntry{};
    targets.push_back({simd_target_name(compiled.target), entry, runs});
  }
  return targets;
}

}  // namespace mandelbrot
#endif  // HWY_ONCE
