#include "render/render_params.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace mandelbrot {
namespace {

RenderPlan plan_of(const RenderOptions& o) {
  RenderPlan plan;
  EXPECT_TRUE(make_render_plan(o, &plan).ok());
  return plan;
}

TEST(RenderParams, JsonHoldsExactlyWhatDecidesTheBytes) {
  RenderOptions o;
  o.region = "-0.1,0.30000000000000004,-1e-300,2";
  o.iterations = "77";
  o.colour_map = "gray";
  const auto j = nlohmann::json::parse(render_params_json(plan_of(o), "xxh3-128:00"));
  EXPECT_EQ(j["region"]["xmax"], "0.30000000000000004");
  EXPECT_EQ(j["region"]["ymin"], "-1e-300");
  EXPECT_EQ(j["iterations"], 77);
  EXPECT_EQ(j["colormap"], "gray");
  EXPECT_EQ(j["hash"], "xxh3-128:00");
  for (const char* varying : {"threads", "kernel", "output", "render_seconds"}) {
    EXPECT_FALSE(j.contains(varying)) << varying;
  }
}

TEST(RenderParams, RoundTripGivesTheSamePlan) {
  RenderOptions o;
  o.center = "-0.7435669,0.1314023";
  o.radius = "0.0000123";
  o.width = "300";
  o.height = "200";
  o.bailout = "4.5";
  o.png_level = "3";
  const RenderPlan first = plan_of(o);
  RenderOptions back;
  ASSERT_TRUE(render_options_from_json(render_params_json(first, "h"), "test", &back).ok());
  const RenderPlan second = plan_of(back);
  EXPECT_EQ(second.params.region.xmin, first.params.region.xmin);
  EXPECT_EQ(second.params.region.xmax, first.params.region.xmax);
  EXPECT_EQ(second.params.region.ymin, first.params.region.ymin);
  EXPECT_EQ(second.params.region.ymax, first.params.region.ymax);
  EXPECT_EQ(second.params.width, 300);
  EXPECT_EQ(second.params.height, 200);
  EXPECT_EQ(second.params.bailout, 4.5);
  EXPECT_EQ(second.png_level, 3);
}

TEST(RenderParams, PaletteAndPeriodRoundTripExactly) {
  // docs/SEMANTICS.md, "Cyclic gradients": the stops replace the colormap.
  RenderOptions o;
  o.palette_stops = "0 #000000\n0.1 #ff8000\n0.30000000000000004 #FFFFFF\n1 #102030\n";
  o.colouring = "smooth";
  o.palette_period = "0.7";
  o.palette_offset = "-0.25";
  const RenderPlan plan = plan_of(o);
  const std::string json = render_params_json(plan, "xxh3-128:00");
  const auto j = nlohmann::json::parse(json);
  EXPECT_FALSE(j.contains("colormap"));
  EXPECT_EQ(j["palette"].size(), 4u);
  EXPECT_EQ(j["palette"][2][0], 0.30000000000000004);
  EXPECT_EQ(j["palette"][2][1], "#ffffff");
  EXPECT_EQ(j["palette_period"], "0.7");
  EXPECT_EQ(j["palette_offset"], "-0.25");
  RenderOptions back;
  ASSERT_TRUE(render_options_from_json(json, "test", &back).ok());
  const RenderPlan again = plan_of(back);
  ASSERT_TRUE(again.palette.palette);
  EXPECT_EQ(again.palette.palette->stops(), plan.palette.palette->stops());
  EXPECT_EQ(again.palette.period, 0.7);
  EXPECT_EQ(again.palette.offset, -0.25);
  EXPECT_EQ(render_params_json(again, "xxh3-128:00"), json);

  for (const char* bad : {R"("palette": 3)", R"("palette": [[0, 1]])", R"("palette": [])",
                          R"("palette": [["0", "#000000"]])"}) {
    const std::string text =
        std::string(R"({"width": 4, "height": 4, "iterations": 10, "region": )"
                    R"({"xmin": -2, "xmax": 1, "ymin": -1.5, "ymax": 1.5}, )") +
        bad + "}";
    const Status s = render_options_from_json(text, "test", &back);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find("'palette' must be a list"), std::string::npos) << s.message();
  }
}

TEST(RenderParams, ReadsAJsonReportWithNumbers) {
  RenderOptions o;
  ASSERT_TRUE(render_options_from_json(
                  R"({"width":10,"height":20,"iterations":5,"region":{"xmin":-2.0,"xmax":1.0,)"
                  R"("ymin":-1.5,"ymax":0.1},"bailout":10.0})",
                  "report", &o)
                  .ok());
  EXPECT_EQ(o.region, "-2,1,-1.5,0.1");
  EXPECT_EQ(o.bailout, "10");
}

TEST(RenderParams, JsonCarriesTheViewAsGiven) {
  RenderOptions o;
  o.center = "0.05,0";
  o.radius = "0.5";
  o.angle = "30";
  auto j = nlohmann::json::parse(render_params_json(plan_of(o), "h"));
  EXPECT_EQ(j["view"], nlohmann::json::parse(
                           R"({"center_x":"0.05","center_y":"0","radius":"0.5","angle":"30"})"));
  o = RenderOptions();
  o.region = "-2,1,-1,1";
  j = nlohmann::json::parse(render_params_json(plan_of(o), "h"));
  EXPECT_EQ(j["view"]["center_x"], "-0.5");
  EXPECT_EQ(j["view"]["radius"], "1");
  EXPECT_EQ(j["view"]["region"]["xmin"], "-2");
  EXPECT_FALSE(j["view"].contains("angle"));
}

TEST(RenderParams, ReadsTheViewInItsSourceForm) {
  const std::string many = "-1.7598171308048478136108250105617982382440";
  RenderOptions o;
  o.center = many + ",0.1";
  o.radius = "1e-3";
  o.angle = "-45";
  RenderOptions back;
  ASSERT_TRUE(render_options_from_json(render_params_json(plan_of(o), "h"), "t", &back).ok());
  EXPECT_EQ(back.center, many + ",0.1");
  EXPECT_EQ(back.radius, "1e-3");
  EXPECT_EQ(back.angle, "-45");
  EXPECT_FALSE(back.region);
  o = RenderOptions();
  o.region = "-0.1,0.30000000000000004,-1e-300,2";
  ASSERT_TRUE(render_options_from_json(render_params_json(plan_of(o), "h"), "t", &back).ok());
  EXPECT_EQ(back.region, "-0.1,0.30000000000000004,-1e-300,2");
  EXPECT_FALSE(back.center);
}

TEST(RenderParams, ReadsTheOutputOfInfo) {
  RenderOptions o;
  ASSERT_TRUE(render_options_from_json(
                  R"({"file":"a.png","format":"png","width":7,"height":7,"parameters":)"
                  R"({"width":10,"height":20,"iterations":5,"view":{"center_x":"0.05",)"
                  R"("center_y":"0","radius":"0.5"}}})",
                  "info", &o)
                  .ok());
  EXPECT_EQ(o.width, "10");
  EXPECT_EQ(o.center, "0.05,0");
  const Status s = render_options_from_json(R"({"file":"a.raw","parameters":null})", "info", &o);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("no render parameters"), std::string::npos) << s.message();
}

