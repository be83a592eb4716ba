#include "render/supersample_options.h"

#include <gtest/gtest.h>

#include <string>

namespace mandelbrot {
namespace {

// The message of the usage error for --supersample `text` at width x height;
// fails the test when there is none.
std::string error_of(const std::string& text, int32_t width = 400, int32_t height = 400) {
  RenderOptions o;
  o.supersample = text;
  int32_t n = 0;
  const Status s = parse_supersample(o, width, height, &n);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << text;
  return s.message();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(SupersampleOptions, OneWhenNotGivenElseTheValue) {
  RenderOptions o;
  int32_t n = 0;
  ASSERT_TRUE(parse_supersample(o, 400, 400, &n).ok());
  EXPECT_EQ(n, 1);
  for (const auto& [text, value] : {std::pair{"1", 1}, std::pair{"+3", 3}, std::pair{"16", 16}}) {
    o.supersample = std::string(text);
    ASSERT_TRUE(parse_supersample(o, 400, 400, &n).ok()) << text;
    EXPECT_EQ(n, value);
  }
}

TEST(SupersampleOptions, ZeroAndNegativeAreRefusedByName) {
  for (const char* text : {"0", "-2"}) {
    const std::string m = error_of(text);
    EXPECT_TRUE(contains(m, "--supersample must be at least 1")) << m;
    EXPECT_TRUE(contains(m, std::string("'") + text + "'")) << m;
  }
}

TEST(SupersampleOptions, NonIntegersAreRefusedByName) {
  for (const char* text : {"2.5", "two", "", "+", "1e2", "3x"}) {
    const std::string m = error_of(text);
    EXPECT_TRUE(contains(m, "--supersample must be a whole number from 1 to 16")) << m;
    EXPECT_TRUE(contains(m, std::string("got '") + text + "'")) << m;
  }
}

TEST(SupersampleOptions, TooLargeSaysWhatItWouldCost) {
  const std::string m = error_of("100", 400, 300);
  EXPECT_TRUE(contains(m, "--supersample 100 is too large")) << m;
  EXPECT_TRUE(contains(m, "10000 samples per pixel")) << m;
  EXPECT_TRUE(contains(m, "10000 times the time of a plain render")) << m;
  EXPECT_TRUE(contains(m, "1200000000 samples for 400x300")) << m;
  EXPECT_TRUE(contains(m, "the most is 16")) << m;
  // Beyond int64 too.
  const std::string huge = error_of("99999999999999999999999");
  EXPECT_TRUE(contains(huge, "--supersample 99999999999999999999999 is too large")) << huge;
  EXPECT_TRUE(contains(huge, "1e+46 samples per pixel")) << huge;
}

TEST(SupersampleOptions, TheSampleGridKeepsTheImageSideLimit) {
  RenderOptions o;
  o.supersample = "16";
  int32_t n = 0;
  EXPECT_TRUE(parse_supersample(o, 65536, 100, &n).ok());  // 16 * 65536 = 2^20
  EXPECT_EQ(n, 16);
  const std::string m = error_of("16", 100000, 50);
  EXPECT_TRUE(contains(m, "--supersample 16 at 100000x50 samples a 1600000x800 grid")) << m;
  EXPECT_TRUE(contains(m, "(1280000000 samples")) << m;
  EXPECT_TRUE(contains(m, "256 times a plain render's time")) << m;
  EXPECT_TRUE(contains(m, "at this size --supersample may be at most 10")) << m;
}

}  // namespace
}  // namespace mandelbrot
