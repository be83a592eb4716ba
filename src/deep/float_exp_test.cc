#include "deep/float_exp.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace mandelbrot {
namespace {

bool same(FloatExp a, FloatExp b) {
  return std::bit_cast<uint64_t>(a.m) == std::bit_cast<uint64_t>(b.m) && a.e == b.e;
}

std::vector<double> samples() {
  std::vector<double> v = {0.0,
                           -0.0,
                           1.0,
                           -1.0,
                           0.5,
                           0.75,
                           std::numeric_limits<double>::min(),
                           std::numeric_limits<double>::denorm_min(),
                           -std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::min() / 3,
                           std::numeric_limits<double>::max(),
                           -std::numeric_limits<double>::max(),
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN()};
  std::mt19937_64 random(12345);
  for (int i = 0; i < 200000; ++i) v.push_back(std::bit_cast<double>(random()));
  return v;
}

// The bit split gives exactly std::frexp's answer (normalized_by_frexp), for
// every kind of double.
TEST(FloatExp, NormalizedIsFrexpForEveryDouble) {
  for (double x : samples()) {
    for (int64_t e : {int64_t{0}, int64_t{-5000}, int64_t{123456789}}) {
      const FloatExp got = normalized(x, e);
      const FloatExp want = normalized_by_frexp(x, e);
      if (std::isnan(x)) {
        EXPECT_TRUE(std::isnan(got.m));
        EXPECT_EQ(got.e, 0);
      } else {
        EXPECT_TRUE(same(got, want)) << x << " " << e;
      }
    }
  }
}

// to_double is std::ldexp of the mantissa: exact, 0 below the doubles' range
// (subnormal results rounded once), infinity above.
TEST(FloatExp, ToDoubleIsLdexp) {
  std::mt19937_64 random(99);
  std::uniform_real_distribution<double> mantissa(0.5, 1.0);
  for (int64_t e = -1200; e <= 1200; ++e) {
    for (double sign : {1.0, -1.0}) {
      const double m = sign * mantissa(random);
      EXPECT_EQ(to_double(FloatExp{m, e}), std::ldexp(m, static_cast<int>(e))) << m << " " << e;
    }
  }
  EXPECT_EQ(to_double(FloatExp{0.75, 5000}), std::numeric_limits<double>::infinity());
  EXPECT_EQ(to_double(FloatExp{0.75, -5000}), 0.0);
  EXPECT_EQ(to_double(to_float_exp(0.0)), 0.0);
}

// Within the range of doubles (no subnormal results), each operation gives the
// double operation's value: the extended range computes what doubles would.
TEST(FloatExp, OperationsAreTheDoubleOnesWithinTheirRange) {
  std::mt19937_64 random(777);
  std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-300, 300);
  for (int i = 0; i < 200000; ++i) {
    const double a = std::ldexp(mantissa(random), exponent(random));
    // b near a in magnitude (cancellation) or far below it (shifts beyond 64).
    const double b = i % 3 == 0 ? -a * (1 + std::ldexp(mantissa(random), -40))
                                : std::ldexp(mantissa(random), exponent(random));
    const FloatExp fa = to_float_exp(a);
    const FloatExp fb = to_float_exp(b);
    EXPECT_EQ(to_double(fa + fb), a + b) << a << " + " << b;
    EXPECT_EQ(to_double(fa - fb), a - b) << a << " - " << b;
    EXPECT_EQ(to_double(fa * fb), a * b) << a << " * " << b;
  }
}

// Beyond the range of doubles the exponent carries on: 2^-2000 + 2^-2001 and
// 2^-2000 * 2^-2000.
TEST(FloatExp, GoesBeyondTheRangeOfDoubles) {
  const FloatExp a{0.5, -1999};
  const FloatExp b{0.5, -2000};
  EXPECT_TRUE(same(a + b, FloatExp{0.75, -1999}));
  EXPECT_TRUE(same(a * a, FloatExp{0.5, -3999}));
  EXPECT_TRUE(same(a - a, FloatExp{0.0, kZeroExponent}));
  EXPECT_EQ(to_double(a * a), 0.0);
}

}  // namespace
}  // namespace mandelbrot
