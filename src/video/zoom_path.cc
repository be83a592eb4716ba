// The zoom path in MPFR (docs/SEMANTICS.md, "Zoom videos"). Each formula of
// the path is written once, in frame_view() below.
#include "video/zoom_path.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>

#include "deep/mpfr_number.h"
#include "video/mpfr_decimal.h"
#include "view/decimal.h"

namespace mandelbrot {
namespace {

// The most decimal digits between the largest value of the path and the
// finest place of its centres; beyond it the path is refused rather than
// computed with gigabytes per number.
constexpr int64_t kMaxPathDigits = 100000;
// Extra digits and bits beyond those the path's magnitudes span.
constexpr int64_t kGuardDigits = 10;
constexpr mpfr_prec_t kGuardBits = 64;
// The path is computed again at twice the precision until both agree, at
// most this many times (docs/SEMANTICS.md, "Zoom videos").
constexpr int kPrecisionRounds = 6;

bool decimal_equal(const std::string& a, const std::string& b) {
  const std::optional<std::string> half = decimal_half_difference(a, b);
  return half && decimal_sign(*half) == 0;
}

// Whether the angles (degrees) differ by a whole number of turns (0 included).
bool whole_turns(const std::string& a0, const std::string& a1) {
  const std::optional<std::string> half = decimal_half_difference(a0, a1);  // (a1 - a0) / 2
  if (!half) return false;
  const double turns = std::strtod(half->c_str(), nullptr) / 180;
  if (!std::isfinite(turns) || std::fabs(turns) > 1e15) return false;
  return decimal_equal(*half, std::to_string(std::llround(turns) * 180));
}

int64_t exponent_of(const std::string& decimal) {
  return decimal_sign(decimal) == 0 ? 0 : decimal_magnitude(decimal).exponent;
}

std::string angle_or_zero(const std::string& angle) { return angle.empty() ? "0" : angle; }

// A complex number of MPFR parts.
struct Complex {
  explicit Complex(mpfr_prec_t bits) : re(bits), im(bits) {}
  Mpfr re;
  Mpfr im;
};

void set_difference(Complex& out, const Complex& a, const Complex& b) {
  mpfr_sub(out.re.get(), a.re.get(), b.re.get(), MPFR_RNDN);
  mpfr_sub(out.im.get(), a.im.get(), b.im.get(), MPFR_RNDN);
}

// out = a * b. REQUIRES: out is neither a nor b.
void set_product(Complex& out, const Complex& a, const Complex& b, Mpfr& scratch) {
  mpfr_mul(out.re.get(), a.re.get(), b.re.get(), MPFR_RNDN);
  mpfr_mul(scratch.get(), a.im.get(), b.im.get(), MPFR_RNDN);
  mpfr_sub(out.re.get(), out.re.get(), scratch.get(), MPFR_RNDN);
  mpfr_mul(out.im.get(), a.re.get(), b.im.get(), MPFR_RNDN);
  mpfr_mul(scratch.get(), a.im.get(), b.re.get(), MPFR_RNDN);
  mpfr_add(out.im.get(), out.im.get(), scratch.get(), MPFR_RNDN);
}

// out = a / b. REQUIRES: out is neither a nor b; b != 0.
void set_quotient(Complex& out, const Complex& a, const Complex& b, mpfr_prec_t bits) {
  Mpfr norm(bits);
  Mpfr scratch(bits);
  mpfr_sqr(norm.get(), b.re.get(), MPFR_RNDN);
  mpfr_sqr(scratch.get(), b.im.get(), MPFR_RNDN);
  mpfr_add(norm.get(), norm.get(), scratch.get(), MPFR_RNDN);
  Complex conjugate(bits);
  mpfr_set(conjugate.re.get(), b.re.get(), MPFR_RNDN);
  mpfr_neg(conjugate.im.get(), b.im.get(), MPFR_RNDN);
  set_product(out, a, conjugate, scratch);
  mpfr_div(out.re.get(), out.re.get(), norm.get(), MPFR_RNDN);
  mpfr_div(out.im.get(), out.im.get(), norm.get(), MPFR_RNDN);
}

// out = r e^{i degrees}.
void set_polar(Complex& out, mpfr_srcptr r, mpfr_srcptr degrees, mpfr_prec_t bits) {
  Mpfr radians(bits);
  mpfr_const_pi(radians.get(), MPFR_RNDN);
  mpfr_mul(radians.get(), radians.get(), degrees, MPFR_RNDN);
  mpfr_div_ui(radians.get(), radians.get(), 180, MPFR_RNDN);
  mpfr_sin_cos(out.im.get(), out.re.get(), radians.get(), MPFR_RNDN);
  mpfr_mul(out.re.get(), out.re.get(), r, MPFR_RNDN);
  mpfr_mul(out.im.get(), out.im.get(), r, MPFR_RNDN);
}

// The path's ends in MPFR at one precision, and what every frame shares.
class PathAtPrecision {
 public:
  PathAtPrecision(const ZoomView& start, const ZoomView& end, bool linear, mpfr_prec_t bits)
      : bits_(bits),
        linear_(linear),
        c0_(bits),
        c1_(bits),
        r0_(bits),
        ratio_(bits),
        a0_(bits),
        turn_(bits),
        w0_(bits),
        fixed_(bits) {
    set_decimal(c0_.re, start.center_x);
    set_decimal(c0_.im, start.center_y);
    set_decimal(c1_.re, end.center_x);
    set_decimal(c1_.im, end.center_y);
    set_decimal(r0_, start.radius);
    Mpfr r1(bits);
    set_decimal(r1, end.radius);
    mpfr_div(ratio_.get(), r1.get(), r0_.get(), MPFR_RNDN);
    set_decimal(a0_, angle_or_zero(start.angle));
    Mpfr a1(bits);
    set_decimal(a1, angle_or_zero(end.angle));
    mpfr_sub(turn_.get(), a1.get(), a0_.get(), MPFR_RNDN);
    if (linear_) return;
    // u* = (c1 - c0) / (r0 e^{i a0} - r1 e^{i a1}): the screen point that stays.
    set_polar(w0_, r0_.get(), a0_.get(), bits);
    Complex w1(bits);
    set_polar(w1, r1.get(), a1.get(), bits);
    Complex denominator(bits);
    set_difference(denominator, w0_, w1);
    Complex shift(bits);
    set_difference(shift, c1_, c0_);
    set_quotient(fixed_, shift, denominator, bits);
  }

