#include "fractal/family.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

TEST(Family, NamesRoundTrip) {
  for (FamilyKind kind : {FamilyKind::kMandelbrot, FamilyKind::kJulia, FamilyKind::kBurningShip,
                          FamilyKind::kTricorn, FamilyKind::kMultibrot}) {
    const auto parsed = parse_family_name(family_name(kind));
    ASSERT_TRUE(parsed.has_value()) << family_name(kind);
    EXPECT_EQ(*parsed, kind);
  }
  EXPECT_EQ(family_name(FamilyKind::kBurningShip), "burning-ship");
  EXPECT_FALSE(parse_family_name("burning_ship").has_value());
  EXPECT_FALSE(parse_family_name("Mandelbrot").has_value());
  EXPECT_EQ(family_names(), "mandelbrot, julia, burning-ship, tricorn, multibrot");
}

TEST(Family, ProblemsNameTheValue) {
  EXPECT_EQ(family_problem(Family()), "");
  Family f;
  f.kind = FamilyKind::kMultibrot;
  for (int32_t power = kMinPower; power <= kMaxPower; ++power) {
    f.power = power;
    EXPECT_EQ(family_problem(f), "") << power;
  }
  f.power = 9;
  EXPECT_NE(family_problem(f).find("from 2 to 8, got 9"), std::string::npos) << family_problem(f);
  f = Family();
  f.power = 3;
  EXPECT_NE(family_problem(f).find("needs the multibrot family"), std::string::npos);
  f = Family();
  f.kind = FamilyKind::kJulia;
  f.julia_re = -0.8;
  f.julia_im = 0.156;
  EXPECT_EQ(family_problem(f), "");
  EXPECT_TRUE(f.julia());
  f.kind = FamilyKind::kTricorn;
  EXPECT_NE(family_problem(f).find("needs the julia family"), std::string::npos);
}

TEST(Family, MonotoneEscapeLimitIsJustBelowBSquaredMinusB) {
  // docs/SEMANTICS.md, "Shortcuts": (B^2 - B)(1 - 2^-40).
  EXPECT_LT(monotone_escape_limit(2), 2.0);
  EXPECT_GT(monotone_escape_limit(2), 2.0 - 1e-11);
  EXPECT_LT(monotone_escape_limit(10), 90.0);
  EXPECT_GT(monotone_escape_limit(10), 90.0 - 1e-10);
  // The bailout-2 region -1.5,0.5,-1,1 reaches |c| = sqrt(3.25), under the limit.
  EXPECT_LT(1.5 * 1.5 + 1.0 * 1.0, monotone_escape_limit(2) * monotone_escape_limit(2));
}

}  // namespace
}  // namespace mandelbrot
