#include "view/rotation.h"

#include <cmath>
#include <initializer_list>

namespace mandelbrot {
namespace {

// pi / 180 rounded to the nearest double.
constexpr double kRadiansPerDegree = 0.017453292519943295;

// sin and cos of x by their Taylor series, for |x| <= pi/4 (the first omitted
// terms are below 1e-19, far under half an ulp).
CosSin cos_sin_small(double x) {
  const double x2 = x * x;
  double s = 1.0 / 355687428096000.0;  // 1/17!
  for (const double f : {-1.0 / 1307674368000.0, 1.0 / 6227020800.0, -1.0 / 39916800.0,
                         1.0 / 362880.0, -1.0 / 5040.0, 1.0 / 120.0, -1.0 / 6.0, 1.0}) {
    s = f + x2 * s;
  }
  double c = -1.0 / 6402373705728000.0;  // -1/18!
  for (const double f : {1.0 / 20922789888000.0, -1.0 / 87178291200.0, 1.0 / 479001600.0,
                         -1.0 / 3628800.0, 1.0 / 40320.0, -1.0 / 720.0, 1.0 / 24.0, -1.0 / 2.0}) {
    c = f + x2 * c;
  }
  return CosSin{1.0 + x2 * c, x * s};
}

}  // namespace

CosSin degrees_cos_sin(double degrees) {
  // Both steps are exact: fmod always is, and r lies within a factor of 2 of
  // 90 * quarter whenever quarter != 0 (Sterbenz).
  const double r = std::fmod(degrees, 360.0);                   // in (-360, 360)
  const long quarter = std::lround(r / 90.0);                   // -4..4
  const double rest = r - 90.0 * static_cast<double>(quarter);  // |rest| <= 45
  const CosSin small = cos_sin_small(rest * kRadiansPerDegree);
  // + 0.0 turns -0 into +0; 0.0 - v is -v for every other v.
  const double c = small.cos + 0.0;
  const double s = small.sin + 0.0;
  switch ((quarter % 4 + 4) % 4) {
    case 0:
      return CosSin{c, s};
    case 1:
      return CosSin{0.0 - s, c};
    case 2:
      return CosSin{0.0 - c, 0.0 - s};
    default:
      return CosSin{s, 0.0 - c};
  }
}

}  // namespace mandelbrot
