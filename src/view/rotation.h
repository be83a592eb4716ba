// The cosine and sine of a rotation given in degrees, the same on every machine
// (docs/SEMANTICS.md, "Rotation").
#pragma once

namespace mandelbrot {

struct CosSin {
  double cos = 1;
  double sin = 0;
};

// cos and sin of `degrees` (counter-clockwise). Multiples of 90 degrees are
// exact (0, 1 or -1, never -0); other angles are within about an ulp, computed
// with plain double arithmetic only (no libm, which may pick a different code
// path on another CPU), so every machine gets the same bits.
// REQUIRES: degrees is finite.
CosSin degrees_cos_sin(double degrees);

}  // namespace mandelbrot
