// The escape-time kernel: iteration counts for a grid of points, with the exact
// semantics of docs/SEMANTICS.md ("Counts" and "Families") that every backend must
// reproduce bit for bit, for every fractal family.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.h"
#include "base/status.h"
#include "buffer/count_buffer.h"
#include "fractal/family.h"

namespace mandelbrot {

// A rectangle of the complex plane: real part in [xmin, xmax], imaginary part in
// [ymin, ymax].
struct Region {
  double xmin = -2.0;
  double xmax = 1.0;
  double ymin = -1.5;
  double ymax = 1.5;
};

// A rotation of the sample points about (cx, cy) by the angle whose cosine and
// sine are given (counter-clockwise). The identity leaves the points exactly as
// x_at() and y_at() give them.
struct Rotation {
  double cos = 1;
  double sin = 0;
  double cx = 0;
  double cy = 0;
  bool identity() const { return cos == 1 && sin == 0; }
};

// What the kernel computes: a width x height grid over region, iterated at most
// `iterations` times with escape radius `bailout`, for `family`, with the sample
// points rotated by `rotation`. The defaults are the classic view.
struct KernelParams {
  int32_t width = 400;
  int32_t height = 400;
  int32_t iterations = 100;
  Region region;
  double bailout = 10.0;
  Family family;
  // The rotation of every sample (see Rotation and rotate()); the identity by default.
  using Rotation = mandelbrot::Rotation;
  Rotation rotation;
  // When the width x height grid is a window (a tile, base/tile_grid.h) of a
  // larger image: the image's size (0: the grid is the whole image) and the
  // window's first column and row in it. The window's samples are the image's
  // samples there, so its counts are exactly the image's.
  int32_t image_width = 0;
  int32_t image_height = 0;
  int32_t column_offset = 0;
  int32_t row_offset = 0;

  int32_t full_width() const { return image_width ? image_width : width; }
  int32_t full_height() const { return image_height ? image_height : height; }

