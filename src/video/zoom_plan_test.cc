#include "video/zoom_plan.h"

#include <gtest/gtest.h>

#include "render/render_plan.h"

namespace mandelbrot {
namespace {

ZoomOptions small_zoom() {
  ZoomOptions o;
  o.start = "-0.5,0,1.5";
  o.end = "-0.75,0.1,0.01";
  o.frames = "4";
  o.render.size = "16";
  o.render.output = "/tmp/%03d.png";
  return o;
}

std::string error_of(const ZoomOptions& o) {
  ZoomPlan plan;
  const Status s = make_zoom_plan(o, &plan);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  return s.message();
}

TEST(Zoom, FramesAreSingleRendersOfTheirViews) {
  ZoomPlan plan;
  ASSERT_TRUE(make_zoom_plan(small_zoom(), &plan).ok());
  ASSERT_EQ(plan.frames(), 4);
  const RenderOptions last = frame_render_options(plan, 3);
  EXPECT_EQ(*last.center, "-0.75,0.1");
  EXPECT_EQ(*last.radius, "0.01");
  EXPECT_FALSE(last.angle.has_value());
  EXPECT_EQ(*last.output, "/tmp/003.png");
  EXPECT_EQ(*last.scale, "fixed");  // no flicker by default
  EXPECT_EQ(plan.format, OutputFormat::kPng);
  EXPECT_TRUE(plan.warnings.empty());
}

TEST(Zoom, FramesFromRateAndDuration) {
  ZoomOptions o = small_zoom();
  o.frames.reset();
  o.fps = "25";
  o.duration = "0.5";
  ZoomPlan plan;
  ASSERT_TRUE(make_zoom_plan(o, &plan).ok());
  EXPECT_EQ(plan.frames(), 13);  // round(12.5), halves away from zero
}

TEST(Zoom, AutoIterationsAreDecidedOnceFromTheDeepestFrame) {
  ZoomOptions o = small_zoom();
  o.render.iterations = "auto";
  ZoomPlan plan;
  ASSERT_TRUE(make_zoom_plan(o, &plan).ok());
  RenderOptions deepest = frame_render_options(plan, 3);
  deepest.iterations = "auto";
  RenderPlan single;
  ASSERT_TRUE(make_render_plan(deepest, &single).ok());
  EXPECT_EQ(plan.iterations, single.params.iterations);
  for (int64_t k = 0; k < plan.frames(); ++k) {
    EXPECT_EQ(*frame_render_options(plan, k).iterations, std::to_string(plan.iterations));
  }
}

TEST(Zoom, ImageScaledColoursWarnOfFlicker) {
  ZoomOptions o = small_zoom();
  o.render.scale = "image";
  ZoomPlan plan;
  ASSERT_TRUE(make_zoom_plan(o, &plan).ok());
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_NE(plan.warnings[0].find("flicker"), std::string::npos);
}

TEST(Zoom, BadRequests) {
  ZoomOptions o = small_zoom();
  o.frames = "0";
  EXPECT_NE(error_of(o).find("--frames must be between 1 and"), std::string::npos);
  o = small_zoom();
  o.fps = "25";
  EXPECT_NE(error_of(o).find("cannot be combined with --fps"), std::string::npos);
  o = small_zoom();
  o.frames.reset();
  o.duration = "3";
  EXPECT_NE(error_of(o).find("--fps is missing"), std::string::npos);
  o = small_zoom();
  o.end = o.start;
  EXPECT_NE(error_of(o).find("is the --start view"), std::string::npos);
  o = small_zoom();
  o.end = "0,0,0";
  EXPECT_NE(error_of(o).find("--end radius must be > 0, got '0'"), std::string::npos);
  o = small_zoom();
  o.start = "0,0";
  EXPECT_NE(error_of(o).find("--start must be X,Y,R"), std::string::npos);
  o = small_zoom();
  o.render.output = "/tmp/%03d.gif";
  EXPECT_NE(error_of(o).find("cannot tell the frame format"), std::string::npos);
  o = small_zoom();
  o.render.output = "/tmp/frame.png";
  EXPECT_NE(error_of(o).find("no frame number conversion"), std::string::npos);
  o = small_zoom();
  o.render.output = "-";
  o.render.format = "png";
  EXPECT_NE(error_of(o).find("needs --format ppm, not png"), std::string::npos);
  o = small_zoom();
  o.render.output = "/nonexistent-zoom-dir/%03d.png";
  EXPECT_NE(error_of(o).find("the directory '/nonexistent-zoom-dir'"), std::string::npos);
  o = small_zoom();
  o.render.colour_map = "jet";
  EXPECT_NE(error_of(o).find("unknown --colormap 'jet'"), std::string::npos);
}

}  // namespace
}  // namespace mandelbrot
