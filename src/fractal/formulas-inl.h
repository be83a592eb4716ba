// The step of every family (docs/SEMANTICS.md, "Families"), each written once as
// a templated pure function, and the one place that maps a Family to its step.
// The scalar reference instantiates them with ScalarOps (double); the SIMD
// kernel with its per-target vector ops. A step is called after the check
// `x2 + y2 <= B^2` passed, with x2 = zr*zr and y2 = zi*zi, and updates z in place
// in exactly the operation order of the contract, without fused multiply-add.
//
// Ops provides Add, Sub, Mul and Abs for its number type V.
//
// Highway's "-inl.h" convention: this file is included once per SIMD target
// (inside foreach_target.h's loop) and once by the scalar reference, so that the
// templates are compiled with the instruction set of the code that inlines them.
// REQUIRES: <hwy/highway.h> is included first.
#if defined(MANDELBROT_FRACTAL_FORMULAS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef MANDELBROT_FRACTAL_FORMULAS_INL_H_
#undef MANDELBROT_FRACTAL_FORMULAS_INL_H_
#else
#define MANDELBROT_FRACTAL_FORMULAS_INL_H_
#endif

#include <hwy/highway.h>

#include <cmath>
#include <cstdint>

#include "fractal/family.h"

HWY_BEFORE_NAMESPACE();
namespace mandelbrot {
namespace HWY_NAMESPACE {

// The number type of the scalar reference.
struct ScalarOps {
  static HWY_INLINE double Add(double a, double b) { return a + b; }
  static HWY_INLINE double Sub(double a, double b) { return a - b; }
  static HWY_INLINE double Mul(double a, double b) { return a * b; }
  static HWY_INLINE double Abs(double a) { return std::fabs(a); }
};

// Shortcut declarations, per step (docs/SEMANTICS.md, "Shortcuts"):
// - kCardioidBulb: the main cardioid / period-2 bulb test is proven for this
//   step in the parameter plane (z_0 = 0, c = the sample point).
// - kMonotoneEscape: with bailout B >= 2 and |c| <= monotone_escape_limit(B)
//   (fractal/family.h, about B^2 - B), once the check fails it fails at every
//   later step, so a block of steps may be checked at its end only. For every
//   step below the new z is w + c where |w| = |z|^d, d >= 2 (|conj(z)^2| =
//   |z|^2, and the burning ship's |x^2-y^2| + i|2xy| has the modulus of z^2),
//   so |z'| >= |z|^2 - |c| > B^2 - (B^2 - B) = B in exact arithmetic; the
//   factor 1 - 2^-40 of the limit covers the roundings (docs/SEMANTICS.md,
//   "Shortcuts", has the bound). Overflow gives inf, and inf - inf or 0 * inf
//   gives NaN: both fail every later check too.
// Bit-exact periodicity is valid for every step: c is fixed per pixel, so z
// alone is the state, and a z equal bit for bit to an earlier z of the orbit
// repeats a cycle whose values all passed the check.

// mandelbrot, julia (and multibrot 2): t = x2 - y2 + cr; zi = 2*zr*zi + ci; zr = t.
// 2*zr*zi is evaluated as (zr + zr) * zi: zr + zr is exactly 2*zr.
struct SquareStep {
  explicit SquareStep(const Family& /*family*/) {}
  static constexpr bool kCardioidBulb = true;
  static constexpr bool kMonotoneEscape = true;
  template <class Ops, class V>
  HWY_INLINE void Step(V x2, V y2, V& zr, V& zi, V cr, V ci) const {
    const V t = Ops::Add(Ops::Sub(x2, y2), cr);
    zi = Ops::Add(Ops::Mul(Ops::Add(zr, zr), zi), ci);
    zr = t;
  }
};

// burning-ship: t = x2 - y2 + cr; zi = fabs(2*zr*zi) + ci; zr = t.
struct BurningShipStep {
  explicit BurningShipStep(const Family& /*family*/) {}
  static constexpr bool kCardioidBulb = false;
  static constexpr bool kMonotoneEscape = true;
  template <class Ops, class V>
  HWY_INLINE void Step(V x2, V y2, V& zr, V& zi, V cr, V ci) const {
    const V t = Ops::Add(Ops::Sub(x2, y2), cr);
    zi = Ops::Add(Ops::Abs(Ops::Mul(Ops::Add(zr, zr), zi)), ci);
    zr = t;
  }
};

// tricorn: t = x2 - y2 + cr; zi = ci - 2*zr*zi; zr = t.
struct TricornStep {
  explicit TricornStep(const Family& /*family*/) {}
  static constexpr bool kCardioidBulb = false;
  static constexpr bool kMonotoneEscape = true;
  template <class Ops, class V>
  HWY_INLINE void Step(V x2, V y2, V& zr, V& zi, V cr, V ci) const {
    const V t = Ops::Add(Ops::Sub(x2, y2), cr);
    zi = Ops::Sub(ci, Ops::Mul(Ops::Add(zr, zr), zi));
    zr = t;
  }
};

// multibrot power d >= 3: w = z, then d - 1 times w = (wr*zr - wi*zi,
// wr*zi + wi*zr); z = (wr + cr, wi + ci). Power 2 uses SquareStep (see
// VisitStep): for it this order gives zr*zi + zi*zr where mandelbrot has
// 2*zr*zi, and the two differ when the product zr*zi is subnormal (it is
// rounded before doubling), so multibrot 2 is defined as the mandelbrot step.
// The power is a template parameter so that the loop unrolls. The first
// product is z*z: its real part zr*zr - zi*zi is x2 - y2 (the same roundings),
// and zr*zi + zi*zr is p + p with p = zr*zi (IEEE products commute), so the
// check's squares are reused: the same values, three fewer multiplications.
template <int32_t kPower>
struct MultibrotStep {
  static_assert(kPower >= 3 && kPower <= kMaxPower);
  static constexpr bool kCardioidBulb = false;
  static constexpr bool kMonotoneEscape = true;
  explicit MultibrotStep(const Family& /*family*/) {}
  template <class Ops, class V>
  HWY_INLINE void Step(V x2, V y2, V& zr, V& zi, V cr, V ci) const {
    const V p = Ops::Mul(zr, zi);
    V wr = Ops::Sub(x2, y2);
    V wi = Ops::Add(p, p);
    for (int32_t k = 2; k < kPower; ++k) {
      const V r = Ops::Sub(Ops::Mul(wr, zr), Ops::Mul(wi, zi));
      wi = Ops::Add(Ops::Mul(wr, zi), Ops::Mul(wi, zr));
      wr = r;
    }
    zr = Ops::Add(wr, cr);
    zi = Ops::Add(wi, ci);
  }
};

// Every step is made from the Family it computes.
// Calls visit(step) with the step of `family`, so that the caller's loops are
// instantiated for that step: the choice is made once, outside the loops.
// REQUIRES: family_problem(family) is empty.
template <class Visitor>
HWY_INLINE decltype(auto) VisitStep(const Family& family, Visitor&& visit) {
  switch (family.kind) {
    case FamilyKind::kBurningShip:
      return visit(BurningShipStep(family));
    case FamilyKind::kTricorn:
      return visit(TricornStep(family));
    case FamilyKind::kMultibrot:
      switch (family.power) {
        case 3:
          return visit(MultibrotStep<3>(family));
        case 4:
          return visit(MultibrotStep<4>(family));
        case 5:
          return visit(MultibrotStep<5>(family));
        case 6:
          return visit(MultibrotStep<6>(family));
        case 7:
          return visit(MultibrotStep<7>(family));
        case 8:
          return visit(MultibrotStep<8>(family));
      }
      return visit(SquareStep(family));  // power 2
    case FamilyKind::kMandelbrot:
    case FamilyKind::kJulia:
      break;
  }
  return visit(SquareStep(family));
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace mandelbrot
HWY_AFTER_NAMESPACE();

#endif  // MANDELBROT_FRACTAL_FORMULAS_INL_H_
