#include "render/family_options.h"

#include <gtest/gtest.h>

#include "render/render_plan.h"

namespace mandelbrot {
namespace {

Status parse(RenderOptions o, Family* f) { return parse_family_options(o, f); }

TEST(FamilyOptions, DefaultsToMandelbrot) {
  Family f;
  f.kind = FamilyKind::kTricorn;
  ASSERT_TRUE(parse(RenderOptions(), &f).ok());
  EXPECT_EQ(f, Family());
}

// Options with the given family options set (nullptr: not given).
RenderOptions options_of(const char* family, const char* julia, const char* power) {
  RenderOptions o;
  if (family) o.family = std::string(family);
  if (julia) o.julia = std::string(julia);
  if (power) o.power = std::string(power);
  return o;
}

TEST(FamilyOptions, NamesPowersAndJuliaConstants) {
  Family f;
  ASSERT_TRUE(parse(options_of("burning-ship", nullptr, nullptr), &f).ok());
  EXPECT_EQ(f.kind, FamilyKind::kBurningShip);
  ASSERT_TRUE(parse(options_of("multibrot", nullptr, nullptr), &f).ok());
  EXPECT_EQ(f.power, kDefaultMultibrotPower);
  ASSERT_TRUE(parse(options_of("multibrot", nullptr, "8"), &f).ok());
  EXPECT_EQ(f.power, 8);
  ASSERT_TRUE(parse(options_of(nullptr, "-0.8,0.156", nullptr), &f).ok());  // implies julia
  EXPECT_EQ(f.kind, FamilyKind::kJulia);
  EXPECT_EQ(f.julia_re, -0.8);
  EXPECT_EQ(f.julia_im, 0.156);
  ASSERT_TRUE(parse(options_of("julia", "-0.8,0.156", nullptr), &f).ok());
  EXPECT_EQ(f.kind, FamilyKind::kJulia);
}

TEST(FamilyOptions, BadValuesNameTheOptionAndValue) {
  struct Bad {
    std::optional<std::string> family, julia, power;
    const char* message;
  };
  const Bad cases[] = {
      {"burning_ship",
       {},
       {},
       "unknown --family 'burning_ship' (known: mandelbrot, julia, burning-ship, tricorn, "
       "multibrot)"},
      {"multibrot", {}, "9", "--power must be an integer from 2 to 8, got '9'"},
      {"multibrot", {}, "1", "--power must be an integer from 2 to 8, got '1'"},
      {"multibrot", {}, "3.5", "--power must be an integer from 2 to 8, got '3.5'"},
      {{}, {}, "3", "--power '3' needs --family multibrot, got --family mandelbrot"},
      {"tricorn", "0.1,0.2", {}, "--julia '0.1,0.2' needs --family julia, got --family tricorn"},
      {"julia", {}, {}, "--family julia needs its constant: --julia KR,KI"},
      {{}, "0.1", {}, "--julia needs 2 comma-separated numbers KR,KI, got '0.1'"},
      {{}, "0.1,nan", {}, "--julia must be finite, got 'nan'"},
      {{}, "0.1,x", {}, "--julia must be a number, got 'x'"},
  };
  for (const Bad& b : cases) {
    RenderOptions o;
    o.family = b.family;
    o.julia = b.julia;
    o.power = b.power;
    Family f;
    const Status s = parse(o, &f);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << b.message;
    EXPECT_EQ(s.message(), b.message);
  }
}

TEST(FamilyOptions, JuliaSetsDefaultToTheViewAroundZero) {
  RenderOptions o;
  o.julia = "0.285,0.01";
  RenderPlan plan;
  ASSERT_TRUE(make_render_plan(o, &plan).ok());
  EXPECT_EQ(plan.params.region.xmin, -1.5);
  EXPECT_EQ(plan.params.region.xmax, 1.5);
  EXPECT_EQ(plan.params.region.ymin, -1.5);
  EXPECT_EQ(plan.params.region.ymax, 1.5);
  EXPECT_EQ(plan.params.family.kind, FamilyKind::kJulia);
  o.center = "0.5,0";
  ASSERT_TRUE(make_render_plan(o, &plan).ok());
  EXPECT_EQ(plan.params.region.xmin, -1.0);
  o = RenderOptions();
  o.family = "tricorn";
  ASSERT_TRUE(make_render_plan(o, &plan).ok());
  EXPECT_EQ(plan.params.region.xmin, -2.0);  // the other families keep the classic view
}

}  // namespace
}  // namespace mandelbrot
