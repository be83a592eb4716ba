// FloatExp: a double mantissa with a 64-bit binary exponent, for the offsets of
// views deeper than doubles reach (docs/SEMANTICS.md, "Deep zoom", Extended
// range). Every operation is plain IEEE double arithmetic on the mantissa
// plus integer arithmetic on the exponent, so results are the same on every
// machine.
#pragma once

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

inline FloatExp normalized(double m, int64_t e) {
  if (m == 0) return {0.0, kZeroExponent};
  if (!std::isfinite(m)) return {m, 0};
  int k = 0;
  const double f = std::frexp(m, &k);
  return {f, e + k};
}

inline FloatExp to_float_exp(double x) { return normalized(x, 0); }

// A double as itself, so that code for either number type can call it.
inline double to_double(double a) { return a; }

// The nearest double (0 or infinity beyond the range of doubles).
inline double to_double(FloatExp a) {
  if (a.e > 4096) return a.m * INFINITY;
  if (a.e < -4096) return a.m * 0.0;
  return std::ldexp(a.m, static_cast<int>(a.e));
}

inline FloatExp operator*(FloatExp a, FloatExp b) { return normalized(a.m * b.m, a.e + b.e); }

inline FloatExp operator+(FloatExp a, FloatExp b) {
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
  return normalized(a.m + std::ldexp(b.m, -static_cast<int>(shift)), a.e);
}

// a / b; b = 0 gives a non-finite mantissa, as in doubles.
inline FloatExp operator/(FloatExp a, FloatExp b) {
  if (a.m == 0 && b.m != 0) return a;
  return normalized(a.m / b.m, a.e - b.e);
}

inline FloatExp operator-(FloatExp a) { return {-a.m, a.e}; }
inline FloatExp operator-(FloatExp a, FloatExp b) { return a + (-b); }
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
