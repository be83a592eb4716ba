#include "base/same_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "test_support.h"

namespace mandelbrot {
namespace {

TEST(SameFile, SeesThroughSpellingsAndLinks) {
  testing::ScratchDir dir;
  std::ofstream(dir.file("a")) << "a";
  std::ofstream(dir.file("b")) << "a";
  ASSERT_EQ(::symlink(dir.file("a").c_str(), dir.file("link").c_str()), 0);
  EXPECT_TRUE(same_file(dir.file("a"), dir.file("a")));
  EXPECT_TRUE(same_file(dir.file("a"), dir.path().string() + "/./a"));
  EXPECT_TRUE(same_file(dir.file("link"), dir.file("a")));
  EXPECT_FALSE(same_file(dir.file("a"), dir.file("b")));  // equal content, other file
  EXPECT_FALSE(same_file(dir.file("a"), dir.file("missing")));
}

}  // namespace
}  // namespace mandelbrot
