#include "render/ignored_options.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

std::vector<std::string> warnings_of(const RenderOptions& o) {
  RenderPlan plan;
  const Status s = make_render_plan(o, &plan);
  EXPECT_TRUE(s.ok()) << s.message();
  return ignored_option_warnings(o, plan);
}

TEST(IgnoredOptions, NoneForTheDefaults) { EXPECT_TRUE(warnings_of(RenderOptions()).empty()); }

TEST(IgnoredOptions, PngLevelOnlyForPng) {
  RenderOptions o;
  o.png_level = std::string("3");
  EXPECT_TRUE(warnings_of(o).empty());
  o.format = "npy";
  EXPECT_EQ(warnings_of(o), std::vector<std::string>{"--png-level has no effect on npy output"});
}

TEST(IgnoredOptions, ColourMapOnlyForColourOutput) {
  RenderOptions o;
  o.colour_map = "gray";
  o.format = "ppm";
  EXPECT_TRUE(warnings_of(o).empty());
  for (const char* format : {"raw", "npy", "pgm", "pbm"}) {
    o.format = format;
    ASSERT_EQ(warnings_of(o).size(), 1u) << format;
    EXPECT_EQ(warnings_of(o)[0], "--colormap has no effect on " + std::string(format) +
                                     " output (it holds counts, not colours)");
  }
}

TEST(IgnoredOptions, ScaleOnlyForColourOutput) {
  RenderOptions o;
  o.scale = "FIXED";
  EXPECT_TRUE(warnings_of(o).empty());
  o.format = "npy";
  EXPECT_EQ(warnings_of(o),
            std::vector<std::string>{
                "--scale has no effect on npy output (it holds counts, not colours)"});
}

TEST(IgnoredOptions, ColouringAndInteriorOnlyForColourOutput) {
  RenderOptions o;
  o.colouring = "Histogram";  // names are case-insensitive
  o.interior = "#00FF00";
  EXPECT_TRUE(warnings_of(o).empty());
  o.format = "raw";
  EXPECT_EQ(warnings_of(o),
            (std::vector<std::string>{
                "--colouring has no effect on raw output (it holds counts, not colours)",
                "--interior has no effect on raw output (it holds counts, not colours)"}));
}

TEST(IgnoredOptions, RegionWithAnotherAspectSaysHowMuchPixelsStretch) {
  RenderOptions o;
  o.region = "-2,1,-1.5,1.5";
  EXPECT_TRUE(warnings_of(o).empty());  // 3 x 3 on 400 x 400
  o.width = "800";
  ASSERT_EQ(warnings_of(o).size(), 1u);
  EXPECT_EQ(warnings_of(o)[0],
            "--region is 3 x 3 but the image is 800 x 400 pixels: each pixel covers 0.5 times as "
            "much width as height, so the picture is stretched sideways (use --center and "
            "--radius to keep the aspect)");
  o.center.reset();
  o.region.reset();
  o.center = "0,0";  // centre and radius keep the aspect whatever the size
  EXPECT_TRUE(warnings_of(o).empty());
}

}  // namespace
}  // namespace mandelbrot
