#include "formats/output_format.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

TEST(OutputFormat, ParsesEveryName) {
  for (std::string_view name : {"png", "raw", "npy", "pgm", "ppm", "pbm", "exr"}) {
    const auto format = parse_output_format(name);
    ASSERT_TRUE(format) << name;
    EXPECT_EQ(output_format_name(*format), name);
  }
  EXPECT_EQ(parse_output_format("PNG"), OutputFormat::kPng);  // names are case-insensitive
  EXPECT_EQ(parse_output_format("Npy"), OutputFormat::kNpy);
  EXPECT_FALSE(parse_output_format("jpg"));
  EXPECT_FALSE(parse_output_format(""));
}

TEST(OutputFormat, ComesFromTheExtension) {
  EXPECT_EQ(output_format_from_path("out.png"), OutputFormat::kPng);
  EXPECT_EQ(output_format_from_path("dir.v2/OUT.NPY"), OutputFormat::kNpy);
  EXPECT_EQ(output_format_from_path("/a/b/c.tar.pbm"), OutputFormat::kPbm);
  EXPECT_FALSE(output_format_from_path("dir.png/out"));
  EXPECT_FALSE(output_format_from_path("out"));
  EXPECT_FALSE(output_format_from_path(".png"));  // a hidden file named png
  EXPECT_FALSE(output_format_from_path("out.jpeg"));
}

}  // namespace
}  // namespace mandelbrot
