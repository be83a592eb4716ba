// The formulas of the channels (docs/SEMANTICS.md, "Channels"), each written
// once as a template on the number type: the derivative's step, the natural
// logarithm, the smooth value and the distance estimate. The scalar channel
// loop and the deep zoom instantiate them for double, the SIMD channel loop for
// each target's vectors. They use IEEE Add, Sub, Mul, Div and Sqrt only (no
// fused multiply-add) and exact bit operations, so that every target and every
// machine computes the same doubles; in particular the logarithm is this file's,
// not the C library's.
//
// Ops provides, for its number type V and its comparison result Ops::M:
// Add, Sub, Mul, Div, Sqrt, Set(double), Select(M, V, V), Finite(V) and
// LogParts(V) (see Log).
//
// Highway's "-inl.h" convention: included once per SIMD target (inside
// foreach_target.h's loop) and once by the scalar code, so that the templates
// are compiled with the instruction set of the code that inlines them.
// REQUIRES: <hwy/highway.h> is included first.
#if defined(MANDELBROT_KERNEL_CHANNEL_FORMULAS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef MANDELBROT_KERNEL_CHANNEL_FORMULAS_INL_H_
#undef MANDELBROT_KERNEL_CHANNEL_FORMULAS_INL_H_
#else
#define MANDELBROT_KERNEL_CHANNEL_FORMULAS_INL_H_
#endif

#include <hwy/highway.h>

#include <cstdint>

