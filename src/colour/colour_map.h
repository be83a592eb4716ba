// ColourMap: from iteration counts to 8-bit RGB pixels (docs/SEMANTICS.md, Colour).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "buffer/count_buffer.h"
#include "colour/colour_tables.h"
#include "colour/colouring.h"
#include "colour/gradient.h"

namespace mandelbrot {

// "hot", "gray" (also "grey"), "viridis", "magma", "inferno", "plasma",
// "cividis" or "twilight"; nullopt for anything else.
std::optional<ColourMapKind> parse_colour_map(std::string_view name);
std::string_view colour_map_name(ColourMapKind kind);
// Every name parse_colour_map() takes but "grey", comma-separated, for messages.
std::string colour_map_names();

// How counts are scaled to the map (--scale): over the image's own range of
// log counts (matplotlib's imsave of np.log(counts), the default), or over the
// fixed range log(count) / log(iterations - 1) that does not depend on the image.
enum class ColourScale { kImage, kFixed };

// "image" or "fixed"; nullopt for anything else.
std::optional<ColourScale> parse_colour_scale(std::string_view name);
std::string_view colour_scale_name(ColourScale scale);

// The counts that the image scale spans: `low` is the image's smallest count
// that is at least 1, `high` its largest count (both 0 when every count is 0).
struct CountRange {
  int32_t low = 0;
  int32_t high = 0;
};

// The range of the counts `stats` has seen. REQUIRES: stats.pixels() > 0.
CountRange count_range(const CountStats& stats);

// The index into a table of `size` entries of a count on the image scale,
// exactly as matplotlib computes it (docs/SEMANTICS.md, Colour): with
// v = log(count), lo = log(range.low), hi = log(range.high),
//   0                                     when count < 1 or lo == hi,
//   min(size - 1, trunc((v - lo) / (hi - lo) * size))   otherwise,
// counts outside [low, high] being clamped into it.
int image_scale_index(int32_t count, CountRange range, int size);

// True for the maps whose fixed scale is a ramp of their own (hot, gray).
bool has_colour_ramp(ColourMapKind kind);
// The colour at position t in [0, 1] of the fixed scale's ramp (t is clamped):
// `hot` rises through red over [0, 0.365079], green up to 0.746032, then blue;
// red starts at 0, so that t = 0 is pure black. `gray` is t * 255, rounded.
// REQUIRES: has_colour_ramp(kind).
Rgb colour_ramp(ColourMapKind kind, double t);

// How pixels pick their colour besides the map and scale (docs/SEMANTICS.md,
// "Colouring methods", "Palettes"): the method, the interior colour (unset:
// the method's own, the table's last entry for every method but log), a
// palette that replaces the map, the cyclic gradient of kSmooth, and what the
// method needs of the whole image.
struct ColouringOptions {
  Colouring method = Colouring::kLog;
  std::optional<Rgb> interior;
  // --palette: the table is palette->table(kColourTableSize) instead of the
  // map's, and the cyclic gradient is the palette itself.
  std::shared_ptr<const Gradient> palette;
  // kSmooth only: > 0 colours escaped points by the cyclic gradient of this
  // period (in units of the smooth value), shifted by `offset` periods.
  double period = 0.0;
  double offset = 0.0;
  SmoothRange smooth;  // kSmooth without a period: the range of the image's smooth values
  // kHistogram: CountHistogram::indices(table_size(...)) of the image's counts.
  std::shared_ptr<const std::vector<uint16_t>> histogram;
};

// The number of entries of the table a colouring looks up: kColourTableSize
// with a palette, else the map's (colour_table(kind).size()).
int table_size(ColourMapKind kind, const ColouringOptions& colouring);

// Maps a count in [0, iterations) to a colour (with Colouring::kLog), `table`
// being the map's table or the palette's and N its size:
// - ColourScale::kImage: table[image_scale_index(count, range, N)].
// - ColourScale::kFixed: with
//     t = 1 when count == iterations - 1 (inside),
//     t = 0 when count == 0 (escaped at once),
//     t = log(count) / log(iterations - 1) otherwise,
//   colour_ramp(kind, t) for a map with a ramp (and no palette), else
//   table[table_index(t, N)]; counts outside [0, iterations) clamped into it;
//   `range` is not used.
// Deterministic: the same count always gives the same colour.
class ColourMap {
 public:
  // REQUIRES: iterations >= 1; for the image scale, 0 <= range.low <= range.high
  // and range.low >= 1 unless range.high == 0.
  // For kSmooth and kDistance the colour of an escaped point comes from its
  // channel (map_band_row); for kHistogram, REQUIRES: colouring.histogram has
  // `iterations` entries, each below table_size(kind, colouring); a period
  // only with kSmooth.
  ColourMap(ColourMapKind kind, ColourScale scale, int32_t iterations, CountRange range,
            ColouringOptions colouring = {});

  Rgb operator()(int32_t count) const;
  // Writes 3 * n bytes (R, G, B per pixel) to rgb.
  void map_row(const int32_t* counts, size_t n, uint8_t* rgb) const;
  // Writes row r of band (3 * width bytes) to rgb, with the channel the
  // colouring reads. REQUIRES: the band holds channels_of(the method).
  void map_band_row(const CountBuffer& band, int32_t r, uint8_t* rgb) const;
  // Maps every row of a band to rgb (3 * width bytes per row), rows spread over
  // `threads` threads.
  void map_band(const CountBuffer& band, int threads, uint8_t* rgb) const;

 private:
  Rgb compute(int32_t count) const;
  // The colour of a point with `count` whose channel value is `value`.
  Rgb from_channel(int32_t count, double value) const;

  ColourMapKind kind_;
  ColourScale scale_;
  int32_t iterations_;
  CountRange range_;
  ColouringOptions colouring_;
  std::vector<Rgb> entries_;  // the map's table, or the palette's
  SmoothScale smooth_scale_;  // of colouring_.smooth
  std::vector<Rgb> table_;    // one entry per count, when iterations is small enough
  // The same colours as 4-byte words (R, G, B, 0 in memory order), so that a
  // pixel is one 4-byte store that the next pixel's store overlaps.
  std::vector<uint32_t> words_;
};

}  // namespace mandelbrot
