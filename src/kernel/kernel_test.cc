#include "kernel/kernel.h"

#include <gtest/gtest.h>

#include "classic_recipe.h"
#include "kernel/kernel_test_support.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

namespace mandelbrot {
namespace {

std::vector<int32_t> render(const KernelParams& p, int threads) {
  std::vector<int32_t> out(static_cast<size_t>(p.width) * p.height, -7);
  render_rows(p, default_kernel(), 0, p.height, threads, out.data());
  return out;
}

TEST(Kernel, DefaultViewEqualsTheClassicRecipe) {
  for (int size : {1, 2, 3, 7, 64, 101, 160}) {
    for (int iterations : {1, 2, 3, 10, 100, 257}) {
      std::vector<int> classic(static_cast<size_t>(size) * size, -7);
      classic_recipe(size, iterations, classic.data());
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

TEST(Kernel, StatisticsAreGatheredWhileRendering) {
  KernelParams p;
  p.width = 50;
  p.height = 40;
  std::vector<int32_t> out(2000);
  CountStats during(p.iterations);
  render_rows(p, default_kernel(), 0, p.height, 3, out.data(), &during);
  CountStats after(p.iterations);
  after.add(out);
  EXPECT_EQ(during.pixels(), 2000);
  EXPECT_EQ(during.min(), after.min());
  EXPECT_EQ(during.max(), after.max());
  EXPECT_EQ(during.inside(), after.inside());
}

TEST(Kernel, RowsCanBeRenderedInBands) {
  KernelParams p;
  p.width = 33;
  p.height = 20;
  const std::vector<int32_t> whole = render(p, 1);
  std::vector<int32_t> banded(whole.size());
  for (int32_t first = 0; first < p.height; first += 7) {
    const int32_t rows = std::min(7, p.height - first);
    render_rows(p, default_kernel(), first, rows, 2, banded.data() + first * p.width);
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
  EXPECT_TRUE(check_kernel_params(p).code() == StatusCode::kInvalidArgument);
  p = KernelParams();
  p.height = -3;
  EXPECT_TRUE(check_kernel_params(p).code() == StatusCode::kInvalidArgument);
  p = KernelParams();
  p.iterations = 0;
  EXPECT_TRUE(check_kernel_params(p).code() == StatusCode::kInvalidArgument);
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

// ---- Every kernel against the scalar reference ----

using Case = testing::KernelCase;
using testing::params_of;
using testing::reference_of;

// Regions that exercise each shortcut and its edge: the cardioid's cusp and
// boundary, the period-2 bulb's edges, the real axis (even heights put a row at
// y = 0 exactly), filaments, points that escape at the first step, huge regions
// (block escape tests off), and small and odd bailouts (per-step mode).
const Case kCases[] = {
    {"default view", {-2, 1, -1.5, 1.5}, 97, 64, 300, 10},
    {"cardioid cusp", {0.2499, 0.2501, -1e-4, 1e-4}, 67, 40, 3000, 10},
    {"cardioid top edge", {-0.16, -0.14, 1.02, 1.04}, 64, 41, 2000, 10},
    {"cardioid side edge", {0.36, 0.39, 0.13, 0.16}, 33, 33, 2000, 10},
    {"bulb neck", {-0.76, -0.74, -0.01, 0.01}, 65, 32, 2000, 10},
    {"bulb left edge", {-1.26, -1.24, -0.01, 0.01}, 40, 20, 2000, 10},
    {"real axis antenna", {-2.0, -1.4, -0.02, 0.02}, 70, 10, 1000, 10},
    {"seahorse valley", {-0.75, -0.74, 0.1, 0.11}, 50, 50, 1500, 10},
    {"elephant valley", {0.25, 0.35, -0.05, 0.05}, 41, 39, 1000, 10},
    {"period-3 bulb", {-0.15, -0.1, 0.85, 0.9}, 48, 48, 1000, 10},
    {"first-step escapes", {-30, 30, -20, 20}, 61, 43, 200, 10},
    {"bailout 2", {-2, 1, -1.5, 1.5}, 50, 50, 500, 2},
    // Block tests on with bailout 2 up to |c| = monotone_escape_limit(2), just below 2:
    {"bailout 2, |c| to 1.8", {-1.5, 0.5, -1, 1}, 64, 64, 51, 2},
    {"bailout 2, antenna tip", {-1.99999, -1.9, -1e-3, 1e-3}, 71, 12, 400, 2},
    {"bailout 3, |c| to 5.9", {-4.2, 4.2, -4.1, 4.1}, 41, 40, 60, 3},
    {"bailout 0.5", {-2, 1, -1.5, 1.5}, 50, 50, 100, 0.5},
    {"bailout 1e6", {-2.5, 1, -1.5, 1.5}, 50, 38, 300, 1e6},
    {"one pixel", {-0.5, 0.5, -0.5, 0.5}, 1, 1, 50, 10},
    {"single iteration", {-2, 1, -1.5, 1.5}, 13, 9, 1, 10},
    {"two iterations", {-2, 1, -1.5, 1.5}, 13, 9, 2, 10},
};

TEST(Kernel, TheCasesCoverWhatTheyClaim) {
  auto counts = [](const char* name) {
    for (const Case& c : kCases) {
      if (std::string(c.name) == name) return reference_of(params_of(c));
    }
    return std::vector<int32_t>();
  };
  auto has = [](const std::vector<int32_t>& v, int32_t value) {
    return std::find(v.begin(), v.end(), value) != v.end();
  };
  EXPECT_TRUE(has(counts("first-step escapes"), 0));  // escaped at the first check
  EXPECT_TRUE(has(counts("first-step escapes"), 199));
  EXPECT_TRUE(has(counts("cardioid cusp"), 2999));
  EXPECT_TRUE(has(counts("bulb neck"), 1999));
  const std::vector<int32_t> top = counts("cardioid top edge");
  EXPECT_TRUE(has(top, 1999));
  EXPECT_TRUE(std::any_of(top.begin(), top.end(), [](int32_t v) { return v < 1000; }));
}

TEST(Kernel, EveryKernelAndShortcutSettingMatchesTheReference) {
  const std::vector<std::string> names = kernel_names();
  ASSERT_GE(names.size(), 2u);  // at least one SIMD target and "scalar"
  for (const Case& c : kCases) {
    const KernelParams p = params_of(c);
    const std::vector<int32_t> expected = reference_of(p);
    for (const std::string& name : names) {
      for (bool shortcuts : {true, false}) {
        Kernel kernel;
        ASSERT_TRUE(choose_kernel(name, shortcuts, &kernel).ok()) << name;
        std::vector<int32_t> got(expected.size(), -1);
        render_rows(p, kernel, 0, p.height, 2, got.data());
        ASSERT_EQ(expected, got) << c.name << ", kernel " << name << ", shortcuts " << shortcuts;
      }
    }
  }
}

// A window (a tile) of an image has exactly the image's counts there, with
// every kernel, for every case, rotated or not: the samples are the image's.
TEST(Kernel, AWindowHasTheImagesCountsThere) {
  const std::vector<std::string> names = kernel_names();
  std::vector<Case> cases(std::begin(kCases), std::end(kCases));
  Case rotated = kCases[7];
  rotated.name = "seahorse valley, rotated";
  rotated.rotation = Rotation{std::cos(0.5), std::sin(0.5), -0.745, 0.105};
  cases.push_back(rotated);
  for (const Case& c : cases) {
    const KernelParams whole = params_of(c);
    const std::vector<int32_t> image = reference_of(whole);
    // A window at the top left, one inside, and one at the bottom right.
    const int32_t w = whole.width;
    const int32_t h = whole.height;
    for (const auto& [x, y, ww, wh] : std::vector<std::array<int32_t, 4>>{
             {0, 0, (w + 1) / 2, (h + 2) / 3},
             {w / 3, h / 4, (w + 2) / 3, (h + 1) / 2},
             {w - (w + 1) / 2, h - (h + 1) / 2, (w + 1) / 2, (h + 1) / 2}}) {
      KernelParams window = whole;
      window.image_width = w;
      window.image_height = h;
      window.column_offset = x;
      window.row_offset = y;
      window.width = ww;
      window.height = wh;
      ASSERT_EQ(find_kernel_params_problem(window), KernelParamsProblem::kNone);
      std::vector<int32_t> expected;
      for (int32_t i = 0; i < wh; ++i) {
        const auto row = image.begin() + static_cast<int64_t>(y + i) * w + x;
        expected.insert(expected.end(), row, row + ww);
      }
      for (const std::string& name : names) {
        Kernel kernel;
        ASSERT_TRUE(choose_kernel(name, true, &kernel).ok()) << name;
        std::vector<int32_t> got(expected.size(), -1);
        render_rows(window, kernel, 0, wh, 2, got.data());
        ASSERT_EQ(expected, got) << c.name << ", window at " << x << "," << y << ", kernel "
                                 << name;
      }
    }
  }
}

TEST(Kernel, AWindowMustLieInsideItsImage) {
  KernelParams p;
  p.image_width = 400;
  p.image_height = 400;
  p.width = 100;
  p.height = 100;
  p.column_offset = 300;
  p.row_offset = 300;
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kNone);
  p.column_offset = 301;
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kWindow);
  EXPECT_NE(check_kernel_params(p).message().find("not inside the 400x400 image"),
            std::string::npos)
      << check_kernel_params(p).message();
  p.column_offset = -1;
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kWindow);
  p.column_offset = 0;
  p.row_offset = 301;
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kWindow);
}

TEST(Kernel, EscapesAtTheLastStepAreExact) {
  // For a point whose check first fails at step k, render with iterations = k + 1
  // (the last step's check fails: count iterations - 2) and k (no check fails in
  // time: count iterations - 1), the point being column 0 of row 0.
  const std::pair<double, double> points[] = {{0.3, 0.0},      {0.2501, 0.0},    {-0.75, 0.01},
                                              {-1.2, 0.16},    {-0.1, 0.9},      {0.38, 0.3},
                                              {-1.9999, 1e-5}, {-0.7435, 0.1314}};
  for (const auto& [x, y] : points) {
    const int32_t k = escape_count(x, y, 1 << 20, 100.0) + 1;  // the failing step
    ASSERT_LT(k, 1 << 20) << x << "," << y << " never escapes";
    for (int32_t iterations : {k + 1, k}) {
      KernelParams p;
      p.width = 19;
      p.height = 3;
      p.iterations = iterations;
      p.region = {x, x + 1e-9, y - 1e-9, y};
      const std::vector<int32_t> expected = reference_of(p);
      ASSERT_EQ(expected[0], iterations == k + 1 ? iterations - 2 : iterations - 1);
      for (const std::string& name : kernel_names()) {
        for (bool shortcuts : {true, false}) {
          Kernel kernel;
          ASSERT_TRUE(choose_kernel(name, shortcuts, &kernel).ok());
          std::vector<int32_t> got(expected.size());
          render_rows(p, kernel, 0, p.height, 1, got.data());
          ASSERT_EQ(expected, got) << x << "," << y << " iterations " << iterations << " kernel "
                                   << name << " shortcuts " << shortcuts;
        }
      }
    }
  }
}

TEST(Kernel, EveryCompiledTargetIsTestedWhereTheCpuRunsIt) {
  const std::vector<std::string> runnable = kernel_names();
  for (const std::string& target : compiled_simd_targets()) {
    const bool runs = std::find(runnable.begin(), runnable.end(), target) != runnable.end();
    Kernel kernel;
    const Status s = choose_kernel(target, true, &kernel);
    EXPECT_EQ(s.ok(), runs) << target;
    if (!runs) {
      EXPECT_NE(s.message().find("this CPU cannot run it"), std::string::npos) << s.message();
      std::cout << "note: compiled target " << target << " cannot run on this CPU\n";
    }
  }
  // The portable fallback runs everywhere.
  EXPECT_NE(std::find(runnable.begin(), runnable.end(), "hwy-scalar"), runnable.end());
}

TEST(Kernel, ChooseKernelNamesAndErrors) {
  Kernel k;
  ASSERT_TRUE(choose_kernel("auto", false, &k).ok());
  EXPECT_EQ(k.name, kernel_names().front());
  EXPECT_FALSE(k.shortcuts);
  ASSERT_TRUE(choose_kernel("scalar", true, &k).ok());
  EXPECT_EQ(k.name, "scalar");
  const Status s = choose_kernel("avx1024", true, &k);
  EXPECT_TRUE(s.code() == StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unknown --kernel 'avx1024'"), std::string::npos);
  EXPECT_EQ(default_kernel().name, kernel_names().front());
  EXPECT_TRUE(default_kernel().shortcuts);
}

TEST(Kernel, RandomRegionsMatchTheReference) {
  // Small random views around the boundary, where every shortcut is exercised.
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  Kernel best;
  ASSERT_TRUE(choose_kernel("auto", true, &best).ok());
  for (int i = 0; i < 40; ++i) {
    KernelParams p;
    const double angle = next() * 6.283185307179586;
    const double radius = 0.02 * std::pow(10.0, -4 * next());
    // Near the cardioid's boundary c = e^{it}/2 - e^{2it}/4.
    const double cx = 0.5 * std::cos(angle) - 0.25 * std::cos(2 * angle);
    const double cy = 0.5 * std::sin(angle) - 0.25 * std::sin(2 * angle);
    p.region = {cx - radius, cx + radius, cy - radius, cy + radius};
    p.width = 37;
    p.height = 29;
    p.iterations = 200 + static_cast<int32_t>(next() * 3000);
    ASSERT_EQ(reference_of(p),
              [&] {
                std::vector<int32_t> out(static_cast<size_t>(p.width) * p.height);
                render_rows(p, best, 0, p.height, 2, out.data());
                return out;
              }())
        << "centre " << cx << "," << cy << " radius " << radius << " iterations " << p.iterations;
  }
}

}  // namespace
}  // namespace mandelbrot
