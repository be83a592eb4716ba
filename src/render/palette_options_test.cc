#include "render/palette_options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mandelbrot {
namespace {

std::string kfp(const std::string& name) {
  return std::string(MANDELBROT_TEST_DATA_DIR) + "/kfp/" + name;
}

TEST(PaletteOptions, NothingGivenIsTheMap) {
  PaletteChoice choice;
  ASSERT_TRUE(parse_palette_options(RenderOptions{}, Colouring::kLog, &choice).ok());
  EXPECT_FALSE(choice.palette);
  EXPECT_EQ(choice.period, 0.0);
}

TEST(PaletteOptions, ReadsAFileAndAPeriod) {
  RenderOptions o;
  o.palette = kfp("palette_1.kfp");
  o.palette_period = "25.5";
  o.palette_offset = "-0.25";
  PaletteChoice choice;
  ASSERT_TRUE(parse_palette_options(o, Colouring::kSmooth, &choice).ok());
  ASSERT_TRUE(choice.palette);
  EXPECT_EQ(choice.palette->stops().size(), 15u);
  EXPECT_EQ(choice.period, 25.5);
  EXPECT_EQ(choice.offset, -0.25);
}

TEST(PaletteOptions, RecordedStopsStandForTheFile) {
  RenderOptions o;
  o.palette_stops = "0 #000000\n1 #ffffff\n";
  PaletteChoice choice;
  ASSERT_TRUE(parse_palette_options(o, Colouring::kLog, &choice).ok());
  ASSERT_TRUE(choice.palette);
  EXPECT_EQ((*choice.palette)(1.0), (Rgb{255, 255, 255}));
}

TEST(PaletteOptions, BadRequestsAreUsageErrors) {
  struct Case {
    RenderOptions o;
    Colouring colouring;
    const char* message;
  };
  std::vector<Case> cases(9);
  cases[0].o.colour_map = std::string("hot");
  cases[0].o.palette = kfp("palette_1.kfp");
  cases[0].message = "--palette replaces --colormap";
  cases[1].o.palette_period = std::string("10");
  cases[1].colouring = Colouring::kLog;
  cases[1].message = "value), not --colouring log";
  cases[2].o.palette_period = std::string("0");
  cases[2].message = "--palette-period must be > 0, got '0'";
  cases[3].o.palette_period = std::string("-3");
  cases[3].message = "--palette-period must be > 0";
  cases[4].o.palette_period = std::string("ten");
  cases[4].message = "--palette-period must be a number";
  cases[5].o.palette_period = std::string("inf");
  cases[5].message = "--palette-period must be finite";
  cases[6].o.palette_offset = std::string("0.5");
  cases[6].message = "--palette-offset needs --palette-period";
  cases[7].o.palette_period = std::string("10");
  cases[7].o.palette_offset = std::string("x");
  cases[7].message = "--palette-offset must be a number";
  cases[8].o.palette_stops = std::string("0 #000000\n2 #ffffff\n");
  cases[8].message = "--from: 'recorded' line 2";
  for (size_t i = 2; i < cases.size(); ++i) cases[i].colouring = Colouring::kSmooth;
  for (const auto& c : cases) {
    PaletteChoice choice;
    const Status s = parse_palette_options(c.o, c.colouring, &choice);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.message;
    EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
  }
  RenderOptions missing;
  missing.palette = kfp("no-such.kfp");
  PaletteChoice choice;
  const Status s = parse_palette_options(missing, Colouring::kLog, &choice);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("--palette: "), std::string::npos) << s.message();
}

}  // namespace
}  // namespace mandelbrot
