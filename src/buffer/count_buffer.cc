#include "buffer/count_buffer.h"

#include <sys/mman.h>

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <new>

namespace mandelbrot {
namespace {

constexpr size_t kPage = 4096;
constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kPrefaultFrom = size_t{64} << 10;

// Uninitialised room for n values. From 64 KiB up, page-aligned and
// prefaulted with one madvise(MADV_POPULATE_WRITE): on the CI machine that is
// about 4x cheaper than taking the page faults one by one as the rows are
// first written (docs/PERFORMANCE.md). Where the kernel lacks it (before
// Linux 5.14) the madvise fails and the pages fault in as before.
void* allocate_bytes(size_t bytes) {
  if (bytes < kPrefaultFrom) {
    void* p = std::malloc(bytes);
    if (p == nullptr) throw std::bad_alloc();
    return p;
  }
  // From 2 MiB up (a held image, render.h), transparent huge pages where the
  // system allows them: a 64 MiB buffer in 4 KiB pages took about 100 ms to
  // fault in on the CI machine, in 2 MiB pages a tenth of that.
  const size_t align = bytes >= kHugePage ? kHugePage : kPage;
  const size_t rounded = (bytes + align - 1) / align * align;
  void* p = std::aligned_alloc(align, rounded);
  if (p == nullptr) throw std::bad_alloc();
  if (align == kHugePage) ::madvise(p, rounded, MADV_HUGEPAGE);
  ::madvise(p, rounded, MADV_POPULATE_WRITE);
  return p;
}

int32_t* allocate_values(size_t n) {
  return static_cast<int32_t*>(allocate_bytes(std::max<size_t>(n, 1) * sizeof(int32_t)));
}

// Room for a channel of n values when `wanted`, else nullptr.
double* allocate_channel(bool wanted, size_t n) {
  if (!wanted) return nullptr;
  return static_cast<double*>(allocate_bytes(std::max<size_t>(n, 1) * sizeof(double)));
}

}  // namespace

void CountBuffer::FreeValues::operator()(int32_t* values) const {
  if (owned) std::free(values);
}

void CountBuffer::FreeChannel::operator()(double* values) const {
  if (owned) std::free(values);
}

CountBuffer::CountBuffer(int32_t width, int32_t max_rows, Channels channels)
    : width_(width),
      max_rows_(max_rows),
      values_(allocate_values(static_cast<size_t>(width) * static_cast<size_t>(max_rows)),
              FreeValues{true}),
      smooth_(allocate_channel(channels.smooth,
                               static_cast<size_t>(width) * static_cast<size_t>(max_rows)),
              FreeChannel{true}),
      distance_(allocate_channel(channels.distance,
                                 static_cast<size_t>(width) * static_cast<size_t>(max_rows)),
                FreeChannel{true}) {}

CountBuffer::CountBuffer(int32_t width, int32_t rows, int32_t* borrowed, double* smooth,
                         double* distance)
    : width_(width),
      max_rows_(rows),
      values_(borrowed, FreeValues{false}),
      smooth_(smooth, FreeChannel{false}),
      distance_(distance, FreeChannel{false}) {}

const CountBuffer CountBuffer::rows_of(const CountBuffer& image, int32_t first_row, int32_t rows) {
  assert(first_row >= 0 && rows >= 1 && first_row + rows <= image.rows());
  const size_t offset = static_cast<size_t>(first_row) * static_cast<size_t>(image.width_);
  const auto at = [offset](double* channel) { return channel ? channel + offset : nullptr; };
  CountBuffer band(image.width_, rows, image.values_.get() + offset, at(image.smooth_.get()),
                   at(image.distance_.get()));
  band.set_rows(image.first_row_ + first_row, rows);
  return band;
}

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

std::span<const double> CountBuffer::smooth() const {
  assert(smooth_ != nullptr);
  return {smooth_.get(), static_cast<size_t>(width_) * static_cast<size_t>(rows_)};
}

std::span<const double> CountBuffer::distance() const {
  assert(distance_ != nullptr);
  return {distance_.get(), static_cast<size_t>(width_) * static_cast<size_t>(rows_)};
}

RowOut CountBuffer::row_out(int32_t r) {
  assert(r >= 0 && r < max_rows_);
  const size_t offset = static_cast<size_t>(r) * static_cast<size_t>(width_);
  const auto at = [offset](double* channel) { return channel ? channel + offset : nullptr; };
  return RowOut{values_.get() + offset, at(smooth_.get()), at(distance_.get())};
}

void CountStats::add(std::span<const int32_t> counts) {
  // Plain loops over int32 in chunks that cannot overflow an int32 tally, so
  // the compiler vectorises them (a row's statistics cost a fraction of a
  // pass over memory, while the row is in cache).
  constexpr size_t kChunk = size_t{1} << 30;
  const int32_t inside_count = iterations_ - 1;
  int32_t lo = min_;
  int32_t hi = max_;
  uint32_t lo_positive = min_positive_minus_one_;
  for (size_t first = 0; first < counts.size(); first += kChunk) {
    const size_t end = std::min(counts.size(), first + kChunk);
    int32_t inside = 0;
    for (size_t i = first; i < end; ++i) {
      const int32_t c = counts[i];
      lo = c < lo ? c : lo;
      hi = c > hi ? c : hi;
      const uint32_t m = static_cast<uint32_t>(c) - 1u;
      lo_positive = m < lo_positive ? m : lo_positive;
      inside += c == inside_count ? 1 : 0;
    }
    inside_ += inside;
  }
  min_ = lo;
  max_ = hi;
  min_positive_minus_one_ = lo_positive;
  pixels_ += static_cast<int64_t>(counts.size());
}

void CountStats::merge(const CountStats& other) {
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  min_positive_minus_one_ = std::min(min_positive_minus_one_, other.min_positive_minus_one_);
  inside_ += other.inside_;
  pixels_ += other.pixels_;
}

double CountStats::inside_fraction() const {
  return pixels_ == 0 ? 0.0 : static_cast<double>(inside_) / static_cast<double>(pixels_);
}

}  // namespace mandelbrot
