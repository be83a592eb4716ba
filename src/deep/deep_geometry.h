// Where the pixels of a deep view lie: the view's exact decimal text, and the
// pixel spacing and rotation the perturbation loop offsets each pixel by
// (docs/SEMANTICS.md, "Deep zoom").
#pragma once

#include <cstdint>

#include "base/status.h"
#include "deep/float_exp.h"
#include "view/view.h"

namespace mandelbrot {

// The finest pixel spacing the double perturbation loop reaches: its offsets
// are doubles, which keep all their bits down to 2.2e-308 (below, subnormals
// lose them); this leaves a factor of 2^25 below the spacing. Finer views use the
// extended range (FloatExp offsets).
inline constexpr double kDeepestDoubleSpacing = 1e-300;

// The deepest radius the extended range takes, as a power of ten: the reference
// orbit's precision grows with the depth (33,000 bits here), and so does its cost.
inline constexpr int64_t kDeepestRadiusExponent = -10000;

struct DeepGeometry {
  View view;  // as given: the centre, radius (or region) and angle as text
  // The spacing of neighbouring samples: 2R/H along both axes for a view given
  // by centre and radius; (XMAX - XMIN)/W and (YMAX - YMIN)/H for a region.
  // Each is the exact value rounded to the nearest double.
  double step_x = 0;
  double step_y = 0;
  // The spacings as FloatExp, exact to 53 bits at any depth; `extended` when
  // the finer one is below kDeepestDoubleSpacing.
  FloatExp step_x_x;
  FloatExp step_y_x;
  bool extended = false;
  // The rotation (view/rotation.h: the same cos and sin as the double path).
  double cos = 1;
  double sin = 0;
  // The MPFR precision of the reference orbit: 64 bits more than it takes to
  // tell neighbouring samples apart, at least 64.
  int64_t precision_bits = 64;
};

// The geometry of `view` for the perturbation loop. A usage error
// (kUnsupported) when the radius, or a region's half-width, is below
// 10^kDeepestRadiusExponent, or a region's bounds differ too much in scale.
// REQUIRES: the view's strings passed the parse functions of view/view.h.
Status make_deep_geometry(const View& view, DeepGeometry* geometry);

}  // namespace mandelbrot
