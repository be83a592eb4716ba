#include "deep/bla_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <cstdio>
#include <string>

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

Fixture reference(const Family& family, int32_t iterations) {
  const char* center = family.kind == FamilyKind::kMultibrot ? kCubicMisiurewicz : kNeedleMinibrot;
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

// Each map, for a dz inside its radius, gives what the 2^j steps it replaces
// give, to within rounding; and a dz beyond its radius is refused.
TEST(BlaTable, AMapIsTheStepsItReplaces) {
  for (int32_t power : {2, 3}) {
    const Family family = power == 2 ? make_family(FamilyKind::kMandelbrot)
                                     : make_family(FamilyKind::kMultibrot, power);
    const Fixture f = reference(family, 3000);
    BlaTable<double> table;
    build_bla_table(f.orbit, family, f.max_offset, &table);
    ASSERT_GE(table.levels.size(), 5u);
    int64_t checked = 0;
    for (size_t j = 1; j <= table.levels.size(); ++j) {
      const BlaLevel<double>& level = table.levels[j - 1];
      const int64_t steps = int64_t{1} << j;
      for (size_t k = 0; k < level.radius.size(); k += 1 + level.radius.size() / 7) {
        const double r = level.radius[k];
        if (!(r > 4 * f.max_offset)) continue;
        const int64_t m = 1 + static_cast<int64_t>(k) * steps;
        // dz and dc pointing different ways, |dz|_1 = 0.9 r.
        const double dcr = 0.6 * f.max_offset;
        const double dci = -0.3 * f.max_offset;
        double dzr = 0.5 * r;
        double dzi = 0.4 * r;
        const std::complex<long double> want =
            plain_steps(f.orbit, m, steps, power, {dzr, dzi}, {dcr, dci});
        ASSERT_EQ(bla_advance(table, m, steps, 0.9 * r, dcr, dci, &dzr, &dzi), steps)
            << "level " << j << " k " << k;
        const long double error = std::abs(std::complex<long double>(dzr, dzi) - want);
        EXPECT_LE(error, 1e-12L * std::abs(want))
            << "power " << power << " level " << j << " m " << m << " radius " << r;
        // Beyond the radius, the map of 2^j steps is refused.
        double far_r = 0;
        double far_i = 0;
        EXPECT_LT(bla_advance(table, m, steps, 1.01 * r, dcr, dci, &far_r, &far_i), steps);
        ++checked;
      }
    }
    std::printf("power %d: %lld maps checked\n", power, static_cast<long long>(checked));
    EXPECT_GE(checked, 5) << "power " << power;
  }
}

TEST(BlaTable, LevelsHalveAndRadiiShrinkAsMapsMerge) {
  const Family family = make_family(FamilyKind::kMandelbrot);
  const Fixture f = reference(family, 1000);
  BlaTable<double> table;
  build_bla_table(f.orbit, family, f.max_offset, &table);
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
  build_bla_table(f.orbit, ship, f.max_offset, &table);
  EXPECT_TRUE(table.levels.empty());
}

// The extended range's tables are the double ones where doubles suffice.
TEST(BlaTable, FloatExpTablesAreTheDoubleOnes) {
  const Family family = make_family(FamilyKind::kMandelbrot);
  Fixture f = reference(family, 700);
  f.orbit.z_x.clear();
  for (const double part : f.orbit.z) f.orbit.z_x.push_back(to_float_exp(part));
  BlaTable<double> doubles;
  BlaTable<FloatExp> extended;
  build_bla_table(f.orbit, family, f.max_offset, &doubles);
  build_bla_table(f.orbit, family, to_float_exp(f.max_offset), &extended);
  ASSERT_EQ(doubles.levels.size(), extended.levels.size());
  for (size_t j = 0; j < doubles.levels.size(); ++j) {
    for (size_t k = 0; k < doubles.levels[j].radius.size(); ++k) {
      EXPECT_EQ(to_double(extended.levels[j].radius[k]), doubles.levels[j].radius[k]);
      EXPECT_EQ(to_double(extended.levels[j].maps[k].ar), doubles.levels[j].maps[k].ar);
      EXPECT_EQ(to_double(extended.levels[j].maps[k].bi), doubles.levels[j].maps[k].bi);
    }
  }
}

}  // namespace
}  // namespace mandelbrot
