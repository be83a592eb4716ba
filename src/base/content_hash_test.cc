#include "base/content_hash.h"

#include <gtest/gtest.h>

#include <vector>

#include "kernel/kernel.h"

namespace mandelbrot {
namespace {

TEST(ContentHash, KnownValues) {
  // xxh128sum of an empty file, and of the bytes 01 00 00 00 (one count, 1).
  EXPECT_EQ(ContentHash().text(), "xxh3-128:99aa06d3014798d86001c324468d497f");
  ContentHash one;
  const int32_t v[] = {1};
  one.add(v);
  EXPECT_EQ(one.text().size(), 9u + 32u);
  EXPECT_NE(one.text(), ContentHash().text());
}

TEST(ContentHash, BandsHashLikeTheWhole) {
  std::vector<int32_t> counts(1000);
  for (int i = 0; i < 1000; ++i) counts[i] = i * 7 % 113;
  ContentHash whole;
  whole.add(counts);
  ContentHash bands;
  bands.add({counts.data(), 300});
  bands.add({counts.data() + 300, 700});
  EXPECT_EQ(whole.text(), bands.text());
}

TEST(ContentHash, AStateCarriedToAnotherHashContinuesIt) {
  std::vector<int32_t> counts(1000);
  for (int i = 0; i < 1000; ++i) counts[i] = i * 13 % 101;
  ContentHash whole;
  whole.add(counts);
  ContentHash first;
  first.add({counts.data(), 333});
  ContentHash second;  // as another process would, from the bytes alone
  second.set_state(first.state());
  second.add({counts.data() + 333, 667});
  EXPECT_EQ(second.text(), whole.text());
  EXPECT_NE(first.text(), whole.text());
}

TEST(ContentHash, TheDefaultRenderIsPinned) {
  // The hash of `mandelbrot` with every default: 400x400, 100 iterations.
  KernelParams p;
  std::vector<int32_t> counts(400 * 400);
  render_rows_scalar(p, 0, 400, counts.data());
  ContentHash hash;
  hash.add(counts);
  EXPECT_EQ(hash.text(), "xxh3-128:d4ff1bb334b0d4bd1d9551fb43319570");
}

}  // namespace
}  // namespace mandelbrot
