// The path of a zoom video (docs/SEMANTICS.md, "Zoom videos"): the view of
// every frame between a start view and an end view, at constant zoom speed,
// computed in MPFR and written as decimal text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// One end of the path, or one frame's view: decimal strings of any length.
// An empty angle means no rotation (0 degrees).
struct ZoomView {
  std::string center_x;
  std::string center_y;
  std::string radius;
  std::string angle;
};

// The centre of a frame is rounded to a multiple of 10^(floor(log10 R) -
// kCentreDigitsBelowRadius), R the frame's radius; its radius to
// kRadiusDigits significant digits and its angle to a multiple of
// 10^-kAngleDecimals degrees (docs/SEMANTICS.md, "Zoom videos", says why).
inline constexpr int kCentreDigitsBelowRadius = 20;
inline constexpr int kRadiusDigits = 25;
inline constexpr int kAngleDecimals = 20;

// The `frames` views from `start` to `end`: t_k = k / (frames - 1) (0 for one
// frame), R_k = R0 (R1/R0)^t_k, angle_k = A0 + (A1 - A0) t_k, and the centre on
// the similarity that keeps one point of the plane fixed on the screen; when
// the radii are equal and the angles differ by a whole number of turns, the
// centre moves linearly. Frame 0 is `start` and the last frame `end`, their
// strings as given. Every frame has an angle when either end has one.
// Errors: a usage error when the end view equals the start view.
// REQUIRES: the strings are decimals (view/decimal.h), radii > 0, frames >= 1.
Status zoom_path(const ZoomView& start, const ZoomView& end, int64_t frames,
                 std::vector<ZoomView>* views);

}  // namespace mandelbrot
