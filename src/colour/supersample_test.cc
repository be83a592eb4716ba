#include "colour/supersample.h"

#include <gtest/gtest.h>

#include <vector>

#include "colour/linear_light.h"

namespace mandelbrot {
namespace {

// A band of `rows` sample rows of `width` samples holding `counts`, row-major.
CountBuffer band_of(int32_t width, int32_t rows, const std::vector<int32_t>& counts) {
  CountBuffer band(width, rows);
  band.set_rows(0, rows);
  std::copy(counts.begin(), counts.end(), band.data());
  return band;
}

TEST(Supersample, OneSampleIsThePlainRow) {
  const ColourMap map(ColourMapKind::kHot, ColourScale::kFixed, 100, CountRange{});
  const CountBuffer band = band_of(3, 2, {0, 5, 99, 7, 40, 2});
  for (int32_t r = 0; r < 2; ++r) {
    std::vector<uint8_t> plain(9), ours(9);
    map.map_band_row(band, r, plain.data());
    supersampled_row(map, band, 1, r, ours.data());
    EXPECT_EQ(plain, ours);
  }
}

TEST(Supersample, EachPixelIsTheLinearMeanOfItsSamplesColours) {
  // gray on the fixed scale: count 0 is black, count 99 (inside) white.
  const ColourMap map(ColourMapKind::kGray, ColourScale::kFixed, 100, CountRange{});
  // 4 x 4 samples, 2 x 2 pixels: [black white; white black], all white,
  // one white of four, all black.
  const CountBuffer band = band_of(4, 4,
                                   {0, 99, 99, 99,  //
                                    99, 0, 99, 99,  //
                                    99, 0, 0, 0,    //
                                    0, 0, 0, 0});
  std::vector<uint8_t> rgb(2 * 2 * 3);
  supersampled_band(map, band, 2, 2, rgb.data());
  const std::vector<uint8_t> expected = {188, 188, 188, 255, 255, 255,  //
                                         137, 137, 137, 0,   0,   0};
  EXPECT_EQ(rgb, expected);
}

TEST(Supersample, MixedColoursAverageEachChannel) {
  const ColourMap map(ColourMapKind::kHot, ColourScale::kFixed, 100, CountRange{});
  const CountBuffer band = band_of(3, 3, {1, 10, 20, 30, 40, 50, 60, 70, 99});
  uint8_t out[3];
  supersampled_row(map, band, 3, 0, out);
  for (int ch = 0; ch < 3; ++ch) {
    double sum = 0;
    for (int32_t count : {1, 10, 20, 30, 40, 50, 60, 70, 99}) sum += srgb_to_linear(map(count)[ch]);
    EXPECT_EQ(out[ch], linear_to_srgb(sum / 9)) << ch;
  }
}

}  // namespace
}  // namespace mandelbrot
