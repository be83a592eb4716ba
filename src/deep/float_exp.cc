#include "deep/float_exp.h"

#include <cmath>

namespace mandelbrot {

FloatExp normalized_by_frexp(double m, int64_t e) {
  if (m == 0) return {0.0, kZeroExponent};
  if (!std::isfinite(m)) return {m, 0};
  int k = 0;
  const double f = std::frexp(m, &k);
  return {f, e + k};
}

}  // namespace mandelbrot
