#include "colour/gradient.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mandelbrot {

Gradient::Gradient(std::vector<ColourStop> stops) : stops_(std::move(stops)) {}

Rgb Gradient::operator()(double t) const {
  t = t > 0 ? std::min(t, 1.0) : 0.0;  // NaN as well
  // The first stop after t; the one before it is at or before t.
  const auto after = std::upper_bound(stops_.begin(), stops_.end(), t,
                                      [](double v, const ColourStop& s) { return v < s.position; });
  if (after == stops_.begin()) return stops_.front().colour;
  if (after == stops_.end()) return stops_.back().colour;
  const ColourStop& a = *(after - 1);
  const ColourStop& b = *after;  // b.position > t >= a.position
  const double f = (t - a.position) / (b.position - a.position);
  Rgb out{};
  for (size_t k = 0; k < 3; ++k) {
    const double v = a.colour[k] + f * (b.colour[k] - a.colour[k]);
    out[k] = static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
  }
  return out;
}

std::vector<Rgb> Gradient::table(int size) const {
  std::vector<Rgb> out(static_cast<size_t>(size));
  for (int i = 0; i < size; ++i) {
    out[static_cast<size_t>(i)] = (*this)(static_cast<double>(i) / (size - 1));
  }
  return out;
}

int bad_stop(const std::vector<ColourStop>& stops) {
  for (size_t i = 0; i < stops.size(); ++i) {
    const double p = stops[i].position;
    if (!(p >= 0.0 && p <= 1.0)) return static_cast<int>(i);
    if (i > 0 && p < stops[i - 1].position) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace mandelbrot
