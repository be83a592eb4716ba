#include "colour/colour_map.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace mandelbrot {
namespace {

// Up to this many iterations, every count's colour is computed once, up front.
constexpr int32_t kMaxTableSize = 1 << 20;

// Breakpoints of the fixed scale's "hot": red rises over [0, kRedEnd], green
// over [kRedEnd, kGreenEnd], blue over [kGreenEnd, 1].
constexpr double kRedEnd = 0.365079;
constexpr double kGreenEnd = 0.746032;

uint8_t to_byte(double v) {
  return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
}

}  // namespace

// Every map with its name, in the order of ColourMapKind.
constexpr std::pair<ColourMapKind, std::string_view> kColourMaps[] = {
    {ColourMapKind::kHot, "hot"},         {ColourMapKind::kGray, "gray"},
    {ColourMapKind::kViridis, "viridis"}, {ColourMapKind::kMagma, "magma"},
    {ColourMapKind::kInferno, "inferno"}, {ColourMapKind::kPlasma, "plasma"},
    {ColourMapKind::kCividis, "cividis"}, {ColourMapKind::kTwilight, "twilight"},
};

std::optional<ColourMapKind> parse_colour_map(std::string_view name) {
  if (name == "grey") return ColourMapKind::kGray;
  for (const auto& [kind, known] : kColourMaps) {
    if (name == known) return kind;
  }
  return std::nullopt;
}

std::string_view colour_map_name(ColourMapKind kind) {
  for (const auto& [known, name] : kColourMaps) {
    if (kind == known) return name;
  }
  return "hot";
}

