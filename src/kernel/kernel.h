// The escape-time kernel: iteration counts for a grid of points, with the exact
// semantics of docs/SEMANTICS.md that every backend must reproduce bit for bit.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.h"
#include "base/status.h"
#include "buffer/count_buffer.h"

namespace mandelbrot {

// A rectangle of the complex plane: real part in [xmin, xmax], imaginary part in
// [ymin, ymax].
struct Region {
  double xmin = -2.0;
  double xmax = 1.0;
  double ymin = -1.5;
  double ymax = 1.5;
};

// What the kernel computes: a width x height grid over region, iterated at most
// `iterations` times with escape radius `bailout`. The defaults are the classic view.
struct KernelParams {
  int32_t width = 400;
  int32_t height = 400;
  int32_t iterations = 100;
  Region region;
  double bailout = 10.0;

  // A rotation of every sample about (cx, cy): with u = x_at(j) - cx and
  // v = y_at(i) - cy, the sample is cr = cx + (u*cos - v*sin),
  // ci = cy + (u*sin + v*cos). The default is the identity (no rotation).
  struct Rotation {
    double cos = 1, sin = 0, cx = 0, cy = 0;
    bool identity() const { return cos == 1 && sin == 0; }
  };
  Rotation rotation;

  // The sample point of column j and row i. Row 0 is the top (ymax); the formulas
  // are the contract, evaluated in IEEE double exactly as written.
  double x_at(int32_t j) const {
    return region.xmin + static_cast<double>(j) / width * (region.xmax - region.xmin);
  }
  double y_at(int32_t i) const {
    return region.ymax - static_cast<double>(i) / height * (region.ymax - region.ymin);
  }
};

// What is wrong with a KernelParams, if anything; the first problem found wins.
enum class KernelParamsProblem { kNone, kSize, kIterations, kRegion, kBailout };

// kNone when the kernel can run on params: width, height and iterations >= 1,
// every region bound finite with xmin < xmax and ymin < ymax (and a finite
// span), bailout finite and > 0 with a finite square.
KernelParamsProblem find_kernel_params_problem(const KernelParams& params);

// The same check as a Status: ok, or a usage error naming the bad value.
Status check_kernel_params(const KernelParams& params);

// The count of one point: the last n in [0, iterations) at which |z_n| <= bailout,
// where z_0 = 0 and z_{n+1} = z_n^2 + c. REQUIRES: iterations >= 1.
inline int32_t escape_count(double cr, double ci, int32_t iterations, double bailout_squared) {
  double zr = 0.0;
  double zi = 0.0;
  int32_t count = 0;
  for (int32_t n = 0; n < iterations; ++n) {
    const double x2 = zr * zr;
    const double y2 = zi * zi;
    if (!(x2 + y2 <= bailout_squared)) break;
    count = n;
    const double t = x2 - y2 + cr;
    zi = 2 * zr * zi + ci;
    zr = t;
  }
  return count;
}

// Computes the counts of one image row into out[0, width). `shortcuts` allows
// the exact shortcuts (cardioid and period-2 bulb test, periodicity detection,
// escape tests every few iterations with an exact replay); a row function gives
// the same counts with them or without. REQUIRES: check_kernel_params(params).ok().
using RowKernel = void (*)(const KernelParams& params, int32_t row, bool shortcuts, int32_t* out);

// A row function and its settings, chosen once per render.
struct Kernel {
  std::string name;  // "scalar", or the SIMD target, e.g. "avx512", "avx2"
  RowKernel row = nullptr;
  bool shortcuts = true;
};

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

// The scalar reference for rows [first_row, first_row + rows), single-threaded.
void render_rows_scalar(const KernelParams& params, int32_t first_row, int32_t rows, int32_t* out);
// The reference as a RowKernel (it ignores `shortcuts`).
void render_row_scalar(const KernelParams& params, int32_t row, bool shortcuts, int32_t* out);

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
