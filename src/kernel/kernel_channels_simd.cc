// The vectorised channel loop: kernel_channels.h's channel_row, compiled once
// per SIMD target by Highway (foreach_target.h re-includes this file for each
// target) and reached through the target's SimdEntry, so that a render's
// channels run on the target its counts do. It computes exactly the doubles of
// the scalar loop (kernel_channels.cc), lane by lane:
// - the row's counts are the kernel's (channel_row's REQUIRES), and a point
//   with count c >= 1 fails its check first at step c + 1 (c is the last step
//   that passed); with c = 0 the check of z_0 itself may fail (julia), so that
//   check is made here;
// - the escaped points are taken in column order, kUnroll vectors at a time
//   (neighbours often have the same count): a group of equal counts runs
//   exactly that many steps with no checks or masks, one of mixed counts masks
//   each lane after its own;
// - each lane's sample point is made with the operations of
//   KernelParams::sample (x_at's division included), z steps with the family's
//   step from fractal/formulas-inl.h and its derivative with
//   channel_formulas-inl.h's, and the values at escape are that file's.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernel/kernel_channels_simd.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Include after foreach_target.h.
#include <hwy/highway.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "fractal/formulas-inl.h"
#include "kernel/channel_formulas-inl.h"
#include "kernel/kernel.h"
#include "kernel/kernel_channels.h"

HWY_BEFORE_NAMESPACE();
namespace mandelbrot {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

namespace {

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;
constexpr size_t kMaxLanes = HWY_MAX_BYTES / sizeof(double);

// The vector instance of the number type of fractal/formulas-inl.h and
// kernel/channel_formulas-inl.h.
struct ChannelVecOps {
  static HWY_INLINE V Add(V a, V b) { return hn::Add(a, b); }
  static HWY_INLINE V Sub(V a, V b) { return hn::Sub(a, b); }
  static HWY_INLINE V Mul(V a, V b) { return hn::Mul(a, b); }
  static HWY_INLINE V Div(V a, V b) { return hn::Div(a, b); }
  static HWY_INLINE V Abs(V a) { return hn::Abs(a); }
  static HWY_INLINE V Sqrt(V a) { return hn::Sqrt(a); }
  static HWY_INLINE V Set(double a) { return hn::Set(D(), a); }
  static HWY_INLINE V Select(M m, V a, V b) { return hn::IfThenElse(m, a, b); }
  static HWY_INLINE M Finite(V a) {
    return hn::Lt(hn::Abs(a), hn::Set(D(), std::numeric_limits<double>::infinity()));
  }
  // channel_formulas-inl.h's split, on each lane's bits (the scalar one in
  // kernel_channels.cc does the same integer operations).
  static HWY_INLINE LogSplit<V, M> LogParts(V x) {
    const D d;
    const hn::RebindToUnsigned<D> du;
    const hn::RebindToSigned<D> di;
    const auto bits = hn::BitCast(du, x);
    const auto mantissa = hn::And(bits, hn::Set(du, kMantissaMask));
    const auto carry =
        hn::And(hn::Add(mantissa, hn::Set(du, kSqrt2Carry)), hn::Set(du, kImplicitBit));
    const V normal = hn::BitCast(d, hn::Or(mantissa, hn::Xor(carry, hn::Set(du, kExponentOne))));
    const auto exponent = hn::Add(hn::ShiftRight<52>(bits), hn::ShiftRight<52>(carry));
    const V k = hn::Sub(hn::ConvertTo(d, hn::BitCast(di, exponent)), hn::Set(d, 1023.0));
    const V hx = hn::ConvertTo(d, hn::BitCast(di, hn::ShiftRight<32>(mantissa)));
    const M form =
        hn::And(hn::Ge(hx, hn::Set(d, kHfsqFormLow)), hn::Le(hx, hn::Set(d, kHfsqFormHigh)));
    return {k, hn::Sub(normal, hn::Set(d, 1.0)), form};
  }
};

// Independent vectors in flight: one step's dependency chain is long, so
// several vectors keep the FP units busy (as in the count kernel).
constexpr size_t kUnroll = 3;

template <bool kDerivative, class Step>
class ChannelRowRunner {
 public:
  ChannelRowRunner(const Step& step, const KernelParams& params, int32_t row, const RowOut& out)
      : step_(step),
        params_(params),
        out_(out),
        degree_(step_degree(params.family)),
        degree_v_(hn::Set(d_, static_cast<double>(degree_))),
        log_degree_(Log<ChannelVecOps>(degree_v_)),
        b2_(hn::Set(d_, params.bailout * params.bailout)),
        pixel_(hn::Set(d_, pixel_width(params))),
        y_(hn::Set(d_, params.y_at(row))),
        derivative_add_(params.family.julia() ? hn::Zero(d_) : hn::Set(d_, 1.0)) {}

