#include "kernel/kernel_channels.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace mandelbrot {
namespace {

// One row of params through the channel kernel.
struct ChannelRow {
  std::vector<int32_t> counts;
  std::vector<double> smooth, distance;
};

ChannelRow compute(const KernelParams& k, int32_t row) {
  ChannelRow r{std::vector<int32_t>(k.width), std::vector<double>(k.width),
               std::vector<double>(k.width)};
  render_rows_scalar(k, row, 1, r.counts.data());
  channel_row(k, row, RowOut{r.counts.data(), r.smooth.data(), r.distance.data()});
  return r;
}

TEST(KernelChannels, EscapedPointsHaveFiniteValuesAndInsidePointsNaN) {
  std::vector<Family> families = {Family{}, Family{FamilyKind::kJulia, 2, -0.8, 0.156},
                                  Family{FamilyKind::kMultibrot, 3, 0, 0},
                                  Family{FamilyKind::kMultibrot, 5, 0, 0}};
  for (const Family& family : families) {
    KernelParams k;
    k.width = 37;
    k.height = 9;
    k.iterations = 200;
    k.bailout = 256;
    k.family = family;
    if (family.julia()) k.region = Region{-1.6, 1.6, -1, 1};
    int inside = 0;
    for (int32_t i = 0; i < k.height; ++i) {
      const ChannelRow r = compute(k, i);
      for (int32_t j = 0; j < k.width; ++j) {
        const bool in = r.counts[j] == k.iterations - 1;
        inside += in;
        EXPECT_EQ(std::isnan(r.smooth[j]), in) << family_name(family.kind) << " " << i << "," << j;
        EXPECT_EQ(std::isnan(r.distance[j]), in);
        if (!in) {
          // The escape index is count + 1 (or 0): the smooth value lies near it.
          EXPECT_GT(r.smooth[j], r.counts[j] - 3.0);
          EXPECT_LT(r.smooth[j], r.counts[j] + 2.0);
          EXPECT_GT(r.distance[j], 0.0);
        }
      }
    }
    EXPECT_GT(inside, 0) << family_name(family.kind);
  }
}

TEST(KernelChannels, SmoothAndDistanceOfAPointWorkedByHand) {
  // c = 1: z = 0, 1, 2, 5, 26, 677 > 256, so z_5 escapes; dz/dc = 0, 1, 3, 13,
  // 131, 6813 (dz' = 2 z dz + 1).
  KernelParams k;
  k.width = 1;
  k.height = 1;
  k.iterations = 100;
  k.bailout = 256;
  k.region = Region{1, 3, -2, 0};  // row 0, column 0 samples (xmin, ymax) = (1, 0)
  const ChannelRow r = compute(k, 0);
  EXPECT_EQ(r.counts[0], 4);
  EXPECT_DOUBLE_EQ(r.smooth[0], 6 - std::log(std::log(677.0)) / std::log(2.0));
  EXPECT_DOUBLE_EQ(r.distance[0], 677 * std::log(677.0) / 6813 / 2.0);  // pixels 2 wide
}

TEST(KernelChannels, PointsThatDoNotEscapeAreNaN) {
  KernelParams k;
  k.width = 1;
  k.height = 1;
  k.iterations = 50;
  k.bailout = 256;
  k.region = Region{0, 1, -1, 0};  // c = 0: inside
  const ChannelRow r = compute(k, 0);
  EXPECT_EQ(r.counts[0], 49);
  EXPECT_TRUE(std::isnan(r.smooth[0]));
  EXPECT_TRUE(std::isnan(r.distance[0]));
}

TEST(KernelChannels, OnlyTheChannelsAskedForAreWritten) {
  KernelParams k;
  k.width = 8;
  k.height = 1;
  k.bailout = 256;
  std::vector<int32_t> counts(8);
  render_rows_scalar(k, 0, 1, counts.data());
  std::vector<double> smooth(8, -1);
  channel_row(k, 0, RowOut{counts.data(), smooth.data(), nullptr});
  for (double v : smooth) EXPECT_NE(v, -1);
}

TEST(KernelChannels, ProblemsNameTheValue) {
  KernelParams k;
  EXPECT_EQ(channels_problem(k, Channels{}), "");
  EXPECT_EQ(channels_problem(k, Channels{true, true}), "");
  k.bailout = 1.5;
  EXPECT_NE(channels_problem(k, Channels{true, false}).find("--bailout >= 2"), std::string::npos);
  k.bailout = 10;
  k.family.kind = FamilyKind::kBurningShip;
  EXPECT_EQ(channels_problem(k, Channels{true, false}), "");
  EXPECT_NE(channels_problem(k, Channels{false, true}).find("burning-ship"), std::string::npos);
}

// The double nearest to logl(x): the reference the logarithm is held to.
double reference_log(double x) {
  return static_cast<double>(std::log(static_cast<long double>(x)));
}

// How many doubles lie between a and b (0 when equal).
uint64_t ulps_apart(double a, double b) {
  auto ordered = [](double v) {
    const int64_t bits = std::bit_cast<int64_t>(v);
    return bits < 0 ? std::numeric_limits<int64_t>::min() - bits : bits;
  };
  const int64_t x = ordered(a);
  const int64_t y = ordered(b);
  return x > y ? static_cast<uint64_t>(x) - static_cast<uint64_t>(y)
               : static_cast<uint64_t>(y) - static_cast<uint64_t>(x);
}

TEST(KernelChannels, LogIsWithinOneUlpOfTheLongDoubleLogarithm) {
  std::mt19937_64 random(20261123);
  std::uniform_real_distribution<double> mantissa(1.0, 2.0);
  std::uniform_int_distribution<int> exponent(-1022, 1023);
  std::uniform_real_distribution<double> near_one(-0x1p-20, 0x1p-20);
  uint64_t worst = 0;
  int exact = 0;
  const int n = 400000;
  for (int i = 0; i < n; ++i) {
    // Wide: every binade; near 1, where log is smallest and cancellation worst;
    // and around sqrt(2), where the split changes binade.
    const double x = i % 4 == 0   ? std::ldexp(mantissa(random), exponent(random))
                     : i % 4 == 1 ? 1.0 + near_one(random)
                     : i % 4 == 2 ? std::sqrt(2.0) * (1.0 + near_one(random))
                                  : mantissa(random) * 256.0;
    const uint64_t ulps = ulps_apart(channel_log(x), reference_log(x));
    worst = std::max(worst, ulps);
    exact += ulps == 0;
  }
  EXPECT_LE(worst, 1u);
  EXPECT_GT(exact, n * 9 / 10) << "correctly rounded for " << exact << " of " << n;
}

TEST(KernelChannels, LogOfSpecialValues) {
  EXPECT_EQ(channel_log(1.0), 0.0);
  EXPECT_EQ(channel_log(2.0), reference_log(2.0));
  EXPECT_EQ(channel_log(std::numeric_limits<double>::max()),
            reference_log(std::numeric_limits<double>::max()));
  EXPECT_LE(ulps_apart(channel_log(std::numeric_limits<double>::min()),
                       reference_log(std::numeric_limits<double>::min())),
            1u);
  EXPECT_EQ(channel_log(std::numeric_limits<double>::infinity()),
            std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(channel_log(std::numeric_limits<double>::quiet_NaN())));
}

// The bits of a double, so that NaN equals NaN in the comparisons below.
uint64_t bits(double v) { return std::bit_cast<uint64_t>(v); }

TEST(KernelChannels, EveryKernelsChannelLoopGivesTheScalarLoopsDoubles) {
  struct Case {
    std::string label;
    KernelParams params;
    bool distance;
  };
  std::vector<Case> cases;
  auto add = [&](std::string label, Family family, Region region, double bailout, bool distance,
                 int32_t width) {
    KernelParams k;
    k.width = width;
    k.height = 13;
    k.iterations = 300;
    k.bailout = bailout;
    k.family = family;
    k.region = region;
    cases.push_back({std::move(label), k, distance});
  };
  add("mandelbrot", Family{}, Region{}, 256, true, 101);
  add("mandelbrot bailout 2", Family{}, Region{-2.2, 0.8, -1.2, 1.2}, 2, true, 37);
  // |z_0| beyond the bailout at the edges: counts of 0 that fail at z_0.
  add("julia", Family{FamilyKind::kJulia, 2, -0.8, 0.156}, Region{-3, 3, -2, 2}, 2, true, 64);
  add("multibrot 3", Family{FamilyKind::kMultibrot, 3, 0, 0}, Region{-1.5, 1.5, -1.5, 1.5}, 100,
      true, 45);
  add("multibrot 7", Family{FamilyKind::kMultibrot, 7, 0, 0}, Region{-1.5, 1.5, -1.5, 1.5}, 100,
      true, 45);
  add("burning ship", Family{FamilyKind::kBurningShip, 2, 0, 0}, Region{-2.5, 1.5, -2, 1}, 256,
      false, 50);
  add("tricorn", Family{FamilyKind::kTricorn, 2, 0, 0}, Region{-2, 2, -1.5, 1.5}, 256, false, 50);
  Case rotated = cases[0];
  rotated.label = "rotated";
  rotated.params.rotation = Rotation{std::cos(0.5), std::sin(0.5), -0.5, 0.1};
  cases.push_back(rotated);
  Case tile = cases[0];
  tile.label = "tile";
  tile.params.image_width = 300;
  tile.params.image_height = 40;
  tile.params.column_offset = 77;
  tile.params.row_offset = 20;
  cases.push_back(tile);

  for (const std::string& name : kernel_names()) {
    Kernel kernel;
    ASSERT_TRUE(choose_kernel(name, true, &kernel).ok()) << name;
    ASSERT_NE(kernel.channel_row, nullptr) << name;
    for (const Case& c : cases) {
      const KernelParams& k = c.params;
      int escaped = 0;
      for (int32_t i = 0; i < k.height; ++i) {
        const size_t w = static_cast<size_t>(k.width);
        std::vector<int32_t> counts(w);
        render_rows_scalar(k, i, 1, counts.data());
        std::vector<double> smooth(w), distance(w), smooth_ref(w), distance_ref(w);
        kernel.channel_row(
            k, i, RowOut{counts.data(), smooth.data(), c.distance ? distance.data() : nullptr});
        channel_row(
            k, i,
            RowOut{counts.data(), smooth_ref.data(), c.distance ? distance_ref.data() : nullptr});
        for (size_t j = 0; j < w; ++j) {
          escaped += !std::isnan(smooth_ref[j]);
          ASSERT_EQ(bits(smooth[j]), bits(smooth_ref[j]))
              << name << ", " << c.label << ", row " << i << ", column " << j << ": " << smooth[j]
              << " against " << smooth_ref[j];
          if (c.distance) {
            ASSERT_EQ(bits(distance[j]), bits(distance_ref[j]))
                << name << ", " << c.label << ", row " << i << ", column " << j;
          }
        }
      }
      EXPECT_GT(escaped, 0) << c.label;
    }
  }
}

}  // namespace
}  // namespace mandelbrot
