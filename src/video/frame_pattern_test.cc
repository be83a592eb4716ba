#include "video/frame_pattern.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

std::string error_of(const std::string& pattern) {
  FramePattern p;
  const Status s = FramePattern::parse(pattern, &p);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << pattern;
  return s.message();
}

TEST(FramePattern, NamesFrames) {
  FramePattern p;
  ASSERT_TRUE(FramePattern::parse("frames/%06d.png", &p).ok());
  EXPECT_EQ(p.path(7), "frames/000007.png");
  EXPECT_EQ(p.path(1234567), "frames/1234567.png");
  EXPECT_EQ(p.directory(), "frames");
  EXPECT_EQ(p.manifest_path(), "frames/%06d.png.zoom.jsonl");
  ASSERT_TRUE(FramePattern::parse("f%d.npy", &p).ok());
  EXPECT_EQ(p.path(12), "f12.npy");
  EXPECT_EQ(p.directory(), ".");
  ASSERT_TRUE(FramePattern::parse("/tmp/100%%-%3d.ppm", &p).ok());
  EXPECT_EQ(p.path(5), "/tmp/100%-  5.ppm");
  EXPECT_EQ(p.directory(), "/tmp");
  ASSERT_TRUE(FramePattern::parse("/%d.png", &p).ok());
  EXPECT_EQ(p.directory(), "/");
}

TEST(FramePattern, RefusesBadPatterns) {
  EXPECT_NE(error_of("frames/out.png").find("no frame number conversion"), std::string::npos);
  EXPECT_NE(error_of("a%d-%d.png").find("two frame number conversions"), std::string::npos);
  EXPECT_NE(error_of("a%s.png").find("'%s' is not a frame number conversion"), std::string::npos);
  EXPECT_NE(error_of("a%05x.png").find("'%05x'"), std::string::npos);
  EXPECT_NE(error_of("a%-5d.png").find("'%-'"), std::string::npos);
  EXPECT_NE(error_of("a%123d.png").find("not a frame number"), std::string::npos);
  EXPECT_NE(error_of("a%").find("not a frame number"), std::string::npos);
  EXPECT_NE(error_of("a%%d.png").find("no frame number"), std::string::npos);
  EXPECT_NE(error_of("run%d/frame.png").find("not in its directory"), std::string::npos);
}

}  // namespace
}  // namespace mandelbrot
