// FloatExp: a double mantissa with a 64-bit binary exponent, for the offsets of
// views deeper than doubles reach (docs/SEMANTICS.md, "Deep zoom", Extended
// range). Every operation is plain IEEE double arithmetic on the mantissa
// plus integer arithmetic on the exponent, so results are the same on every
// machine.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace mandelbrot {

// The value m * 2^e, with 0.5 <= |m| < 1 (std::frexp's convention), or m = 0
// and e = kZeroExponent. Non-finite mantissas (an overflowed or NaN value) keep
// e = 0.
struct FloatExp {
  double m = 0;
  int64_t e = 0;
};

// The exponent of zero: below every other, so that comparisons of magnitude
// need no special case.
inline constexpr int64_t kZeroExponent = INT64_MIN / 4;

// m 2^e normalized when m is zero, subnormal or not finite (std::frexp's
// convention).
FloatExp normalized_by_frexp(double m, int64_t e);

// m 2^e normalized. A normal, finite, nonzero m (every product and sum of
// mantissas) is split by its bits, which is exactly what std::frexp returns for
// it and several times faster than the library call; always inlined, as the
// operations below are.
[[gnu::always_inline]] inline FloatExp normalized(double m, int64_t e) {
  constexpr uint64_t kExponentBits = uint64_t{0x7ff} << 52;
  const uint64_t bits = std::bit_cast<uint64_t>(m);
  const int64_t biased = static_cast<int64_t>((bits & kExponentBits) >> 52);
  if (biased == 0 || biased == 0x7ff) return normalized_by_frexp(m, e);
  // m = f 2^(biased - 1022) with 0.5 <= |f| < 1: f is m with the exponent of 0.5.
  return {std::bit_cast<double>((bits & ~kExponentBits) | (uint64_t{1022} << 52)),
          e + biased - 1022};
}

inline FloatExp to_float_exp(double x) { return normalized(x, 0); }

// A double as itself, so that code for either number type can call it.
inline double to_double(double a) { return a; }

// The nearest double (0 or infinity beyond the range of doubles).
inline double to_double(FloatExp a) {
  // A normal result is the exact product by the power of two (as std::ldexp).
  if (a.e >= -1021 && a.e <= 1023) {
    return a.m * std::bit_cast<double>(static_cast<uint64_t>(a.e + 1023) << 52);
  }
  if (a.e > 4096) return a.m * INFINITY;
  if (a.e < -4096) return a.m * 0.0;
  return std::ldexp(a.m, static_cast<int>(a.e));
}

[[gnu::always_inline]] inline FloatExp operator*(FloatExp a, FloatExp b) {
  return normalized(a.m * b.m, a.e + b.e);
}

[[gnu::always_inline]] inline FloatExp operator+(FloatExp a, FloatExp b) {
  if (a.m == 0) return b;
  if (b.m == 0) return a;
  if (a.e < b.e) {
    const FloatExp t = a;
    a = b;
    b = t;
  }
  // b is at most 2^-64 of a beyond this: it cannot change a's rounded mantissa.
  const int64_t shift = a.e - b.e;
  if (shift > 64) return a;
  // b.m 2^-shift is exact (at least 2^-65 for a finite b): a product by the
  // power of two, not a library call.
  const double scale = std::bit_cast<double>(static_cast<uint64_t>(1023 - shift) << 52);
  return normalized(a.m + b.m * scale, a.e);
}

// a / b; b = 0 gives a non-finite mantissa, as in doubles.
inline FloatExp operator/(FloatExp a, FloatExp b) {
  if (a.m == 0 && b.m != 0) return a;
  return normalized(a.m / b.m, a.e - b.e);
}

inline FloatExp operator-(FloatExp a) { return {-a.m, a.e}; }
[[gnu::always_inline]] inline FloatExp operator-(FloatExp a, FloatExp b) { return a + (-b); }
inline FloatExp abs(FloatExp a) { return {std::fabs(a.m), a.e}; }

inline bool is_finite(FloatExp a) { return std::isfinite(a.m); }

// |a| < |b|.
inline bool magnitude_less(FloatExp a, FloatExp b) {
  const double am = std::fabs(a.m);
  const double bm = std::fabs(b.m);
  if (am == 0 || bm == 0) return am == 0 && bm != 0;
  return a.e < b.e || (a.e == b.e && am < bm);
}

}  // namespace mandelbrot