TEST(RenderParams, FromFileWithANewSizeKeepsTheStrings) {
  testing::ScratchDir dir;
  const std::string path = dir.file("params.json");
  std::ofstream(path) << R"({"width":200,"height":100,"iterations":50,"view":{"center_x":"0.05",)"
                      << R"("center_y":"-0.1000000000000000000001","radius":"0.5"}})";
  RenderOptions cl;
  cl.size = "600";
  RenderOptions merged;
  ASSERT_TRUE(apply_from_file(path, cl, &merged).ok());
  EXPECT_EQ(merged.center, "0.05,-0.1000000000000000000001");
  EXPECT_EQ(merged.radius, "0.5");
  EXPECT_EQ(merged.size, "600");
  cl.angle = "90";  // an angle alone turns the recorded view
  ASSERT_TRUE(apply_from_file(path, cl, &merged).ok());
  EXPECT_EQ(merged.angle, "90");
  EXPECT_EQ(merged.center, "0.05,-0.1000000000000000000001");
}

TEST(RenderParams, BadJsonIsAUsageError) {
  RenderOptions o;
  EXPECT_TRUE(render_options_from_json("not json", "x", &o).code() == StatusCode::kInvalidArgument);
  EXPECT_TRUE(render_options_from_json(R"({"width": 3})", "x", &o).code() ==
              StatusCode::kInvalidArgument);
  EXPECT_TRUE(render_options_from_json(
                  R"({"width":1,"height":1,"iterations":1,"region":{"xmin":[]}})", "x", &o)
                  .code() == StatusCode::kInvalidArgument);
}

