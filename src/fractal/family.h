// Family: which fractal a render computes (docs/SEMANTICS.md, "Families"), as a
// plain value: the kind, the multibrot power and the Julia constant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mandelbrot {

enum class FamilyKind { kMandelbrot, kJulia, kBurningShip, kTricorn, kMultibrot };

// The multibrot powers the kernel computes.
inline constexpr int32_t kMinPower = 2;
inline constexpr int32_t kMaxPower = 8;

struct Family {
  FamilyKind kind = FamilyKind::kMandelbrot;
  int32_t power = 2;      // multibrot only: z^power + c; 2 for every other kind
  double julia_re = 0.0;  // julia only: the constant c = julia_re + i julia_im
  double julia_im = 0.0;

  // Julia sets iterate from z_0 = the sample point with a constant c; every other
  // family from z_0 = 0 with c = the sample point.
  bool julia() const { return kind == FamilyKind::kJulia; }
  bool operator==(const Family&) const = default;
};

// A family from its parts, for tables of families (tests, benchmarks).
constexpr Family make_family(FamilyKind kind, int32_t power = 2, double julia_re = 0.0,
                             double julia_im = 0.0) {
  return Family{kind, power, julia_re, julia_im};
}

// The family's name on the command line and in files: "mandelbrot", "julia",
// "burning-ship", "tricorn", "multibrot".
std::string_view family_name(FamilyKind kind);
// The kind called `name`, if any.
std::optional<FamilyKind> parse_family_name(std::string_view name);
// Every name, comma separated, for messages: "mandelbrot, julia, ...".
std::string family_names();

// The largest |c| for which escape is monotone with bailout B >= 2
// (docs/SEMANTICS.md, "Shortcuts"): (B^2 - B)(1 - 2^-40). Once the check
// `x2 + y2 <= B*B` fails, it fails at every later step for every step of
// fractal/formulas-inl.h. The factor 1 - 2^-40 leaves room for the roundings.
// REQUIRES: bailout >= 2.
constexpr double monotone_escape_limit(double bailout) {
  return (bailout * bailout - bailout) * (1 - 0x1p-40);
}

// What is wrong with a family, if anything: an empty string when it is valid
// (power in [kMinPower, kMaxPower] for multibrot and 2 otherwise, a finite Julia
// constant that is 0 unless the kind is julia), else one sentence naming the value.
std::string family_problem(const Family& family);

}  // namespace mandelbrot
