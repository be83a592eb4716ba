// CountBuffer: a band of consecutive image rows of iteration counts, with the
// continuous channels a render asked for (docs/SEMANTICS.md, "Channels"), and
// the running statistics of the counts seen so far.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

namespace mandelbrot {

// Which channels a buffer holds besides the counts: the smooth (continuous)
// escape value and the distance estimate, as doubles, one per pixel.
struct Channels {
  bool smooth = false;
  bool distance = false;
  bool any() const { return smooth || distance; }
  bool operator==(const Channels&) const = default;
};

// Where one row's values go: counts always, each channel when it is held
// (nullptr otherwise).
struct RowOut {
  int32_t* counts = nullptr;
  double* smooth = nullptr;
  double* distance = nullptr;
};

// Rows [first_row, first_row + rows) of a width-wide image, row-major. The
// renderer fills one band at a time and hands it to an encoder, so memory stays
// bounded by the band, whatever the image height.
class CountBuffer {
 public:
  // REQUIRES: width >= 1, max_rows >= 1.
  CountBuffer(int32_t width, int32_t max_rows, Channels channels = {});

  // The values are not initialised (no zeroing pass); a band of 64 KiB or
  // more is prefaulted in one system call instead of a page fault per page.

  // Makes the buffer hold rows [first_row, first_row + rows); the values are
  // unspecified until written. REQUIRES: 1 <= rows <= max_rows().
  void set_rows(int32_t first_row, int32_t rows);

  int32_t width() const { return width_; }
  int32_t first_row() const { return first_row_; }
  int32_t rows() const { return rows_; }
  int32_t max_rows() const { return max_rows_; }

  Channels channels() const { return Channels{smooth_ != nullptr, distance_ != nullptr}; }

  int32_t* data() { return values_.get(); }
  const int32_t* data() const { return values_.get(); }
  // Row r of the band (0 is first_row()).
  std::span<const int32_t> row(int32_t r) const;
  // Every value of the band.
  std::span<const int32_t> counts() const;
  // Every value of a channel of the band. REQUIRES: the channel is held.
  std::span<const double> smooth() const;
  std::span<const double> distance() const;
  // Where row r's values go (0 is first_row()). REQUIRES: 0 <= r < max_rows().
  RowOut row_out(int32_t r);

  // A band holding rows [first_row, first_row + rows) of `image` (counted from
  // image.first_row()) without copying them: it borrows image's values.
  // REQUIRES: image outlives it; 0 <= first_row, rows >= 1,
  // first_row + rows <= image.rows().
  static const CountBuffer rows_of(const CountBuffer& image, int32_t first_row, int32_t rows);

 private:
  int32_t width_;
  int32_t max_rows_;
  int32_t first_row_ = 0;
  int32_t rows_ = 0;
  struct FreeValues {
    bool owned;  // false when borrowed (rows_of)
    void operator()(int32_t* values) const;
  };
  struct FreeChannel {
    bool owned;
    void operator()(double* values) const;
  };
  using ChannelValues = std::unique_ptr<double[], FreeChannel>;
  CountBuffer(int32_t width, int32_t rows, int32_t* borrowed, double* smooth, double* distance);
  std::unique_ptr<int32_t[], FreeValues> values_;
  ChannelValues smooth_;
  ChannelValues distance_;
};

// Minimum, maximum, the smallest positive count and the number of inside points
// (count == iterations - 1) of all the counts added so far.
class CountStats {
 public:
  explicit CountStats(int32_t iterations) : iterations_(iterations) {}
  void add(std::span<const int32_t> counts);
  // Adds everything `other` has seen. REQUIRES: the same iterations.
  void merge(const CountStats& other);

  int64_t pixels() const { return pixels_; }
  int32_t min() const { return min_; }  // REQUIRES: pixels() > 0
  int32_t max() const { return max_; }  // REQUIRES: pixels() > 0
  // The smallest count >= 1, or 0 when no count is.
  int32_t min_positive() const {
    return min_positive_minus_one_ < uint32_t{INT32_MAX}
               ? static_cast<int32_t>(min_positive_minus_one_ + 1)
               : 0;
  }
  int64_t inside() const { return inside_; }
  double inside_fraction() const;  // 0 when no pixels

 private:
  int32_t iterations_;
  int64_t pixels_ = 0;
  int64_t inside_ = 0;
  int32_t min_ = INT32_MAX;
  int32_t max_ = INT32_MIN;
  // The smallest of count - 1 in unsigned arithmetic (a plain minimum, which
  // the compiler vectorises): counts 1 to INT32_MAX give 0 to INT32_MAX - 1,
  // counts of 0 or less give INT32_MAX or more.
  uint32_t min_positive_minus_one_ = UINT32_MAX;
};

}  // namespace mandelbrot