// Issue 13, item 6: numbers beyond int64 were converted out of range
// (undefined behaviour; the message showed -9223372036854775808).
TEST(RenderParams, WholeNumbersOutOfRangeAreErrors) {
  const auto with_width = [](const std::string& width, RenderOptions* o) {
    return render_options_from_json(R"({"width":)" + width +
                                        R"(,"height":1,"iterations":1,"region":{"xmin":"-2",)"
                                        R"("xmax":"1","ymin":"-1","ymax":"1"}})",
                                    "x", o);
  };
  RenderOptions o;
  for (const char* bad : {"1e300", "-1e300", "9.3e18", "1.5", "\"7\"", "[]"}) {
    const Status s = with_width(bad, &o);
    EXPECT_TRUE(s.code() == StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find("x: 'width' must be a whole number, got "), std::string::npos)
        << s.message();
    EXPECT_EQ(s.message().find("9223372036854775808"), std::string::npos) << s.message();
  }
  ASSERT_TRUE(with_width("2.0", &o).ok());
  EXPECT_EQ(o.width, "2");
  ASSERT_TRUE(with_width("18446744073709551615", &o).ok());  // the plan refuses it later
  EXPECT_EQ(o.width, "18446744073709551615");
}

TEST(RenderParams, FromFileOverlaysTheCommandLine) {
  testing::ScratchDir dir;
  const std::string path = dir.file("params.json");
  std::ofstream(path) << R"({"width":200,"height":100,"iterations":50,)"
                      << R"("region":{"xmin":"-3","xmax":"1","ymin":"-1","ymax":"1"},)"
                      << R"("bailout":"10","colormap":"gray","png_level":3})";
  RenderOptions cl;
  cl.output = "x.png";
  RenderOptions merged;
  ASSERT_TRUE(apply_from_file(path, cl, &merged).ok());
  EXPECT_EQ(merged.region, "-3,1,-1,1");  // no new geometry: the region as recorded
  EXPECT_EQ(merged.colour_map, "gray");
  EXPECT_EQ(merged.output, "x.png");

  cl.iterations = "500";
  cl.size = "1000";  // a new size and aspect: the view keeps its centre and height
  ASSERT_TRUE(apply_from_file(path, cl, &merged).ok());
  EXPECT_EQ(merged.iterations, "500");
  EXPECT_FALSE(merged.region);
  EXPECT_EQ(merged.center, "-1,0");
  EXPECT_EQ(merged.radius, "1");
  EXPECT_EQ(plan_of(merged).params.width, 1000);

  cl.center = "0.25,0";  // a new centre keeps the recorded radius
  ASSERT_TRUE(apply_from_file(path, cl, &merged).ok());
  EXPECT_EQ(merged.center, "0.25,0");
  EXPECT_EQ(merged.radius, "1");

  EXPECT_EQ(apply_from_file(dir.file("missing.png"), cl, &merged).code(), StatusCode::kNotFound);
}

TEST(RenderParams, SupersampleIsRecordedOnlyWhenUsedAndRoundTrips) {
  RenderOptions o;
  o.width = std::string("30");
  o.height = std::string("20");
  auto j = nlohmann::json::parse(render_params_json(plan_of(o), "h"));
  EXPECT_FALSE(j.contains("supersample"));  // plain files as before
  o.supersample = std::string("3");
  const RenderPlan first = plan_of(o);
  j = nlohmann::json::parse(render_params_json(first, "h"));
  EXPECT_EQ(j["supersample"], 3);
  EXPECT_EQ(j["width"], 30);  // the pixels, not the samples
  EXPECT_EQ(j["height"], 20);
  RenderOptions back;
  ASSERT_TRUE(render_options_from_json(j.dump(), "test", &back).ok());
  EXPECT_EQ(back.supersample, std::string("3"));
  const RenderPlan second = plan_of(back);
  EXPECT_EQ(second.supersample, 3);
  EXPECT_EQ(second.params.width, 90);
  EXPECT_EQ(second.params.region.xmin, first.params.region.xmin);
}

}  // namespace
}  // namespace mandelbrot
