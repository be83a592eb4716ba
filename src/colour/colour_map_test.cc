#include "colour/colour_map.h"

#include <gtest/gtest.h>

#include <cmath>

namespace mandelbrot {
namespace {

int brightness(Rgb c) { return c[0] + c[1] + c[2]; }

TEST(ColourMap, RampEndsAreBlackAndWhite) {
  for (ColourMapKind kind : {ColourMapKind::kHot, ColourMapKind::kGray}) {
    EXPECT_EQ(colour_ramp(kind, 0.0), (Rgb{0, 0, 0}));
    EXPECT_EQ(colour_ramp(kind, 1.0), (Rgb{255, 255, 255}));
    EXPECT_EQ(colour_ramp(kind, -3.0), (Rgb{0, 0, 0}));  // clamped
    EXPECT_EQ(colour_ramp(kind, 7.0), (Rgb{255, 255, 255}));
  }
}

TEST(ColourMap, HotGoesThroughRedAndYellow) {
  EXPECT_EQ(colour_ramp(ColourMapKind::kHot, 0.365079), (Rgb{255, 0, 0}));
  EXPECT_EQ(colour_ramp(ColourMapKind::kHot, 0.746032), (Rgb{255, 255, 0}));
  const Rgb dark_red = colour_ramp(ColourMapKind::kHot, 0.1);
  EXPECT_GT(dark_red[0], 0);
  EXPECT_EQ(dark_red[1], 0);
  EXPECT_EQ(dark_red[2], 0);
}

TEST(ColourMap, GrayIsGrey) {
  const Rgb mid = colour_ramp(ColourMapKind::kGray, 0.5);
  EXPECT_EQ(mid, (Rgb{128, 128, 128}));
}

TEST(ColourMap, BrightnessNeverDecreasesAlongTheRamp) {
  for (ColourMapKind kind : {ColourMapKind::kHot, ColourMapKind::kGray}) {
    int previous = -1;
    for (int i = 0; i <= 1000; ++i) {
      const int b = brightness(colour_ramp(kind, i / 1000.0));
      EXPECT_GE(b, previous);
      previous = b;
    }
  }
}

TEST(ColourMap, MapsCountsThroughLogarithm) {
  const ColourMap map(ColourMapKind::kHot, ColourScale::kFixed, 100, CountRange{});
  EXPECT_EQ(map(0), (Rgb{0, 0, 0}));
  EXPECT_EQ(map(99), (Rgb{255, 255, 255}));  // inside is white
  EXPECT_EQ(map(1), (Rgb{0, 0, 0}));         // log(1) = 0
  EXPECT_EQ(map(10), colour_ramp(ColourMapKind::kHot, std::log(10.0) / std::log(99.0)));
  EXPECT_EQ(map(-5), map(0));  // clamped
  EXPECT_EQ(map(1000), map(99));
}

TEST(ColourMap, SmallIterationCountsHaveNoDivisionByZero) {
  const ColourMap one(ColourMapKind::kHot, ColourScale::kFixed, 1, CountRange{});
  EXPECT_EQ(one(0), (Rgb{255, 255, 255}));  // count 0 == iterations - 1: inside
  const ColourMap two(ColourMapKind::kHot, ColourScale::kFixed, 2, CountRange{});
  EXPECT_EQ(two(0), (Rgb{0, 0, 0}));
  EXPECT_EQ(two(1), (Rgb{255, 255, 255}));
}

TEST(ColourMap, LargeIterationCountsComputeTheSameColours) {
  // Beyond the table size every colour is computed on demand; the formula is
  // the same, so a count has the same colour as through colour_ramp directly.
  const int32_t iterations = (1 << 21) + 1;
  const ColourMap map(ColourMapKind::kGray, ColourScale::kFixed, iterations, CountRange{});
  for (int32_t count : {2, 1000, 1 << 20, iterations - 2}) {
    EXPECT_EQ(map(count), colour_ramp(ColourMapKind::kGray,
                                      std::log(double(count)) / std::log(double(iterations - 1))));
  }
  EXPECT_EQ(map(iterations - 1), (Rgb{255, 255, 255}));
}

TEST(ColourMap, MapRowWritesRgbTriples) {
  const ColourMap map(ColourMapKind::kGray, ColourScale::kFixed, 3, CountRange{});
  const int32_t counts[] = {0, 2};
  uint8_t rgb[6] = {};
  map.map_row(counts, 2, rgb);
  EXPECT_EQ(std::vector<uint8_t>(rgb, rgb + 6), (std::vector<uint8_t>{0, 0, 0, 255, 255, 255}));
}

TEST(ColourTables, AreMatplotlibsBytes) {
  // matplotlib's hot(x, bytes=True) at 0, 0.5 and 1; gray's first entries.
  const ColourTable& hot = colour_table(ColourMapKind::kHot);
  EXPECT_EQ(hot[0], (Rgb{10, 0, 0}));
  EXPECT_EQ(hot[128], (Rgb{255, 91, 0}));
  EXPECT_EQ(hot[255], (Rgb{255, 255, 255}));
  const ColourTable& gray = colour_table(ColourMapKind::kGray);
  EXPECT_EQ(gray[0], (Rgb{0, 0, 0}));
  EXPECT_EQ(gray[1], (Rgb{1, 1, 1}));
  EXPECT_EQ(gray[255], (Rgb{255, 255, 255}));
}

TEST(ImageScale, IndexIsMatplotlibsTruncatedNormalisedLog) {
  // The expected indices are NumPy's (np.log(c) - np.log(lo)) / (np.log(hi) -
  // np.log(lo)) * 256, truncated: 128.28, 38.62, 255.43, 37.41, 253.75.
  EXPECT_EQ(image_scale_index(10, {1, 99}), 128);
  EXPECT_EQ(image_scale_index(2, {1, 99}), 38);
  EXPECT_EQ(image_scale_index(98, {1, 99}), 255);
  EXPECT_EQ(image_scale_index(7, {5, 50}), 37);
  EXPECT_EQ(image_scale_index(49, {5, 50}), 253);
  EXPECT_EQ(image_scale_index(1, {1, 99}), 0);
  EXPECT_EQ(image_scale_index(99, {1, 99}), 255);  // 256 exactly is the last entry
}

TEST(ImageScale, ZeroAndOneValueRangesGiveTheFirstEntry) {
  EXPECT_EQ(image_scale_index(0, {1, 99}), 0);  // log(0) = -inf: below the range
  EXPECT_EQ(image_scale_index(7, {7, 7}), 0);   // matplotlib: vmin == vmax gives 0
  EXPECT_EQ(image_scale_index(0, {0, 0}), 0);   // every count 0
  EXPECT_EQ(image_scale_index(3, {5, 50}), 0);  // below the range: clamped
  EXPECT_EQ(image_scale_index(80, {5, 50}), 255);
}

TEST(ImageScale, ColourMapLooksUpTheTable) {
  for (int32_t iterations : {100, (1 << 21) + 1}) {  // with and without a table
    const ColourMap map(ColourMapKind::kHot, ColourScale::kImage, iterations, {5, 50});
    const ColourTable& hot = colour_table(ColourMapKind::kHot);
    EXPECT_EQ(map(5), hot[0]);
    EXPECT_EQ(map(0), hot[0]);
    EXPECT_EQ(map(7), hot[37]);
    EXPECT_EQ(map(49), hot[253]);
    EXPECT_EQ(map(50), hot[255]);
    EXPECT_EQ(map(iterations - 1), hot[255]);
    const int32_t counts[] = {5, 49};
    uint8_t rgb[6] = {};
    map.map_row(counts, 2, rgb);
    EXPECT_EQ(std::vector<uint8_t>(rgb, rgb + 6),
              (std::vector<uint8_t>{hot[0][0], hot[0][1], hot[0][2], hot[253][0], hot[253][1],
                                    hot[253][2]}));
  }
}

TEST(ColourMap, ParsesNames) {
  EXPECT_EQ(parse_colour_map("hot"), ColourMapKind::kHot);
  EXPECT_EQ(parse_colour_map("gray"), ColourMapKind::kGray);
  EXPECT_EQ(parse_colour_map("grey"), ColourMapKind::kGray);
  EXPECT_FALSE(parse_colour_map("viridis"));
  EXPECT_EQ(colour_map_name(ColourMapKind::kGray), "gray");
  EXPECT_EQ(parse_colour_scale("image"), ColourScale::kImage);
  EXPECT_EQ(parse_colour_scale("fixed"), ColourScale::kFixed);
  EXPECT_FALSE(parse_colour_scale("linear"));
  EXPECT_EQ(colour_scale_name(ColourScale::kFixed), "fixed");
}

}  // namespace
}  // namespace mandelbrot
