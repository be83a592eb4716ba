#include "render/kfr_options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/file_reader.h"

namespace mandelbrot {
namespace {

// The options of a .kfr text; the parse must succeed.
Status options_of(const std::string& text, RenderOptions* o) {
  KfrFile f;
  const Status parsed = parse_kfr(text, "t.kfr", &f);
  EXPECT_TRUE(parsed.ok()) << parsed.message();
  return kfr_render_options(f, o);
}

const std::string kLocation = "Re: -0.75\nIm: 0.1\nZoom: 4\n";

TEST(KfrOptions, MapsTheLocation) {
  RenderOptions o;
  ASSERT_TRUE(options_of(kLocation + "Iterations: +0200\nRotate: 0.000\nRatio: 360.0\n", &o).ok());
  EXPECT_EQ(o.center, "-0.75,0.1");
  EXPECT_EQ(o.radius, "0.5");
  EXPECT_EQ(o.iterations, "200");
  EXPECT_FALSE(o.family || o.power || o.angle || o.region || o.width || o.size);
}

TEST(KfrOptions, LeavesMissingIterationsToTheDefault) {
  RenderOptions o;
  ASSERT_TRUE(options_of(kLocation, &o).ok());
  EXPECT_FALSE(o.iterations);
}

TEST(KfrOptions, MapsTheBenchmarkLocationsButTheStretchedOne) {
  for (const char* file : {"1e14.kfr", "1e50.kfr", "5e113.kfr", "5e227.kfr", "4e533.kfr"}) {
    std::vector<uint8_t> bytes;
    ASSERT_TRUE(
        read_file(std::string(MANDELBROT_TEST_DATA_DIR) + "/kfr/" + file, kMaxKfrBytes, "", &bytes)
            .ok());
    RenderOptions o;
    const Status s = options_of(std::string(bytes.begin(), bytes.end()), &o);
    EXPECT_TRUE(s.ok()) << file << ": " << s.message();
    EXPECT_FALSE(o.family || o.angle) << file;
  }
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(
      read_file(std::string(MANDELBROT_TEST_DATA_DIR) + "/kfr/1e1086.kfr", kMaxKfrBytes, "", &bytes)
          .ok());
  RenderOptions o;
  // Its Ratio, 381.176471, is ignored as Kalles Fraktaler ignores it.
  EXPECT_TRUE(options_of(std::string(bytes.begin(), bytes.end()), &o).ok());
  EXPECT_EQ(o.iterations, "600100");
}

TEST(KfrOptions, MapsPowersAndFractalTypesToFamilies) {
  RenderOptions o;
  ASSERT_TRUE(options_of(kLocation + "Power: 5\nFractalType: 0\n", &o).ok());
  EXPECT_EQ(o.family, "multibrot");
  EXPECT_EQ(o.power, "5");
  ASSERT_TRUE(options_of(kLocation + "Power: 2\nFractalType: 1\n", &o).ok());
  EXPECT_EQ(o.family, "burning-ship");
  EXPECT_FALSE(o.power);
  ASSERT_TRUE(options_of(kLocation + "FractalType: 4\n", &o).ok());
  EXPECT_EQ(o.family, "tricorn");
  // KF's Rotate is in radians, clockwise: -Rotate * 180 / pi degrees.
  ASSERT_TRUE(options_of(kLocation + "Rotate: 0.5235987755982988\n", &o).ok());
  EXPECT_NEAR(std::stod(*o.angle), -30.0, 1e-12);
  ASSERT_TRUE(options_of(kLocation + "Rotate: -1.5707963267948966\n", &o).ok());
  EXPECT_NEAR(std::stod(*o.angle), 90.0, 1e-12);
}

TEST(KfrOptions, NamesTheLineOfWhatItCannotRender) {
  RenderOptions o;
  EXPECT_EQ(options_of(kLocation + "Power: 9\n", &o).message(),
            "'t.kfr' line 4 ('Power: 9'): Power must be between 2 and 8 (the multibrot powers)");
  EXPECT_EQ(options_of(kLocation + "Power: 1\n", &o).message(),
            "'t.kfr' line 4 ('Power: 1'): Power must be between 2 and 8 (the multibrot powers)");
  EXPECT_EQ(options_of(kLocation + "FractalType: 2\n", &o).message(),
            "'t.kfr' line 4 ('FractalType: 2'): FractalType 2 is not a family this program "
            "renders (0: Mandelbrot and its powers, 1: burning ship, 4: Mandelbar, that is "
            "tricorn)");
  EXPECT_EQ(options_of(kLocation + "FractalType: -1\n", &o).message(),
            "'t.kfr' line 4 ('FractalType: -1'): FractalType -1 is not a family this program "
            "renders (0: Mandelbrot and its powers, 1: burning ship, 4: Mandelbar, that is "
            "tricorn)");
  EXPECT_EQ(options_of(kLocation + "FractalType: 1\nPower: 3\n", &o).message(),
            "'t.kfr' line 5 ('Power: 3'): the burning-ship family has power 2 only");
  EXPECT_EQ(options_of(kLocation + "Iterations: 0\n", &o).message(),
            "'t.kfr' line 4 ('Iterations: 0'): Iterations must be between 1 and 2147483647, got "
            "'0'");
  EXPECT_EQ(options_of(kLocation + "Iterations: 2147483648\n", &o).message(),
            "'t.kfr' line 4 ('Iterations: 2147483648'): Iterations must be between 1 and "
            "2147483647, got '2147483648'");
  EXPECT_EQ(options_of(kLocation + "Rotate: 1e308\n", &o).message(),
            "'t.kfr' line 4 ('Rotate: 1e308'): Rotate is beyond the angles a double holds");
  RenderOptions plain;
  ASSERT_TRUE(options_of(kLocation, &plain).ok());
  ASSERT_TRUE(options_of(kLocation + "Ratio: 359.99\n", &o).ok());
  EXPECT_EQ(o.center, plain.center);
  EXPECT_EQ(o.radius, plain.radius);
}

}  // namespace
}  // namespace mandelbrot
