#include "view/view.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace mandelbrot {
namespace {

// The usage error of a parse; fails the test when there is none.
template <typename Parse>
std::string error_of(Parse parse, std::string_view text) {
  View view;
  const Status s = parse(text, &view);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << text << ": expected an invalid argument";
  return s.message();
}

TEST(View, DefaultsAreTheClassicView) {
  const View v;
  EXPECT_EQ(center_text(v), "-0.5,0");
  EXPECT_EQ(v.radius, "1.5");
  EXPECT_EQ(zoom_text(v), "1");
  DoubleView d;
  ASSERT_TRUE(double_view(v, &d).ok());
  EXPECT_EQ(d.xmin, -2.0);
  EXPECT_EQ(d.xmax, 1.0);
  EXPECT_EQ(d.ymin, -1.5);
  EXPECT_EQ(d.ymax, 1.5);
  EXPECT_EQ(d.cos, 1.0);
  EXPECT_EQ(d.sin, 0.0);
}

TEST(View, KeepsTheStringsAsGiven) {
  View v;
  ASSERT_TRUE(parse_view_center(" 0.05 , 0 ", &v).ok());
  EXPECT_EQ(v.center_x, "0.05");  // trimmed, not 0.049999999999999996
  EXPECT_EQ(v.center_y, "0");
  const std::string digits = "-1.75981713084" + std::string(190, '3');
  ASSERT_TRUE(parse_view_center(digits + ",+0.0125e-3", &v).ok());
  EXPECT_EQ(v.center_x, digits);
  EXPECT_EQ(v.center_y, "+0.0125e-3");
  ASSERT_TRUE(parse_view_radius("1e-500", &v).ok());
  EXPECT_EQ(v.radius, "1e-500");
  ASSERT_TRUE(parse_view_radius("0.50", &v).ok());
  EXPECT_EQ(v.radius, "0.50");
  ASSERT_TRUE(parse_view_angle("30.0", &v).ok());
  EXPECT_EQ(v.angle, "30.0");
}

TEST(View, RejectsBadText) {
  const std::pair<std::string, std::string> centers[] = {
      {"1", "--center needs 2 comma-separated numbers X,Y, got '1'"},
      {"1,2,3", "needs 2"},
      {"nan,0", "--center must be finite, got 'nan'"},
      {"0,-inf", "finite"},
      {"a,b", "--center must be a number, got 'a'"},
      {"0x1,0", "must be a number, got '0x1'"},
      {"1,", "must be a number, got ''"},
      {"1e1000000000,0", "must be a number"},
  };
  for (const auto& [text, expected] : centers) {
    const std::string message = error_of(parse_view_center, text);
    EXPECT_NE(message.find(expected), std::string::npos) << text << ": " << message;
  }
  for (const char* radius : {"0", "-1", "-0.0", "0e10", "-1e-500"}) {
    const std::string message = error_of(parse_view_radius, radius);
    EXPECT_NE(message.find(std::string("--radius must be > 0, got '") + radius + "'"),
              std::string::npos)
        << message;
  }
  EXPECT_NE(error_of(parse_view_radius, "NaN").find("--radius must be finite"), std::string::npos);
  EXPECT_NE(error_of(parse_view_radius, "1/2").find("--radius must be a number"),
            std::string::npos);
  EXPECT_NE(error_of(parse_view_angle, "1e400").find("--angle"), std::string::npos);
  EXPECT_NE(error_of(parse_view_angle, "ten").find("--angle must be a number, got 'ten'"),
            std::string::npos);
}

TEST(View, RegionConvertsExactly) {
  View v;
  ASSERT_TRUE(parse_view_region("-2,1,-1.5,1.5", &v).ok());
  EXPECT_EQ(center_text(v), "-0.5,0");
  EXPECT_EQ(v.radius, "1.5");
  EXPECT_EQ(region_text(v), "-2,1,-1.5,1.5");
  ASSERT_TRUE(parse_view_region("-1.5,-1,-0.25,0.25", &v).ok());
  EXPECT_EQ(center_text(v), "-1.25,0");
  EXPECT_EQ(v.radius, "0.25");
  ASSERT_TRUE(parse_view_region("0.1, 0.2 ,0.1,0.30000000000000004", &v).ok());
  EXPECT_EQ(center_text(v), "0.15,0.20000000000000002");
  EXPECT_EQ(v.radius, "0.10000000000000002");
  EXPECT_EQ(region_text(v), "0.1,0.2,0.1,0.30000000000000004");
  // The bounds are doubles to the double path: they must be in range.
  EXPECT_NE(error_of(parse_view_region, "1e999,2,-1,1").find("finite"), std::string::npos);
  EXPECT_NE(error_of(parse_view_region, "1,-1,-1,1").find("XMIN < XMAX, got '1,-1,-1,1'"),
            std::string::npos);
  EXPECT_NE(error_of(parse_view_region, "-1,1,1,1").find("YMIN < YMAX"), std::string::npos);
  EXPECT_NE(error_of(parse_view_region, "-1,1,-1").find("4 comma"), std::string::npos);
  EXPECT_NE(error_of(parse_view_region, "1,1e-999999999,-1,1").find("scale"), std::string::npos);
  // Exactly ordered, but the same double: the double path cannot sample it.
  ASSERT_TRUE(parse_view_region("1,1.00000000000000000001,-1,1", &v).ok());
  DoubleView d;
  const Status s = double_view(v, &d);
  EXPECT_NE(s.message().find("deep-zoom"), std::string::npos) << s.message();
}

// Today's derivation, written out again: [X - R*W/H, X + R*W/H] x [Y - R, Y + R].
void expect_todays_doubles(const char* x, const char* y, const char* r, int32_t w, int32_t h) {
  View v;
  ASSERT_TRUE(parse_view_center(std::string(x) + "," + y, &v).ok());
  ASSERT_TRUE(parse_view_radius(r, &v).ok());
  v.width = w;
  v.height = h;
  DoubleView d;
  ASSERT_TRUE(double_view(v, &d).ok());
  const double cx = std::strtod(x, nullptr);
  const double cy = std::strtod(y, nullptr);
  const double radius = std::strtod(r, nullptr);
  const double half_width = radius * w / h;
  EXPECT_EQ(d.xmin, cx - half_width) << x;
  EXPECT_EQ(d.xmax, cx + half_width) << x;
  EXPECT_EQ(d.ymin, cy - radius) << y;
  EXPECT_EQ(d.ymax, cy + radius) << y;
  EXPECT_EQ(d.cx, cx);
  EXPECT_EQ(d.cy, cy);
}

TEST(View, DoublesAreTodaysBitForBit) {
  expect_todays_doubles("-0.5", "0", "1.5", 400, 400);
  expect_todays_doubles("-0.5", "0", "1.5", 300, 400);
  expect_todays_doubles("-0.7435", "0.1314", "0.01", 48, 32);
  expect_todays_doubles("-0.75", "0.1", "0.05", 80, 60);
  expect_todays_doubles("0.05", "0", "0.5", 1920, 1080);
  expect_todays_doubles("-1.7598171308048478136108250105617982382440",
                        "-0.01259331079974986538374663184326485845034", "2e-12", 1024, 1024);
}

TEST(View, RegionDoublesAreItsBounds) {
  View v;
  ASSERT_TRUE(parse_view_region("-1.5,-1,-0.25,0.25", &v).ok());
  v.width = 40;
  v.height = 10;  // a different aspect: the pixels stretch, as before views
  DoubleView d;
  ASSERT_TRUE(double_view(v, &d).ok());
  EXPECT_EQ(d.xmin, -1.5);
  EXPECT_EQ(d.xmax, -1.0);
  EXPECT_EQ(d.ymin, -0.25);
  EXPECT_EQ(d.ymax, 0.25);
  EXPECT_EQ(d.cx, -1.25);
}

TEST(View, AngleSetsTheRotation) {
  View v;
  ASSERT_TRUE(parse_view_center("1,2", &v).ok());
  ASSERT_TRUE(parse_view_angle("90", &v).ok());
  DoubleView d;
  ASSERT_TRUE(double_view(v, &d).ok());
  EXPECT_EQ(d.cos, 0.0);
  EXPECT_EQ(d.sin, 1.0);
  EXPECT_EQ(d.cx, 1.0);
  EXPECT_EQ(d.cy, 2.0);
  ASSERT_TRUE(parse_view_angle("0", &v).ok());
  ASSERT_TRUE(double_view(v, &d).ok());
  EXPECT_EQ(d.cos, 1.0);
  EXPECT_EQ(d.sin, 0.0);
  ASSERT_TRUE(parse_view_angle("-30", &v).ok());
  ASSERT_TRUE(double_view(v, &d).ok());
  EXPECT_NEAR(d.sin, -0.5, 1e-16);
}

TEST(View, TooDeepSaysHowDeep) {
  View v;
  ASSERT_TRUE(parse_view_radius("1e-500", &v).ok());
  EXPECT_EQ(zoom_text(v), "1.5e500");
  DoubleView d;
  Status s = double_view(v, &d);
  ASSERT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(),
            "--radius 1e-500 is too small for double precision around --center -0.5,0 (zoom "
            "1.5e500): the radius rounds to 0 as a double, so this view needs a deep-zoom method");
  ASSERT_TRUE(parse_view_radius("2e-14", &v).ok());
  EXPECT_EQ(zoom_text(v), "7.5e13");
  ASSERT_TRUE(parse_view_center("1e10,0", &v).ok());
  ASSERT_TRUE(parse_view_radius("1e-300", &v).ok());
  s = double_view(v, &d);
  EXPECT_NE(s.message().find("edges round to one double"), std::string::npos) << s.message();
  ASSERT_TRUE(parse_view_center("1e400,0", &v).ok());
  EXPECT_NE(double_view(v, &d).message().find("beyond the range of doubles"), std::string::npos);
  ASSERT_TRUE(parse_view_center("0,0", &v).ok());
  ASSERT_TRUE(parse_view_radius("1e400", &v).ok());
  EXPECT_NE(double_view(v, &d).message().find("--radius 1e400 is beyond"), std::string::npos);
}

}  // namespace
}  // namespace mandelbrot
