#include "view/decimal.h"

#include <gtest/gtest.h>

#include <string>

namespace mandelbrot {
namespace {

TEST(Decimal, AcceptsPlainDecimalsOnly) {
  const std::string many_digits = "-1." + std::string(200, '7') + "e-500";
  for (const std::string good :
       {"0", "-0.5", "+.5", "5.", "1e-500", "1E+5", "007", "1e0000000000005", "123e999999999",
        "-0.000", many_digits.c_str()}) {
    EXPECT_TRUE(is_decimal(good)) << good;
  }
  for (const char* bad :
       {"",    "+",   "-",     ".",     "e5",      ".e5",       "1e",    "1e+",
        "0x1", " 1",  "1 ",    "nan",   "inf",     "-Infinity", "1.2.3", "1e1000000000",
        "--1", "1,2", "1e5.0", "1_000", "\xd9\xa1"}) {
    EXPECT_FALSE(is_decimal(bad)) << bad;
  }
}

TEST(Decimal, TrimsSpaceOnly) {
  EXPECT_EQ(trim_space(" \t0.05\n"), "0.05");
  EXPECT_EQ(trim_space("0.05"), "0.05");
  EXPECT_EQ(trim_space("   "), "");
  EXPECT_EQ(trim_space("1 2"), "1 2");
}

TEST(Decimal, SignIsExact) {
  EXPECT_EQ(decimal_sign("-0.000"), 0);
  EXPECT_EQ(decimal_sign("0e99"), 0);
  EXPECT_EQ(decimal_sign("+0"), 0);
  EXPECT_EQ(decimal_sign("-1e-500"), -1);
  EXPECT_EQ(decimal_sign("+3"), 1);
  EXPECT_EQ(decimal_sign("0.0000000000000000000000000000001"), 1);
}

TEST(Decimal, MidpointIsExact) {
  EXPECT_EQ(decimal_midpoint("-2", "1"), "-0.5");
  EXPECT_EQ(decimal_midpoint("-1.5", "1.5"), "0");
  EXPECT_EQ(decimal_midpoint("-1.5", "-1"), "-1.25");
  EXPECT_EQ(decimal_midpoint("0.1", "0.2"), "0.15");  // not 0.15000000000000002
  EXPECT_EQ(decimal_midpoint("-0.75", "-0.7"), "-0.725");
  EXPECT_EQ(decimal_midpoint("-1e-500", "3e-500"), "1e-500");
  EXPECT_EQ(decimal_midpoint("1e30", "3e30"), "2e30");
  EXPECT_EQ(decimal_midpoint("1e20", "3e20"), "200000000000000000000");
  EXPECT_EQ(decimal_midpoint("+7", "-0"), "3.5");
  EXPECT_EQ(decimal_midpoint("0.0001", "0"), "0.00005");
  const std::string a = "0." + std::string(200, '1');
  const std::string b = "0." + std::string(200, '3');
  EXPECT_EQ(decimal_midpoint(a, b), "0." + std::string(200, '2'));
  EXPECT_EQ(decimal_midpoint("1", "1." + std::string(199, '0') + "2"),
            "1." + std::string(199, '0') + "1");
}

// Expected values from Python's decimal module (prec 40, ROUND_HALF_EVEN,
// Emin/Emax +-10^9), printed the way decimal_midpoint() writes.
TEST(Decimal, QuotientIsCorrectlyRounded) {
  EXPECT_EQ(decimal_quotient("2", "4", 40), "0.5");
  EXPECT_EQ(decimal_quotient("2", "1.00e014", 40), "0.00000000000002");
  EXPECT_EQ(decimal_quotient("2", "4.00000000000E533", 40), "5e-534");
  EXPECT_EQ(decimal_quotient("2", "3", 40), "0.6666666666666666666666666666666666666667");
  EXPECT_EQ(decimal_quotient("2", "7e-5", 40), "28571.42857142857142857142857142857142857");
  EXPECT_EQ(decimal_quotient("2", "1.7e300", 40), "1.176470588235294117647058823529411764706e-300");
  EXPECT_EQ(decimal_quotient("2", "6.02214076e1086", 40),
            "3.321078134347693327580074697556554622944e-1087");
  EXPECT_EQ(decimal_quotient("2", "0.000123456789e-999999", 40),
            "1.620000014742000134152201220785031109144e1000003");
  EXPECT_EQ(decimal_quotient("2", "12345678901234567890123456789012345678901234567890", 40),
            "1.620000014580000132678001207369810987065e-49");
  // 2 / 1.99...9 (44 nines) rounds up across every digit.
  EXPECT_EQ(decimal_quotient("2", "1." + std::string(43, '9'), 40), "1");
}

TEST(Decimal, QuotientRoundsHalfToEven) {
  EXPECT_EQ(decimal_quotient("1", "8", 2), "0.12");          // 0.125: tie, to even
  EXPECT_EQ(decimal_quotient("3", "8", 2), "0.38");          // 0.375: tie, to even
  EXPECT_EQ(decimal_quotient("1", "-8", 2), "-0.12");        // sign apart
  EXPECT_EQ(decimal_quotient("1.25000001", "1", 2), "1.3");  // not a tie
  EXPECT_EQ(decimal_quotient("9.96", "1", 2), "10");
  EXPECT_EQ(decimal_quotient("1", "3", 1), "0.3");
  EXPECT_EQ(decimal_quotient("0", "3", 5), "0");
}

TEST(Decimal, QuotientRefusesZeroAndHugeOperands) {
  EXPECT_EQ(decimal_quotient("2", "0.000", 40), std::nullopt);
  const std::string many = "1." + std::string(1000, '3');  // 1001 significant digits
  EXPECT_EQ(decimal_quotient("2", many, 40), std::nullopt);
  EXPECT_EQ(decimal_quotient(many, "2", 40), std::nullopt);
  // Trailing zeros are not significant.
  EXPECT_EQ(decimal_quotient("2", "4." + std::string(5000, '0'), 40), "0.5");
}

TEST(Decimal, HalfDifferenceIsExact) {
  EXPECT_EQ(decimal_half_difference("-2", "1"), "1.5");
  EXPECT_EQ(decimal_half_difference("1", "-2"), "-1.5");
  EXPECT_EQ(decimal_half_difference("1e20", "1e20"), "0");
  EXPECT_EQ(decimal_half_difference("0", "1e30"), "5e29");
  EXPECT_EQ(decimal_half_difference("-0.25", "0.25"), "0.25");
  EXPECT_EQ(decimal_half_difference("0.1", "0.30000000000000004"), "0.10000000000000002");
  EXPECT_EQ(decimal_half_difference("1", "1.000000000000000000000000000002"), "1e-30");
}

TEST(Decimal, RefusesSumsThatNeedTooManyDigits) {
  EXPECT_EQ(decimal_midpoint("1", "1e-999999999"), std::nullopt);
  EXPECT_EQ(decimal_half_difference("1e999999999", "1"), std::nullopt);
  // Zero aligns with anything.
  EXPECT_EQ(decimal_midpoint("0", "1e-999999999"), "5e-1000000000");
  EXPECT_EQ(decimal_midpoint("1", "1e-5000"), "0.5" + std::string(4999, '0') + "5");
}

TEST(Decimal, Magnitude) {
  DecimalMagnitude m = decimal_magnitude("2e-14");
  EXPECT_EQ(m.mantissa, 2.0);
  EXPECT_EQ(m.exponent, -14);
  m = decimal_magnitude("-0.00123");
  EXPECT_EQ(m.mantissa, -1.23);
  EXPECT_EQ(m.exponent, -3);
  m = decimal_magnitude("9.99999999999999999999");
  EXPECT_EQ(m.mantissa, 1.0);
  EXPECT_EQ(m.exponent, 1);
  m = decimal_magnitude("1e-500");
  EXPECT_EQ(m.exponent, -500);
  EXPECT_EQ(magnitude_text({7.5, 13}), "7.5e13");
  EXPECT_EQ(magnitude_text({1.5, 0}), "1.5");
}

}  // namespace
}  // namespace mandelbrot
