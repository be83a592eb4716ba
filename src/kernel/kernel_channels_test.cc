#include "kernel/kernel_channels.h"

#include <gtest/gtest.h>

#include <cmath>
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

}  // namespace
}  // namespace mandelbrot
