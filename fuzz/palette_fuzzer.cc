// libFuzzer harness: palette files as --palette reads them, in both formats
// (docs/SEMANTICS.md, "Palettes"), then the gradient over every position a
// table and a cycle look up.
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "colour/gradient.h"
#include "colour/palette_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mandelbrot;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool kfp : {false, true}) {
    std::vector<ColourStop> stops;
    const Status s = kfp ? parse_kfp_palette(text, "fuzz.kfp", &stops)
                         : parse_palette_stops(text, "fuzz.txt", &stops);
    if (!s.ok()) continue;
    if (stops.empty() || bad_stop(stops) >= 0) __builtin_trap();  // parse's promise
    const Gradient gradient(stops);
    (void)gradient.table(kColourTableSize);
    for (double t : {-1.0, 0.0, 0.5, std::nextafter(1.0, 0.0), 1.0, 2.0,
                     std::numeric_limits<double>::quiet_NaN()})
      (void)gradient(t);
    std::vector<ColourStop> again;
    if (!parse_palette_stops(palette_stops_text(stops), "again", &again).ok() || again != stops) {
      __builtin_trap();  // the recorded text reads back exactly
    }
  }
  (void)looks_like_kfp("fuzz", text);
  return 0;
}
