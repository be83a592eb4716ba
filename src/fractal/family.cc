#include "fractal/family.h"

#include <fmt/format.h>

#include <cmath>

namespace mandelbrot {
namespace {

struct FamilyEntry {
  FamilyKind kind;
  std::string_view name;
};

// The one table of family names.
constexpr FamilyEntry kFamilies[] = {
    {FamilyKind::kMandelbrot, "mandelbrot"},    {FamilyKind::kJulia, "julia"},
    {FamilyKind::kBurningShip, "burning-ship"}, {FamilyKind::kTricorn, "tricorn"},
    {FamilyKind::kMultibrot, "multibrot"},
};

}  // namespace

std::string_view family_name(FamilyKind kind) {
  for (const FamilyEntry& f : kFamilies) {
    if (f.kind == kind) return f.name;
  }
  return "unknown";
}

std::optional<FamilyKind> parse_family_name(std::string_view name) {
  for (const FamilyEntry& f : kFamilies) {
    if (f.name == name) return f.kind;
  }
  return std::nullopt;
}

std::string family_names() {
  std::string names;
  for (const FamilyEntry& f : kFamilies) {
    if (!names.empty()) names += ", ";
    names += f.name;
  }
  return names;
}

std::string family_problem(const Family& f) {
  if (!parse_family_name(family_name(f.kind))) return "unknown family kind";
  if (f.kind == FamilyKind::kMultibrot) {
    if (f.power < kMinPower || f.power > kMaxPower) {
      return fmt::format("the multibrot power must be an integer from {} to {}, got {}", kMinPower,
                         kMaxPower, f.power);
    }
  } else if (f.power != 2) {
    return fmt::format("a power other than 2 needs the multibrot family, got {} for {}", f.power,
                       family_name(f.kind));
  }
  if (!std::isfinite(f.julia_re) || !std::isfinite(f.julia_im)) {
    return fmt::format("the Julia constant must be finite, got {},{}", f.julia_re, f.julia_im);
  }
  if (!f.julia() && (f.julia_re != 0 || f.julia_im != 0)) {
    return fmt::format("a Julia constant needs the julia family, got {},{} for {}", f.julia_re,
                       f.julia_im, family_name(f.kind));
  }
  return std::string();
}

}  // namespace mandelbrot