  void Run() {
    for (int32_t from = 0; from < params_.width; from += kColumns) {
      Order(from, std::min(params_.width, from + kColumns));
      if (points_ == 0) continue;
      // Padded to whole groups with the last point.
      const size_t group = kUnroll * hn::Lanes(d_);
      const size_t padded = (points_ + group - 1) / group * group;
      for (size_t p = points_; p < padded; ++p) {
        column_[p] = column_[points_ - 1];
        target_[p] = target_[points_ - 1];
      }
      for (size_t first = 0; first < padded; first += group) Orbits(first);
      Values();
    }
  }

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  // The columns taken at a time, so that the scratch below lives on the stack
  // (a row's own buffers, made and freed per row, cost more than the loop).
  static constexpr int32_t kColumns = 256;
  static constexpr size_t kScratch = kColumns + kUnroll * kMaxLanes;

  // index_: the escaped columns of [from, to) in order, with column_ (as
  // doubles, with the column offset) and target_ (count + 1) in the same
  // order; NaN into out_ for the points inside.
  void Order(int32_t from, int32_t to) {
    const int32_t inside = params_.iterations - 1;
    size_t at = 0;
    for (int32_t j = from; j < to; ++j) {
      const int32_t c = out_.counts[j];
      if (c == inside) {
        if (out_.smooth) out_.smooth[j] = kNaN;
        if (out_.distance) out_.distance[j] = kNaN;
        continue;
      }
      index_[at] = j;
      column_[at] = static_cast<double>(params_.column_offset + j);
      target_[at] = static_cast<double>(c) + 1.0;
      ++at;
    }
    points_ = at;
  }

  // KernelParams::sample() of the columns at `column`, lane by lane: x_at's
  // formula, then rotate()'s.
  HWY_INLINE void Sample(const double* column, V* re, V* im) const {
    const Region& region = params_.region;
    *re = hn::Add(hn::Set(d_, region.xmin),
                  hn::Mul(hn::Div(hn::LoadU(d_, column),
                                  hn::Set(d_, static_cast<double>(params_.full_width()))),
                          hn::Set(d_, region.xmax - region.xmin)));
    *im = y_;
    const Rotation& rotation = params_.rotation;
    if (!rotation.identity()) {
      const V u = hn::Sub(*re, hn::Set(d_, rotation.cx));
      const V v = hn::Sub(*im, hn::Set(d_, rotation.cy));
      const V cos = hn::Set(d_, rotation.cos);
      const V sin = hn::Set(d_, rotation.sin);
      *re = hn::Add(hn::Set(d_, rotation.cx), hn::Sub(hn::Mul(u, cos), hn::Mul(v, sin)));
      *im = hn::Add(hn::Set(d_, rotation.cy), hn::Add(hn::Mul(u, sin), hn::Mul(v, cos)));
    }
  }

  // One vector's orbit state.
  struct Lanes {
    V zr, zi, cr, ci, dzr, dzi, escape, x2, y2, target;
    M active;
  };

  // One step of every lane, or with kMasked of the active lanes only (the
  // others hold their values; escape counts the steps taken).
  template <bool kMasked>
  HWY_INLINE void Advance(Lanes& s) const {
    V nzr = s.zr;
    V nzi = s.zi;
    if constexpr (kDerivative) {
      V nr = s.dzr;
      V ni = s.dzi;
      DerivativeStep<ChannelVecOps>(degree_, degree_v_, derivative_add_, s.zr, s.zi, nr, ni);
      s.dzr = kMasked ? hn::IfThenElse(s.active, nr, s.dzr) : nr;
      s.dzi = kMasked ? hn::IfThenElse(s.active, ni, s.dzi) : ni;
    }
    step_.template Step<ChannelVecOps>(s.x2, s.y2, nzr, nzi, s.cr, s.ci);
    s.zr = kMasked ? hn::IfThenElse(s.active, nzr, s.zr) : nzr;
    s.zi = kMasked ? hn::IfThenElse(s.active, nzi, s.zi) : nzi;
    if constexpr (kMasked) {
      s.escape = hn::IfThenElse(s.active, hn::Add(s.escape, hn::Set(d_, 1.0)), s.escape);
    }
    s.x2 = hn::Mul(s.zr, s.zr);
    s.y2 = hn::Mul(s.zi, s.zi);
  }

