// The family options of a render request (--family, --julia, --power), parsed
// into a Family: one function, so that every bad value gets the same kind of message.
#pragma once

#include "base/status.h"
#include "fractal/family.h"
#include "render/options.h"

namespace mandelbrot {

// The power of `--family multibrot` without --power.
inline constexpr int32_t kDefaultMultibrotPower = 3;

// Parses the family options of o: --family NAME (default mandelbrot, or julia
// when --julia is given), --julia KR,KI (required with julia, an error with any
// other family) and --power D (an integer from 2 to 8, multibrot only; default
// kDefaultMultibrotPower). On a bad value returns a usage error naming the
// option and the value (and, for a bad name, every valid name).
Status parse_family_options(const RenderOptions& o, Family* family);

// The options as given, with the default view of the family filled in: Julia
// sets are centred at 0,0 (docs/SEMANTICS.md, "Families") unless a region or centre is given.
RenderOptions with_family_view(const RenderOptions& o, const Family& family);

}  // namespace mandelbrot
