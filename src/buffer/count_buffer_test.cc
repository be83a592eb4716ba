#include "buffer/count_buffer.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

TEST(CountBuffer, HoldsABandOfRows) {
  CountBuffer band(3, 4);
  EXPECT_EQ(band.max_rows(), 4);
  band.set_rows(10, 2);
  EXPECT_EQ(band.first_row(), 10);
  EXPECT_EQ(band.rows(), 2);
  EXPECT_EQ(band.counts().size(), 6u);
  for (int i = 0; i < 6; ++i) band.data()[i] = i;
  EXPECT_EQ(band.row(1)[0], 3);
  EXPECT_EQ(band.row(1).size(), 3u);
}

TEST(CountBuffer, RowsOfShowsRowsOfAnotherBufferWithoutCopying) {
  CountBuffer image(2, 5);
  image.set_rows(0, 5);
  for (int i = 0; i < 10; ++i) image.data()[i] = 100 + i;
  const CountBuffer band = CountBuffer::rows_of(image, 3, 2);
  EXPECT_EQ(band.first_row(), 3);
  EXPECT_EQ(band.rows(), 2);
  EXPECT_EQ(band.width(), 2);
  EXPECT_EQ(band.data(), image.data() + 6);
  EXPECT_EQ(band.row(1)[1], 109);
  EXPECT_EQ(band.counts().size(), 4u);
}  // band is destroyed first and must not free image's values (ASan checks)

TEST(CountStats, TracksMinMaxAndInside) {
  CountStats stats(10);
  EXPECT_EQ(stats.inside_fraction(), 0.0);
  const int32_t a[] = {3, 9, 0};
  const int32_t b[] = {9, 5};
  stats.add(a);
  stats.add(b);
  EXPECT_EQ(stats.pixels(), 5);
  EXPECT_EQ(stats.min(), 0);
  EXPECT_EQ(stats.max(), 9);
  EXPECT_EQ(stats.min_positive(), 3);  // 0 is not positive
  EXPECT_EQ(stats.inside(), 2);
  EXPECT_DOUBLE_EQ(stats.inside_fraction(), 0.4);
}

TEST(CountStats, MinPositiveIsZeroWhenNoCountIsPositive) {
  CountStats stats(10);
  EXPECT_EQ(stats.min_positive(), 0);
  const int32_t zeros[] = {0, 0, -4};
  stats.add(zeros);
  EXPECT_EQ(stats.min_positive(), 0);
  const int32_t ones[] = {1, 0};
  stats.add(ones);
  EXPECT_EQ(stats.min_positive(), 1);
}

TEST(CountStats, MergeCombinesTwoHalves) {
  CountStats a(10), b(10), whole(10);
  const int32_t first[] = {4, 9};
  const int32_t second[] = {1, 9, 7};
  a.add(first);
  b.add(second);
  whole.add(first);
  whole.add(second);
  a.merge(b);
  EXPECT_EQ(a.pixels(), whole.pixels());
  EXPECT_EQ(a.min(), 1);
  EXPECT_EQ(a.max(), 9);
  EXPECT_EQ(a.min_positive(), 1);
  EXPECT_EQ(a.inside(), 2);
}

}  // namespace
}  // namespace mandelbrot
