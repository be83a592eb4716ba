#include "colour/colouring.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "colour/colour_map.h"

namespace mandelbrot {
namespace {

TEST(Colouring, ParsesNamesAndInteriors) {
  for (Colouring c :
       {Colouring::kLog, Colouring::kSmooth, Colouring::kHistogram, Colouring::kDistance}) {
    EXPECT_EQ(parse_colouring(colouring_name(c)), c);
  }
  EXPECT_FALSE(parse_colouring("linear"));
  EXPECT_EQ(parse_interior("black"), (Rgb{0, 0, 0}));
  EXPECT_EQ(parse_interior("white"), (Rgb{255, 255, 255}));
  EXPECT_EQ(parse_interior("#1A2b3c"), (Rgb{0x1a, 0x2b, 0x3c}));
  EXPECT_FALSE(parse_interior("#12345"));
  EXPECT_FALSE(parse_interior("#12345g"));
  EXPECT_FALSE(parse_interior("red"));
  EXPECT_EQ(interior_name(Rgb{0x1a, 0x2b, 0x3c}), "#1a2b3c");
  EXPECT_EQ(channels_of(Colouring::kSmooth), (Channels{true, false}));
  EXPECT_EQ(channels_of(Colouring::kDistance), (Channels{false, true}));
  EXPECT_FALSE(channels_of(Colouring::kHistogram).any());
}

TEST(Colouring, SmoothIndexIsLogScaledOverTheRange) {
  const SmoothRange range{2.0, 2.0 + std::exp(3.0) - 1.0};  // top = log(e^3) = 3
  const SmoothScale scale = smooth_scale(range);
  EXPECT_EQ(scale.low, 2.0);
  EXPECT_NEAR(scale.top, 3.0, 1e-15);
  EXPECT_EQ(smooth_index(2.0, scale, 256), 0);
  EXPECT_EQ(smooth_index(range.high, scale, 256), 255);
  EXPECT_EQ(smooth_index(2.0 + std::exp(1.5) - 1.0, scale, 256), 128);
  EXPECT_EQ(smooth_index(1.0, scale, 256), 0);  // below the range
  EXPECT_EQ(smooth_index(std::numeric_limits<double>::quiet_NaN(), scale, 256), 0);
  EXPECT_EQ(smooth_index(5.0, smooth_scale(SmoothRange{5.0, 5.0}), 256), 0);
  EXPECT_EQ(smooth_index(5.0, smooth_scale(SmoothRange{}), 256), 0);  // no escaped point
}

TEST(Colouring, SmoothRangeSkipsInteriorAndNonFiniteValues) {
  const int32_t counts[] = {3, 9, 4, 5};
  const double smooth[] = {3.5, 100.0, std::numeric_limits<double>::infinity(), 2.25};
  SmoothRange range;
  range.add(counts, smooth, 10);  // count 9 is inside
  EXPECT_EQ(range.low, 2.25);
  EXPECT_EQ(range.high, 3.5);
  SmoothRange empty;
  range.merge(empty);
  EXPECT_EQ(range.low, 2.25);
  empty.merge(range);
  EXPECT_EQ(empty.high, 3.5);
}

TEST(Colouring, DistanceIndex) {
  EXPECT_EQ(distance_index(0.0, 256), 0);
  EXPECT_EQ(distance_index(4.0, 256), 128);
  EXPECT_EQ(distance_index(12.0, 256), 192);
  EXPECT_EQ(distance_index(std::numeric_limits<double>::infinity(), 256), 255);
  EXPECT_EQ(distance_index(std::numeric_limits<double>::quiet_NaN(), 256), 0);
}

TEST(Colouring, HistogramEqualisesTheEscapedCounts) {
  CountHistogram histogram(10);
  const int32_t counts[] = {1, 1, 2, 5, 9, 9};  // 9 is inside
  histogram.add(counts);
  const std::vector<uint16_t> indices = histogram.indices(256);
  ASSERT_EQ(indices.size(), 10u);
  EXPECT_EQ(indices[0], 0);
  EXPECT_EQ(indices[1], 128);  // 2 of 4
  EXPECT_EQ(indices[2], 192);  // 3 of 4
  EXPECT_EQ(indices[5], 255);  // 4 of 4
}

TEST(Colouring, ColourMapUsesTheMethodAndTheInterior) {
  const std::span<const Rgb> hot = colour_table(ColourMapKind::kHot);
  ColouringOptions options;
  options.method = Colouring::kHistogram;
  options.histogram = std::make_shared<const std::vector<uint16_t>>(
      std::vector<uint16_t>{0, 128, 192, 192, 192, 255, 255, 255, 255, 255});
  const ColourMap histogram(ColourMapKind::kHot, ColourScale::kImage, 10, CountRange{1, 9},
                            options);
  EXPECT_EQ(histogram(1), hot[128]);
  EXPECT_EQ(histogram(9), hot[255]);
  options.interior = Rgb{1, 2, 3};
  const ColourMap black(ColourMapKind::kHot, ColourScale::kImage, 10, CountRange{1, 9}, options);
  EXPECT_EQ(black(9), (Rgb{1, 2, 3}));
  EXPECT_EQ(black(2), hot[192]);

  // The log colouring with an interior colour: only the inside count changes.
  ColouringOptions log;
  log.interior = Rgb{0, 0, 0};
  const ColourMap plain(ColourMapKind::kHot, ColourScale::kImage, 10, CountRange{1, 9});
  const ColourMap with(ColourMapKind::kHot, ColourScale::kImage, 10, CountRange{1, 9}, log);
  for (int32_t c = 0; c < 9; ++c) EXPECT_EQ(plain(c), with(c));
  EXPECT_EQ(with(9), (Rgb{0, 0, 0}));

  // Distance: from the channel, the interior from the map's last entry.
  CountBuffer band(2, 1, Channels{false, true});
  band.set_rows(0, 1);
  const RowOut out = band.row_out(0);
  out.counts[0] = 3;
  out.distance[0] = 4.0;
  out.counts[1] = 9;
  out.distance[1] = std::numeric_limits<double>::quiet_NaN();
  ColouringOptions distance;
  distance.method = Colouring::kDistance;
  const ColourMap map(ColourMapKind::kHot, ColourScale::kImage, 10, CountRange{}, distance);
  uint8_t rgb[6];
  map.map_band_row(band, 0, rgb);
  EXPECT_EQ((Rgb{rgb[0], rgb[1], rgb[2]}), hot[128]);
  EXPECT_EQ((Rgb{rgb[3], rgb[4], rgb[5]}), hot[255]);
}

}  // namespace
}  // namespace mandelbrot