  // The orbits of the group of points from `first` to their escape, their state
  // there into escape_, m2_, dzr_ and dzi_.
  void Orbits(size_t first) {
    const size_t lanes = hn::Lanes(d_);
    const bool julia = params_.family.julia();
    const V zero = hn::Zero(d_);
    Lanes s[kUnroll];
    // The most steps a lane of the group takes, and whether all take as many.
    double most = target_[first];
    bool uniform = true;
    for (size_t p = first + 1; p < first + kUnroll * lanes; ++p) {
      uniform = uniform && target_[p] == most;
      most = std::max(most, target_[p]);
    }
    for (size_t u = 0; u < kUnroll; ++u) {
      V re, im;
      Sample(column_ + first + u * lanes, &re, &im);
      s[u].zr = julia ? re : zero;
      s[u].zi = julia ? im : zero;
      s[u].cr = julia ? hn::Set(d_, params_.family.julia_re) : re;
      s[u].ci = julia ? hn::Set(d_, params_.family.julia_im) : im;
      s[u].dzr = julia ? hn::Set(d_, 1.0) : zero;
      s[u].dzi = zero;
      s[u].x2 = hn::Mul(s[u].zr, s[u].zr);
      s[u].y2 = hn::Mul(s[u].zi, s[u].zi);
      s[u].target = hn::LoadU(d_, target_ + first + u * lanes);
      // The check of z_0, which only a count of 0 leaves open.
      s[u].active = hn::Le(hn::Add(s[u].x2, s[u].y2), b2_);
      uniform = uniform && hn::AllTrue(d_, s[u].active);
      s[u].escape = zero;
    }
    const int32_t steps = static_cast<int32_t>(most);
    if (uniform) {
      for (int32_t n = 0; n < steps; ++n) {
#pragma GCC unroll 4
        for (Lanes& lane : s) Advance<false>(lane);
      }
      for (Lanes& lane : s) lane.escape = lane.target;
    } else {
      for (int32_t n = 0; n < steps; ++n) {
        const V step = hn::Set(d_, static_cast<double>(n));
#pragma GCC unroll 4
        for (Lanes& lane : s) {
          lane.active = hn::And(lane.active, hn::Lt(step, lane.target));
          Advance<true>(lane);
        }
      }
    }
    for (size_t u = 0; u < kUnroll; ++u) {
      const size_t at = first + u * lanes;
      hn::StoreU(s[u].escape, d_, escape_ + at);
      hn::StoreU(hn::Add(s[u].x2, s[u].y2), d_, m2_ + at);
      if constexpr (kDerivative) {
        hn::StoreU(s[u].dzr, d_, dzr_ + at);
        hn::StoreU(s[u].dzi, d_, dzi_ + at);
      }
    }
  }

  // The channels of every escaped point from its state at escape, into out_:
  // a loop of independent vectors, apart from the orbits' (the logarithm's
  // chain of operations is long).
  void Values() {
    const size_t lanes = hn::Lanes(d_);
    HWY_ALIGN double smooth[kMaxLanes];
    HWY_ALIGN double distance[kMaxLanes];
    for (size_t first = 0; first < points_; first += lanes) {
      const V escape = hn::LoadU(d_, escape_ + first);
      const V m2 = hn::LoadU(d_, m2_ + first);
      const V log_m2 = Log<ChannelVecOps>(m2);
      if (out_.smooth) {
        const V s = SmoothValue<ChannelVecOps>(escape, log_m2, log_degree_);
        hn::Store(s, d_, smooth);
      }
      if constexpr (kDerivative) {
        const V e = DistanceValue<ChannelVecOps>(m2, log_m2, hn::LoadU(d_, dzr_ + first),
                                                 hn::LoadU(d_, dzi_ + first), pixel_);
        hn::Store(e, d_, distance);
      }
      const size_t valid = std::min(lanes, points_ - first);
      for (size_t l = 0; l < valid; ++l) {
        const int32_t j = index_[first + l];
        if (out_.smooth) out_.smooth[j] = smooth[l];
        if constexpr (kDerivative) out_.distance[j] = distance[l];
      }
    }
  }

  const D d_;
  const Step& step_;
  const KernelParams& params_;
  const RowOut& out_;
  const int32_t degree_;
  const V degree_v_;
  const V log_degree_;
  const V b2_;
  const V pixel_;
  const V y_;
  const V derivative_add_;   // DerivativeStep's add: 1 for dz/dc, 0 for julia's dz/dz_0
  int32_t index_[kScratch];  // the escaped columns of the columns at hand
  size_t points_ = 0;        // how many
  // In index_'s order, padded to whole groups: the column as a double (with
  // the column offset), count + 1, and the state at escape.
  HWY_ALIGN double column_[kScratch];
  HWY_ALIGN double target_[kScratch];
  HWY_ALIGN double escape_[kScratch];
  HWY_ALIGN double m2_[kScratch];
  HWY_ALIGN double dzr_[kScratch];
  HWY_ALIGN double dzi_[kScratch];
};

}  // namespace

// This target's channel_row (kernel/kernel_channels.h has the contract).
void ChannelRow(const KernelParams& params, int32_t row, const RowOut& out) {
  VisitStep(params.family, [&](const auto& step) {
    using Step = std::decay_t<decltype(step)>;
    if (out.distance) {
      ChannelRowRunner<true, Step>(step, params, row, out).Run();
    } else {
      ChannelRowRunner<false, Step>(step, params, row, out).Run();
    }
  });
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace mandelbrot
HWY_AFTER_NAMESPACE();
