// RenderPlan: a validated, fully typed render request, made from RenderOptions.
#pragma once

#include <string>

#include "mandelbrot/colour_map.h"
#include "mandelbrot/encoders.h"
#include "mandelbrot/kernel.h"
#include "mandelbrot/options.h"
#include "mandelbrot/output_format.h"
#include "mandelbrot/status.h"

namespace mandelbrot {

// Largest accepted width or height. Larger images are refused before anything
// is allocated.
inline constexpr int64_t kMaxImageSide = int64_t{1} << 20;

struct RenderPlan {
  KernelParams params;
  Kernel kernel;
  int threads = 1;
  std::string output;  // a path, or "-" for standard output
  OutputFormat format = OutputFormat::kPng;
  ColourMapKind colour_map = ColourMapKind::kHot;
  int png_level = kDefaultPngLevel;
  bool json = false;
  bool quiet = false;
  bool hash = false;

  bool to_stdout() const { return output == "-"; }
};

// Parses and checks every option, applying the defaults of PRODUCT.md section 2:
// 400 x 400, 100 iterations, centre -0.5,0 with radius 1.5 (for a square image,
// the region [-2, 1] x [-1.5, 1.5]), bailout 10, all cores. With --center and
// --radius R, the region is [X - R*W/H, X + R*W/H] x [Y - R, Y + R].
// On a bad value returns a usage error that names the option and the value.
Status make_render_plan(const RenderOptions& options, RenderPlan* plan);

// Strict number parsing shared by every option: the whole text must be the
// number. parse_double rejects NaN and infinities.
Status parse_int64(const std::string& text, const char* what, int64_t* value);
Status parse_double(const std::string& text, const char* what, double* value);

}  // namespace mandelbrot
