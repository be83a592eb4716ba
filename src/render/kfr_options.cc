#include "render/kfr_options.h"

#include <fmt/format.h>

#include <climits>
#include <cmath>
#include <numbers>

#include "base/parse.h"
#include "fractal/family.h"
#include "render/shared_options.h"
#include "view/decimal.h"

namespace mandelbrot {
namespace {

// KF's FractalType numbers of the formulas that are our families (KF's
// formula.xml: 0 Mandelbrot, 1 Burning Ship, 4 Mandelbar; the last two at power
// 2 only, as ours are).
constexpr int64_t kKfMandelbrot = 0;
constexpr int64_t kKfBurningShip = 1;
constexpr int64_t kKfMandelbar = 4;

// REQUIRES: the value passed parse_kfr()'s whole-number check.
int64_t whole(const KfrValue& v) {
  int64_t number = 0;
  (void)parse_int64(v.value, "", &number);
  return number;
}

Status family_of(const KfrFile& file, RenderOptions* o) {
  const int64_t type = file.fractal_type ? whole(*file.fractal_type) : kKfMandelbrot;
  const int64_t power = file.power ? whole(*file.power) : 2;
  if (type == kKfMandelbrot) {
    if (power < kMinPower || power > kMaxPower) {
      return invalid_argument("{}: Power must be between {} and {} (the multibrot powers)",
                              file.power->where, kMinPower, kMaxPower);
    }
    // Mandelbrot is the default family: left unset, as in a parameters JSON.
    if (power != 2) {
      o->family = std::string(family_name(FamilyKind::kMultibrot));
      o->power = std::to_string(power);
    }
    return Status();
  }
  if (type != kKfBurningShip && type != kKfMandelbar) {
    return invalid_argument(
        "{}: FractalType {} is not a family this program renders (0: Mandelbrot and its "
        "powers, 1: burning ship, 4: Mandelbar, that is tricorn)",
        file.fractal_type->where, type);
  }
  const FamilyKind kind = type == kKfBurningShip ? FamilyKind::kBurningShip : FamilyKind::kTricorn;
  if (power != 2) {
    return invalid_argument("{}: the {} family has power 2 only", file.power->where,
                            family_name(kind));
  }
  o->family = std::string(family_name(kind));
  return Status();
}

// KF 2.9 kept its rotation in radians (cos(Rotate) and sin(Rotate) turn the
// pixel offsets (dx, dy) into (C dx + S dy, -S dx + C dy), clockwise), while
// --angle turns counter-clockwise in degrees: the angle is -Rotate * 180 / pi,
// as the shortest double text (the double path rotates in doubles).
Status angle_of(const KfrValue& rotate, RenderOptions* o) {
  double radians = 0;
  if (Status s = parse_double(rotate.value, "Rotate", &radians); !s.ok()) {
    return s.with_prefix(rotate.where + ": ");
  }
  const double degrees = -radians * (180 / std::numbers::pi);
  if (!std::isfinite(degrees)) {
    return invalid_argument("{}: Rotate is beyond the angles a double holds", rotate.where);
  }
  o->angle = fmt::format("{}", degrees);
  return Status();
}

}  // namespace

Status kfr_render_options(const KfrFile& file, RenderOptions* options) {
  RenderOptions o;
  o.center = file.re.value + "," + file.im.value;
  o.radius = file.radius;
  if (file.iterations) {
    int64_t iterations = 0;
    if (Status s = parse_ranged(file.iterations->value, "Iterations", 1, INT32_MAX, &iterations);
        !s.ok()) {
      return s.with_prefix(file.iterations->where + ": ");
    }
    o.iterations = std::to_string(iterations);
  }
  if (Status s = family_of(file, &o); !s.ok()) return s;
  if (file.rotate && decimal_sign(file.rotate->value) != 0) {
    if (Status s = angle_of(*file.rotate, &o); !s.ok()) return s;
  }
  // Ratio (an old stretch setting) is ignored, as Kalles Fraktaler itself has
  // ignored it since 2020: the 1e1086 benchmark location still carries 381.176471.
  *options = std::move(o);
  return Status();
}

}  // namespace mandelbrot
