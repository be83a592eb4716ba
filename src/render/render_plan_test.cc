#include "render/render_plan.h"

#include "render/render.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace mandelbrot {
namespace {

RenderPlan plan_of(const RenderOptions& o) {
  RenderPlan plan;
  const Status s = make_render_plan(o, &plan);
  EXPECT_TRUE(s.ok()) << s.message();
  return plan;
}

// The usage error for o; fails the test when there is none.
std::string error_of(const RenderOptions& o) {
  RenderPlan plan;
  const Status s = make_render_plan(o, &plan);
  EXPECT_TRUE(s.code() == StatusCode::kInvalidArgument) << "expected a usage error";
  return s.message();
}

// The error for a view too deep for doubles (a valid view, not rendered yet);
// fails the test when there is none.
std::string too_deep_of(const RenderOptions& o) {
  RenderPlan plan;
  const Status s = make_render_plan(o, &plan);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported) << "expected a too-deep error";
  EXPECT_NE(s.message().find("needs a deep-zoom method"), std::string::npos) << s.message();
  return s.message();
}

TEST(RenderPlan, DefaultsAreTheClassicView) {
  const RenderPlan p = plan_of(RenderOptions());
  EXPECT_EQ(p.params.width, 400);
  EXPECT_EQ(p.params.height, 400);
  EXPECT_EQ(p.params.iterations, 100);
  EXPECT_EQ(p.params.region.xmin, -2.0);
  EXPECT_EQ(p.params.region.xmax, 1.0);
  EXPECT_EQ(p.params.region.ymin, -1.5);
  EXPECT_EQ(p.params.region.ymax, 1.5);
  EXPECT_EQ(p.params.bailout, 10.0);
  EXPECT_GE(p.threads, 1);
  EXPECT_EQ(p.output, "mandelbrot.png");
  EXPECT_EQ(p.format, OutputFormat::kPng);
  EXPECT_EQ(p.colour_map, ColourMapKind::kHot);
}

TEST(RenderPlan, SizeWidthAndHeight) {
  RenderOptions o;
  o.size = "64";
  EXPECT_EQ(plan_of(o).params.width, 64);
  EXPECT_EQ(plan_of(o).params.height, 64);
  o = RenderOptions();
  o.width = "+300";
  const RenderPlan p = plan_of(o);
  EXPECT_EQ(p.params.width, 300);
  EXPECT_EQ(p.params.height, 400);
  // The default view keeps its centre and height; the width follows the aspect.
  EXPECT_EQ(p.params.region.xmin, -0.5 - 1.5 * 300 / 400);
  EXPECT_EQ(p.params.region.ymax, 1.5);
}

TEST(RenderPlan, RegionIsParsedExactly) {
  RenderOptions o;
  o.region = "-0.75,-0.7,0.1,0.15";
  const Region r = plan_of(o).params.region;
  EXPECT_EQ(r.xmin, -0.75);
  EXPECT_EQ(r.xmax, -0.7);
  EXPECT_EQ(r.ymin, 0.1);
  EXPECT_EQ(r.ymax, 0.15);
}

TEST(RenderPlan, CenterAndRadiusFollowTheAspect) {
  RenderOptions o;
  o.center = "1,2";
  o.radius = "0.5";
  o.width = "200";
  o.height = "100";
  const Region r = plan_of(o).params.region;
  EXPECT_EQ(r.xmin, 0.0);
  EXPECT_EQ(r.xmax, 2.0);
  EXPECT_EQ(r.ymin, 1.5);
  EXPECT_EQ(r.ymax, 2.5);
}