std::string colour_map_names() {
  std::string names;
  for (const auto& [kind, name] : kColourMaps) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

std::optional<ColourScale> parse_colour_scale(std::string_view name) {
  if (name == "image") return ColourScale::kImage;
  if (name == "fixed") return ColourScale::kFixed;
  return std::nullopt;
}

std::string_view colour_scale_name(ColourScale scale) {
  return scale == ColourScale::kImage ? "image" : "fixed";
}

CountRange count_range(const CountStats& stats) {
  return CountRange{stats.min_positive(), std::max(stats.max(), 0)};
}

int image_scale_index(int32_t count, CountRange range, int size) {
  // log(0) is -inf, below every other value: the table's first entry, as
  // matplotlib gives values under its range. When the range is one value,
  // matplotlib normalises everything to 0.
  if (count < 1 || range.low >= range.high) return 0;
  count = std::clamp(count, range.low, range.high);
  const double lo = std::log(static_cast<double>(range.low));
  const double hi = std::log(static_cast<double>(range.high));
  const double x = (std::log(static_cast<double>(count)) - lo) / (hi - lo) * size;
  return std::min(size - 1, static_cast<int>(x));
}

bool has_colour_ramp(ColourMapKind kind) {
  return kind == ColourMapKind::kHot || kind == ColourMapKind::kGray;
}

int table_size(ColourMapKind kind, const ColouringOptions& colouring) {
  return colouring.palette ? kColourTableSize : static_cast<int>(colour_table(kind).size());
}

Rgb colour_ramp(ColourMapKind kind, double t) {
  t = std::clamp(t, 0.0, 1.0);
  if (kind == ColourMapKind::kGray) {
    const uint8_t v = to_byte(t);
    return {v, v, v};
  }
  return {to_byte(t / kRedEnd), to_byte((t - kRedEnd) / (kGreenEnd - kRedEnd)),
          to_byte((t - kGreenEnd) / (1.0 - kGreenEnd))};
}

ColourMap::ColourMap(ColourMapKind kind, ColourScale scale, int32_t iterations, CountRange range,
                     ColouringOptions colouring)
    : kind_(kind),
      scale_(scale),
      iterations_(iterations),
      range_(range),
      colouring_(std::move(colouring)),
      smooth_scale_(smooth_scale(colouring_.smooth)) {
  if (colouring_.palette) {
    entries_ = colouring_.palette->table(kColourTableSize);
  } else {
    const std::span<const Rgb> table = colour_table(kind_);
    entries_.assign(table.begin(), table.end());
  }
  if (iterations_ <= kMaxTableSize) {
    table_.resize(static_cast<size_t>(iterations_));
    words_.resize(static_cast<size_t>(iterations_));
    for (int32_t c = 0; c < iterations_; ++c) {
      table_[static_cast<size_t>(c)] = compute(c);
      uint8_t bytes[4] = {table_[c][0], table_[c][1], table_[c][2], 0};
      std::memcpy(&words_[static_cast<size_t>(c)], bytes, 4);
    }
  }
}

Rgb ColourMap::compute(int32_t count) const {
  const int32_t inside = iterations_ - 1;
  count = std::clamp(count, 0, inside);
  const std::vector<Rgb>& table = entries_;
  const int size = static_cast<int>(table.size());
  if (count == inside && colouring_.interior) return *colouring_.interior;
  if (colouring_.method != Colouring::kLog) {
    // Interior points take the table's last entry; escaped ones, for the
    // channel methods, their channel (from_channel).
    if (count == inside || colouring_.method != Colouring::kHistogram) return table.back();
    if (!colouring_.histogram) return table.front();  // not made: see the REQUIRES
    const int index = (*colouring_.histogram)[static_cast<size_t>(count)];
    return table[static_cast<size_t>(std::min(index, size - 1))];
  }
  if (scale_ == ColourScale::kImage) {
    return table[static_cast<size_t>(image_scale_index(count, range_, size))];
  }
  double t;
  if (count == inside) {
    t = 1.0;
  } else if (count == 0) {
    t = 0.0;
  } else {  // 0 < count < inside, so inside >= 2 and log(inside) > 0
    t = std::log(static_cast<double>(count)) / std::log(static_cast<double>(inside));
  }
  if (colouring_.palette || !has_colour_ramp(kind_)) {
    return table[static_cast<size_t>(table_index(t, size))];
  }
  return colour_ramp(kind_, t);
}

Rgb ColourMap::operator()(int32_t count) const {
  if (!table_.empty()) {
    return table_[static_cast<size_t>(std::clamp(count, 0, iterations_ - 1))];
  }
  return compute(count);
}

void ColourMap::map_row(const int32_t* counts, size_t n, uint8_t* rgb) const {
  if (table_.empty()) {
    for (size_t i = 0; i < n; ++i) std::memcpy(rgb + 3 * i, compute(counts[i]).data(), 3);
    return;
  }
  // The hot loop of colour output: a clamped table lookup per pixel, stored as
  // 4 bytes whose last one the next pixel overwrites; the last pixel takes 3.
  if (n == 0) return;
  const uint32_t* words = words_.data();
  const int32_t last = iterations_ - 1;
  for (size_t i = 0; i + 1 < n; ++i) {
    const int32_t c = std::min(std::max(counts[i], 0), last);
    std::memcpy(rgb + 3 * i, &words[c], 4);
  }
  const int32_t c = std::min(std::max(counts[n - 1], 0), last);
  std::memcpy(rgb + 3 * (n - 1), &words[c], 3);
}

Rgb ColourMap::from_channel(int32_t count, double value) const {
  if (count >= iterations_ - 1) return (*this)(count);
  const int size = static_cast<int>(entries_.size());
  if (colouring_.method == Colouring::kSmooth && colouring_.period > 0) {
    const double t = cycle_position(value, colouring_.period, colouring_.offset);
    if (colouring_.palette) return (*colouring_.palette)(t);
    return entries_[static_cast<size_t>(table_index(t, size))];
  }
  const int index = colouring_.method == Colouring::kSmooth
                        ? smooth_index(value, smooth_scale_, size)
                        : distance_index(value, size);
  return entries_[static_cast<size_t>(index)];
}

void ColourMap::map_band_row(const CountBuffer& band, int32_t r, uint8_t* rgb) const {
  const std::span<const int32_t> counts = band.row(r);
  const Colouring method = colouring_.method;
  if (method != Colouring::kSmooth && method != Colouring::kDistance) {
    map_row(counts.data(), counts.size(), rgb);
    return;
  }
  const std::span<const double> all =
      method == Colouring::kSmooth ? band.smooth() : band.distance();
  const double* values = all.data() + static_cast<size_t>(r) * counts.size();
  for (size_t i = 0; i < counts.size(); ++i) {
    std::memcpy(rgb + 3 * i, from_channel(counts[i], values[i]).data(), 3);
  }
}

void ColourMap::map_band(const CountBuffer& band, int threads, uint8_t* rgb) const {
  const size_t row_bytes = static_cast<size_t>(band.width()) * 3;
#pragma omp parallel for schedule(static) num_threads(threads)
  for (int32_t r = 0; r < band.rows(); ++r) {
    map_band_row(band, r, rgb + static_cast<size_t>(r) * row_bytes);
  }
}

}  // namespace mandelbrot
