#include "colour/gradient.h"

#include <gtest/gtest.h>

#include <limits>

namespace mandelbrot {
namespace {

TEST(Gradient, InterpolatesLinearlyInTheBytesAndRounds) {
  const Gradient g({{0.0, Rgb{0, 0, 0}}, {1.0, Rgb{255, 100, 10}}});
  EXPECT_EQ(g(0.0), (Rgb{0, 0, 0}));
  EXPECT_EQ(g(1.0), (Rgb{255, 100, 10}));
  // 127.5, 50, 5 rounded half up; 0.25: 63.75, 25, 2.5.
  EXPECT_EQ(g(0.5), (Rgb{128, 50, 5}));
  EXPECT_EQ(g(0.25), (Rgb{64, 25, 3}));
}

TEST(Gradient, ClampsOutsideTheStopsAndTakesNanAsZero) {
  const Gradient g({{0.25, Rgb{10, 20, 30}}, {0.75, Rgb{30, 40, 50}}});
  EXPECT_EQ(g(0.0), (Rgb{10, 20, 30}));
  EXPECT_EQ(g(-4.0), (Rgb{10, 20, 30}));
  EXPECT_EQ(g(0.9), (Rgb{30, 40, 50}));
  EXPECT_EQ(g(7.0), (Rgb{30, 40, 50}));
  EXPECT_EQ(g(std::numeric_limits<double>::quiet_NaN()), (Rgb{10, 20, 30}));
  EXPECT_EQ(g(0.5), (Rgb{20, 30, 40}));
}

TEST(Gradient, EqualPositionsMakeASharpEdge) {
  const Gradient g(
      {{0.0, Rgb{0, 0, 0}}, {0.5, Rgb{100, 0, 0}}, {0.5, Rgb{0, 200, 0}}, {1.0, Rgb{0, 0, 0}}});
  EXPECT_EQ(g(0.4999), (Rgb{100, 0, 0}));
  EXPECT_EQ(g(0.5), (Rgb{0, 200, 0}));  // the later of the two
  EXPECT_EQ(g(0.75), (Rgb{0, 100, 0}));
}

TEST(Gradient, OneStopIsOneColour) {
  const Gradient g({{0.3, Rgb{1, 2, 3}}});
  EXPECT_EQ(g(0.0), (Rgb{1, 2, 3}));
  EXPECT_EQ(g(1.0), (Rgb{1, 2, 3}));
}

TEST(Gradient, TableSamplesBothEnds) {
  const Gradient g({{0.0, Rgb{0, 0, 0}}, {1.0, Rgb{255, 255, 255}}});
  const std::vector<Rgb> table = g.table(256);
  ASSERT_EQ(table.size(), 256u);
  for (int i = 0; i < 256; ++i) {
    EXPECT_EQ(table[static_cast<size_t>(i)], (Rgb{uint8_t(i), uint8_t(i), uint8_t(i)}));
  }
}

TEST(Gradient, BadStopIsTheFirstOutOfRangeOrOrder) {
  EXPECT_EQ(bad_stop({{0.0, {}}, {0.5, {}}, {0.5, {}}, {1.0, {}}}), -1);
  EXPECT_EQ(bad_stop({{0.0, {}}, {0.6, {}}, {0.5, {}}}), 2);
  EXPECT_EQ(bad_stop({{-0.1, {}}}), 0);
  EXPECT_EQ(bad_stop({{0.0, {}}, {1.5, {}}}), 1);
  EXPECT_EQ(bad_stop({{std::numeric_limits<double>::quiet_NaN(), {}}}), 0);
}

}  // namespace
}  // namespace mandelbrot
