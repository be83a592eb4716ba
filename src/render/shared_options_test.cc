#include "render/shared_options.h"

#include <gtest/gtest.h>
#include <omp.h>

#include "base/limits.h"

namespace mandelbrot {
namespace {

TEST(SharedOptions, ImageSides) {
  int32_t side = 0;
  EXPECT_TRUE(parse_image_side("1", "--size", &side).ok());
  EXPECT_EQ(side, 1);
  EXPECT_TRUE(parse_image_side(std::to_string(kMaxImageSide), "--size", &side).ok());
  EXPECT_EQ(side, kMaxImageSide);
  const Status too_big = parse_image_side(std::to_string(kMaxImageSide + 1), "--width", &side);
  EXPECT_EQ(too_big.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(too_big.message().find("--width must be between 1 and 1048576"), std::string::npos);
  EXPECT_FALSE(parse_image_side("0", "--size", &side).ok());
  EXPECT_FALSE(parse_image_side("1e3", "--size", &side).ok());
}

TEST(SharedOptions, Iterations) {
  int32_t n = 0;
  EXPECT_TRUE(parse_iterations("2147483647", &n).ok());
  EXPECT_EQ(n, 2147483647);
  EXPECT_FALSE(parse_iterations("2147483648", &n).ok());
  EXPECT_FALSE(parse_iterations("0", &n).ok());
}

TEST(SharedOptions, ThreadsZeroOrAbsentMeansEveryCore) {
  int threads = -1;
  ASSERT_TRUE(parse_threads(std::nullopt, &threads).ok());
  EXPECT_EQ(threads, omp_get_max_threads());
  ASSERT_TRUE(parse_threads(std::string("0"), &threads).ok());
  EXPECT_EQ(threads, omp_get_max_threads());
  ASSERT_TRUE(parse_threads(std::string("3"), &threads).ok());
  EXPECT_EQ(threads, 3);
  EXPECT_FALSE(parse_threads(std::string("-1"), &threads).ok());
  EXPECT_FALSE(parse_threads(std::to_string(kMaxThreads + 1), &threads).ok());
}

}  // namespace
}  // namespace mandelbrot
