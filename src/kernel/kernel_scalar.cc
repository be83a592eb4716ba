// The scalar reference kernel: one point at a time, exactly as the contract reads
// (docs/SEMANTICS.md, "Counts" and "Families"), with each family's step from
// fractal/formulas-inl.h instantiated for double.
#include <hwy/highway.h>

#include "fractal/formulas-inl.h"
#include "kernel/kernel.h"
#include "kernel/row_context.h"

namespace mandelbrot {
namespace {

namespace hn = HWY_NAMESPACE;

// The count of one point whose orbit starts at z_0 = (zr, zi) with constant c.
template <class Step>
int32_t Count(const Step& step, double zr, double zi, double cr, double ci, int32_t iterations,
              double bailout_squared) {
  int32_t count = 0;
  for (int32_t n = 0; n < iterations; ++n) {
    const double x2 = zr * zr;
    const double y2 = zi * zi;
    if (!(x2 + y2 <= bailout_squared)) break;
    count = n;
    step.template Step<hn::ScalarOps>(x2, y2, zr, zi, cr, ci);
  }
  return count;
}

// The count of sample point (re, im) of `family` with the step `step`.
template <class Step>
int32_t CountSample(const Step& step, const Family& family, double re, double im,
                    int32_t iterations, double bailout_squared) {
  if (family.julia()) {
    return Count(step, re, im, family.julia_re, family.julia_im, iterations, bailout_squared);
  }
  return Count(step, 0.0, 0.0, re, im, iterations, bailout_squared);
}

void ScalarRow(const RowContext& context, int32_t row, int32_t* out) {
  render_rows_scalar(context.params, row, 1, out);
}

}  // namespace

int32_t escape_count(double cr, double ci, int32_t iterations, double bailout_squared) {
  return Count(hn::SquareStep(Family()), 0.0, 0.0, cr, ci, iterations, bailout_squared);
}

int32_t family_count(const Family& family, double re, double im, int32_t iterations,
                     double bailout_squared) {
  return hn::VisitStep(family, [&](const auto& step) {
    return CountSample(step, family, re, im, iterations, bailout_squared);
  });
}

void render_rows_scalar(const KernelParams& params, int32_t first_row, int32_t rows, int32_t* out) {
  const double bailout_squared = params.bailout * params.bailout;
  hn::VisitStep(params.family, [&](const auto& step) {
    for (int32_t r = 0; r < rows; ++r) {
      int32_t* row = out + static_cast<int64_t>(r) * params.width;
      for (int32_t j = 0; j < params.width; ++j) {
        double re, im;
        params.sample(first_row + r, j, &re, &im);
        row[j] = CountSample(step, params.family, re, im, params.iterations, bailout_squared);
      }
    }
  });
}

RowFunction select_scalar_row(const KernelParams& /*params*/) { return ScalarRow; }

}  // namespace mandelbrot
