#include "render/palette_options.h"

#include <string>
#include <vector>

#include "base/parse.h"
#include "colour/palette_file.h"

namespace mandelbrot {

Status parse_palette_options(const RenderOptions& o, Colouring colouring, PaletteChoice* choice) {
  PaletteChoice c;
  if (o.colour_map && (o.palette || o.palette_stops)) {
    return invalid_argument("--palette replaces --colormap: give one of them, not both");
  }
  std::vector<ColourStop> stops;
  if (o.palette) {
    if (Status s = read_palette_file(*o.palette, &stops); !s.ok()) {
      return s.with_prefix("--palette: ");
    }
  } else if (o.palette_stops) {
    if (Status s = parse_palette_stops(*o.palette_stops, "recorded", &stops); !s.ok()) {
      return s.with_prefix("--from: ");
    }
  }
  if (!stops.empty()) c.palette = std::make_shared<const Gradient>(std::move(stops));

  if (o.palette_period) {
    if (Status s = parse_double(*o.palette_period, "--palette-period", &c.period); !s.ok()) {
      return s;
    }
    if (!(c.period > 0)) {
      return invalid_argument("--palette-period must be > 0, got '{}'", *o.palette_period);
    }
    if (colouring != Colouring::kSmooth) {
      return invalid_argument(
          "--palette-period needs --colouring smooth (it cycles the gradient over the smooth "
          "value), not --colouring {}",
          colouring_name(colouring));
    }
  }
  if (o.palette_offset) {
    if (!o.palette_period) {
      return invalid_argument("--palette-offset needs --palette-period (it shifts the cycle)");
    }
    if (Status s = parse_double(*o.palette_offset, "--palette-offset", &c.offset); !s.ok()) {
      return s;
    }
  }
  *choice = std::move(c);
  return Status();
}

}  // namespace mandelbrot
