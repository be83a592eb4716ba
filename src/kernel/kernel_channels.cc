// The scalar channel loop: each point's orbit with the family's step from
// fractal/formulas-inl.h and, when the distance estimate is wanted, its
// derivative, then the channels' values at escape, all with the formulas of
// kernel/channel_formulas-inl.h instantiated for double (the SIMD loop,
// kernel_channels_simd.cc, instantiates the same formulas for vectors).
#include "kernel/kernel_channels.h"

#include <fmt/format.h>
#include <hwy/highway.h>

#include <bit>
#include <cmath>
#include <limits>

#include "fractal/formulas-inl.h"
#include "kernel/channel_formulas-inl.h"

namespace mandelbrot {
namespace {

namespace hn = HWY_NAMESPACE;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The number type double for kernel/channel_formulas-inl.h.
struct ScalarChannelOps : hn::ScalarOps {
  static double Div(double a, double b) { return a / b; }
  static double Sqrt(double a) { return std::sqrt(a); }
  static double Set(double a) { return a; }
  static double Select(bool m, double a, double b) { return m ? a : b; }
  static bool Finite(double a) { return std::fabs(a) < std::numeric_limits<double>::infinity(); }
  // The split of channel_formulas-inl.h's Log, with the integer operations of
  // the vector split (kernel_channels_simd.cc).
  static hn::LogSplit<double, bool> LogParts(double x) {
    const uint64_t bits = std::bit_cast<uint64_t>(x);
    const uint64_t mantissa = bits & hn::kMantissaMask;
    const uint64_t carry = (mantissa + hn::kSqrt2Carry) & hn::kImplicitBit;
    const double normal = std::bit_cast<double>(mantissa | (carry ^ hn::kExponentOne));
    const uint64_t exponent = (bits >> 52) + (carry >> 52);
    const double k = static_cast<double>(static_cast<int64_t>(exponent)) - 1023.0;
    const double hx = static_cast<double>(static_cast<int64_t>(mantissa >> 32));
    return {k, normal - 1.0, hx >= hn::kHfsqFormLow && hx <= hn::kHfsqFormHigh};
  }
};

// What one orbit gives at escape (escape >= 0): the index, |z|^2 and the
// derivative.
struct Orbit {
  int32_t escape = -1;  // -1: did not escape within the iterations
  double modulus_squared = 0;
  double dzr = 0;
  double dzi = 0;
};

// The orbit from z_0 = (zr, zi) with constant c. With kDerivative, dz/dc (or
// dz/dz_0 for julia, `julia`) goes along (DerivativeStep, before z's step).
// Only points that escape are iterated (their count is below iterations - 1),
// so the loop ends within count + 2 steps.
template <bool kDerivative, class Step>
Orbit Iterate(const Step& step, int32_t degree, bool julia, double zr, double zi, double cr,
              double ci, int32_t iterations, double bailout_squared) {
  Orbit orbit;
  double dzr = julia ? 1.0 : 0.0;
  double dzi = 0.0;
  const double add = julia ? 0.0 : 1.0;
  const double d = static_cast<double>(degree);
  for (int32_t n = 0; n < iterations; ++n) {
    const double x2 = zr * zr;
    const double y2 = zi * zi;
    if (!(x2 + y2 <= bailout_squared)) {
      orbit.escape = n;
      orbit.modulus_squared = x2 + y2;
      orbit.dzr = dzr;
      orbit.dzi = dzi;
      return orbit;
    }
    if constexpr (kDerivative) {
      hn::DerivativeStep<ScalarChannelOps>(degree, d, add, zr, zi, dzr, dzi);
    }
    step.template Step<hn::ScalarOps>(x2, y2, zr, zi, cr, ci);
  }
  return orbit;
}

template <bool kDerivative, class Step>
void Row(const Step& step, const KernelParams& params, int32_t row, const RowOut& out) {
  const Family& family = params.family;
  const int32_t degree = step_degree(family);
  const double bailout_squared = params.bailout * params.bailout;
  const double pixel = pixel_width(params);
  const int32_t inside = params.iterations - 1;
  const double log_degree = channel_log(static_cast<double>(degree));
  for (int32_t j = 0; j < params.width; ++j) {
    if (out.counts[j] == inside) {
      if (out.smooth) out.smooth[j] = kNaN;
      if (out.distance) out.distance[j] = kNaN;
      continue;
    }
    double re, im;
    params.sample(row, j, &re, &im);
    const Orbit orbit =
        family.julia() ? Iterate<kDerivative>(step, degree, true, re, im, family.julia_re,
                                              family.julia_im, params.iterations, bailout_squared)
                       : Iterate<kDerivative>(step, degree, false, 0.0, 0.0, re, im,
                                              params.iterations, bailout_squared);
    const bool escaped = orbit.escape >= 0;
    if (out.smooth) {
      out.smooth[j] =
          escaped ? smooth_value(orbit.escape, orbit.modulus_squared, log_degree) : kNaN;
    }
    if constexpr (kDerivative) {
      out.distance[j] =
          escaped ? distance_value(orbit.modulus_squared, orbit.dzr, orbit.dzi, pixel) : kNaN;
    }
  }
}

}  // namespace

int32_t step_degree(const Family& family) {
  return family.kind == FamilyKind::kMultibrot ? family.power : 2;
}

std::string channels_problem(const KernelParams& params, Channels channels) {
  if (!channels.any()) return "";
  if (!(params.bailout >= 2)) {
    return fmt::format("the smooth value and the distance estimate need --bailout >= 2, got {}",
                       params.bailout);
  }
  const FamilyKind kind = params.family.kind;
  if (channels.distance && (kind == FamilyKind::kBurningShip || kind == FamilyKind::kTricorn)) {
    return fmt::format(
        "the distance estimate needs a holomorphic family (mandelbrot, julia, multibrot), not {}",
        family_name(kind));
  }
  return "";
}

double channel_log(double x) { return hn::Log<ScalarChannelOps>(x); }

double smooth_value(int32_t escape, double modulus_squared, double log_degree) {
  return hn::SmoothValue<ScalarChannelOps>(static_cast<double>(escape),
                                           channel_log(modulus_squared), log_degree);
}

double distance_value(double modulus_squared, double dzr, double dzi, double pixel) {
  return hn::DistanceValue<ScalarChannelOps>(modulus_squared, channel_log(modulus_squared), dzr,
                                             dzi, pixel);
}

double pixel_width(const KernelParams& params) {
  return (params.region.xmax - params.region.xmin) / params.full_width();
}

void channel_row(const KernelParams& params, int32_t row, const RowOut& out) {
  hn::VisitStep(params.family, [&](const auto& step) {
    if (out.distance) {
      Row<true>(step, params, row, out);
    } else {
      Row<false>(step, params, row, out);
    }
  });
}

}  // namespace mandelbrot
