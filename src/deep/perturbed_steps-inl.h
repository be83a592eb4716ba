// The perturbed step of every family that has a deep-zoom method
// (docs/SEMANTICS.md, "Deep zoom"), each written once as a templated pure
// function shared by the scalar perturbation loop and the SIMD one, so that
// both compute the same doubles in the same order.
//
// A pixel's orbit is z_n = Z_m + dz, where Z is the reference orbit (stored as
// doubles) and dz the pixel's difference from it. Given Z = Z_m, dz and the
// pixel's offset dc from the reference point, Step() returns the difference
// dz' = z_{n+1} - Z_{m+1}, an identity in exact arithmetic (the reference's own
// step cancels), evaluated in doubles without fused multiply-add.
//
// Ops provides Set (a constant), Add, Sub, Mul, Neg, and for the burning ship's
// sign cases NonNegative(a) (a >= 0), Positive(a) (a > 0) and IfThenElse(mask, yes, no).
//
// A step with kLinear also gives what the bilinear approximation
// (deep/bla_table.h) needs: Derivative(Z), the step's derivative A in dz at
// dz = 0 (a complex number, as the step is holomorphic), kRadiusFactor, the
// k for which the terms of dz' beyond A dz + dc are at most epsilon |A dz| when
// |dz| <= k epsilon |Z| (docs/SEMANTICS.md, "Deep zoom"), and for the quadratic
// maps kDegree d (the step is a polynomial of degree d in dz) and
// SecondCoefficient(Z), the coefficient C of dz^2.
//
// Highway's "-inl.h" convention, as fractal/formulas-inl.h: included once per
// SIMD target and once by the scalar loop.
// REQUIRES: <hwy/highway.h> is included first.
#if defined(MANDELBROT_DEEP_PERTURBED_STEPS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef MANDELBROT_DEEP_PERTURBED_STEPS_INL_H_
#undef MANDELBROT_DEEP_PERTURBED_STEPS_INL_H_
#else
#define MANDELBROT_DEEP_PERTURBED_STEPS_INL_H_
#endif

#include <hwy/highway.h>

#include <cmath>
#include <cstdint>

#include "deep/float_exp.h"
#include "fractal/family.h"