// The region each golden's view gave before views existed, written out with
// that formula: [X - R*W/H, X + R*W/H] x [Y - R, Y + R], or the region itself.
TEST(RenderPlan, GoldenViewsKeepTheirDoublesBitForBit) {
  struct Case {
    RenderOptions options;
    Region expected;
  };
  std::vector<Case> cases;
  RenderOptions o;
  o.size = "64";
  cases.push_back({o, Region{-0.5 - 1.5 * 64 / 64, -0.5 + 1.5 * 64 / 64, -1.5, 1.5}});
  o = RenderOptions();
  o.width = "48";
  o.height = "32";
  o.center = "-0.7435,0.1314";
  o.radius = "0.01";
  cases.push_back({o, Region{-0.7435 - 0.01 * 48 / 32, -0.7435 + 0.01 * 48 / 32, 0.1314 - 0.01,
                             0.1314 + 0.01}});
  o = RenderOptions();
  o.width = "80";
  o.height = "60";
  o.center = "-0.75,0.1";
  o.radius = "0.05";
  cases.push_back(
      {o, Region{-0.75 - 0.05 * 80 / 60, -0.75 + 0.05 * 80 / 60, 0.1 - 0.05, 0.1 + 0.05}});
  o = RenderOptions();
  o.size = "40";
  o.region = "-1.5,-1,-0.25,0.25";
  cases.push_back({o, Region{-1.5, -1, -0.25, 0.25}});
  for (const Case& c : cases) {
    const RenderPlan p = plan_of(c.options);
    EXPECT_EQ(p.params.region.xmin, c.expected.xmin);
    EXPECT_EQ(p.params.region.xmax, c.expected.xmax);
    EXPECT_EQ(p.params.region.ymin, c.expected.ymin);
    EXPECT_EQ(p.params.region.ymax, c.expected.ymax);
    EXPECT_TRUE(p.params.rotation.identity());
  }
}

TEST(RenderPlan, KeepsTheViewAsGiven) {
  RenderOptions o;
  o.center = "0.05,0";
  o.radius = "0.5";
  RenderPlan p = plan_of(o);
  EXPECT_EQ(p.view.center_x, "0.05");
  EXPECT_EQ(p.view.radius, "0.5");
  EXPECT_FALSE(p.view.region);
  o = RenderOptions();
  o.region = "-2,1,-1,1";  // an aspect other than the image's: the pixels stretch
  o.width = "30";
  o.height = "10";
  p = plan_of(o);
  EXPECT_EQ(center_text(p.view), "-0.5,0");
  EXPECT_EQ(p.view.radius, "1");
  EXPECT_EQ(region_text(p.view), "-2,1,-1,1");
  EXPECT_EQ(p.params.region.xmin, -2.0);
  EXPECT_EQ(p.params.region.xmax, 1.0);
}

TEST(RenderPlan, AngleSetsTheRotation) {
  RenderOptions o;
  o.center = "-0.75,0.1";
  o.radius = "0.05";
  const RenderPlan plain = plan_of(o);
  o.angle = "0";
  RenderPlan p = plan_of(o);
  EXPECT_TRUE(p.params.rotation.identity());
  EXPECT_EQ(p.params.region.xmin, plain.params.region.xmin);
  EXPECT_EQ(p.params.region.ymax, plain.params.region.ymax);
  EXPECT_EQ(p.view.angle, "0");
  o.angle = "90";
  p = plan_of(o);
  EXPECT_EQ(p.params.rotation.cos, 0.0);
  EXPECT_EQ(p.params.rotation.sin, 1.0);
  EXPECT_EQ(p.params.rotation.cx, -0.75);
  EXPECT_EQ(p.params.rotation.cy, 0.1);
  EXPECT_EQ(p.params.region.xmin, plain.params.region.xmin);  // the frame is unrotated
  o.angle = "-180";
  p = plan_of(o);
  EXPECT_EQ(p.params.rotation.cos, -1.0);
  EXPECT_EQ(p.params.rotation.sin, 0.0);
  o.angle = "x";
  EXPECT_NE(error_of(o).find("--angle must be a number, got 'x'"), std::string::npos);
}

