#include "math/math.h"

#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <vector>

namespace mandelbrot {
namespace {

TEST(Math, AddsElementWise) {
  const std::vector<int> a = {1, 2, -5};
  const std::vector<int> b = {-1, 3, 3};
  std::vector<int> c(3);
  EXPECT_FALSE(add_arrays<int>(a, b, c));
  EXPECT_EQ(c, (std::vector<int>{0, 5, -2}));
}

TEST(Math, IntegerOverflowWrapsAndReportsTheFirstIndex) {
  const std::vector<int32_t> a = {1, INT32_MAX, INT32_MIN};
  const std::vector<int32_t> b = {1, 1, -1};
  std::vector<int32_t> c(3);
  EXPECT_EQ(add_arrays<int32_t>(a, b, c), 1u);
  EXPECT_EQ(c[1], INT32_MIN);  // wrapped
  EXPECT_EQ(c[2], INT32_MAX);
  const std::vector<int64_t> big = {INT64_MAX};
  std::vector<int64_t> sum(1);
  EXPECT_EQ(add_arrays<int64_t>(big, big, sum), 0u);
}

TEST(Math, FloatAddRoundsInItsOwnType) {
  const std::vector<float> a = {0.1f, 16777216.0f};
  const std::vector<float> b = {0.2f, 1.0f};
  std::vector<float> c(2);
  EXPECT_FALSE(add_arrays<float>(a, b, c));
  EXPECT_EQ(c[0], 0.1f + 0.2f);
  EXPECT_EQ(c[1], 16777216.0f);  // 2^24 + 1 is not a float
  const std::vector<double> x = {0.1};
  const std::vector<double> y = {0.2};
  std::vector<double> z(1);
  add_arrays<double>(x, y, z);
  EXPECT_EQ(z[0], 0.30000000000000004);
}

TEST(Math, DotAccumulatesInIndexOrder) {
  const std::vector<float> a = {1e8f, 1.0f, -1e8f};
  const std::vector<float> b = {1.0f, 1.0f, 1.0f};
  float r = -1;
  EXPECT_FALSE(dot_arrays<float>(a, b, &r));
  EXPECT_EQ(r, 0.0f);  // (1e8 + 1) rounds to 1e8 in float, then - 1e8
  const std::vector<int64_t> i = {1, 2, 3};
  const std::vector<int64_t> j = {4, 5, 6};
  int64_t d = 0;
  EXPECT_FALSE(dot_arrays<int64_t>(i, j, &d));
  EXPECT_EQ(d, 32);
  float empty = -1;
  dot_arrays<float>({}, {}, &empty);
  EXPECT_EQ(empty, 0.0f);
}

TEST(Math, DotReportsProductAndSumOverflow) {
  const std::vector<int64_t> a = {1, INT64_MAX / 2 + 1};
  const std::vector<int64_t> b = {1, 2};
  int64_t d = 0;
  EXPECT_EQ(dot_arrays<int64_t>(a, b, &d), 1u);  // the product overflows
  const std::vector<int32_t> c = {INT32_MAX, 1};
  const std::vector<int32_t> ones = {1, 1};
  int32_t s = 0;
  EXPECT_EQ(dot_arrays<int32_t>(c, ones, &s), 1u);  // the running sum overflows
}

}  // namespace
}  // namespace mandelbrot
