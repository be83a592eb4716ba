// Gradient: a user palette as colour stops, and its colour at any position
// (docs/SEMANTICS.md, "Palettes").
#pragma once

#include <vector>

#include "colour/colour_tables.h"

namespace mandelbrot {

struct ColourStop {
  double position = 0.0;  // in [0, 1]
  Rgb colour{};
  bool operator==(const ColourStop&) const = default;
};

// Colour stops at non-decreasing positions in [0, 1]. The colour at t is
// linear in the sRGB bytes between the stops around t, rounded to the nearest
// byte (halves up); before the first stop it is the first stop's colour, after
// the last the last's. Equal positions make a sharp edge: at that position the
// later stop's colour.
class Gradient {
 public:
  // REQUIRES: !stops.empty(); every position finite, in [0, 1], none smaller
  // than the one before (check_stops() says which is not).
  explicit Gradient(std::vector<ColourStop> stops);

  // t is clamped to [0, 1]; NaN counts as 0.
  Rgb operator()(double t) const;
  // `size` entries, entry i the colour at i / (size - 1). REQUIRES: size >= 2.
  std::vector<Rgb> table(int size) const;
  const std::vector<ColourStop>& stops() const { return stops_; }

 private:
  std::vector<ColourStop> stops_;
};

// The index of the first stop that breaks Gradient's REQUIRES (a position not
// finite, outside [0, 1], or smaller than the one before), or -1 when none does.
int bad_stop(const std::vector<ColourStop>& stops);

}  // namespace mandelbrot
