#include "buffer/count_buffer.h"

#include <algorithm>
#include <cassert>

namespace mandelbrot {

CountBuffer::CountBuffer(int32_t width, int32_t max_rows)
    : width_(width),
      max_rows_(max_rows),
      // new T[n] without () leaves the values uninitialised: no memset.
      values_(new int32_t[static_cast<size_t>(width) * static_cast<size_t>(max_rows)]) {}

void CountBuffer::set_rows(int32_t first_row, int32_t rows) {
  assert(rows >= 1 && rows <= max_rows_);
  first_row_ = first_row;
  rows_ = rows;
}

std::span<const int32_t> CountBuffer::row(int32_t r) const {
  return {values_.get() + static_cast<size_t>(r) * static_cast<size_t>(width_),
          static_cast<size_t>(width_)};
}

std::span<const int32_t> CountBuffer::counts() const {
  return {values_.get(), static_cast<size_t>(width_) * static_cast<size_t>(rows_)};
}

void CountStats::add(std::span<const int32_t> counts) {
  int32_t lo = min_;
  int32_t hi = max_;
  int64_t inside = 0;
  const int32_t inside_count = iterations_ - 1;
  for (int32_t c : counts) {
    lo = std::min(lo, c);
    hi = std::max(hi, c);
    inside += c == inside_count;
  }
  min_ = lo;
  max_ = hi;
  inside_ += inside;
  pixels_ += static_cast<int64_t>(counts.size());
}

void CountStats::merge(const CountStats& other) {
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  inside_ += other.inside_;
  pixels_ += other.pixels_;
}

double CountStats::inside_fraction() const {
  return pixels_ == 0 ? 0.0 : static_cast<double>(inside_) / static_cast<double>(pixels_);
}

}  // namespace mandelbrot
