#include "base/suggest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mandelbrot {
namespace {

const std::vector<std::string> kNames = {"--size", "--iter", "--width", "--height", "--format"};

TEST(Suggest, EditDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("size", "size"), 0u);
  EXPECT_EQ(edit_distance("siz", "size"), 1u);
  EXPECT_EQ(edit_distance("sizee", "size"), 1u);
  EXPECT_EQ(edit_distance("sise", "size"), 1u);
  EXPECT_EQ(edit_distance("isze", "size"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(Suggest, ClosestNameWhenCloseEnough) {
  EXPECT_EQ(closest_name("--siz", kNames), "--size");
  EXPECT_EQ(closest_name("--itre", kNames), "--iter");
  EXPECT_EQ(closest_name("--fromat", kNames), "--format");
  EXPECT_EQ(closest_name("--colour", kNames), std::nullopt);
  EXPECT_EQ(closest_name("", kNames), std::nullopt);
  EXPECT_EQ(did_you_mean("--hieght", kNames), " (did you mean --height?)");
  EXPECT_EQ(did_you_mean("--verbose", kNames), "");
}

TEST(Suggest, ShortNamesAllowOneEdit) {
  const std::vector<std::string> keys = {"iter", "size", "info"};
  EXPECT_EQ(closest_name("iterr", keys), "iter");
  EXPECT_EQ(closest_name("inf", keys), "info");
  EXPECT_EQ(closest_name("xy", keys), std::nullopt);  // 2 edits from nothing like it
}

}  // namespace
}  // namespace mandelbrot