  // The unrotated sample coordinates of column j and row i of the grid, which
  // are column column_offset + j and row row_offset + i of the image. Row 0 is
  // the top (ymax); the formulas are the contract, evaluated in IEEE double
  // exactly as written.
  double x_at(int32_t j) const {
    return region.xmin +
           static_cast<double>(column_offset + j) / full_width() * (region.xmax - region.xmin);
  }
  double y_at(int32_t i) const {
    return region.ymax -
           static_cast<double>(row_offset + i) / full_height() * (region.ymax - region.ymin);
  }
  // The sample point (re, im) of the unrotated coordinates x, y: exactly (x, y)
  // for the identity, else with u = x - cx and v = y - cy,
  // re = cx + (u*cos - v*sin) and im = cy + (u*sin + v*cos), evaluated in that order.
  void rotate(double x, double y, double* re, double* im) const {
    if (rotation.identity()) {
      *re = x;
      *im = y;
      return;
    }
    const double u = x - rotation.cx;
    const double v = y - rotation.cy;
    *re = rotation.cx + (u * rotation.cos - v * rotation.sin);
    *im = rotation.cy + (u * rotation.sin + v * rotation.cos);
  }
  // The sample point of row i, column j: every kernel uses exactly these values.
  void sample(int32_t i, int32_t j, double* re, double* im) const {
    rotate(x_at(j), y_at(i), re, im);
  }
};

// What is wrong with a KernelParams, if anything; the first problem found wins.
enum class KernelParamsProblem {
  kNone,
  kSize,
  kWindow,
  kIterations,
  kRegion,
  kBailout,
  kFamily,
  kRotation
};

// kNone when the kernel can run on params: width, height and iterations >= 1,
// a window (image_width or image_height not 0) that lies inside its image,
// every region bound finite with xmin < xmax and ymin < ymax (and a finite
// span), bailout finite and > 0 with a finite square, a valid family
// (family_problem() empty) and finite rotation values.
KernelParamsProblem find_kernel_params_problem(const KernelParams& params);

// The same check as a Status: ok, or a usage error naming the bad value.
Status check_kernel_params(const KernelParams& params);

// The count of one point of the Mandelbrot set: the last n in [0, iterations)
// at which |z_n| <= bailout, where z_0 = 0 and z_{n+1} = z_n^2 + c.
// REQUIRES: iterations >= 1.
int32_t escape_count(double cr, double ci, int32_t iterations, double bailout_squared);

// The count of the sample point (re, im) for `family` (docs/SEMANTICS.md, "Families"):
// z_0 = 0 and c = the point, or for julia z_0 = the point and c = the constant.
// REQUIRES: iterations >= 1, family_problem(family) empty.
int32_t family_count(const Family& family, double re, double im, int32_t iterations,
                     double bailout_squared);

// What a row function needs besides the parameters (kernel/row_context.h):
// the render's sample columns and one thread's scratch buffers.
struct RowContext;

// Computes the counts of one image row into out[0, width). Shortcuts, when the
// context allows them (cardioid and period-2 bulb test, periodicity detection,
// escape tests every few iterations with an exact replay), never change a count.
using RowFunction = void (*)(const RowContext& context, int32_t row, int32_t* out);
// The row function for one render of params, chosen once per render (it is
// instantiated for the family's step). REQUIRES: check_kernel_params(params).ok().
using RowSelector = RowFunction (*)(const KernelParams& params);

// Computes the channels that out has (smooth, distance; non-null) of row `row`
// from its counts (kernel/kernel_channels.h, channel_row, has the contract).
using ChannelRowFunction = void (*)(const KernelParams& params, int32_t row, const RowOut& out);

// A kernel and its settings, chosen once per render.
struct Kernel {
  std::string name;  // "scalar", or the SIMD target, e.g. "avx512", "avx2"
  RowSelector select = nullptr;
  bool shortcuts = true;
  // The Highway target the chosen code was compiled for, as that code reports it
  // (0 for "scalar"); simd_target_name() turns it into a name.
  int64_t compiled_target = 0;
  // The channel loop of the same code: the scalar one for "scalar", else the
  // target's vectorised one. Every one gives the same doubles.
  ChannelRowFunction channel_row = nullptr;
};

// The --kernel name of a Highway target bit, e.g. "avx512" for HWY_AVX3.
std::string simd_target_name(int64_t target);

// The kernel called `name`: "auto" (the best SIMD target this CPU runs),
// "scalar" (the plain reference loop; it takes no shortcuts), or a SIMD target
// name from kernel_names(). A usage error for an unknown name, or a target this
// binary has but this CPU lacks.
Status choose_kernel(std::string_view name, bool shortcuts, Kernel* kernel);

// Every kernel this binary can run on this CPU, fastest first, "scalar" last.
std::vector<std::string> kernel_names();
// Every SIMD target compiled into this binary, whether or not this CPU runs it.
std::vector<std::string> compiled_simd_targets();

// The "auto" kernel with shortcuts on.
const Kernel& default_kernel();

// The scalar reference for rows [first_row, first_row + rows), single-threaded:
// each point's count as family_count() gives it.
void render_rows_scalar(const KernelParams& params, int32_t first_row, int32_t rows, int32_t* out);
// The reference as a RowSelector (its rows take no shortcuts).
RowFunction select_scalar_row(const KernelParams& params);

// Fills out[r * width + j] with the count of column j of image row first_row + r,
// for r in [0, rows), with `kernel`, spreading the rows over `threads` OpenMP
// threads with dynamic scheduling. The same bytes for every kernel, shortcut
// setting and thread count. REQUIRES: check_kernel_params(params).ok(),
// 0 <= first_row, first_row + rows <= params.height, 1 <= threads, out holds
// rows * width values. When stats is not null, the counts are also added to it,
// row by row while they are in cache; when rows_done is not null, it is
// incremented as each row is finished (for progress reports).
void render_rows(const KernelParams& params, const Kernel& kernel, int32_t first_row, int32_t rows,
                 int threads, int32_t* out, CountStats* stats = nullptr,
                 std::atomic<int64_t>* rows_done = nullptr);

}  // namespace mandelbrot