TEST(RenderPlan, RefusesViewsTooDeepForDoubles) {
  RenderOptions o;
  o.size = "1024";
  o.iterations = "4036";
  o.radius = "2e-14";
  o.center =
      "-1.7598171308048478136108250105617982382440,-0.01259331079974986538374663184326485845034";
  o.method = "direct";
  std::string message = too_deep_of(o);
  EXPECT_NE(message.find("zoom 7.5e13"), std::string::npos) << message;
  o.radius = "2e-12";  // 100 times wider: every column its own double
  EXPECT_EQ(plan_of(o).params.width, 1024);
  o.radius = "1e-500";
  message = too_deep_of(o);
  EXPECT_NE(message.find("--radius 1e-500 is too small"), std::string::npos) << message;
  EXPECT_NE(message.find("zoom 1.5e500"), std::string::npos) << message;
  o = RenderOptions();
  o.method = "direct";
  o.region = "1,1.0000000000000000000001,-1,1";
  message = too_deep_of(o);
  EXPECT_NE(message.find("--region 1,1.0000000000000000000001,-1,1 is too small"),
            std::string::npos)
      << message;
}

TEST(RenderPlan, AutoTakesPerturbationExactlyWhereDirectRefuses) {
  RenderOptions o;
  o.size = "1024";
  o.center =
      "-1.7598171308048478136108250105617982382440,-0.01259331079974986538374663184326485845034";
  o.radius = "2e-14";
  EXPECT_EQ(plan_of(o).method, Method::kPerturbation);
  o.radius = "2e-12";
  EXPECT_EQ(plan_of(o).method, Method::kDirect);
  o.method = "perturbation";
  EXPECT_EQ(plan_of(o).method, Method::kPerturbation);
  o.method = "Direct";
  EXPECT_EQ(plan_of(o).method, Method::kDirect);
  o.method = "exact";
  EXPECT_NE(error_of(o).find("unknown --method 'exact'"), std::string::npos);
  o = RenderOptions();
  o.radius = "1e-500";  // beyond doubles: the extended range
  EXPECT_EQ(plan_of(o).method, Method::kPerturbation);
  EXPECT_TRUE(plan_of(o).deep.extended);
  o.radius = "1e-10001";  // beyond deep zoom's reach
  RenderPlan plan;
  const Status s = make_render_plan(o, &plan);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  const std::string& message = s.message();
  EXPECT_NE(message.find("1e-10001"), std::string::npos) << message;
  EXPECT_NE(message.find("deeper than deep zoom reaches"), std::string::npos) << message;
}

TEST(RenderPlan, RejectsBadDimensions) {
  for (const char* bad :
       {"0", "-5", "abc", "", "1.5", "12x", " 12", "1048577", "99999999999999999999"}) {
    RenderOptions o;
    o.size = bad;
    const std::string message = error_of(o);
    EXPECT_NE(message.find("--size"), std::string::npos) << message;
    EXPECT_NE(message.find(std::string("'") + bad + "'"), std::string::npos) << message;
  }
  RenderOptions o;
  o.width = "0";
  EXPECT_NE(error_of(o).find("--width"), std::string::npos);
  o = RenderOptions();
  o.height = "-1";
  EXPECT_NE(error_of(o).find("--height"), std::string::npos);
}

TEST(RenderPlan, RejectsBadIterations) {
  for (const char* bad : {"0", "-1", "ten", "2147483648", "1e3"}) {
    RenderOptions o;
    o.iterations = bad;
    EXPECT_NE(error_of(o).find("--iter"), std::string::npos) << bad;
  }
  RenderOptions o;
  o.iterations = "2147483647";
  EXPECT_EQ(plan_of(o).params.iterations, 2147483647);
}