  // The view of frame k of `frames` (0 < k < frames - 1).
  ZoomView frame_view(int64_t k, int64_t frames, bool with_angle) const {
    Mpfr t(bits_);
    mpfr_set_si(t.get(), k, MPFR_RNDN);
    mpfr_div_si(t.get(), t.get(), frames - 1, MPFR_RNDN);
    // R_k = R0 (R1 / R0)^t_k
    Mpfr r(bits_);
    mpfr_pow(r.get(), ratio_.get(), t.get(), MPFR_RNDN);
    mpfr_mul(r.get(), r.get(), r0_.get(), MPFR_RNDN);
    // A_k = A0 + (A1 - A0) t_k
    Mpfr a(bits_);
    mpfr_mul(a.get(), turn_.get(), t.get(), MPFR_RNDN);
    mpfr_add(a.get(), a.get(), a0_.get(), MPFR_RNDN);
    Complex c(bits_);
    if (linear_) {
      // c_k = c0 + (c1 - c0) t_k
      set_difference(c, c1_, c0_);
      mpfr_mul(c.re.get(), c.re.get(), t.get(), MPFR_RNDN);
      mpfr_mul(c.im.get(), c.im.get(), t.get(), MPFR_RNDN);
    } else {
      // c_k = c0 + (r0 e^{i a0} - r_k e^{i a_k}) u*
      Complex w(bits_);
      set_polar(w, r.get(), a.get(), bits_);
      Complex arm(bits_);
      set_difference(arm, w0_, w);
      Mpfr scratch(bits_);
      set_product(c, arm, fixed_, scratch);
    }
    mpfr_add(c.re.get(), c.re.get(), c0_.re.get(), MPFR_RNDN);
    mpfr_add(c.im.get(), c.im.get(), c0_.im.get(), MPFR_RNDN);
    const int64_t place = decimal_exponent(r.get()) - kCentreDigitsBelowRadius;
    ZoomView view;
    view.center_x = decimal_at_place(c.re.get(), place);
    view.center_y = decimal_at_place(c.im.get(), place);
    view.radius = decimal_significant(r.get(), kRadiusDigits);
    if (with_angle) view.angle = decimal_at_place(a.get(), -kAngleDecimals);
    return view;
  }

