#include "deep/bla_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "deep/deep_geometry.h"
#include "deep/reference_orbit.h"
#include "view/view.h"

namespace mandelbrot {
namespace {

// The nucleus of the period-40 minibrot nearest -2 (tests/e2e/test_deep_accuracy.py):
// its reference orbit stays near the needle for thousands of steps.
constexpr const char* kNeedleMinibrot =
    "-1.99999999999999999998970118286005084285548971887167130004864625162169553457,0";

struct Fixture {
  DeepGeometry geometry;
  ReferenceOrbit orbit;
  double max_offset = 0;
};

// A Misiurewicz point of z^3 + c (tests/e2e/test_deep_accuracy.py): its orbit
// lands on a repelling cycle and never escapes.
constexpr const char* kCubicMisiurewicz =
    "0.3406250193166066401943942440378308889772101025491253031197026326145173,"
    "1.2712298784187062391356129910210649767284143282267776782136791436934807";

// For z^d + c: a point just inside the main component, whose orbit spirals
// slowly (its fixed point's multiplier is 0.99) and stays away from 0.
std::string slow_spiral(int32_t d) {
  const std::complex<double> z = std::polar(std::pow(0.99 / d, 1.0 / (d - 1)), 1.0);
  const std::complex<double> c = z - std::pow(z, d);
  char text[64];
  std::snprintf(text, sizeof text, "%.17g,%.17g", c.real(), c.imag());
  return text;
}

Fixture reference(const Family& family, int32_t iterations, std::string center = "") {
  if (center.empty()) {
    center = family.kind != FamilyKind::kMultibrot ? kNeedleMinibrot
             : family.power == 3                   ? kCubicMisiurewicz
                                                   : slow_spiral(family.power);
  }
  View v;
  v.width = 64;
  v.height = 64;
  EXPECT_TRUE(parse_view_center(center, &v).ok());
  EXPECT_TRUE(parse_view_radius("1e-40", &v).ok());
  Fixture f;
  EXPECT_TRUE(make_deep_geometry(v, &f.geometry).ok());
  EXPECT_TRUE(
      compute_reference_orbit(f.geometry, 32, 32, family, iterations, 10, nullptr, &f.orbit).ok());
  f.max_offset = 32 * f.geometry.step_x + 32 * f.geometry.step_y;
  return f;
}

// The plain steps dz' = (Z + dz)^d - Z^d + dc = sum_k C(d, k) Z^(d-k) dz^k + dc,
// in long double.
std::complex<long double> plain_steps(const ReferenceOrbit& orbit, int64_t m, int64_t steps,
                                      int32_t power, std::complex<long double> dz,
                                      std::complex<long double> dc) {
  for (int64_t i = m; i < m + steps; ++i) {
    const std::complex<long double> z(orbit.z[2 * i], orbit.z[2 * i + 1]);
    std::complex<long double> next = dc;
    long double binomial = 1;
    for (int32_t k = 1; k <= power; ++k) {
      binomial = binomial * (power - k + 1) / k;
      next += binomial * std::pow(z, power - k) * std::pow(dz, k);
    }
    dz = next;
  }
  return dz;
}

// Whether the plain steps' checks pass at the steps m + 1 .. m + steps - 1 that a
// map skips: no escape beyond `bailout`, no rebase (|Z + dz|_1 < |dz|_1).
bool skipped_checks_pass(const ReferenceOrbit& orbit, int64_t m, int64_t steps, int32_t power,
                         std::complex<long double> dz, std::complex<long double> dc,
                         double bailout) {
  for (int64_t i = m + 1; i < m + steps; ++i) {
    dz = plain_steps(orbit, i - 1, 1, power, dz, dc);
    const std::complex<long double> z(orbit.z[2 * i] + dz.real(), orbit.z[2 * i + 1] + dz.imag());
    if (std::norm(z) > static_cast<long double>(bailout) * bailout) return false;
    if (std::abs(z.real()) + std::abs(z.imag()) < std::abs(dz.real()) + std::abs(dz.imag())) {
      return false;
    }
  }
  return true;
}

// Each map, for a dz inside its radius, gives what the 2^j steps it replaces
// give, to within rounding, with the slope bla_slope gives, and the checks it
// skips pass; a dz beyond its radius is refused. Linear and quadratic maps for
// z^2 + c and z^3 + c, quadratic for z^4 + c to z^8 + c (quadratic maps reach
// about 2^30 times farther, where a linear map is off by far more than this
// tolerance). Also where |Z| is small (near 0, c about 1e-5): there the terms of
// degree 3 of z^4 + c and z^6 + c outweigh the bounds of the merges, and only
// the single step's own bound keeps the maps within this tolerance.
TEST(BlaTable, AMapIsTheStepsItReplaces) {
  struct Case {
    int32_t power;
    BlaOrder order;
    const char* center = "";
  };
  constexpr const char* kNearZero = "1e-5,1.3e-5";
  for (const Case& t :
       {Case{2, BlaOrder::kQuadratic}, Case{2, BlaOrder::kLinear}, Case{3, BlaOrder::kQuadratic},
        Case{3, BlaOrder::kLinear}, Case{4, BlaOrder::kQuadratic}, Case{5, BlaOrder::kQuadratic},
        Case{6, BlaOrder::kQuadratic}, Case{7, BlaOrder::kQuadratic}, Case{8, BlaOrder::kQuadratic},
        Case{4, BlaOrder::kQuadratic, kNearZero}, Case{6, BlaOrder::kQuadratic, kNearZero}}) {
    const int32_t power = t.power;
    const Family family = power == 2 ? make_family(FamilyKind::kMandelbrot)
                                     : make_family(FamilyKind::kMultibrot, power);
    const Fixture f = reference(family, 3000, t.center);
    BlaTable<double> table;
    build_bla_table(f.orbit, family, f.max_offset, 10, &table, t.order);
    EXPECT_EQ(table.quadratic, t.order == BlaOrder::kQuadratic);
    ASSERT_GE(table.levels.size(), 5u);
    // The maps' error is rounding (at most 1.3e-14 of |dz| here); a radius
    // too large by a few times would show as more.
    const long double tolerance = *t.center ? 1e-14L : 1e-13L;
    int64_t checked = 0;
    for (size_t j = 1; j <= table.levels.size(); ++j) {
      const BlaLevel<double>& level = table.levels[j - 1];
      const int64_t steps = int64_t{1} << j;
      for (size_t k = 0; k < level.radius.size(); k += 1 + level.radius.size() / 7) {
        const double r = level.radius[k];
        if (!(r > 4 * f.max_offset)) continue;
        const int64_t m = 1 + static_cast<int64_t>(k) * steps;
        // dz and dc pointing different ways, |dz|_1 = 0.9 r. (Near 0, where A
        // is tiny, no dc: B dc would swamp the A dz that the slope's difference
        // quotient must resolve in long double.)
        const double dc_scale = *t.center ? 0.0 : 1.0;
        const double dcr = 0.6 * f.max_offset * dc_scale;
        const double dci = -0.3 * f.max_offset * dc_scale;
        double dzr = 0.5 * r;
        double dzi = 0.4 * r;
        const std::complex<long double> dz0(dzr, dzi);
        const std::complex<long double> want =
            plain_steps(f.orbit, m, steps, power, dz0, {dcr, dci});
        const BlaLevel<double>::Coefficients* map = nullptr;
        ASSERT_EQ(bla_advance(table, m, steps, 0.9 * r, dcr, dci, &dzr, &dzi, &map), steps)
            << "level " << j << " k " << k;
        const long double error = std::abs(std::complex<long double>(dzr, dzi) - want);
        EXPECT_LE(error, tolerance * std::abs(want))
            << "power " << power << " level " << j << " m " << m << " radius " << r;
        EXPECT_TRUE(skipped_checks_pass(f.orbit, m, steps, power, dz0, {dcr, dci}, 10))
            << "power " << power << " level " << j << " k " << k;
        // The slope against a central difference quotient of the plain steps
        // (in long double, good to about 1e-13 here). Within the radius,
        // 2 C dz is about 2^-32 of A at most, so the tolerance is tight.
        const std::complex<long double> h = 0.1L * dz0;
        const std::complex<long double> quotient =
            (plain_steps(f.orbit, m, steps, power, dz0 + h, {dcr, dci}) -
             plain_steps(f.orbit, m, steps, power, dz0 - h, {dcr, dci})) /
            (2.0L * h);
        double sr = 0;
        double si = 0;
        bla_slope(table, *map, 0.5 * r, 0.4 * r, &sr, &si);
        EXPECT_LE(std::abs(std::complex<long double>(sr, si) - quotient),
                  1e-12L * std::abs(quotient))
            << "power " << power << " level " << j << " m " << m;
        // Beyond the radius, the map of 2^j steps is refused.
        double far_r = 0;
        double far_i = 0;
        EXPECT_LT(bla_advance(table, m, steps, 1.01 * r, dcr, dci, &far_r, &far_i), steps);
        ++checked;
      }
    }
    std::printf("power %d, %s maps%s: %lld checked\n", power,
                table.quadratic ? "quadratic" : "linear", *t.center ? " near 0" : "",
                static_cast<long long>(checked));
    EXPECT_GE(checked, 5) << "power " << power;
  }
}

// The radius of a map of 2 steps of z^d + c is at most the first step's error
// budget: |dz| with S_d |Z|^(d-3) |dz|^2 <= epsilon/4 |A|, S_d = sum_(k=3..d)
// C(d,k) 4^(3-k) (computed here in long double with the exact moduli, which the
// table's bounds of the moduli can only tighten). Near 0 that budget is what
// limits the maps, so there the radii must also come close to it; the maps'
// outputs cannot show a budget a few times too large, since epsilon is 2^-11
// of a double's rounding.
TEST(BlaTable, MultibrotStepsStayWithinTheirErrorBudget) {
  for (const int32_t d : {4, 6}) {
    const Family family = make_family(FamilyKind::kMultibrot, d);
    const Fixture f = reference(family, 3000, "1e-5,1.3e-5");
    BlaTable<double> table;
    build_bla_table(f.orbit, family, f.max_offset, 10, &table);
    long double s = 0;
    long double binomial = 1;
    for (int32_t k = 1; k <= d; ++k) {
      binomial = binomial * (d - k + 1) / k;
      if (k >= 3) s += binomial * std::pow(4.0L, 3 - k);
    }
    const BlaLevel<double>& level = table.levels[0];
    int64_t close = 0;
    for (size_t k = 0; k < level.radius.size(); ++k) {
      const int64_t m = 1 + 2 * static_cast<int64_t>(k);
      const long double z =
          std::abs(std::complex<long double>(f.orbit.z[2 * m], f.orbit.z[2 * m + 1]));
      const long double a = d * std::pow(z, d - 1);
      const long double budget = std::sqrt(0x1p-66L * a / (s * std::pow(z, d - 3)));
      EXPECT_LE(level.radius[k], budget * (1 + 1e-12L)) << "power " << d << " k " << k;
      if (level.radius[k] > budget / 4) ++close;
    }
    std::printf("power %d near 0: %lld of %zu maps of 2 steps within 4x of the budget\n", d,
                static_cast<long long>(close), level.radius.size());
    EXPECT_GE(close, static_cast<int64_t>(level.radius.size() * 9 / 10)) << "power " << d;
  }
}

// The quadratic maps of z^2 + c reach farther than the linear ones: about
// 2^-33 |Z| against 2^-63 |Z| for the maps of 2 steps.
// So do those of z^3 + c and z^6 + c, whose single steps drop their terms of
// degree 3 and more: about 2^-34 |Z| against 2^-65 |Z|.
TEST(BlaTable, QuadraticMapsReachFarther) {
  for (const Family& family :
       {make_family(FamilyKind::kMandelbrot), make_family(FamilyKind::kMultibrot, 3),
        make_family(FamilyKind::kMultibrot, 6)}) {
    const Fixture f = reference(family, 3000);
    BlaTable<double> linear;
    BlaTable<double> quadratic;
    build_bla_table(f.orbit, family, f.max_offset, 10, &linear, BlaOrder::kLinear);
    build_bla_table(f.orbit, family, f.max_offset, 10, &quadratic);
    ASSERT_EQ(linear.levels.size(), quadratic.levels.size());
    int64_t farther = 0;
    const std::vector<double>& lr = linear.levels[0].radius;
    const std::vector<double>& qr = quadratic.levels[0].radius;
    for (size_t k = 0; k < lr.size(); ++k) {
      if (qr[k] > 0x1p25 * lr[k]) ++farther;
    }
    std::printf("power %d: %lld of %zu maps of 2 steps reach 2^25 times farther\n", family.power,
                static_cast<long long>(farther), lr.size());
    EXPECT_GE(farther, static_cast<int64_t>(lr.size() * 9 / 10)) << family.power;
    EXPECT_GT(quadratic.largest_radius, 0x1p25 * linear.largest_radius) << family.power;
  }
}

// A quadratic map never skips a step where z could escape: a single step's
// radius stops at bailout - |Z|_1.
TEST(BlaTable, QuadraticMapsStopShortOfTheBailout) {
  const Family family = make_family(FamilyKind::kMandelbrot);
  ReferenceOrbit orbit;
  // Z_0 = 0, then Z_1 .. Z_4 = 0.5 + 0.5i, except Z_2 = 9.5 (|Z_2|_1 = 9.5).
  orbit.z = {0, 0, 0.5, 0.5, 9.5, 0, 0.5, 0.5, 0.5, 0.5};
  // (The third-order terms alone allow about 2^-33 here.)
  for (const double bailout : {9.25, 9.5 + 0x1p-40, 10.0}) {
    BlaTable<double> table;
    build_bla_table(orbit, family, 0.0, bailout, &table);
    ASSERT_EQ(table.levels.size(), 1u);
    // The map from m = 1 skips the check at Z_2.
    const double r = table.levels[0].radius[0];
    if (bailout < 9.5) {
      EXPECT_EQ(r, 0.0) << bailout;
    } else {
      // |A_x| r = 2 r <= bailout - 9.5 (and a quarter of max(|Zr|, |Zi|)).
      EXPECT_GT(r, 0.0) << bailout;
      EXPECT_LE(2 * r, bailout - 9.5) << bailout;
    }
  }
}

TEST(BlaTable, LevelsHalveAndRadiiShrinkAsMapsMerge) {
  const Family family = make_family(FamilyKind::kMandelbrot);
  const Fixture f = reference(family, 1000);
  BlaTable<double> table;
  build_bla_table(f.orbit, family, f.max_offset, 10, &table);
  // last = 999: level j has floor(998 / 2^j) maps, down to the one of 512 steps.
  ASSERT_EQ(table.levels.size(), 9u);
  for (size_t j = 1; j <= table.levels.size(); ++j) {
    EXPECT_EQ(table.levels[j - 1].radius.size(), static_cast<size_t>(998 >> j)) << j;
    if (j == 1) continue;
    for (size_t k = 0; k < table.levels[j - 1].radius.size(); ++k) {
      EXPECT_LE(table.levels[j - 1].radius[k], table.levels[j - 2].radius[2 * k]);
    }
  }
  // No map from m = 0 (after a rebase) or where m - 1 is odd.
  double dzr = 0;
  double dzi = 0;
  EXPECT_EQ(bla_advance(table, 0, 1000, 0.0, 0.0, 0.0, &dzr, &dzi), 0);
  EXPECT_EQ(bla_advance(table, 2, 1000, 0.0, 0.0, 0.0, &dzr, &dzi), 0);
  // At most max_steps.
  EXPECT_EQ(bla_advance(table, 1, 1, 0.0, 0.0, 0.0, &dzr, &dzi), 0);
  EXPECT_EQ(bla_advance(table, 1, 5, 0.0, 0.0, 0.0, &dzr, &dzi), 4);
}

TEST(BlaTable, OnlyHolomorphicFamiliesHaveMaps) {
  EXPECT_TRUE(has_bla(make_family(FamilyKind::kMandelbrot)));
  EXPECT_TRUE(has_bla(make_family(FamilyKind::kMultibrot, 8)));
  EXPECT_FALSE(has_bla(make_family(FamilyKind::kTricorn)));
  EXPECT_FALSE(has_bla(make_family(FamilyKind::kBurningShip)));
  const Family ship = make_family(FamilyKind::kBurningShip);
  const Fixture f = reference(ship, 500);
  BlaTable<double> table;
  build_bla_table(f.orbit, ship, f.max_offset, 10, &table);
  EXPECT_TRUE(table.levels.empty());
}

// Whether a FloatExp value is 0 or a normal double.
bool fits_a_double(FloatExp v) {
  const double d = std::abs(to_double(v));
  return v.m == 0 || (std::isfinite(d) && d >= std::numeric_limits<double>::min());
}

// The extended range's tables, linear or quadratic, are the double ones where
// doubles suffice: every map whose coefficients and radius fit doubles (all of
// them unless `underflows`, when the merged coefficients leave doubles' range).
void float_exp_tables_are_the_double_ones(const Family& family, const std::string& center = "",
                                          bool underflows = false) {
  Fixture f = reference(family, 700, center);
  f.orbit.z_x.clear();
  for (const double part : f.orbit.z) f.orbit.z_x.push_back(to_float_exp(part));
  for (const BlaOrder order : {BlaOrder::kLinear, BlaOrder::kQuadratic}) {
    BlaTable<double> doubles;
    BlaTable<FloatExp> extended;
    build_bla_table(f.orbit, family, f.max_offset, 10, &doubles, order);
    build_bla_table(f.orbit, family, to_float_exp(f.max_offset), 10, &extended, order);
    EXPECT_EQ(doubles.quadratic, order == BlaOrder::kQuadratic);
    EXPECT_EQ(extended.quadratic, doubles.quadratic);
    ASSERT_EQ(doubles.levels.size(), extended.levels.size());
    int64_t usable = 0;
    int64_t beyond = 0;
    for (size_t j = 0; j < doubles.levels.size(); ++j) {
      for (size_t k = 0; k < doubles.levels[j].radius.size(); ++k) {
        const auto& d = doubles.levels[j].maps[k];
        const auto& x = extended.levels[j].maps[k];
        if (!(fits_a_double(extended.levels[j].radius[k]) && fits_a_double(x.ar) &&
              fits_a_double(x.ai) && fits_a_double(x.br) && fits_a_double(x.bi) &&
              fits_a_double(x.cr) && fits_a_double(x.ci))) {
          ++beyond;
          continue;
        }
        EXPECT_EQ(to_double(extended.levels[j].radius[k]), doubles.levels[j].radius[k]);
        EXPECT_EQ(to_double(x.ar), d.ar);
        EXPECT_EQ(to_double(x.ai), d.ai);
        EXPECT_EQ(to_double(x.br), d.br);
        EXPECT_EQ(to_double(x.bi), d.bi);
        EXPECT_EQ(to_double(x.cr), d.cr);
        EXPECT_EQ(to_double(x.ci), d.ci);
        usable += doubles.levels[j].radius[k] > 0 ? 1 : 0;
      }
    }
    EXPECT_GT(usable, 300);
    if (!underflows) {
      EXPECT_EQ(beyond, 0);
    }
  }
}

// (Orbits that stay bounded: the cubic Misiurewicz orbit leaves its repelling
// cycle and escapes, and there the merged coefficients overflow doubles.)
TEST(BlaTable, FloatExpTablesAreTheDoubleOnes) {
  for (const Family& family :
       {make_family(FamilyKind::kMandelbrot), make_family(FamilyKind::kMultibrot, 4),
        make_family(FamilyKind::kMultibrot, 7)}) {
    SCOPED_TRACE(family.power);
    float_exp_tables_are_the_double_ones(family);
  }
  // Near 0, where the multibrots' own bound sets the radii.
  float_exp_tables_are_the_double_ones(make_family(FamilyKind::kMultibrot, 4), "1e-5,1.3e-5", true);
}

}  // namespace
}  // namespace mandelbrot
