#include "render/family_options.h"

#include <string>
#include <vector>

#include "base/parse.h"

namespace mandelbrot {

Status parse_family_options(const RenderOptions& o, Family* family) {
  Family f;
  if (o.family) {
    const auto kind = parse_family_name(ascii_lower(*o.family));
    if (!kind) {
      return invalid_argument("unknown --family '{}' (known: {})", *o.family, family_names());
    }
    f.kind = *kind;
  } else if (o.julia) {
    f.kind = FamilyKind::kJulia;  // --julia implies the family
  }

  if (o.julia) {
    if (!f.julia()) {
      return invalid_argument("--julia '{}' needs --family julia, got --family {}", *o.julia,
                              family_name(f.kind));
    }
    const std::vector<std::string> parts = split_commas(*o.julia);
    if (parts.size() != 2) {
      return invalid_argument("--julia needs 2 comma-separated numbers KR,KI, got '{}'", *o.julia);
    }
    if (Status s = parse_double(parts[0], "--julia", &f.julia_re); !s.ok()) return s;
    if (Status s = parse_double(parts[1], "--julia", &f.julia_im); !s.ok()) return s;
  } else if (f.julia()) {
    return invalid_argument("--family julia needs its constant: --julia KR,KI");
  }

  if (f.kind == FamilyKind::kMultibrot) f.power = kDefaultMultibrotPower;
  if (o.power) {
    if (f.kind != FamilyKind::kMultibrot) {
      return invalid_argument("--power '{}' needs --family multibrot, got --family {}", *o.power,
                              family_name(f.kind));
    }
    int64_t power = 0;
    const Status s = parse_int64(*o.power, "--power", &power);
    if (!s.ok() || power < kMinPower || power > kMaxPower) {
      return invalid_argument("--power must be an integer from {} to {}, got '{}'", kMinPower,
                              kMaxPower, *o.power);
    }
    f.power = static_cast<int32_t>(power);
  }
  *family = f;
  return Status();
}

RenderOptions with_family_view(const RenderOptions& o, const Family& family) {
  RenderOptions view = o;
  if (family.julia() && !o.region && !o.center) view.center = "0,0";
  return view;
}

}  // namespace mandelbrot
