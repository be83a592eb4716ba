// The brute-force MPFR renderer (see mpfr_render.h): every pixel's orbit
// iterated in MPFR, step by step, exactly as docs/SEMANTICS.md writes it.
#include "mpfr_render.h"

#include <mpfr.h>
#include <omp.h>

#include <cmath>
#include <limits>
#include <string_view>

#include "view/decimal.h"

namespace mandelbrot {
namespace {

// One MPFR number, initialised at a precision and cleared when it goes.
class Mpfr {
 public:
  explicit Mpfr(long bits) { mpfr_init2(value_, bits); }
  ~Mpfr() { mpfr_clear(value_); }
  Mpfr(const Mpfr&) = delete;
  Mpfr& operator=(const Mpfr&) = delete;
  mpfr_ptr get() { return value_; }
  mpfr_srcptr get() const { return value_; }

 private:
  mpfr_t value_;
};

constexpr mpfr_rnd_t kNearest = MPFR_RNDN;

enum class StepKind { kSquare, kMultibrot, kBurningShip, kTricorn };

// The family's step; multibrot power 2 is the mandelbrot step
// (docs/SEMANTICS.md, "Families").
struct StepChoice {
  StepKind kind = StepKind::kSquare;
  int power = 2;
};

bool choose_step(const MpfrRenderRequest& request, StepChoice* step) {
  if (request.family == "mandelbrot" && request.power == 2) {
    *step = {StepKind::kSquare, 2};
  } else if (request.family == "multibrot" && request.power >= 2 && request.power <= 8) {
    *step = {request.power == 2 ? StepKind::kSquare : StepKind::kMultibrot, request.power};
  } else if (request.family == "burning-ship" && request.power == 2) {
    *step = {StepKind::kBurningShip, 2};
  } else if (request.family == "tricorn" && request.power == 2) {
    *step = {StepKind::kTricorn, 2};
  } else {
    return false;
  }
  return true;
}

// Reads a decimal (docs/SEMANTICS.md, "Views") into `value` at its precision,
// rounded to nearest. False when the text is not a decimal or MPFR does not
// read all of it.
bool read_decimal(std::string_view text, mpfr_ptr value) {
  const std::string trimmed(trim_space(text));
  if (!is_decimal(trimmed)) return false;
  return mpfr_set_str(value, trimmed.c_str(), 10, kNearest) == 0;
}

int64_t ceil_log2(int64_t n) {
  int64_t bits = 0;
  while ((int64_t{1} << bits) < n) ++bits;
  return bits;
}

// auto_mpfr_precision() before the limit: the bits the view needs (see the
// header), from X, Y and R read at 64 bits with the bound rounded up and the
// spacing down. REQUIRES: the decimals are valid, R > 0 and within range.
int64_t needed_bits(const MpfrRenderRequest& request) {
  Mpfr x(64), y(64), r(64), bound(64), term(64), spacing(64);
  read_decimal(request.center_x, x.get());
  read_decimal(request.center_y, y.get());
  read_decimal(request.radius, r.get());
  // bound = |X| + |Y| + R (W/H + 1) + B, every operation rounded up.
  mpfr_abs(bound.get(), x.get(), MPFR_RNDU);
  mpfr_abs(term.get(), y.get(), MPFR_RNDU);
  mpfr_add(bound.get(), bound.get(), term.get(), MPFR_RNDU);
  mpfr_mul_si(term.get(), r.get(), static_cast<long>(request.width) + request.height, MPFR_RNDU);
  mpfr_div_si(term.get(), term.get(), request.height, MPFR_RNDU);
  mpfr_add(bound.get(), bound.get(), term.get(), MPFR_RNDU);
  mpfr_add_d(bound.get(), bound.get(), request.bailout, MPFR_RNDU);
  // spacing = 2R / H, rounded down.
  mpfr_mul_2ui(spacing.get(), r.get(), 1, MPFR_RNDD);
  mpfr_div_si(spacing.get(), spacing.get(), request.height, MPFR_RNDD);
  // bound < 2^e_M; spacing >= 2^e_s with e_s = its exponent - 1.
  const int64_t e_m = mpfr_get_exp(bound.get());
  const int64_t e_s = static_cast<int64_t>(mpfr_get_exp(spacing.get())) - 1;
  return (e_m - e_s) + 64 + ceil_log2(request.iterations);
}

// The view read at the working precision: X, Y, R, and with an angle A its
// cosine and sine (A rounded to a double first, as the double path reads it).
struct SamplingView {
  explicit SamplingView(const MpfrRenderRequest& request, long bits)
      : x(bits), y(bits), r(bits), cos(bits), sin(bits), rotated(!request.angle.empty()) {
    read_decimal(request.center_x, x.get());
    read_decimal(request.center_y, y.get());
    read_decimal(request.radius, r.get());
    if (rotated) {
      Mpfr degrees(53);
      read_decimal(request.angle, degrees.get());
      mpfr_cosu(cos.get(), degrees.get(), 360, kNearest);
      mpfr_sinu(sin.get(), degrees.get(), 360, kNearest);
    }
  }
  Mpfr x, y, r, cos, sin;
  bool rotated;
};

// One thread's numbers, allocated once per render at the working precision.
struct Orbit {
  explicit Orbit(long bits)
      : cr(bits),
        ci(bits),
        zr(bits),
        zi(bits),
        x2(bits),
        y2(bits),
        t(bits),
        wr(bits),
        wi(bits),
        p(bits),
        q(bits),
        u(bits),
        v(bits),
        dr(bits),
        di(bits),
        ar(bits),
        ai(bits) {}
  Mpfr cr, ci;  // the sample point c
  Mpfr zr, zi;  // z
  Mpfr x2, y2;  // zr * zr, zi * zi
  Mpfr t;       // the new zr, or x2 + y2 in the check
  Mpfr wr, wi;  // multibrot's w
  Mpfr p, q;    // products
  Mpfr u, v;    // the sample's offset from the centre
  Mpfr dr, di;  // dz/dc (with the channels)
  Mpfr ar, ai;  // d z^(d-1)
};

// What count() found besides the count: the step whose check failed (-1: none)
// and, at that step, x2 + y2 in o.t and z in o.zr, o.zi.
struct Escape {
  int32_t count = 0;
  int32_t step = -1;
};

// (wr, wi) = (wr*zr - wi*zi, wr*zi + wi*zr), with o.p, o.q and o.t as scratch.
// REQUIRES: wr, wi are none of o.p, o.q, o.t.
void multiply(mpfr_ptr wr, mpfr_ptr wi, const Mpfr& zr, const Mpfr& zi, Orbit& o) {
  mpfr_mul(o.p.get(), wr, zr.get(), kNearest);
  mpfr_mul(o.q.get(), wi, zi.get(), kNearest);
  mpfr_sub(o.t.get(), o.p.get(), o.q.get(), kNearest);
  mpfr_mul(o.p.get(), wr, zi.get(), kNearest);
  mpfr_mul(o.q.get(), wi, zr.get(), kNearest);
  mpfr_add(wi, o.p.get(), o.q.get(), kNearest);
  mpfr_swap(wr, o.t.get());
}

// dz = d z^(d-1) dz + 1, before the step (o.zr, o.zi hold z).
void derivative_step(const StepChoice& choice, Orbit& o) {
  const int d = choice.kind == StepKind::kMultibrot ? choice.power : 2;
  mpfr_set(o.ar.get(), o.zr.get(), kNearest);
  mpfr_set(o.ai.get(), o.zi.get(), kNearest);
  for (int k = 2; k < d; ++k) multiply(o.ar.get(), o.ai.get(), o.zr, o.zi, o);  // a = a z
  mpfr_mul_ui(o.ar.get(), o.ar.get(), static_cast<unsigned long>(d), kNearest);
  mpfr_mul_ui(o.ai.get(), o.ai.get(), static_cast<unsigned long>(d), kNearest);
  multiply(o.dr.get(), o.di.get(), o.ar, o.ai, o);  // dz = dz a + 1
  mpfr_add_ui(o.dr.get(), o.dr.get(), 1, kNearest);
}

// The sample point of row i, column j into o.cr, o.ci (see mpfr_render()).
void sample(const SamplingView& view, int32_t width, int32_t height, int32_t i, int32_t j,
            Orbit& o) {
  // u = R (2j - W) / H, v = R (H - 2i) / H
  mpfr_mul_si(o.u.get(), view.r.get(), 2L * j - width, kNearest);
  mpfr_div_si(o.u.get(), o.u.get(), height, kNearest);
  mpfr_mul_si(o.v.get(), view.r.get(), static_cast<long>(height) - 2L * i, kNearest);
  mpfr_div_si(o.v.get(), o.v.get(), height, kNearest);
  if (!view.rotated) {
    mpfr_add(o.cr.get(), view.x.get(), o.u.get(), kNearest);  // X + u
    mpfr_add(o.ci.get(), view.y.get(), o.v.get(), kNearest);  // Y + v
    return;
  }
  // Re c = X + (u cos - v sin)
  mpfr_mul(o.p.get(), o.u.get(), view.cos.get(), kNearest);
  mpfr_mul(o.q.get(), o.v.get(), view.sin.get(), kNearest);
  mpfr_sub(o.cr.get(), o.p.get(), o.q.get(), kNearest);
  mpfr_add(o.cr.get(), view.x.get(), o.cr.get(), kNearest);
  // Im c = Y + (u sin + v cos)
  mpfr_mul(o.p.get(), o.u.get(), view.sin.get(), kNearest);
  mpfr_mul(o.q.get(), o.v.get(), view.cos.get(), kNearest);
  mpfr_add(o.ci.get(), o.p.get(), o.q.get(), kNearest);
  mpfr_add(o.ci.get(), view.y.get(), o.ci.get(), kNearest);
}

// The step of docs/SEMANTICS.md, "Families", after the check passed (x2 and y2
// hold zr*zr and zi*zi), one MPFR operation per operation written there.
void step(const StepChoice& choice, Orbit& o) {
  if (choice.kind == StepKind::kMultibrot) {
    // w = z, then d - 1 times w = (wr*zr - wi*zi, wr*zi + wi*zr); z = w + c.
    mpfr_set(o.wr.get(), o.zr.get(), kNearest);
    mpfr_set(o.wi.get(), o.zi.get(), kNearest);
    for (int k = 1; k < choice.power; ++k) multiply(o.wr.get(), o.wi.get(), o.zr, o.zi, o);
    mpfr_add(o.zr.get(), o.wr.get(), o.cr.get(), kNearest);
    mpfr_add(o.zi.get(), o.wi.get(), o.ci.get(), kNearest);
    return;
  }
  // t = x2 - y2 + cr
  mpfr_sub(o.t.get(), o.x2.get(), o.y2.get(), kNearest);
  mpfr_add(o.t.get(), o.t.get(), o.cr.get(), kNearest);
  // p = 2*zr*zi, that is (2*zr)*zi: the doubling is exact.
  mpfr_mul_2ui(o.p.get(), o.zr.get(), 1, kNearest);
  mpfr_mul(o.p.get(), o.p.get(), o.zi.get(), kNearest);
  switch (choice.kind) {
    case StepKind::kBurningShip:  // zi = fabs(2*zr*zi) + ci
      mpfr_abs(o.p.get(), o.p.get(), kNearest);
      mpfr_add(o.zi.get(), o.p.get(), o.ci.get(), kNearest);
      break;
    case StepKind::kTricorn:  // zi = ci - 2*zr*zi
      mpfr_sub(o.zi.get(), o.ci.get(), o.p.get(), kNearest);
      break;
    default:  // zi = 2*zr*zi + ci
      mpfr_add(o.zi.get(), o.p.get(), o.ci.get(), kNearest);
      break;
  }
  mpfr_swap(o.zr.get(), o.t.get());  // zr = t
}

// The count of the point in o.cr, o.ci (docs/SEMANTICS.md, "Counts"): the last
// n in [0, iterations) at which x2 + y2 <= B*B held. A NaN fails the check.
// With `derivative`, dz/dc goes along in o.dr, o.di.
Escape count(const StepChoice& choice, int32_t iterations, mpfr_srcptr bailout_squared,
             bool derivative, Orbit& o) {
  mpfr_set_ui(o.zr.get(), 0, kNearest);
  mpfr_set_ui(o.zi.get(), 0, kNearest);
  mpfr_set_ui(o.dr.get(), 0, kNearest);
  mpfr_set_ui(o.di.get(), 0, kNearest);
  Escape result;
  for (int32_t n = 0; n < iterations; ++n) {
    mpfr_mul(o.x2.get(), o.zr.get(), o.zr.get(), kNearest);
    mpfr_mul(o.y2.get(), o.zi.get(), o.zi.get(), kNearest);
    mpfr_add(o.t.get(), o.x2.get(), o.y2.get(), kNearest);
    if (!mpfr_lessequal_p(o.t.get(), bailout_squared)) {
      result.step = n;
      break;
    }
    result.count = n;
    if (derivative) derivative_step(choice, o);
    step(choice, o);
  }
  return result;
}

// The channels of a point that escaped (see MpfrRenderResult), from o after
// count(); `pixel` is 2R/H and `log_degree` log d at the working precision.
double smooth_of(const Escape& e, mpfr_srcptr log_degree, Orbit& o) {
  mpfr_log(o.p.get(), o.t.get(), kNearest);  // log |z|^2
  mpfr_div_2ui(o.p.get(), o.p.get(), 1, kNearest);
  mpfr_log(o.p.get(), o.p.get(), kNearest);
  mpfr_div(o.p.get(), o.p.get(), log_degree, kNearest);
  mpfr_ui_sub(o.p.get(), static_cast<unsigned long>(e.step + 1), o.p.get(), kNearest);
  return mpfr_get_d(o.p.get(), kNearest);
}

double distance_of(mpfr_srcptr pixel, Orbit& o) {
  mpfr_sqrt(o.u.get(), o.t.get(), kNearest);  // |z|
  mpfr_log(o.v.get(), o.u.get(), kNearest);   // log |z|
  mpfr_mul(o.u.get(), o.u.get(), o.v.get(), kNearest);
  mpfr_hypot(o.v.get(), o.dr.get(), o.di.get(), kNearest);  // |dz|
  mpfr_div(o.u.get(), o.u.get(), o.v.get(), kNearest);
  mpfr_div(o.u.get(), o.u.get(), pixel, kNearest);
  return mpfr_get_d(o.u.get(), kNearest);
}

}  // namespace

Status check_mpfr_render_request(const MpfrRenderRequest& r) {
  Mpfr probe(64);
  const struct {
    const char* name;
    const std::string& text;
  } decimals[] = {{"center x", r.center_x}, {"center y", r.center_y}, {"radius", r.radius}};
  for (const auto& d : decimals) {
    if (!read_decimal(d.text, probe.get())) {
      return invalid_argument("the {} '{}' is not a decimal number", d.name, d.text);
    }
    if (!mpfr_number_p(probe.get())) {
      return invalid_argument("the {} '{}' is beyond MPFR's exponent range", d.name, d.text);
    }
  }
  if (!r.angle.empty()) {
    Mpfr degrees(53);
    if (!read_decimal(r.angle, degrees.get())) {
      return invalid_argument("the angle '{}' is not a decimal number", r.angle);
    }
    if (!std::isfinite(mpfr_get_d(degrees.get(), kNearest))) {
      return invalid_argument("the angle '{}' is beyond the range of doubles", r.angle);
    }
  }
  if (decimal_sign(trim_space(r.radius)) <= 0) {
    return invalid_argument("the radius '{}' is not greater than 0", r.radius);
  }
  read_decimal(r.radius, probe.get());
  if (mpfr_zero_p(probe.get())) {
    return invalid_argument("the radius '{}' is below MPFR's exponent range", r.radius);
  }
  if (r.width < 1 || r.height < 1 || static_cast<int64_t>(r.width) * r.height > kMaxMpfrPixels) {
    return invalid_argument("the size {}x{} is not 1 to {} pixels", r.width, r.height,
                            kMaxMpfrPixels);
  }
  if (r.iterations < 1) {
    return invalid_argument("the iteration count {} is not at least 1", r.iterations);
  }
  if (!std::isfinite(r.bailout) || !(r.bailout > 0) || !std::isfinite(r.bailout * r.bailout)) {
    return invalid_argument("the bailout {} is not a finite number > 0 with a finite square",
                            r.bailout);
  }
  StepChoice choice;
  if (!choose_step(r, &choice)) {
    return invalid_argument(
        "no ground truth for family '{}' with power {} (mandelbrot, multibrot with power 2 to 8, "
        "burning-ship, tricorn; the power is for multibrot only)",
        r.family, r.power);
  }
  if (r.precision_bits != 0 && (r.precision_bits < 2 || r.precision_bits > kMaxMpfrPrecisionBits)) {
    return invalid_argument("the precision {} bits is not 2 to {}", r.precision_bits,
                            kMaxMpfrPrecisionBits);
  }
  if (r.precision_bits == 0 && needed_bits(r) > kMaxMpfrPrecisionBits) {
    return invalid_argument("the view (radius '{}') needs {} bits of precision, more than {}",
                            r.radius, needed_bits(r), kMaxMpfrPrecisionBits);
  }
  return Status();
}

long auto_mpfr_precision(const MpfrRenderRequest& request) {
  return static_cast<long>(needed_bits(request));
}

Status mpfr_render(const MpfrRenderRequest& request, MpfrRenderResult* result) {
  if (Status status = check_mpfr_render_request(request); !status.ok()) return status;
  StepChoice choice;
  choose_step(request, &choice);
  const long bits =
      request.precision_bits != 0 ? request.precision_bits : auto_mpfr_precision(request);
  const int32_t width = request.width;
  const int32_t height = request.height;

  const SamplingView view(request, bits);
  // B*B is the double B*B (docs/SEMANTICS.md, "Counts"), held exactly.
  Mpfr bailout_squared(53);
  mpfr_set_d(bailout_squared.get(), request.bailout * request.bailout, kNearest);

  const size_t pixels = static_cast<size_t>(width) * height;
  std::vector<int32_t> counts(pixels);
  // The channels: the distance estimate for the holomorphic steps only.
  const bool smooth = request.channels;
  const bool distance =
      request.channels && (choice.kind == StepKind::kSquare || choice.kind == StepKind::kMultibrot);
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> smooth_values(smooth ? pixels : 0, kNaN);
  std::vector<double> distance_values(distance ? pixels : 0, kNaN);
  Mpfr log_degree(bits);
  mpfr_set_ui(log_degree.get(),
              static_cast<unsigned long>(choice.kind == StepKind::kMultibrot ? choice.power : 2),
              kNearest);
  mpfr_log(log_degree.get(), log_degree.get(), kNearest);
  Mpfr pixel(bits);  // 2R/H
  mpfr_mul_2ui(pixel.get(), view.r.get(), 1, kNearest);
  mpfr_div_ui(pixel.get(), pixel.get(), static_cast<unsigned long>(height), kNearest);
  const int threads = request.threads > 0 ? request.threads : omp_get_max_threads();
#pragma omp parallel num_threads(threads)
  {
    Orbit orbit(bits);
#pragma omp for schedule(dynamic)
    for (int32_t i = 0; i < height; ++i) {
      for (int32_t j = 0; j < width; ++j) {
        const size_t at = static_cast<size_t>(i) * width + j;
        sample(view, width, height, i, j, orbit);
        const Escape e = count(choice, request.iterations, bailout_squared.get(), distance, orbit);
        counts[at] = e.count;
        if (e.step < 0) continue;
        if (smooth) smooth_values[at] = smooth_of(e, log_degree.get(), orbit);
        if (distance) distance_values[at] = distance_of(pixel.get(), orbit);
      }
    }
  }
  result->counts = std::move(counts);
  result->smooth = std::move(smooth_values);
  result->distance = std::move(distance_values);
  result->precision_bits = bits;
  return Status();
}

}  // namespace mandelbrot
