#include "colour/colour_map.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <span>
#include <vector>

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
  const std::span<const Rgb> hot = colour_table(ColourMapKind::kHot);
  EXPECT_EQ(hot[0], (Rgb{10, 0, 0}));
  EXPECT_EQ(hot[128], (Rgb{255, 91, 0}));
  EXPECT_EQ(hot[255], (Rgb{255, 255, 255}));
  const std::span<const Rgb> gray = colour_table(ColourMapKind::kGray);
  EXPECT_EQ(gray[0], (Rgb{0, 0, 0}));
  EXPECT_EQ(gray[1], (Rgb{1, 1, 1}));
  EXPECT_EQ(gray[255], (Rgb{255, 255, 255}));
}

TEST(ImageScale, IndexIsMatplotlibsTruncatedNormalisedLog) {
  // The expected indices are NumPy's (np.log(c) - np.log(lo)) / (np.log(hi) -
  // np.log(lo)) * 256, truncated: 128.28, 38.62, 255.43, 37.41, 253.75.
  EXPECT_EQ(image_scale_index(10, {1, 99}, 256), 128);
  EXPECT_EQ(image_scale_index(2, {1, 99}, 256), 38);
  EXPECT_EQ(image_scale_index(98, {1, 99}, 256), 255);
  EXPECT_EQ(image_scale_index(7, {5, 50}, 256), 37);
  EXPECT_EQ(image_scale_index(49, {5, 50}, 256), 253);
  EXPECT_EQ(image_scale_index(1, {1, 99}, 256), 0);
  EXPECT_EQ(image_scale_index(99, {1, 99}, 256), 255);  // 256 exactly is the last entry
}

TEST(ImageScale, ZeroAndOneValueRangesGiveTheFirstEntry) {
  EXPECT_EQ(image_scale_index(0, {1, 99}, 256), 0);  // log(0) = -inf: below the range
  EXPECT_EQ(image_scale_index(7, {7, 7}, 256), 0);   // matplotlib: vmin == vmax gives 0
  EXPECT_EQ(image_scale_index(0, {0, 0}, 256), 0);   // every count 0
  EXPECT_EQ(image_scale_index(3, {5, 50}, 256), 0);  // below the range: clamped
  EXPECT_EQ(image_scale_index(80, {5, 50}, 256), 255);
}