TEST(RenderPlan, RejectsBadRegions) {
  const std::pair<const char*, const char*> cases[] = {
      {"nan,1,-1,1", "finite"},    {"-2,inf,-1,1", "finite"},  {"1,-1,-1,1", "XMIN < XMAX"},
      {"-1,1,1,1", "YMIN < YMAX"}, {"-1,1,-1", "4 comma"},     {"", "4 comma"},
      {"a,b,c,d", "number"},       {"-1,1,-1,1,2", "4 comma"}, {"0x1,2,-1,1", "number"},
      {"1e999,2,-1,1", "finite"},
  };
  for (const auto& [region, expected] : cases) {
    RenderOptions o;
    o.region = region;
    const std::string message = error_of(o);
    EXPECT_NE(message.find(expected), std::string::npos) << region << ": " << message;
  }
}

TEST(RenderPlan, RejectsBadCenterAndRadius) {
  RenderOptions o;
  o.radius = "0";
  EXPECT_NE(error_of(o).find("--radius must be > 0"), std::string::npos);
  o.radius = "-1";
  EXPECT_NE(error_of(o).find("--radius"), std::string::npos);
  o.radius = "nan";
  EXPECT_NE(error_of(o).find("--radius"), std::string::npos);
  o = RenderOptions();
  o.center = "1";
  EXPECT_NE(error_of(o).find("--center needs 2"), std::string::npos);
  o.center = "1,inf";
  EXPECT_NE(error_of(o).find("finite"), std::string::npos);
  o = RenderOptions();
  o.center = "1e10,0";
  o.radius = "1e-300";  // below the spacing of doubles at 1e10
  o.method = "direct";
  EXPECT_NE(too_deep_of(o).find("too small"), std::string::npos);
}

TEST(RenderPlan, RejectsBadBailoutAndThreads) {
  RenderOptions o;
  o.bailout = "0";
  EXPECT_NE(error_of(o).find("--bailout"), std::string::npos);
  o.bailout = "-2";
  EXPECT_NE(error_of(o).find("--bailout"), std::string::npos);
  o.bailout = "inf";
  EXPECT_NE(error_of(o).find("--bailout"), std::string::npos);
  o = RenderOptions();
  o.threads = "-1";
  EXPECT_NE(error_of(o).find("--threads"), std::string::npos);
  o.threads = "100000";
  EXPECT_NE(error_of(o).find("--threads"), std::string::npos);
  o.threads = "3";
  EXPECT_EQ(plan_of(o).threads, 3);
}

TEST(RenderPlan, ChoosesTheFormat) {
  RenderOptions o;
  o.output = "x.NPY";
  EXPECT_EQ(plan_of(o).format, OutputFormat::kNpy);
  o.format = "NPY";  // names are case-insensitive
  EXPECT_EQ(plan_of(o).format, OutputFormat::kNpy);
  o.format = "pgm";  // an extension that contradicts --format is an error naming both
  EXPECT_EQ(error_of(o), "-o 'x.NPY' names a npy file but --format is pgm; make them agree");
  o.output = "counts.bin";  // an extension no format has: --format says what it holds
  EXPECT_EQ(plan_of(o).format, OutputFormat::kPgm);
  o.format = "gif";
  EXPECT_NE(error_of(o).find("unknown --format 'gif'"), std::string::npos);
  o = RenderOptions();
  o.output = "picture.jpg";
  EXPECT_NE(error_of(o).find("'picture.jpg'"), std::string::npos);
  o.output = "-";
  EXPECT_NE(error_of(o).find("--format is required"), std::string::npos);
  o.format = "raw";
  EXPECT_TRUE(plan_of(o).to_stdout());
  o.output = "";
  EXPECT_NE(error_of(o).find("empty"), std::string::npos);
}

TEST(RenderPlan, DefaultOutputNameFollowsTheFormat) {
  RenderOptions o;
  EXPECT_EQ(plan_of(o).output, "mandelbrot.png");
  o.format = "npy";
  EXPECT_EQ(plan_of(o).output, "mandelbrot.npy");
  EXPECT_EQ(plan_of(o).format, OutputFormat::kNpy);
  o.format = "PGM";
  EXPECT_EQ(plan_of(o).output, "mandelbrot.pgm");
}

