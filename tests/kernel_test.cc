#include "mandelbrot/kernel.h"

#include <gtest/gtest.h>

#include <vector>

namespace mandelbrot {
namespace {

// The classic C recipe, copied as it is published (rows run upward from -1.5,
// bailout 10), as the independent reference for the default view.
void classic_mandelbrot(int size, int iterations, int* col) {
  for (int i = 0; i < size; i++) {
    double cy = -1.5 + (double)i / size * 3;
    for (int j = 0; j < size; j++) {
      double cx = -2.0 + (double)j / size * 3;
      int index = i * size + j;
      double z0 = 0.0, z1 = 0.0;
      for (int n = 0; n < iterations; n++) {
        double z0_2 = z0 * z0;
        double z1_2 = z1 * z1;
        if (z0_2 + z1_2 <= 100) {
          z1 = 2 * z0 * z1 + cy;
          z0 = z0_2 - z1_2 + cx;
          col[index] = n;
        } else {
          break;
        }
      }
    }
  }
}

std::vector<int32_t> render(const KernelParams& p, int threads) {
  std::vector<int32_t> out(static_cast<size_t>(p.width) * p.height, -7);
  render_rows(p, 0, p.height, threads, out.data());
  return out;
}

TEST(Kernel, DefaultViewEqualsTheClassicRecipe) {
  for (int size : {1, 2, 3, 7, 64, 101, 160}) {
    for (int iterations : {1, 2, 3, 10, 100, 257}) {
      std::vector<int> classic(static_cast<size_t>(size) * size, -7);
      classic_mandelbrot(size, iterations, classic.data());
      KernelParams p;
      p.width = p.height = size;
      p.iterations = iterations;
      const std::vector<int32_t> ours = render(p, 2);
      ASSERT_EQ(std::vector<int32_t>(classic.begin(), classic.end()), ours)
          << "size " << size << ", iterations " << iterations;
    }
  }
}

TEST(Kernel, SameCountsForEveryThreadCount) {
  KernelParams p;
  p.width = 97;
  p.height = 61;
  p.iterations = 300;
  p.region = {-0.8, -0.7, 0.05, 0.15};
  std::vector<int32_t> reference(static_cast<size_t>(p.width) * p.height);
  render_rows_scalar(p, 0, p.height, reference.data());
  for (int threads : {1, 2, 3, 8}) EXPECT_EQ(reference, render(p, threads)) << threads;
}

TEST(Kernel, RowsCanBeRenderedInBands) {
  KernelParams p;
  p.width = 33;
  p.height = 20;
  const std::vector<int32_t> whole = render(p, 1);
  std::vector<int32_t> banded(whole.size());
  for (int32_t first = 0; first < p.height; first += 7) {
    const int32_t rows = std::min(7, p.height - first);
    render_rows(p, first, rows, 2, banded.data() + first * p.width);
  }
  EXPECT_EQ(whole, banded);
}

TEST(Kernel, RowZeroIsTheTopOfTheRegion) {
  KernelParams p;
  p.width = 4;
  p.height = 4;
  p.region = {-2.0, 2.0, -1.0, 3.0};
  EXPECT_EQ(p.y_at(0), 3.0);
  EXPECT_EQ(p.y_at(2), 1.0);
  EXPECT_EQ(p.x_at(0), -2.0);
  EXPECT_EQ(p.x_at(3), 1.0);
  // Row 0 samples y = 3 (outside at once after a step); row 3 samples y = 0.
  std::vector<int32_t> out = render(p, 1);
  EXPECT_EQ(out[0 * 4 + 2], escape_count(0.0, 3.0, 100, 100.0));
  EXPECT_EQ(out[3 * 4 + 2], escape_count(0.0, 0.0, 100, 100.0));
  EXPECT_EQ(out[3 * 4 + 2], 99);
}

TEST(Kernel, EscapeCountFollowsTheContract) {
  EXPECT_EQ(escape_count(0.0, 0.0, 100, 100.0), 99);  // never leaves: iterations - 1
  EXPECT_EQ(escape_count(0.0, 0.0, 1, 100.0), 0);
  EXPECT_EQ(escape_count(11.0, 0.0, 100, 100.0), 0);  // |z1| = 11 > 10
  // |z1| = 10 exactly is still inside the disc (<=); z2 = 110 leaves.
  EXPECT_EQ(escape_count(10.0, 0.0, 100, 100.0), 1);
  EXPECT_EQ(escape_count(-2.0, 0.0, 50, 100.0), 49);  // the tip of the real axis stays
  EXPECT_EQ(escape_count(0.0, 1.0, 50, 100.0), 49);   // i is on a periodic orbit
  // c = 1: 0, 1, 2, 5, 26 -> |z4| = 26 > 10, so the last n with |z_n| <= 10 is 3.
  EXPECT_EQ(escape_count(1.0, 0.0, 100, 100.0), 3);
  EXPECT_EQ(escape_count(1.0, 0.0, 100, 4.0), 2);  // bailout 2: |z3| = 5 > 2
}

TEST(Kernel, CheckRejectsBadParameters) {
  EXPECT_TRUE(check_kernel_params(KernelParams()).ok());
  KernelParams p;
  p.width = 0;
  EXPECT_TRUE(check_kernel_params(p).is_usage());
  p = KernelParams();
  p.height = -3;
  EXPECT_TRUE(check_kernel_params(p).is_usage());
  p = KernelParams();
  p.iterations = 0;
  EXPECT_TRUE(check_kernel_params(p).is_usage());
  p = KernelParams();
  p.region.xmin = std::nan("");
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kRegion);
  EXPECT_NE(check_kernel_params(p).message().find("finite"), std::string::npos);
  p = KernelParams();
  p.region.ymax = INFINITY;
  EXPECT_FALSE(check_kernel_params(p).ok());
  p = KernelParams();
  p.region.xmin = p.region.xmax;
  EXPECT_NE(check_kernel_params(p).message().find("xmin < xmax"), std::string::npos);
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kRegion);
  p = KernelParams();
  p.region.ymin = 2.0;
  EXPECT_FALSE(check_kernel_params(p).ok());
  p = KernelParams();
  p.region = {-1e308, 1e308, -1, 1};  // the span overflows
  EXPECT_FALSE(check_kernel_params(p).ok());
  p = KernelParams();
  p.bailout = 0;
  EXPECT_FALSE(check_kernel_params(p).ok());
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kBailout);
  p.bailout = 1e200;  // its square overflows
  EXPECT_FALSE(check_kernel_params(p).ok());
  p = KernelParams();
  p.width = 0;
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kSize);
  p = KernelParams();
  p.iterations = -1;
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kIterations);
  EXPECT_EQ(find_kernel_params_problem(KernelParams()), KernelParamsProblem::kNone);
}

}  // namespace
}  // namespace mandelbrot
