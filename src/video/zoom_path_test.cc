// The zoom path against an independent computation: the formulas of
// docs/SEMANTICS.md ("Zoom videos") in long double complex numbers for shallow
// paths, and in exact decimal differences for deep ones.
#include "video/zoom_path.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <string>

#include "view/decimal.h"

namespace mandelbrot {
namespace {

using Complex = std::complex<long double>;

long double value(const std::string& decimal) { return std::strtold(decimal.c_str(), nullptr); }

Complex centre(const ZoomView& v) { return {value(v.center_x), value(v.center_y)}; }

Complex polar(long double r, long double degrees) {
  return std::polar(r, degrees * std::numbers::pi_v<long double> / 180);
}

std::vector<ZoomView> path(const ZoomView& start, const ZoomView& end, int64_t frames) {
  std::vector<ZoomView> views;
  const Status s = zoom_path(start, end, frames, &views);
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(views.size(), static_cast<size_t>(frames));
  return views;
}

// (b - a) as a double, from the exact decimal difference.
double difference(const std::string& a, const std::string& b) {
  const std::optional<std::string> half = decimal_half_difference(a, b);
  EXPECT_TRUE(half.has_value());
  if (decimal_sign(*half) == 0) return 0;
  const DecimalMagnitude m = decimal_magnitude(*half);
  return 2 * m.mantissa * std::pow(10.0, static_cast<double>(m.exponent));
}

TEST(ZoomPath, RotatingZoomKeepsOnePointFixedOnScreen) {
  const ZoomView start{"-0.5", "0", "1.5", "0"};
  const ZoomView end{"-0.7436", "0.1318", "1e-4", "90"};
  const int64_t n = 11;
  const std::vector<ZoomView> views = path(start, end, n);
  const Complex c0 = centre(start), c1 = centre(end);
  const long double r0 = 1.5L, r1 = 1e-4L;
  const Complex fixed = (c1 - c0) / (polar(r0, 0) - polar(r1, 90));
  const Complex plane_point = c0 + polar(r0, 0) * fixed;
  for (int64_t k = 0; k < n; ++k) {
    const long double t = static_cast<long double>(k) / (n - 1);
    const long double r = r0 * std::pow(r1 / r0, t);
    const ZoomView& v = views[static_cast<size_t>(k)];
    EXPECT_EQ(v.angle, std::to_string(9 * k)) << k;
    EXPECT_NEAR(static_cast<double>(value(v.radius) / r), 1.0, 1e-15) << k;
    const Complex expected = c0 + (polar(r0, 0) - polar(r, 90.0L * t)) * fixed;
    EXPECT_LT(std::abs(centre(v) - expected), 1e-16L) << k;
    // The same screen point shows the same plane point in every frame.
    EXPECT_LT(std::abs(centre(v) + polar(value(v.radius), value(v.angle)) * fixed - plane_point),
              1e-16L)
        << k;
  }
  EXPECT_EQ(views.front().center_x, "-0.5");
  EXPECT_EQ(views.back().center_y, "0.1318");
}

TEST(ZoomPath, WithoutRotationTheCentreFollowsTheRadius) {
  const ZoomView start{"-0.50", "0.0", "1.5", ""};
  const ZoomView end{"0.25", "-0.125", "0.001", ""};
  const std::vector<ZoomView> views = path(start, end, 7);
  for (int64_t k = 0; k < 7; ++k) {
    const ZoomView& v = views[static_cast<size_t>(k)];
    EXPECT_TRUE(v.angle.empty());
    const long double r = value(v.radius);
    // c_k = c0 + (r0 - r_k)(c1 - c0)/(r0 - r1)
    const long double s = (1.5L - r) / (1.5L - 0.001L);
    EXPECT_NEAR(static_cast<double>(value(v.center_x) - (-0.5L + s * 0.75L)), 0, 1e-17) << k;
    EXPECT_NEAR(static_cast<double>(value(v.center_y) - (s * -0.125L)), 0, 1e-17) << k;
  }
  // The ends are the strings as given.
  EXPECT_EQ(views.front().center_x, "-0.50");
  EXPECT_EQ(views.front().center_y, "0.0");
  EXPECT_EQ(views.back().radius, "0.001");
}

struct DeepCase {
  const char* name;
  ZoomView start;
  ZoomView end;
  double log10_r0;
  double log10_r1;
};

class DeepZoomPath : public ::testing::TestWithParam<DeepCase> {};

// Beyond doubles: the centres' offsets from the start, exact decimal
// differences, follow c_k - c0 = (r0 - r_k)(c1 - c0)/(r0 - r1).
TEST_P(DeepZoomPath, CentresFollowTheRadius) {
  const DeepCase& c = GetParam();
  const int64_t n = 5;
  const std::vector<ZoomView> views = path(c.start, c.end, n);
  const double dx = difference(c.start.center_x, c.end.center_x);
  const double dy = difference(c.start.center_y, c.end.center_y);
  for (int64_t k = 1; k < n - 1; ++k) {
    const ZoomView& v = views[static_cast<size_t>(k)];
    const double t = static_cast<double>(k) / (n - 1);
    const double log10_r = c.log10_r0 + (c.log10_r1 - c.log10_r0) * t;
    const DecimalMagnitude m = decimal_magnitude(v.radius);
    EXPECT_NEAR(std::log10(m.mantissa) + static_cast<double>(m.exponent), log10_r, 1e-12) << k;
    // (r0 - r_k) / (r0 - r1) with every radius over r0.
    const double s =
        (1 - std::pow(10.0, log10_r - c.log10_r0)) / (1 - std::pow(10.0, c.log10_r1 - c.log10_r0));
    EXPECT_NEAR(difference(c.start.center_x, v.center_x) / (s * dx), 1.0, 1e-12) << k;
    EXPECT_NEAR(difference(c.start.center_y, v.center_y) / (s * dy), 1.0, 1e-12) << k;
    // Rounded at 20 digits below the radius: no digit beyond.
    const size_t point = v.center_x.find('.');
    ASSERT_NE(point, std::string::npos);
    EXPECT_LE(static_cast<int64_t>(v.center_x.size() - point - 1),
              20 - static_cast<int64_t>(std::floor(log10_r)) + 1)
        << v.center_x;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Deep, DeepZoomPath,
    ::testing::Values(DeepCase{"radius_1e300_to_1e320",
                               {"0.3", "-0.1", "1e-300", ""},
                               {"0.3" + std::string(299, '0') + "2",
                                "-0.1" + std::string(299, '0') + "1", "1e-320", ""},
                               -300,
                               -320},
                      // Centres that differ 50 digits down, beyond doubles.
                      DeepCase{"centre_beyond_doubles_1e60",
                               {"-0.75", "0.1", "1e-50", ""},
                               {"-0.75" + std::string(49, '0') + "3",
                                "0.1" + std::string(49, '0') + "7", "1e-62", ""},
                               -50,
                               -62}),
    [](const ::testing::TestParamInfo<DeepCase>& info) { return std::string(info.param.name); });

TEST(ZoomPath, EqualRadiiPanLinearly) {
  const std::vector<ZoomView> views = path({"0", "1", "1.5", ""}, {"1", "1", "1.50", ""}, 5);
  const char* xs[] = {"0", "0.25", "0.5", "0.75", "1"};
  for (int k = 0; k < 5; ++k) {
    EXPECT_EQ(views[static_cast<size_t>(k)].center_x, xs[k]);
    EXPECT_EQ(views[static_cast<size_t>(k)].center_y, "1");
  }
  EXPECT_EQ(views[2].radius, "1.5");
}

TEST(ZoomPath, AWholeTurnInPlaceIsAPath) {
  const std::vector<ZoomView> views = path({"-0.5", "0", "1", ""}, {"-0.5", "0", "1", "360"}, 5);
  EXPECT_EQ(views[1].angle, "90");
  EXPECT_EQ(views[1].center_x, "-0.5");
  EXPECT_EQ(views[3].angle, "270");
  EXPECT_EQ(views[0].angle, "0");  // every frame has an angle once either end has one
}

TEST(ZoomPath, TheSameViewAtBothEndsIsAnError) {
  std::vector<ZoomView> views;
  const Status s = zoom_path({"-0.5", "0", "1.5", ""}, {"-0.50", "0.0", "1.50", "0"}, 10, &views);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("is the --start view"), std::string::npos);
}

TEST(ZoomPath, OneFrameIsTheStart) {
  const std::vector<ZoomView> views = path({"-0.5", "0", "1.5", ""}, {"0", "0", "1", ""}, 1);
  EXPECT_EQ(views[0].center_x, "-0.5");
  EXPECT_EQ(views[0].radius, "1.5");
}

}  // namespace
}  // namespace mandelbrot