TEST(RenderPlan, NamesAreCaseInsensitive) {
  RenderOptions o;
  o.colour_map = "GRAY";
  EXPECT_EQ(plan_of(o).colour_map, ColourMapKind::kGray);
  o.family = "Burning-Ship";
  EXPECT_EQ(plan_of(o).params.family.kind, FamilyKind::kBurningShip);
}

TEST(RenderPlan, RejectsAnUnknownColourMap) {
  RenderOptions o;
  o.colour_map = "jet";
  EXPECT_NE(error_of(o).find("'jet'"), std::string::npos);
}

}  // namespace
}  // namespace mandelbrot

namespace mandelbrot {
namespace {

// --iter auto: the rule of render_plan.h, checked against a probe render made
// here by hand with the documented options.
TEST(RenderPlan, IterAutoFollowsItsProbe) {
  RenderOptions o;
  o.center = "-0.7436,0.1318";
  o.radius = "0.003";
  o.width = "96";
  o.height = "48";
  o.iterations = "auto";
  const RenderPlan plan = plan_of(o);

  RenderOptions probe = o;
  probe.width = "32";  // 16 rows, the width in proportion
  probe.height = "16";
  probe.iterations = "1000000";
  const RenderPlan probe_plan = plan_of(probe);
  std::vector<int32_t> counts(32 * 16);
  ASSERT_TRUE(render_counts(probe_plan, counts.data()).ok());
  int32_t escaped = -1;
  for (int32_t c : counts) {
    if (c < 999999) escaped = std::max(escaped, c);
  }
  ASSERT_GT(escaped, 100);
  EXPECT_EQ(plan.params.iterations, 2 * (escaped + 1));
  EXPECT_EQ(plan.params.width, 96);

  o = RenderOptions();
  o.iterations = "AUTO";
  o.center = "-0.2,0";  // inside the main cardioid: no probe pixel escapes
  o.radius = "0.05";
  EXPECT_EQ(plan_of(o).params.iterations, kAutoIterationsInside);
  o.center = "5,5";  // far outside: every pixel escapes at once
  EXPECT_EQ(plan_of(o).params.iterations, kAutoIterationsLeast);
  o.iterations = "autox";
  EXPECT_NE(error_of(o).find("--iter"), std::string::npos);
}

// --channels (docs/SEMANTICS.md, "EXR" and "npy channels"): the channels an
// exr or npy output holds; other formats cannot hold them.
TEST(RenderPlan, ChannelsListForExrAndNpy) {
  RenderOptions o;
  o.output = "x.exr";
  o.channels = "smooth,de";
  RenderPlan p = plan_of(o);
  EXPECT_EQ(p.format, OutputFormat::kExr);
  EXPECT_EQ(p.channels, (Channels{true, true}));
  EXPECT_EQ(p.params.bailout, 256.0);  // the channels' default bailout
  o.output = "x.npy";
  o.channels = "count,distance";
  p = plan_of(o);
  EXPECT_EQ(p.channels, (Channels{false, true}));
  o.output = "x.exr";
  o.channels.reset();
  EXPECT_EQ(plan_of(o).channels, Channels{});  // exr: N and RGB only, unless asked
  o.colouring = "smooth";
  EXPECT_EQ(plan_of(o).channels, (Channels{true, false}));  // exr's RGB reads it

  RenderOptions bad;
  bad.output = "x.png";
  bad.channels = "smooth";
  EXPECT_NE(error_of(bad).find("--channels smooth needs --format exr or npy"), std::string::npos);
  bad.output = "x.exr";
  bad.channels = "count,bogus";
  EXPECT_NE(error_of(bad).find("unknown channel 'bogus'"), std::string::npos);
  bad.channels = "de,distance";
  EXPECT_NE(error_of(bad).find("twice"), std::string::npos);
  bad.channels = "smooth";
  bad.channel = "smooth";
  bad.output = "x.npy";
  EXPECT_NE(error_of(bad).find("give one of them"), std::string::npos);
}

TEST(RenderPlan, SupersampleRendersTheGridOfAPlainRenderNTimesLarger) {
  // docs/SEMANTICS.md, "Supersampling": the samples of --supersample N at W x H
  // are the pixels of the plain render at N W x N H, the same view.
  RenderOptions o;
  o.center = std::string("-0.7435669,0.1314023");
  o.radius = std::string("0.0123");
  o.width = std::string("300");
  o.height = std::string("200");
  o.supersample = std::string("3");
  const RenderPlan p = plan_of(o);
  EXPECT_EQ(p.supersample, 3);
  EXPECT_EQ(p.params.width, 900);
  EXPECT_EQ(p.params.height, 600);
  EXPECT_EQ(p.output_width(), 300);
  EXPECT_EQ(p.image_height(), 200);
  RenderOptions plain = o;
  plain.supersample.reset();
  plain.width = std::string("900");
  plain.height = std::string("600");
  const RenderPlan q = plan_of(plain);
  EXPECT_EQ(p.params.region.xmin, q.params.region.xmin);
  EXPECT_EQ(p.params.region.xmax, q.params.region.xmax);
  EXPECT_EQ(p.params.region.ymin, q.params.region.ymin);
  EXPECT_EQ(p.params.region.ymax, q.params.region.ymax);
  const ImageSpec spec = image_spec_of(p);
  EXPECT_EQ(spec.width, 300);
  EXPECT_EQ(spec.height, 200);
  EXPECT_EQ(spec.supersample, 3);
  // Bands hold whole pixel rows.
  EXPECT_EQ(plan_band_rows(p) % 3, 0);
  EXPECT_GE(plan_band_rows(p), 3);
  o.supersample = std::string("1");
  EXPECT_EQ(plan_of(o).params.width, 300);
}

TEST(RenderPlan, SupersampleNeedsAColourFormat) {
  for (const char* output : {"x.raw", "x.npy", "x.pgm", "x.pbm", "x.exr"}) {
    RenderOptions o;
    o.output = std::string(output);
    o.supersample = std::string("2");
    const std::string m = error_of(o);
    EXPECT_NE(m.find("--supersample 2 needs png or ppm output"), std::string::npos) << m;
    EXPECT_NE(m.find("render --width 800 --height 800"), std::string::npos) << m;
    o.supersample = std::string("1");
    EXPECT_EQ(plan_of(o).supersample, 1);
  }
  RenderOptions o;
  o.output = std::string("x.ppm");
  o.supersample = std::string("2");
  EXPECT_EQ(plan_of(o).supersample, 2);
}

TEST(RenderPlan, SupersampledTilesSplitThePixels) {
  // Tile 1,1 of 2,2 of a 5 x 3 image holds pixels x 2..4, y 1..2, so the
  // samples x 4..9, y 2..5 of the 10 x 6 grid.
  RenderOptions o;
  o.width = std::string("5");
  o.height = std::string("3");
  o.supersample = std::string("2");
  o.tiles = std::string("2,2");
  o.tile = std::string("1,1");
  const RenderPlan p = plan_of(o);
  EXPECT_EQ(p.tile->rect, (PixelRect{4, 2, 6, 4}));
  EXPECT_EQ(p.params.width, 6);
  EXPECT_EQ(p.params.full_width(), 10);
  EXPECT_EQ(p.output_width(), 3);
  EXPECT_EQ(p.output_height(), 2);
  EXPECT_EQ(p.image_width(), 5);
  o.tiles = std::string("6,1");  // more tiles than pixels, though not than samples
  o.tile = std::string("0,0");
  EXPECT_NE(error_of(o).find("6"), std::string::npos);
}

TEST(RenderPlan, TheAutoIterationsProbeIgnoresSupersample) {
  RenderOptions o;
  o.iterations = std::string("auto");
  const int32_t plain = plan_of(o).params.iterations;
  o.supersample = std::string("4");
  EXPECT_EQ(plan_of(o).params.iterations, plain);
}

}  // namespace
}  // namespace mandelbrot
