#include "render/band_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace mandelbrot {
namespace {

// Row r, column j holds r * 1000 + j: a band in the wrong slot, order or place
// shows as wrong values.
int32_t value_at(int32_t row, int32_t column) { return row * 1000 + column; }

TEST(BandPipeline, ConsumesEveryBandInOrderWithItsRowsForAnyThreadCount) {
  const int32_t width = 7;
  for (int threads : {1, 2, 3, 5}) {
    for (int32_t band_rows : {1, 3, 4, 50}) {
      const int32_t height = 37;  // not a multiple of 3 or 4: a short last band
      std::vector<int32_t> first_rows;
      std::atomic<int> computed{0};
      const ComputeRow compute = [&](int thread, int32_t row, const RowOut& out) {
        EXPECT_GE(thread, 0);
        EXPECT_LT(thread, threads);
        for (int32_t j = 0; j < width; ++j) out.counts[j] = value_at(row, j);
        ++computed;
      };
      const ConsumeBand consume = [&](const CountBuffer& band) {
        first_rows.push_back(band.first_row());
        EXPECT_EQ(band.rows(), std::min(band_rows, height - band.first_row()));
        for (int32_t r = 0; r < band.rows(); ++r) {
          for (int32_t j = 0; j < width; ++j) {
            EXPECT_EQ(band.row(r)[static_cast<size_t>(j)], value_at(band.first_row() + r, j));
          }
        }
        return Status();
      };
      double seconds = -1;
      ASSERT_TRUE(
          run_band_pipeline(width, height, band_rows, threads, compute, consume, &seconds).ok());
      EXPECT_EQ(computed.load(), height);
      EXPECT_GE(seconds, 0.0);
      std::vector<int32_t> expected;
      for (int32_t first = 0; first < height; first += band_rows) expected.push_back(first);
      EXPECT_EQ(first_rows, expected) << threads << " threads, bands of " << band_rows;
    }
  }
}

TEST(BandPipeline, StopsAtTheFirstFailedBandAndReturnsItsStatus) {
  for (int threads : {1, 2, 4}) {
    int consumed = 0;
    const ComputeRow compute = [](int, int32_t row, const RowOut& out) { out.counts[0] = row; };
    const ConsumeBand consume = [&](const CountBuffer& band) {
      ++consumed;
      return band.first_row() == 4 ? io_error("disk full at row {}", band.first_row()) : Status();
    };
    double seconds = 0;
    const Status s = run_band_pipeline(1, 100, 2, threads, compute, consume, &seconds);
    EXPECT_EQ(s.code(), StatusCode::kIOError);
    EXPECT_EQ(s.message(), "disk full at row 4");
    EXPECT_EQ(consumed, 3) << "bands 0, 2 and the failed one at 4; none after it";
  }
}

}  // namespace
}  // namespace mandelbrot
