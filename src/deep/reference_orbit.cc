#include "deep/reference_orbit.h"

#include <algorithm>
#include <memory>

#include "deep/mpfr_number.h"

namespace mandelbrot {
namespace {

// The MPFR state of one orbit: z, c, and scratch, all at one precision.
struct BigOrbit {
  explicit BigOrbit(mpfr_prec_t bits)
      : zr(bits),
        zi(bits),
        cr(bits),
        ci(bits),
        x2(bits),
        y2(bits),
        t(bits),
        u(bits),
        wr(bits),
        wi(bits) {}
  Mpfr zr, zi, cr, ci, x2, y2, t, u, wr, wi;
};

// c = centre + rot((col - W/2) step_x, (H/2 - row) step_y), every part exact
// decimal text or exact small numbers, at the orbit's precision.
void set_point(const DeepGeometry& g, double col, double row, BigOrbit& o) {
  const mpfr_prec_t bits = mpfr_get_prec(o.cr.get());
  Mpfr step(bits);
  Mpfr dx(bits);
  Mpfr dy(bits);
  const View& v = g.view;
  // The exact spacings (deep/mpfr_number.h), at this orbit's precision.
  Mpfr step_y(bits);
  set_exact_spacings(v, step, step_y);
  mpfr_mul_d(dx.get(), step.get(), col - 0.5 * v.width, MPFR_RNDN);
  mpfr_mul_d(dy.get(), step_y.get(), 0.5 * v.height - row, MPFR_RNDN);
  // The rotation by the double path's (cos, sin), exactly.
  Mpfr a(bits);
  Mpfr b(bits);
  set_decimal(o.cr, v.center_x);
  set_decimal(o.ci, v.center_y);
  mpfr_mul_d(a.get(), dx.get(), g.cos, MPFR_RNDN);
  mpfr_mul_d(b.get(), dy.get(), g.sin, MPFR_RNDN);
  mpfr_sub(a.get(), a.get(), b.get(), MPFR_RNDN);
  mpfr_add(o.cr.get(), o.cr.get(), a.get(), MPFR_RNDN);
  mpfr_mul_d(a.get(), dx.get(), g.sin, MPFR_RNDN);
  mpfr_mul_d(b.get(), dy.get(), g.cos, MPFR_RNDN);
  mpfr_add(a.get(), a.get(), b.get(), MPFR_RNDN);
  mpfr_add(o.ci.get(), o.ci.get(), a.get(), MPFR_RNDN);
}

// One step of `family` after the check passed (x2 = zr^2, y2 = zi^2), as
// docs/SEMANTICS.md ("Families") writes it.
void step(const Family& family, BigOrbit& o) {
  switch (family.kind) {
    case FamilyKind::kMultibrot:
      if (family.power > 2) {
        // w = z * z, then power - 2 more times w = w * z; z = w + c.
        mpfr_sub(o.wr.get(), o.x2.get(), o.y2.get(), MPFR_RNDN);
        mpfr_mul(o.wi.get(), o.zr.get(), o.zi.get(), MPFR_RNDN);
        mpfr_mul_2ui(o.wi.get(), o.wi.get(), 1, MPFR_RNDN);
        for (int32_t k = 2; k < family.power; ++k) {
          mpfr_mul(o.t.get(), o.wr.get(), o.zr.get(), MPFR_RNDN);
          mpfr_mul(o.u.get(), o.wi.get(), o.zi.get(), MPFR_RNDN);
          mpfr_sub(o.t.get(), o.t.get(), o.u.get(), MPFR_RNDN);
          mpfr_mul(o.u.get(), o.wr.get(), o.zi.get(), MPFR_RNDN);
          mpfr_mul(o.wi.get(), o.wi.get(), o.zr.get(), MPFR_RNDN);
          mpfr_add(o.wi.get(), o.wi.get(), o.u.get(), MPFR_RNDN);
          mpfr_swap(o.wr.get(), o.t.get());
        }
        mpfr_add(o.zr.get(), o.wr.get(), o.cr.get(), MPFR_RNDN);
        mpfr_add(o.zi.get(), o.wi.get(), o.ci.get(), MPFR_RNDN);
        return;
      }
      break;
    case FamilyKind::kBurningShip:
    case FamilyKind::kTricorn:
    case FamilyKind::kMandelbrot:
    case FamilyKind::kJulia:
      break;
  }
  // t = x2 - y2 + cr; zi = 2 zr zi (abs for the burning ship, negated for the
  // tricorn) + ci; zr = t.
  mpfr_sub(o.t.get(), o.x2.get(), o.y2.get(), MPFR_RNDN);
  mpfr_add(o.t.get(), o.t.get(), o.cr.get(), MPFR_RNDN);
  mpfr_mul(o.u.get(), o.zr.get(), o.zi.get(), MPFR_RNDN);
  mpfr_mul_2ui(o.u.get(), o.u.get(), 1, MPFR_RNDN);
  if (family.kind == FamilyKind::kBurningShip) mpfr_abs(o.u.get(), o.u.get(), MPFR_RNDN);
  if (family.kind == FamilyKind::kTricorn) {
    mpfr_sub(o.zi.get(), o.ci.get(), o.u.get(), MPFR_RNDN);
  } else {
    mpfr_add(o.zi.get(), o.u.get(), o.ci.get(), MPFR_RNDN);
  }
  mpfr_swap(o.zr.get(), o.t.get());
}

// The MPFR value rounded to 53 bits, with its whole exponent.
FloatExp float_exp_of(const Mpfr& x) {
  if (mpfr_zero_p(x.get())) return FloatExp{0.0, kZeroExponent};
  long exponent = 0;
  const double mantissa = mpfr_get_d_2exp(&exponent, x.get(), MPFR_RNDN);
  return FloatExp{mantissa, exponent};
}

}  // namespace

Status compute_reference_orbit(const DeepGeometry& geometry, double col, double row,
                               const Family& family, int32_t iterations, double bailout,
                               std::atomic<int64_t>* done, ReferenceOrbit* orbit) {
  const double bailout_squared = bailout * bailout;  // once, as the pixels have it
  BigOrbit o(static_cast<mpfr_prec_t>(geometry.precision_bits));
  set_point(geometry, col, row, o);
  mpfr_set_zero(o.zr.get(), 1);
  mpfr_set_zero(o.zi.get(), 1);
  ReferenceOrbit r;
  // Room for the first million steps; beyond, the vectors grow as the orbit
  // does (an orbit that escapes early never takes what --iter allows).
  const size_t room = static_cast<size_t>(std::min(iterations, int32_t{1} << 20));
  r.z.reserve(2 * room);
  if (geometry.extended) r.z_x.reserve(2 * room);
  for (int32_t n = 0; n < iterations; ++n) {
    const double zr = mpfr_get_d(o.zr.get(), MPFR_RNDN);
    const double zi = mpfr_get_d(o.zi.get(), MPFR_RNDN);
    r.z.push_back(zr);
    r.z.push_back(zi);
    if (geometry.extended) {
      r.z_x.push_back(float_exp_of(o.zr));
      r.z_x.push_back(float_exp_of(o.zi));
    }
    // The reference stops where the pixels' own check (in doubles, on the
    // rounded Z) fails, so that a pixel at the reference point itself (dz = 0)
    // escapes exactly at its end and is never left unfinished.
    if (!(zr * zr + zi * zi <= bailout_squared)) {
      r.escaped = true;
      break;
    }
    mpfr_sqr(o.x2.get(), o.zr.get(), MPFR_RNDN);
    mpfr_sqr(o.y2.get(), o.zi.get(), MPFR_RNDN);
    step(family, o);
    if (done && (n & 1023) == 0) done->store(n, std::memory_order_relaxed);
  }
  *orbit = std::move(r);
  return Status();
}

}  // namespace mandelbrot
