#include "deep/cycle_finder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace mandelbrot {
namespace {

TEST(CycleFinder, SkipsWholeCyclesOnceAStateRepeats) {
  // Rebase states 0.5, 0.25, then a cycle 0.1, 0.2, 0.3 every 7 steps.
  CycleFinder<double> finder;
  const std::vector<double> states = {0.5, 0.25, 0.1, 0.2, 0.3, 0.1, 0.2, 0.3, 0.1, 0.2, 0.3};
  int64_t skip = 0;
  int64_t at = 0;
  for (size_t k = 0; k < states.size() && skip == 0; ++k) {
    at = 10 + 7 * static_cast<int64_t>(k);
    skip = finder.at_rebase(at, states[k], -states[k], 1000);
  }
  // Saved at rebases 1, 2, 4 (0.5, 0.25, 0.2); 0.2 comes back at rebase 7, 21 steps on.
  EXPECT_EQ(at, 10 + 7 * 6);
  EXPECT_EQ(skip, (1000 - 2 - at) / 21 * 21);
  EXPECT_LE(at + skip, 998);
  EXPECT_GT(at + skip + 21, 998);
  // Quiet afterwards.
  EXPECT_EQ(finder.at_rebase(at + skip + 1, 0.2, -0.2, 1000), 0);
}

TEST(CycleFinder, NeverSkipsWithoutAnExactRepeat) {
  CycleFinder<double> finder;
  for (int64_t k = 0; k < 1000; ++k) {
    // Values that differ in their last bits only.
    const double v = std::nextafter(0.3, 1.0 + static_cast<double>(k));
    const double w = k % 2 ? v : std::nextafter(v, 1.0);
    ASSERT_EQ(finder.at_rebase(k, w, std::ldexp(1.0, -static_cast<int>(k)), 2000), 0) << k;
  }
  // -0 and +0 are different states.
  CycleFinder<double> zeros;
  EXPECT_EQ(zeros.at_rebase(1, 0.0, 1.0, 100), 0);
  EXPECT_EQ(zeros.at_rebase(2, -0.0, 1.0, 100), 0);
}

TEST(CycleFinder, NoSkipWhenNoWholeCycleFits) {
  CycleFinder<double> finder;
  EXPECT_EQ(finder.at_rebase(80, 0.1, 0.1, 100), 0);
  // The same state 15 steps later, at step 95: a cycle would end at 110 > 98.
  EXPECT_EQ(finder.at_rebase(95, 0.1, 0.1, 100), 0);
}

TEST(CycleFinder, ComparesFloatExpByValue) {
  CycleFinder<FloatExp> finder;
  const FloatExp a = normalized(0.75, -2000);
  EXPECT_EQ(finder.at_rebase(3, a, a, 1000), 0);
  EXPECT_EQ(finder.at_rebase(5, normalized(0.75, -1999), a, 1000), 0);
  EXPECT_EQ(finder.at_rebase(9, a, a, 1000), 0);  // saved at rebase 2 is the -1999 one
  EXPECT_EQ(finder.at_rebase(12, normalized(0.75, -1999), a, 1000), (998 - 12) / 7 * 7);
}

}  // namespace
}  // namespace mandelbrot