HWY_BEFORE_NAMESPACE();
namespace mandelbrot {
namespace HWY_NAMESPACE {

// The split of a positive normal double x that Log needs: x = 2^k (1 + f) with
// 1 + f in [sqrt(2)/2, sqrt(2)), and `hfsq_form`, which of the two final
// formulas of fdlibm's log suits f (its test on the high mantissa bits hx:
// 0x6147a <= hx <= 0x6b851).
template <class V, class M>
struct LogSplit {
  V k;
  V f;
  M hfsq_form;
};

// The bits of LogParts, for both the scalar and the vector split: x's mantissa
// field, the carry that moves 1 + f below sqrt(2), and fdlibm's window of hx.
inline constexpr uint64_t kMantissaMask = 0x000fffffffffffffull;
inline constexpr uint64_t kSqrt2Carry = 0x95f64ull << 32;
inline constexpr uint64_t kImplicitBit = 1ull << 52;
inline constexpr uint64_t kExponentOne = 0x3ffull << 52;
inline constexpr double kHfsqFormLow = 0x6147a;
inline constexpr double kHfsqFormHigh = 0x6b851;

// The natural logarithm, after fdlibm's e_log.c (Sun Microsystems' freely
// distributable math library, whose constants these are): with x = 2^k (1 + f)
// and s = f / (2 + f), log(1 + f) = 2 atanh(s) = f - (f^2/2 - s (f^2/2 + R)),
// R = s^2 Lg1 + s^4 Lg2 + ... + s^14 Lg7 (a minimax fit), and
// log(x) = k ln2_hi + (log(1 + f) + k ln2_lo). The error is below 1 ulp
// (channel_formulas_test.cc measures it against long double). +inf and NaN give
// themselves. REQUIRES: x is a positive normal double, +inf or NaN.
template <class Ops, class V>
HWY_INLINE V Log(V x) {
  const V ln2_hi = Ops::Set(6.93147180369123816490e-01);
  const V ln2_lo = Ops::Set(1.90821492927058770002e-10);
  const auto parts = Ops::LogParts(x);
  const V f = parts.f;
  const V dk = parts.k;
  const V s = Ops::Div(f, Ops::Add(Ops::Set(2.0), f));
  const V z = Ops::Mul(s, s);
  const V w = Ops::Mul(z, z);
  // t1 = w (Lg2 + w (Lg4 + w Lg6)), t2 = z (Lg1 + w (Lg3 + w (Lg5 + w Lg7))).
  const V t1 =
      Ops::Mul(w, Ops::Add(Ops::Set(3.999999999940941908e-01),
                           Ops::Mul(w, Ops::Add(Ops::Set(2.222219843214978396e-01),
                                                Ops::Mul(w, Ops::Set(1.531383769920937332e-01))))));
  const V t2 = Ops::Mul(
      z, Ops::Add(
             Ops::Set(6.666666666666735130e-01),
             Ops::Mul(
                 w, Ops::Add(
                        Ops::Set(2.857142874366239149e-01),
                        Ops::Mul(w, Ops::Add(Ops::Set(1.818357216161805012e-01),
                                             Ops::Mul(w, Ops::Set(1.479819860511658591e-01))))))));
  const V r = Ops::Add(t2, t1);
  const V k_hi = Ops::Mul(dk, ln2_hi);
  const V k_lo = Ops::Mul(dk, ln2_lo);
  // hfsq = f^2/2: k ln2_hi - ((hfsq - (s (hfsq + R) + k ln2_lo)) - f).
  const V hfsq = Ops::Mul(Ops::Mul(Ops::Set(0.5), f), f);
  const V with_hfsq =
      Ops::Sub(k_hi, Ops::Sub(Ops::Sub(hfsq, Ops::Add(Ops::Mul(s, Ops::Add(hfsq, r)), k_lo)), f));
  // Otherwise: k ln2_hi - ((s (f - R) - k ln2_lo) - f).
  const V without = Ops::Sub(k_hi, Ops::Sub(Ops::Sub(Ops::Mul(s, Ops::Sub(f, r)), k_lo), f));
  const V result = Ops::Select(parts.hfsq_form, with_hfsq, without);
  return Ops::Select(Ops::Finite(x), result, x);
}

// One step of the derivative that the distance estimate needs, taken before z's
// own step from z_n: dz <- degree z^(degree - 1) dz + add, where add is 1 for
// dz/dc (z_0 = 0) and 0 for julia's dz/dz_0; z^(degree-1) is made by degree - 2
// complex products w = w z from w = z. `degree` is the vector of the degree.
template <class Ops, class V>
HWY_INLINE void DerivativeStep(int32_t degree, V degree_v, V add, V zr, V zi, V& dzr, V& dzi) {
  V wr = zr;
  V wi = zi;
  for (int32_t k = 2; k < degree; ++k) {
    const V r = Ops::Sub(Ops::Mul(wr, zr), Ops::Mul(wi, zi));
    wi = Ops::Add(Ops::Mul(wr, zi), Ops::Mul(wi, zr));
    wr = r;
  }
  const V tr = Ops::Sub(Ops::Mul(wr, dzr), Ops::Mul(wi, dzi));
  const V ti = Ops::Add(Ops::Mul(wr, dzi), Ops::Mul(wi, dzr));
  dzr = Ops::Add(Ops::Mul(degree_v, tr), add);
  dzi = Ops::Mul(degree_v, ti);
}

// The smooth value of a point that escaped at index `escape` (as a double) with
// |z_escape|^2 = modulus_squared, given log_degree = Log(degree), from
// log_m2 = Log(modulus_squared): (escape + 1) - Log(0.5 log_m2) / log_degree.
template <class Ops, class V>
HWY_INLINE V SmoothValue(V escape, V log_m2, V log_degree) {
  const V log_modulus = Ops::Mul(Ops::Set(0.5), log_m2);
  return Ops::Sub(Ops::Add(escape, Ops::Set(1.0)), Ops::Div(Log<Ops>(log_modulus), log_degree));
}

// The distance estimate in pixels `pixel` wide of a point that escaped with
// |z|^2 = modulus_squared (log_m2 = Log(modulus_squared)) and derivative
// (dzr, dzi): |z| log|z| / |dz| / pixel, |z| = Sqrt(modulus_squared),
// log|z| = 0.5 log_m2 and |dz| = Sqrt(dzr^2 + dzi^2).
template <class Ops, class V>
HWY_INLINE V DistanceValue(V modulus_squared, V log_m2, V dzr, V dzi, V pixel) {
  const V modulus = Ops::Sqrt(modulus_squared);
  const V log_modulus = Ops::Mul(Ops::Set(0.5), log_m2);
  const V derivative = Ops::Sqrt(Ops::Add(Ops::Mul(dzr, dzr), Ops::Mul(dzi, dzi)));
  return Ops::Div(Ops::Div(Ops::Mul(modulus, log_modulus), derivative), pixel);
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace mandelbrot
HWY_AFTER_NAMESPACE();

#endif  // MANDELBROT_KERNEL_CHANNEL_FORMULAS_INL_H_
