// The palette options of a render request (--palette, --palette-period,
// --palette-offset; docs/SEMANTICS.md, "Palettes"), parsed in one place so
// that every bad value gets the same kind of message.
#pragma once

#include <memory>

#include "base/status.h"
#include "colour/colouring.h"
#include "colour/gradient.h"
#include "render/options.h"

namespace mandelbrot {

struct PaletteChoice {
  std::shared_ptr<const Gradient> palette;  // null: the --colormap's table
  double period = 0.0;                      // 0: no cyclic gradient
  double offset = 0.0;
};

// Reads --palette FILE (colour/palette_file.h), or the stops a --from file
// recorded (o.palette_stops), and checks --palette-period P (a number > 0,
// only with --colouring smooth) and --palette-offset O (a finite number, only
// with a period). Errors are usage errors naming the option and the value, or
// the file and its line; a missing file is kNotFound (also exit 2).
Status parse_palette_options(const RenderOptions& o, Colouring colouring, PaletteChoice* choice);

}  // namespace mandelbrot
