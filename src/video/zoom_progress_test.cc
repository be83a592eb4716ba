#include "video/zoom_progress.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

TEST(ZoomProgress, EstimatesFromTheFramesRendered) {
  EXPECT_LT(ZoomProgress::seconds_left(0, 0, 10), 0);
  EXPECT_DOUBLE_EQ(ZoomProgress::seconds_left(4, 2.0, 10), 5.0);
  EXPECT_DOUBLE_EQ(ZoomProgress::seconds_left(4, 2.0, 0), 0.0);
}

TEST(ZoomProgress, Durations) {
  EXPECT_EQ(ZoomProgress::duration_text(12.4), "12 s");
  EXPECT_EQ(ZoomProgress::duration_text(185), "3 min 05 s");
  EXPECT_EQ(ZoomProgress::duration_text(7800), "2 h 10 min");
  EXPECT_EQ(ZoomProgress::duration_text(-1), "0 s");
}

}  // namespace
}  // namespace mandelbrot
