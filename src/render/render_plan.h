// RenderPlan: a validated, fully typed render request, made from RenderOptions.
#pragma once

#include <string>

#include "base/limits.h"
#include "base/parse.h"
#include "base/status.h"
#include "base/tile_grid.h"
#include "colour/colour_map.h"
#include "deep/deep_geometry.h"
#include "deep/perturbation.h"
#include "formats/encoders.h"
#include "formats/output_format.h"
#include "kernel/kernel.h"
#include "render/options.h"
#include "render/palette_options.h"
#include "view/view.h"

namespace mandelbrot {

// How the counts are computed (docs/SEMANTICS.md, "Deep zoom"): the direct
// double path with its exact contract, or perturbation around reference orbits.
enum class Method { kDirect, kPerturbation };

// One tile of the view's image (docs/SEMANTICS.md, "Tiles").
struct TilePlan {
  TileGrid grid;
  int32_t column = 0;  // I of --tile I,J
  int32_t row = 0;     // J
  // Its samples in the image's sample grid: tile_rect() of the above, of the
  // image's pixels, times the supersample (so its pixels when that is 1).
  PixelRect rect;
};

struct RenderPlan {
  // What the image shows, as given; its size is the whole image's sample grid
  // (the pixels times the supersample).
  View view;
  KernelParams params;  // the doubles the kernel samples, derived from view; for
                        // a tile, the window of the sample grid that the tile is
  // --supersample: each pixel is the linear-light mean of the colours of
  // supersample x supersample samples (docs/SEMANTICS.md, "Supersampling"), so
  // params and view hold supersample times the pixels across and down.
  int32_t supersample = 1;
  std::optional<TilePlan> tile;  // --tiles/--tile: the tile rendered; unset: the whole image
  Kernel kernel;
  Method method = Method::kDirect;
  // kPerturbation only: the deep view and the perturbation loop of the kernel.
  DeepGeometry deep;
  PerturbFunction perturb = nullptr;
  int threads = 1;
  std::string output;  // a path, or "-" for standard output
  OutputFormat format = OutputFormat::kPng;
  ColourMapKind colour_map = ColourMapKind::kHot;
  ColourScale scale = ColourScale::kImage;
  // What an npy output holds, and the channels the render computes besides
  // the counts (docs/SEMANTICS.md, "Channels"): only those asked for.
  DataChannel data_channel = DataChannel::kCount;
  Channels channels;
  // --channels: the channels asked for an exr or npy output (count always).
  Channels listed_channels;
  Colouring colouring = Colouring::kLog;
  std::optional<Rgb> interior;  // unset: the colouring's own
  PaletteChoice palette;        // --palette, --palette-period, --palette-offset
  // The image scale holds the counts of images up to this many bytes of counts
  // and channels (held_bytes()) and renders larger ones twice (render.h,
  // RangePass); tests lower it.
  uint64_t held_counts_limit = uint64_t{256} << 20;  // 8192 x 8192
  int png_level = kDefaultPngLevel;
  bool json = false;
  bool quiet = false;
  bool hash = false;

  bool to_stdout() const { return output == "-"; }
  // The pixels written: the tile's, or the whole image's.
  int32_t output_width() const { return params.width / supersample; }
  int32_t output_height() const { return params.height / supersample; }
  // The whole image's pixels (a tile's image too).
  int32_t image_width() const { return params.full_width() / supersample; }
  int32_t image_height() const { return params.full_height() / supersample; }
};

// Parses and checks every option, applying the defaults of docs/SEMANTICS.md
// (--supersample N multiplies the image's sides by N for everything that
// samples: the view, the kernel, the method's choice and a tile's window):
// 400 x 400, 100 iterations, centre -0.5,0 with radius 1.5 (for a square image,
// the region [-2, 1] x [-1.5, 1.5]), bailout 10 (kSmoothBailout when the smooth
// colouring or channel is chosen), all cores. The view keeps the
// strings given; the kernel's region and rotation are its doubles (double_view()
// in view/view.h). --method auto renders by perturbation exactly when the
// direct path cannot: the view is beyond the range of doubles or its
// neighbouring samples are not distinct doubles (check_distinct_samples());
// --method direct refuses such a view, --method perturbation uses it for any
// view. The method is chosen for the whole image, so every tile of it takes the
// same. On a bad value returns a usage error that names the option and the value.
Status make_render_plan(const RenderOptions& options, RenderPlan* plan);

// --iter auto (docs/SEMANTICS.md, "Deep zoom", Iterations): the view is first
// rendered kAutoProbeRows pixels high (the width in proportion) with
// kAutoIterationsCap iterations, by `method`, the one the render takes; with N
// the largest count of a probe pixel that escaped, the iterations are
// 2 (N + 1), at least kAutoIterationsLeast and at most the cap; when no probe
// pixel escapes, kAutoIterationsInside.
inline constexpr int32_t kAutoProbeRows = 16;
inline constexpr int32_t kAutoIterationsCap = 1000000;
inline constexpr int32_t kAutoIterationsLeast = 100;
inline constexpr int32_t kAutoIterationsInside = 1000;
Status choose_auto_iterations(const RenderOptions& options, Method method, int32_t* iterations);

}  // namespace mandelbrot
