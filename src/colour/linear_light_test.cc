#include "colour/linear_light.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace mandelbrot {
namespace {

TEST(LinearLight, DecodesWithTheStandardTransferFunction) {
  EXPECT_EQ(srgb_to_linear(0), 0.0);
  EXPECT_EQ(srgb_to_linear(255), 1.0);
  // 10 / 255 = 0.0392 lies on the linear segment (at most 0.04045).
  EXPECT_DOUBLE_EQ(srgb_to_linear(10), 10.0 / 255.0 / 12.92);
  // 128 / 255 is on the power segment: 0.21586 (the usual table's value).
  EXPECT_NEAR(srgb_to_linear(128), 0.2158605, 1e-7);
  EXPECT_NEAR(srgb_to_linear(188), 0.5028865, 1e-7);
}

TEST(LinearLight, EncodingInvertsDecodingForEveryByte) {
  for (int v = 0; v < 256; ++v) {
    EXPECT_EQ(linear_to_srgb(srgb_to_linear(static_cast<uint8_t>(v))), v) << v;
  }
}

TEST(LinearLight, EncodingRoundsAtTheMidpointsHalvesUp) {
  for (int k = 0; k < 255; ++k) {
    const double m = srgb_midpoint(k);
    EXPECT_EQ(linear_to_srgb(m), k + 1) << k;
    EXPECT_EQ(linear_to_srgb(std::nextafter(m, 0.0)), k) << k;
    EXPECT_GT(m, srgb_to_linear(static_cast<uint8_t>(k)));
    EXPECT_LT(m, srgb_to_linear(static_cast<uint8_t>(k + 1)));
  }
  EXPECT_EQ(linear_to_srgb(-1.0), 0);
  EXPECT_EQ(linear_to_srgb(2.0), 255);
}

TEST(LinearLight, EncodingMatchesTheInverseTransferFunction) {
  // round(255 * (1.055 l^(1/2.4) - 0.055)) away from the midpoints.
  for (double l : {0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9}) {
    const double code = 255.0 * (l <= 0.0031308 ? 12.92 * l : 1.055 * std::pow(l, 1 / 2.4) - 0.055);
    EXPECT_EQ(linear_to_srgb(l), static_cast<int>(std::floor(code + 0.5))) << l;
  }
}

TEST(LinearLight, HalfBlackHalfWhiteIsTheLinearMiddleGrey) {
  // 2 x 2 samples, one pixel: black, white / white, black. The mean is 0.5
  // in linear light, which is sRGB 188 (not 128, the mean of the bytes).
  const std::vector<uint8_t> samples = {0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0};
  uint8_t out[3];
  average_blocks(samples.data(), 2, 1, out);
  EXPECT_EQ(out[0], 188);
  EXPECT_EQ(out[1], 188);
  EXPECT_EQ(out[2], 188);
}

TEST(LinearLight, AveragesEachBlockAndChannelApart) {
  // Two pixels of 2 x 2 samples: pixel 0 is one white sample in four (0.25:
  // sRGB 137) in red only; pixel 1 is red 255 / green 10 everywhere.
  const std::vector<uint8_t> samples = {
      255, 0, 0, 0, 0, 0, 255, 10, 0, 255, 10, 0,   // sample row 0
      0,   0, 0, 0, 0, 0, 255, 10, 0, 255, 10, 0};  // sample row 1
  uint8_t out[6];
  average_blocks(samples.data(), 2, 2, out);
  EXPECT_EQ(out[0], 137);
  EXPECT_EQ(out[1], 0);
  EXPECT_EQ(out[2], 0);
  EXPECT_EQ(out[3], 255);
  EXPECT_EQ(out[4], 10);
  EXPECT_EQ(out[5], 0);
}

TEST(LinearLight, AUniformBlockKeepsItsColourForEveryByteAndSize) {
  for (int n : {1, 2, 3, 5, 16}) {
    for (int v = 0; v < 256; ++v) {
      const std::vector<uint8_t> samples(static_cast<size_t>(n) * n * 3, static_cast<uint8_t>(v));
      uint8_t out[3];
      average_blocks(samples.data(), n, 1, out);
      EXPECT_EQ(out[0], v) << n;
      EXPECT_EQ(out[2], v) << n;
    }
  }
}

}  // namespace
}  // namespace mandelbrot
