#include "render/distinct_samples.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <utility>

namespace mandelbrot {
namespace {

// The kernel parameters of a view of w x h pixels at centre x,y, radius r, angle.
std::pair<KernelParams, View> view_params(const std::string& center, double radius, int32_t w,
                                          int32_t h, const char* angle = nullptr) {
  View v;
  EXPECT_TRUE(parse_view_center(center, &v).ok());
  EXPECT_TRUE(parse_view_radius(fmt::format("{}", radius), &v).ok());
  if (angle) {
    EXPECT_TRUE(parse_view_angle(angle, &v).ok());
  }
  v.width = w;
  v.height = h;
  DoubleView d;
  EXPECT_TRUE(double_view(v, &d).ok());
  KernelParams k;
  k.width = w;
  k.height = h;
  k.region = Region{d.xmin, d.xmax, d.ymin, d.ymax};
  k.rotation = KernelParams::Rotation{d.cos, d.sin, d.cx, d.cy};
  EXPECT_TRUE(check_kernel_params(k).ok());
  return {k, v};
}

// Brute force, by another route: as many distinct x_at values as columns, and
// y_at values as rows.
bool all_distinct(const KernelParams& k) {
  std::set<double> xs;
  std::set<double> ys;
  for (int32_t j = 0; j < k.width; ++j) xs.insert(k.x_at(j));
  for (int32_t i = 0; i < k.height; ++i) ys.insert(k.y_at(i));
  return xs.size() == static_cast<size_t>(k.width) && ys.size() == static_cast<size_t>(k.height);
}

// Brute force for a rotated view: every pixel's rotated sample (the formula of
// KernelParams::Rotation) differs from its right and lower neighbours'.
bool all_rotated_distinct(const KernelParams& k) {
  const KernelParams::Rotation& r = k.rotation;
  auto sample = [&](int32_t i, int32_t j) {
    const double u = k.x_at(j) - r.cx;
    const double v = k.y_at(i) - r.cy;
    return std::pair{r.cx + (u * r.cos - v * r.sin), r.cy + (u * r.sin + v * r.cos)};
  };
  for (int32_t i = 0; i < k.height; ++i) {
    for (int32_t j = 0; j < k.width; ++j) {
      if (j + 1 < k.width && sample(i, j) == sample(i, j + 1)) return false;
      if (i + 1 < k.height && sample(i, j) == sample(i + 1, j)) return false;
    }
  }
  return true;
}

TEST(DistinctSamples, CatchesTheViewThatRenderedInBlocks) {
  const auto [k, v] = view_params(
      "-1.7598171308048478136108250105617982382440,-0.01259331079974986538374663184326485845034",
      2e-14, 1024, 1024);
  EXPECT_FALSE(all_distinct(k));
  const Status s = check_distinct_samples(k, v);
  ASSERT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("--radius 2e-14 is too small for double precision"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("(zoom 7.5e13)"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("columns 0 and 1 both sample x = -1.75981713080486"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("deep-zoom method"), std::string::npos) << s.message();
}

// Sweeps the radius across the limit: the check agrees with brute force on
// every view, and the sweep has views on both sides.
void expect_exact_on_both_sides(const std::string& center, int32_t w, int32_t h, double unit) {
  int passed = 0;
  int refused = 0;
  for (double f = 0.2; f < 3; f += 0.01) {
    const auto [k, v] = view_params(center, f * unit, w, h);
    const bool ok = check_distinct_samples(k, v).ok();
    EXPECT_EQ(ok, all_distinct(k)) << center << " radius " << f * unit;
    (ok ? passed : refused)++;
  }
  EXPECT_GT(passed, 10) << center;
  EXPECT_GT(refused, 10) << center;
}

TEST(DistinctSamples, ExactInXAndInYOnEitherSideOfTheLimit) {
  // Near 1.5 doubles are 2^-52 apart; W pixels over 2R*W/H need R near H * 2^-53.
  expect_exact_on_both_sides("1.5,0", 64, 64, 64 * 0x1p-53);  // columns collapse
  expect_exact_on_both_sides("0,1.5", 64, 64, 64 * 0x1p-53);  // rows collapse
  expect_exact_on_both_sides("-1.75,0.3", 100, 30, 30 * 0x1p-53);
  expect_exact_on_both_sides("0.3,-1.75", 30, 100, 100 * 0x1p-53);
}

TEST(DistinctSamples, NamesTheFirstCollapsedRow) {
  const auto [k, v] = view_params("0,1.5", 0.2 * 64 * 0x1p-53, 8, 64);
  const Status s = check_distinct_samples(k, v);
  EXPECT_NE(s.message().find("rows 0 and 1 both sample y = 1.5"), std::string::npos) << s.message();
}

TEST(DistinctSamples, RotatedRuleIsSound) {
  int passed = 0;
  int refused = 0;
  for (const char* angle : {"30", "90", "45", "200", "-0.001", "180"}) {
    for (double f = 0.5; f < 100; f *= 1.15) {
      const auto [k, v] = view_params("-1.75,0.3", f * 32 * 0x1p-53, 48, 32, angle);
      ASSERT_FALSE(k.rotation.identity());
      if (check_distinct_samples(k, v).ok()) {
        EXPECT_TRUE(all_rotated_distinct(k)) << angle << " radius factor " << f;
        ++passed;
      } else {
        ++refused;
      }
    }
  }
  EXPECT_GT(passed, 20);
  EXPECT_GT(refused, 20);
}

TEST(DistinctSamples, RotatedRuleAsksForSpacingOf32Ulps) {
  // Pixel spacing 2R/H; ulp of the largest coordinate (about 1.75 plus the
  // reach) is 2^-52.
  const double spacing_ulps = 40;
  const auto [k, v] = view_params("-1.5,0", spacing_ulps * 32 * 0x1p-53, 32, 32, "90");
  EXPECT_TRUE(check_distinct_samples(k, v).ok());
  const auto [k2, v2] = view_params("-1.5,0", 24 * 32 * 0x1p-53, 32, 32, "90");
  const Status s = check_distinct_samples(k2, v2);
  EXPECT_NE(s.message().find("rotated, its pixel spacing"), std::string::npos) << s.message();
  // The same view unrotated is checked exactly, and passes.
  const auto [k3, v3] = view_params("-1.5,0", 24 * 32 * 0x1p-53, 32, 32, "0");
  EXPECT_TRUE(k3.rotation.identity());
  EXPECT_TRUE(check_distinct_samples(k3, v3).ok());
}

}  // namespace
}  // namespace mandelbrot