 private:
  const mpfr_prec_t bits_;
  const bool linear_;
  Complex c0_;
  Complex c1_;
  Mpfr r0_;
  Mpfr ratio_;  // R1 / R0
  Mpfr a0_;
  Mpfr turn_;  // A1 - A0, degrees
  Complex w0_;
  Complex fixed_;  // u*
};

std::vector<ZoomView> path_at(const ZoomView& start, const ZoomView& end, int64_t frames,
                              bool linear, bool with_angle, mpfr_prec_t bits) {
  const PathAtPrecision path(start, end, linear, bits);
  std::vector<ZoomView> views;
  views.reserve(static_cast<size_t>(frames));
  for (int64_t k = 0; k < frames; ++k) {
    views.push_back(k == 0            ? start
                    : k == frames - 1 ? end
                                      : path.frame_view(k, frames, with_angle));
  }
  return views;
}

bool same_views(const std::vector<ZoomView>& a, const std::vector<ZoomView>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const ZoomView& x, const ZoomView& y) {
                      return x.center_x == y.center_x && x.center_y == y.center_y &&
                             x.radius == y.radius && x.angle == y.angle;
                    });
}

}  // namespace

Status zoom_path(const ZoomView& start_view, const ZoomView& end_view, int64_t frames,
                 std::vector<ZoomView>* views) {
  const bool with_angle = !start_view.angle.empty() || !end_view.angle.empty();
  ZoomView start = start_view;
  ZoomView end = end_view;
  if (with_angle) {
    start.angle = angle_or_zero(start.angle);
    end.angle = angle_or_zero(end.angle);
  }
  const bool same_radius = decimal_equal(start.radius, end.radius);
  const bool same_angle = decimal_equal(angle_or_zero(start.angle), angle_or_zero(end.angle));
  if (same_radius && same_angle && decimal_equal(start.center_x, end.center_x) &&
      decimal_equal(start.center_y, end.center_y)) {
    return invalid_argument("--end {},{},{} is the --start view: a zoom needs two different views",
                            end.center_x, end.center_y, end.radius);
  }
  const bool linear =
      same_radius && whole_turns(angle_or_zero(start.angle), angle_or_zero(end.angle));
  // The digits from the largest value of the path down to the finest place of
  // its centres (docs/SEMANTICS.md, "Zoom videos").
  int64_t highest = 0;
  for (const std::string* v : {&start.center_x, &start.center_y, &end.center_x, &end.center_y,
                               &start.radius, &end.radius}) {
    highest = std::max(highest, exponent_of(*v));
  }
  const int64_t finest =
      std::min(exponent_of(start.radius), exponent_of(end.radius)) - kCentreDigitsBelowRadius;
  const int64_t digits = highest - finest + kGuardDigits;
  if (digits > kMaxPathDigits) {
    return invalid_argument(
        "the zoom from radius {} to {} spans {} decimal digits; at most {} are supported",
        start.radius, end.radius, digits, kMaxPathDigits);
  }
  auto bits =
      static_cast<mpfr_prec_t>(std::ceil(static_cast<double>(digits) * 3.3219281)) + kGuardBits;
  std::vector<ZoomView> path = path_at(start, end, frames, linear, with_angle, bits);
  for (int round = 0; round < kPrecisionRounds; ++round) {
    bits *= 2;
    std::vector<ZoomView> finer = path_at(start, end, frames, linear, with_angle, bits);
    const bool agree = same_views(path, finer);
    path = std::move(finer);
    if (agree) break;
  }
  *views = std::move(path);
  return Status();
}

}  // namespace mandelbrot
