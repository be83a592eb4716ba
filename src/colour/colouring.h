// The colouring methods (docs/SEMANTICS.md, "Colouring methods"): which value of
// a pixel picks its entry of the colour map, and the image-wide quantities
// (the smooth values' range, the counts' histogram) some of them need.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "buffer/count_buffer.h"
#include "colour/colour_tables.h"

namespace mandelbrot {

enum class Colouring {
  kLog,        // log counts on --scale (the default look)
  kSmooth,     // the smooth value, log-scaled over the image's range
  kHistogram,  // histogram equalisation of the counts over the image
  kDistance,   // the distance estimate, in pixels
};

// "log", "smooth", "histogram" or "distance"; nullopt for anything else.
std::optional<Colouring> parse_colouring(std::string_view name);
std::string_view colouring_name(Colouring colouring);
// The channels a colouring reads besides the counts.
Channels channels_of(Colouring colouring);

// "#rrggbb" (hex digits of either case); nullopt for anything else.
std::optional<Rgb> parse_hex_colour(std::string_view text);
// --interior: "black", "white" or "#rrggbb" (parse_hex_colour); nullopt for
// anything else.
std::optional<Rgb> parse_interior(std::string_view text);
// "#rrggbb" in lower case.
std::string hex_colour_name(Rgb colour);
// --interior as the parameters record it: hex_colour_name().
std::string interior_name(Rgb colour);

// The range of the smooth values of the image's escaped points (count <
// iterations - 1) that are finite: low > high when there are none.
struct SmoothRange {
  double low = 1.0;
  double high = 0.0;
  void add(std::span<const int32_t> counts, std::span<const double> smooth, int32_t iterations);
  void merge(const SmoothRange& other);
};

// The smooth value's scale over a range (lo, hi): lo, and
// top = log((hi - lo) + 1), 0 when hi <= lo (computed once per image).
struct SmoothScale {
  double low = 0.0;
  double top = 0.0;
};
SmoothScale smooth_scale(SmoothRange range);

// The entry of a table of `size` entries for x in [0, 1], as matplotlib picks
// it: min(size - 1, trunc(min(x, 1) * size)); 0 for x <= 0 or NaN.
int table_index(double x, int size);

// The index of an escaped point's smooth value v in a table of `size`
// entries: table_index(log((v - lo) + 1) / top, size); 0 when top is 0 or v
// is not finite.
int smooth_index(double v, SmoothScale scale, int size);

// The index of an escaped point's distance estimate e (pixels) in a table of
// `size` entries: table_index(1 - 4 / (e + 4), size); 0 for e < 0 or NaN.
int distance_index(double e, int size);

// The position in [0, 1] of smooth value v on a cyclic gradient of `period`
// (> 0) shifted by `offset` periods: with u = (v + offset * period) / period,
// u - floor(u); 0 when u is not finite (v is not, or the period is so small
// that u overflows) (docs/SEMANTICS.md, "Cyclic gradients").
double cycle_position(double v, double period, double offset);

// The histogram of the counts of the escaped points (count < iterations - 1),
// one entry per count. REQUIRES: iterations <= kMaxHistogramIterations.
inline constexpr int32_t kMaxHistogramIterations = int32_t{1} << 24;
class CountHistogram {
 public:
  explicit CountHistogram(int32_t iterations);
  void add(std::span<const int32_t> counts);
  // The indices per count into a table of `size` entries (at most 65536),
  // after every count was added: for an escaped count c,
  // table_index(below(c) / escaped, size) with below(c) the escaped points
  // with count <= c and `escaped` all of them, as doubles.
  std::vector<uint16_t> indices(int size) const;
  // The number of counts c seen, at [c] (for sums across processes).
  std::span<int64_t> bins() { return bins_; }

 private:
  int32_t iterations_;
  std::vector<int64_t> bins_;
};

}  // namespace mandelbrot