TEST(ImageScale, ColourMapLooksUpTheTable) {
  for (int32_t iterations : {100, (1 << 21) + 1}) {  // with and without a table
    const ColourMap map(ColourMapKind::kHot, ColourScale::kImage, iterations, {5, 50});
    const std::span<const Rgb> hot = colour_table(ColourMapKind::kHot);
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
  EXPECT_EQ(parse_colour_map("viridis"), ColourMapKind::kViridis);
  EXPECT_EQ(parse_colour_map("twilight"), ColourMapKind::kTwilight);
  EXPECT_FALSE(parse_colour_map("jet"));
  EXPECT_EQ(colour_map_names(), "hot, gray, viridis, magma, inferno, plasma, cividis, twilight");
  for (ColourMapKind kind : {ColourMapKind::kHot, ColourMapKind::kGray, ColourMapKind::kViridis,
                             ColourMapKind::kMagma, ColourMapKind::kInferno, ColourMapKind::kPlasma,
                             ColourMapKind::kCividis, ColourMapKind::kTwilight}) {
    EXPECT_EQ(parse_colour_map(colour_map_name(kind)), kind);
  }
  EXPECT_EQ(colour_map_name(ColourMapKind::kGray), "gray");
  EXPECT_EQ(parse_colour_scale("image"), ColourScale::kImage);
  EXPECT_EQ(parse_colour_scale("fixed"), ColourScale::kFixed);
  EXPECT_FALSE(parse_colour_scale("linear"));
  EXPECT_EQ(colour_scale_name(ColourScale::kFixed), "fixed");
}

TEST(ColourTables, HaveMatplotlibsSizesAndEnds) {
  // matplotlib's viridis(0), viridis(1) and twilight's two ends, as bytes.
  for (ColourMapKind kind :
       {ColourMapKind::kHot, ColourMapKind::kGray, ColourMapKind::kViridis, ColourMapKind::kMagma,
        ColourMapKind::kInferno, ColourMapKind::kPlasma, ColourMapKind::kCividis}) {
    EXPECT_EQ(colour_table(kind).size(), 256u);
  }
  const std::span<const Rgb> viridis = colour_table(ColourMapKind::kViridis);
  EXPECT_EQ(viridis[0], (Rgb{68, 1, 84}));
  EXPECT_EQ(viridis[255], (Rgb{253, 231, 36}));
  const std::span<const Rgb> twilight = colour_table(ColourMapKind::kTwilight);
  ASSERT_EQ(twilight.size(), 510u);
  EXPECT_EQ(twilight[0], (Rgb{225, 216, 226}));
  EXPECT_EQ(twilight[509], (Rgb{225, 216, 225}));
}

TEST(ImageScale, TwilightIndexesItsOwn510Entries) {
  // (log 10 - log 1) / (log 99 - log 1) * 510 = 255.56: entry 255 of 510.
  EXPECT_EQ(image_scale_index(10, {1, 99}, 510), 255);
  EXPECT_EQ(image_scale_index(99, {1, 99}, 510), 509);
  const ColourMap map(ColourMapKind::kTwilight, ColourScale::kImage, 100, {1, 99});
  const std::span<const Rgb> twilight = colour_table(ColourMapKind::kTwilight);
  EXPECT_EQ(map(10), twilight[255]);
  EXPECT_EQ(map(99), twilight[509]);
}

TEST(ColourMap, FixedScaleOfAMapWithoutARampLooksUpItsTable) {
  const ColourMap map(ColourMapKind::kMagma, ColourScale::kFixed, 100, CountRange{});
  const std::span<const Rgb> magma = colour_table(ColourMapKind::kMagma);
  EXPECT_EQ(map(0), magma[0]);
  EXPECT_EQ(map(99), magma[255]);
  EXPECT_EQ(map(10), magma[static_cast<size_t>(table_index(std::log(10.0) / std::log(99.0), 256))]);
}

TEST(ColourMap, APaletteReplacesTheTable) {
  ColouringOptions options;
  options.palette = std::make_shared<const Gradient>(
      std::vector<ColourStop>{{0.0, Rgb{0, 0, 0}}, {1.0, Rgb{0, 0, 255}}});
  const ColourMap map(ColourMapKind::kHot, ColourScale::kImage, 100, {1, 99}, options);
  EXPECT_EQ(map(1), (Rgb{0, 0, 0}));
  EXPECT_EQ(map(99), (Rgb{0, 0, 255}));
  EXPECT_EQ(map(10), (Rgb{0, 0, 128}));  // entry 128 of 256: 128 / 255 * 255
  // On the fixed scale too: a palette has no ramp of its own.
  const ColourMap fixed(ColourMapKind::kHot, ColourScale::kFixed, 100, {}, options);
  EXPECT_EQ(fixed(99), (Rgb{0, 0, 255}));
  EXPECT_EQ(fixed(0), (Rgb{0, 0, 0}));
  EXPECT_EQ(table_size(ColourMapKind::kTwilight, options), 256);
  EXPECT_EQ(table_size(ColourMapKind::kTwilight, ColouringOptions{}), 510);
}

CountBuffer smooth_band(const std::vector<int32_t>& counts, const std::vector<double>& smooth) {
  CountBuffer band(static_cast<int32_t>(counts.size()), 1, Channels{true, false});
  band.set_rows(0, 1);
  const RowOut out = band.row_out(0);
  for (size_t i = 0; i < counts.size(); ++i) {
    out.counts[i] = counts[i];
    out.smooth[i] = smooth[i];
  }
  return band;
}

std::vector<Rgb> mapped(const ColourMap& map, const CountBuffer& band) {
  std::vector<uint8_t> rgb(3 * static_cast<size_t>(band.width()));
  map.map_band_row(band, 0, rgb.data());
  std::vector<Rgb> out;
  for (size_t i = 0; i < rgb.size(); i += 3) out.push_back(Rgb{rgb[i], rgb[i + 1], rgb[i + 2]});
  return out;
}

TEST(ColourMap, CyclicGradientRepeatsEveryPeriod) {
  ColouringOptions options;
  options.method = Colouring::kSmooth;
  options.period = 10.0;
  options.palette = std::make_shared<const Gradient>(
      std::vector<ColourStop>{{0.0, Rgb{0, 0, 0}}, {0.5, Rgb{200, 100, 0}}, {1.0, Rgb{0, 0, 0}}});
  const ColourMap map(ColourMapKind::kHot, ColourScale::kImage, 100, {}, options);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const CountBuffer band = smooth_band({3, 4, 12, 27, 5, 99}, {2.5, 5.0, 15.0, 27.5, nan, 1.0});
  const std::vector<Rgb> rgb = mapped(map, band);
  EXPECT_EQ(rgb[0], (Rgb{100, 50, 0}));   // 2.5 / 10 = 0.25
  EXPECT_EQ(rgb[1], (Rgb{200, 100, 0}));  // 0.5
  EXPECT_EQ(rgb[2], (Rgb{200, 100, 0}));  // 1.5: the same place one period on
  EXPECT_EQ(rgb[3], (Rgb{100, 50, 0}));   // 2.75
  EXPECT_EQ(rgb[4], (Rgb{0, 0, 0}));      // not finite: position 0
  EXPECT_EQ(rgb[5], (Rgb{0, 0, 0}));      // inside: the table's last entry, gradient(1)

  // An offset of a quarter period moves every point a quarter along.
  options.offset = 0.25;
  const ColourMap shifted(ColourMapKind::kHot, ColourScale::kImage, 100, {}, options);
  const std::vector<Rgb> moved = mapped(shifted, band);
  EXPECT_EQ(moved[0], (Rgb{200, 100, 0}));  // 0.25 + 0.25
  EXPECT_EQ(moved[1], (Rgb{100, 50, 0}));   // 0.75

  // A map cycles through its table without interpolation.
  options.palette.reset();
  options.offset = 0.0;
  const ColourMap twilight(ColourMapKind::kTwilight, ColourScale::kImage, 100, {}, options);
  const std::span<const Rgb> table = colour_table(ColourMapKind::kTwilight);
  const std::vector<Rgb> cycled = mapped(twilight, band);
  EXPECT_EQ(cycled[0], table[127]);  // trunc(0.25 * 510)
  EXPECT_EQ(cycled[2], table[255]);
}

TEST(Colouring, CyclePositionIsTheFractionOfThePeriod) {
  EXPECT_EQ(cycle_position(2.5, 10.0, 0.0), 0.25);
  EXPECT_EQ(cycle_position(12.5, 10.0, 0.0), 0.25);
  EXPECT_EQ(cycle_position(-2.5, 10.0, 0.0), 0.75);
  EXPECT_EQ(cycle_position(2.5, 10.0, 0.5), 0.75);
  EXPECT_EQ(cycle_position(2.5, 10.0, -3.0), 0.25);
  EXPECT_EQ(cycle_position(std::numeric_limits<double>::infinity(), 10.0, 0.0), 0.0);
  EXPECT_EQ(cycle_position(5.0, 1e-320, 0.0), 0.0);  // 5 / 1e-320 overflows
  EXPECT_EQ(cycle_position(5.0, 10.0, 1e308), 0.0);  // so does the offset's 1e309
}

}  // namespace
}  // namespace mandelbrot
