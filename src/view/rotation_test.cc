#include "view/rotation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace mandelbrot {
namespace {

TEST(Rotation, RightAnglesAreExact) {
  const struct {
    double degrees, cos, sin;
  } cases[] = {{0, 1, 0},    {90, 0, 1},   {180, -1, 0},  {270, 0, -1},
               {360, 1, 0},  {-90, 0, -1}, {-180, -1, 0}, {450, 0, 1},
               {-0.0, 1, 0}, {720, 1, 0},  {-270, 0, 1},  {1e6 * 360, 1, 0}};
  for (const auto& c : cases) {
    const CosSin r = degrees_cos_sin(c.degrees);
    EXPECT_EQ(r.cos, c.cos) << c.degrees;
    EXPECT_EQ(r.sin, c.sin) << c.degrees;
    EXPECT_FALSE(std::signbit(r.cos) && r.cos == 0) << c.degrees << ": -0";
    EXPECT_FALSE(std::signbit(r.sin) && r.sin == 0) << c.degrees << ": -0";
  }
}

TEST(Rotation, OtherAnglesAreWithinAnUlpOrTwo) {
  for (int tenths = -3600; tenths <= 7200; tenths += 7) {
    const double degrees = tenths / 10.0;
    const CosSin r = degrees_cos_sin(degrees);
    const long double radians = degrees * std::numbers::pi_v<long double> / 180;
    EXPECT_NEAR(r.cos, static_cast<double>(std::cos(radians)), 3e-16) << degrees;
    EXPECT_NEAR(r.sin, static_cast<double>(std::sin(radians)), 3e-16) << degrees;
  }
  const CosSin thirty = degrees_cos_sin(30);
  EXPECT_NEAR(thirty.sin, 0.5, 1.2e-16);
  EXPECT_NEAR(thirty.cos, std::sqrt(3.0) / 2, 2.3e-16);
}

TEST(Rotation, QuarterTurnsShareOneEvaluation) {
  // 30 + 90k degrees are the same cos and sin, swapped and negated exactly.
  const CosSin a = degrees_cos_sin(30);
  const CosSin b = degrees_cos_sin(120);
  const CosSin c = degrees_cos_sin(-150);
  EXPECT_EQ(b.cos, -a.sin);
  EXPECT_EQ(b.sin, a.cos);
  EXPECT_EQ(c.cos, -a.cos);
  EXPECT_EQ(c.sin, -a.sin);
}

}  // namespace
}  // namespace mandelbrot
