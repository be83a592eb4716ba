#include "render/thread_budget.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

KernelParams sized(int32_t width, int32_t height, int32_t iterations) {
  KernelParams k;
  k.width = width;
  k.height = height;
  k.iterations = iterations;
  return k;
}

TEST(ThreadBudget, SmallWorkStartsOneThread) {
  EXPECT_EQ(threads_worth_starting(sized(16, 16, 100), 8), 1);
  EXPECT_EQ(encoder_threads_worth_starting(sized(16, 16, 100), 8), 1);
  EXPECT_EQ(encoder_threads_worth_starting(sized(1024, 1024, 100), 8), 1);  // 3 MiB of pixels
}

TEST(ThreadBudget, LargeWorkStartsWhatIsAsked) {
  EXPECT_EQ(threads_worth_starting(sized(4096, 4096, 1000), 2), 2);
  EXPECT_EQ(encoder_threads_worth_starting(sized(4096, 4096, 1000), 2), 2);
  EXPECT_EQ(threads_worth_starting(sized(1 << 20, 3, 1000), 8), 3);  // one per row at most
}

}  // namespace
}  // namespace mandelbrot
