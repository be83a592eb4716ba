#include "video/mpfr_decimal.h"

#include <gtest/gtest.h>

#include "deep/mpfr_number.h"

namespace mandelbrot {
namespace {

TEST(MpfrDecimal, TextOfDigits) {
  EXPECT_EQ(decimal_text(false, "125", -5), "0.00125");
  EXPECT_EQ(decimal_text(true, "125", -5), "-0.00125");
  EXPECT_EQ(decimal_text(false, "125", 1), "1250");
  EXPECT_EQ(decimal_text(false, "0012500", -4), "1.25");
  EXPECT_EQ(decimal_text(false, "000", 7), "0");
  EXPECT_EQ(decimal_text(true, "", 0), "0");
  EXPECT_EQ(decimal_text(false, "125", -302), "1.25e-300");
  EXPECT_EQ(decimal_text(false, "7", -7), "7e-7");
  EXPECT_EQ(decimal_text(false, "7", -6), "0.000007");
  EXPECT_EQ(decimal_text(false, "7", 20), "700000000000000000000");
  EXPECT_EQ(decimal_text(false, "71", 20), "7.1e21");
}

TEST(MpfrDecimal, RoundedAtAPlace) {
  Mpfr x(200);
  mpfr_set_ui(x.get(), 1, MPFR_RNDN);
  mpfr_div_ui(x.get(), x.get(), 3, MPFR_RNDN);
  EXPECT_EQ(decimal_at_place(x.get(), -5), "0.33333");
  mpfr_neg(x.get(), x.get(), MPFR_RNDN);
  EXPECT_EQ(decimal_at_place(x.get(), -3), "-0.333");
  mpfr_mul_ui(x.get(), x.get(), 2, MPFR_RNDN);  // -2/3
  EXPECT_EQ(decimal_at_place(x.get(), -3), "-0.667");
  EXPECT_EQ(decimal_at_place(x.get(), 0), "-1");
  EXPECT_EQ(decimal_at_place(x.get(), 1), "0");
  // A deep centre: -0.75 + 1e-60/3 to 70 places.
  Mpfr deep(400);
  set_decimal(deep, "1e-60");
  mpfr_div_ui(deep.get(), deep.get(), 3, MPFR_RNDN);
  Mpfr base(400);
  set_decimal(base, "-0.75");
  mpfr_add(deep.get(), deep.get(), base.get(), MPFR_RNDN);
  EXPECT_EQ(decimal_at_place(deep.get(), -70),
            "-0.7499999999999999999999999999999999999999999999999999999999996666666667");
}

TEST(MpfrDecimal, SignificantDigitsAndExponent) {
  Mpfr x(300);
  set_decimal(x, "2e-320");
  mpfr_div_ui(x.get(), x.get(), 3, MPFR_RNDN);
  EXPECT_EQ(decimal_significant(x.get(), 5), "6.6667e-321");
  EXPECT_EQ(decimal_exponent(x.get()), -321);
  set_decimal(x, "1.5");
  EXPECT_EQ(decimal_significant(x.get(), 25), "1.5");
  EXPECT_EQ(decimal_exponent(x.get()), 0);
  set_decimal(x, "999");
  EXPECT_EQ(decimal_exponent(x.get()), 2);
  set_decimal(x, "999.9");  // 1.00e3 to 3 digits
  EXPECT_EQ(decimal_exponent(x.get()), 3);
}

}  // namespace
}  // namespace mandelbrot