HWY_BEFORE_NAMESPACE();
namespace mandelbrot {
namespace HWY_NAMESPACE {

// The number type of the scalar loop.
struct ScalarDeepOps {
  using Mask = bool;
  static HWY_INLINE double Set(double a) { return a; }
  static HWY_INLINE double Add(double a, double b) { return a + b; }
  static HWY_INLINE double Sub(double a, double b) { return a - b; }
  static HWY_INLINE double Mul(double a, double b) { return a * b; }
  static HWY_INLINE double Div(double a, double b) { return a / b; }
  static HWY_INLINE double Neg(double a) { return -a; }
  static HWY_INLINE bool NonNegative(double a) { return a >= 0; }
  static HWY_INLINE bool Positive(double a) { return a > 0; }
  static HWY_INLINE double IfThenElse(bool m, double yes, double no) { return m ? yes : no; }
  static HWY_INLINE double Abs(double a) { return std::fabs(a); }
  // a < b for a, b >= 0.
  static HWY_INLINE bool Less(double a, double b) { return a < b; }
  static HWY_INLINE bool Passes(double r2, double b2) { return r2 <= b2; }
};

// The number type of the extended range (deep/float_exp.h), scalar only.
struct FloatExpOps {
  using Mask = bool;
  static HWY_INLINE FloatExp Set(double a) { return to_float_exp(a); }
  static HWY_INLINE FloatExp Add(FloatExp a, FloatExp b) { return a + b; }
  static HWY_INLINE FloatExp Sub(FloatExp a, FloatExp b) { return a - b; }
  static HWY_INLINE FloatExp Mul(FloatExp a, FloatExp b) { return a * b; }
  static HWY_INLINE FloatExp Div(FloatExp a, FloatExp b) { return a / b; }
  static HWY_INLINE FloatExp Neg(FloatExp a) { return -a; }
  static HWY_INLINE bool NonNegative(FloatExp a) { return a.m >= 0; }
  static HWY_INLINE bool Positive(FloatExp a) { return a.m > 0; }
  static HWY_INLINE FloatExp IfThenElse(bool m, FloatExp yes, FloatExp no) { return m ? yes : no; }
  static HWY_INLINE FloatExp Abs(FloatExp a) { return abs(a); }
  static HWY_INLINE bool Less(FloatExp a, FloatExp b) { return magnitude_less(a, b); }
  static HWY_INLINE bool Passes(FloatExp r2, double b2) { return to_double(r2) <= b2; }
};

// A complex number of the ops' number type.
template <class V>
struct Complex {
  V re;
  V im;
};

// a b, in this order of operations (the multibrot's powers and the BLA
// tables' merged maps).
template <class Ops, class V>
HWY_INLINE Complex<V> ComplexMul(Complex<V> a, Complex<V> b) {
  return {Ops::Sub(Ops::Mul(a.re, b.re), Ops::Mul(a.im, b.im)),
          Ops::Add(Ops::Mul(a.re, b.im), Ops::Mul(a.im, b.re))};
}

// What every perturbation loop computes of z = Z + dz before it decides a
// step (deep/perturbation.h): z itself, |z|^2 for the check, |dz| in the
// 1-norm, and whether |z| < |dz| in the 1-norm (the rebase test, which no
// square can underflow).
template <class Ops, class V>
struct PixelCheck {
  V zr, zi, r2, dz_norm;
  typename Ops::Mask nearer_start;
};
template <class Ops, class V>
HWY_INLINE PixelCheck<Ops, V> CheckPixel(V ar, V ai, V dzr, V dzi) {
  const V zr = Ops::Add(ar, dzr);
  const V zi = Ops::Add(ai, dzi);
  const V r2 = Ops::Add(Ops::Mul(zr, zr), Ops::Mul(zi, zi));
  const V dz_norm = Ops::Add(Ops::Abs(dzr), Ops::Abs(dzi));
  return {zr, zi, r2, dz_norm, Ops::Less(Ops::Add(Ops::Abs(zr), Ops::Abs(zi)), dz_norm)};
}

// The derivative D = (dz/dc) s that a pixel carries for the distance estimate
// (deep/perturbation.h): over a plain step of a holomorphic family at the whole
// z, D' = A(z) D + s; over a BLA map with slope S at dz (bla_slope) and
// coefficient B, D' = S D + B s.
template <class Ops, class Step, class V>
HWY_INLINE Complex<V> StepDerivative(V zr, V zi, Complex<V> d, V spacing) {
  const Complex<V> ad = ComplexMul<Ops>(Step::template Derivative<Ops>(zr, zi), d);
  return {Ops::Add(ad.re, spacing), ad.im};
}
template <class Ops, class V>
HWY_INLINE Complex<V> MapDerivative(V ar, V ai, V br, V bi, Complex<V> d, V spacing) {
  const Complex<V> ad = ComplexMul<Ops>(Complex<V>{ar, ai}, d);
  return {Ops::Add(ad.re, Ops::Mul(br, spacing)), Ops::Add(ad.im, Ops::Mul(bi, spacing))};
}

// mandelbrot: z' = z^2 + c, so dz' = (2Z + dz) dz + dc:
//   dzr' = (2Zr + dzr) dzr - (2Zi + dzi) dzi + dcr
//   dzi' = 2 (Zr dzi + Zi dzr + dzr dzi) + dci
// The imaginary part's bracket, t = Zr dzi + (Zi + dzi) dzr, is shared with the
// tricorn and the burning ship.
struct PerturbedSquare {
  // dz' - (A dz + dc) = dz^2, and |A dz| = 2 |Z| |dz|.
  static constexpr bool kLinear = true;
  static constexpr int32_t kDegree = 2;
  static constexpr double kRadiusFactor = 2;
  template <class Ops, class V>
  static HWY_INLINE Complex<V> Derivative(V zr, V zi) {
    return {Ops::Add(zr, zr), Ops::Add(zi, zi)};
  }
  // C = 1: dz' = A dz + C dz^2 + dc exactly.
  template <class Ops, class V>
  static HWY_INLINE Complex<V> SecondCoefficient(V, V) {
    return {Ops::Set(1.0), Ops::Set(0.0)};
  }
  template <class Ops, class V>
  static HWY_INLINE V RealPart(V zr, V zi, V dzr, V dzi, V dcr) {
    const V a = Ops::Mul(Ops::Add(Ops::Add(zr, zr), dzr), dzr);
    const V b = Ops::Mul(Ops::Add(Ops::Add(zi, zi), dzi), dzi);
    return Ops::Add(Ops::Sub(a, b), dcr);
  }
  template <class Ops, class V>
  static HWY_INLINE V Cross(V zr, V zi, V dzr, V dzi) {
    return Ops::Add(Ops::Mul(zr, dzi), Ops::Mul(Ops::Add(zi, dzi), dzr));
  }
  template <class Ops, class V>
  HWY_INLINE Complex<V> Step(V zr, V zi, V dzr, V dzi, V dcr, V dci) const {
    const V t = Cross<Ops>(zr, zi, dzr, dzi);
    return {RealPart<Ops>(zr, zi, dzr, dzi, dcr), Ops::Add(Ops::Add(t, t), dci)};
  }
};

// tricorn: z' = conj(z)^2 + c, so dzi' = dci - 2 (Zr dzi + Zi dzr + dzr dzi).
struct PerturbedTricorn {
  static constexpr bool kLinear = false;  // antiholomorphic: A would be a 2x2 real matrix
  template <class Ops, class V>
  HWY_INLINE Complex<V> Step(V zr, V zi, V dzr, V dzi, V dcr, V dci) const {
    const V t = PerturbedSquare::Cross<Ops>(zr, zi, dzr, dzi);
    return {PerturbedSquare::RealPart<Ops>(zr, zi, dzr, dzi, dcr), Ops::Sub(dci, Ops::Add(t, t))};
  }
};

// burning-ship: zi' = |2 zr zi| + ci, so dzi' = |P + d| - |P| + dci with
// P = 2 Zr Zi and d = 2 (Zr dzi + Zi dzr + dzr dzi). |P + d| - |P| is computed
// without cancelling the large |P| (the sign cases of P and P + d):
//   P >= 0, P + d >= 0:  d          P >= 0, P + d < 0:  -(2P + d)
//   P <  0, P + d >  0:  2P + d     P <  0, P + d <= 0: -d
struct PerturbedBurningShip {
  static constexpr bool kLinear = false;  // A would be a 2x2 real matrix, and |P| bounds dz
  template <class Ops, class V>
  HWY_INLINE Complex<V> Step(V zr, V zi, V dzr, V dzi, V dcr, V dci) const {
    const V t = PerturbedSquare::Cross<Ops>(zr, zi, dzr, dzi);
    const V d = Ops::Add(t, t);
    const V p = Ops::Mul(Ops::Add(zr, zr), zi);
    const V sum = Ops::Add(p, d);
    const V two_p_d = Ops::Add(Ops::Add(p, p), d);
    const V neg_d = Ops::Neg(d);
    const V when_p_nonneg = Ops::IfThenElse(Ops::NonNegative(sum), d, Ops::Neg(two_p_d));
    const V when_p_neg = Ops::IfThenElse(Ops::Positive(sum), two_p_d, neg_d);
    const V diff = Ops::IfThenElse(Ops::NonNegative(p), when_p_nonneg, when_p_neg);
    return {PerturbedSquare::RealPart<Ops>(zr, zi, dzr, dzi, dcr), Ops::Add(diff, dci)};
  }
};

// The binomial coefficients C(d, k) = kBinomial[d][k] of the multibrots' steps,
// d <= kMaxPower.
inline constexpr double kBinomial[kMaxPower + 1][kMaxPower + 1] = {
    {1},
    {1, 1},
    {1, 2, 1},
    {1, 3, 3, 1},
    {1, 4, 6, 4, 1},
    {1, 5, 10, 10, 5, 1},
    {1, 6, 15, 20, 15, 6, 1},
    {1, 7, 21, 35, 35, 21, 7, 1},
    {1, 8, 28, 56, 70, 56, 28, 8, 1}};

// multibrot power d: z' = z^d + c, so dz' = sum_{k=1..d} C(d,k) Z^(d-k) dz^k + dc,
// evaluated by Horner's rule in dz: with P_j = Z^j (P_1 = Z, P_j = P_(j-1) Z),
//   a = 1; for k = d-1 down to 1: a = a dz + C(d,k) P_(d-k);  dz' = a dz + dc.
template <int32_t kPower>
struct PerturbedMultibrot {
  static_assert(kPower >= 2 && kPower <= kMaxPower);
  // With t = |dz| / |Z|, the terms beyond A dz are at most
  // |Z|^d ((1 + t)^d - 1 - d t), about (d - 1) t / 2 times |A dz| = d |Z|^d t.
  static constexpr bool kLinear = true;
  static constexpr int32_t kDegree = kPower;
  static constexpr double kRadiusFactor = 2.0 / (kPower - 1);
  // A = d Z^(d-1).
  template <class Ops, class V>
  static HWY_INLINE Complex<V> Derivative(V zr, V zi) {
    const Complex<V> z{zr, zi};
    Complex<V> p = z;
    for (int32_t j = 2; j < kPower; ++j) p = ComplexMul<Ops>(p, z);
    const V d = Ops::Set(kPower);
    return {Ops::Mul(d, p.re), Ops::Mul(d, p.im)};
  }
  // C = C(d, 2) Z^(d-2), the coefficient of dz^2 (power 2 is PerturbedSquare's).
  template <class Ops, class V>
  static HWY_INLINE Complex<V> SecondCoefficient(V zr, V zi) {
    static_assert(kPower >= 3);
    const Complex<V> z{zr, zi};
    Complex<V> p = z;
    for (int32_t j = 3; j < kPower; ++j) p = ComplexMul<Ops>(p, z);
    const V c = Ops::Set(kBinomial[kPower][2]);
    return {Ops::Mul(c, p.re), Ops::Mul(c, p.im)};
  }
  template <class Ops, class V>
  HWY_INLINE Complex<V> Step(V zr, V zi, V dzr, V dzi, V dcr, V dci) const {
    const Complex<V> z{zr, zi};
    const Complex<V> dz{dzr, dzi};
    Complex<V> powers[kPower];  // powers[j] = Z^j for j >= 1
    powers[1] = z;
    for (int32_t j = 2; j < kPower; ++j) powers[j] = ComplexMul<Ops>(powers[j - 1], z);
    // k = d - 1: a = dz + C(d, d-1) Z
    const V c1 = Ops::Set(kBinomial[kPower][kPower - 1]);
    Complex<V> a{Ops::Add(dzr, Ops::Mul(c1, zr)), Ops::Add(dzi, Ops::Mul(c1, zi))};
    for (int32_t k = kPower - 2; k >= 1; --k) {
      const V ck = Ops::Set(kBinomial[kPower][k]);
      const Complex<V> p = powers[kPower - k];
      a = ComplexMul<Ops>(a, dz);
      a = {Ops::Add(a.re, Ops::Mul(ck, p.re)), Ops::Add(a.im, Ops::Mul(ck, p.im))};
    }
    a = ComplexMul<Ops>(a, dz);
    return {Ops::Add(a.re, dcr), Ops::Add(a.im, dci)};
  }
};

// Calls visit(step) with the perturbed step of `family`.
// REQUIRES: deep_zoom_problem(family) (deep/perturbation.h) is empty.
template <class Visitor>
HWY_INLINE decltype(auto) VisitPerturbedStep(const Family& family, Visitor&& visit) {
  switch (family.kind) {
    case FamilyKind::kBurningShip:
      return visit(PerturbedBurningShip());
    case FamilyKind::kTricorn:
      return visit(PerturbedTricorn());
    case FamilyKind::kMultibrot:
      switch (family.power) {
        case 3:
          return visit(PerturbedMultibrot<3>());
        case 4:
          return visit(PerturbedMultibrot<4>());
        case 5:
          return visit(PerturbedMultibrot<5>());
        case 6:
          return visit(PerturbedMultibrot<6>());
        case 7:
          return visit(PerturbedMultibrot<7>());
        case 8:
          return visit(PerturbedMultibrot<8>());
      }
      break;
    case FamilyKind::kMandelbrot:
    case FamilyKind::kJulia:
      break;
  }
  return visit(PerturbedSquare());
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace mandelbrot
HWY_AFTER_NAMESPACE();

#endif  // MANDELBROT_DEEP_PERTURBED_STEPS_INL_H_
