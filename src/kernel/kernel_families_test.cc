// The fractal families in the kernel: the scalar reference against loops written
// here straight from docs/SEMANTICS.md ("Families"), and every kernel, shortcut setting and
// thread count against the scalar reference, on views at each shortcut's edge
// and on rotated views.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "fractal/family.h"
#include "kernel/kernel.h"
#include "kernel/kernel_test_support.h"

namespace mandelbrot {
namespace {

// The contract of each family, written out independently of fractal/: the
// check, then the step, for n = 0 .. iterations - 1.
int32_t hand_count(const Family& f, double re, double im, int32_t iterations, double b2) {
  double zr = f.julia() ? re : 0.0;
  double zi = f.julia() ? im : 0.0;
  const double cr = f.julia() ? f.julia_re : re;
  const double ci = f.julia() ? f.julia_im : im;
  int32_t count = 0;
  for (int32_t n = 0; n < iterations; ++n) {
    const double x2 = zr * zr;
    const double y2 = zi * zi;
    if (!(x2 + y2 <= b2)) break;
    count = n;
    switch (f.kind) {
      case FamilyKind::kMandelbrot:
      case FamilyKind::kJulia: {
        const double t = x2 - y2 + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        break;
      }
      case FamilyKind::kBurningShip: {
        const double t = x2 - y2 + cr;
        zi = std::fabs(2 * zr * zi) + ci;
        zr = t;
        break;
      }
      case FamilyKind::kTricorn: {
        const double t = x2 - y2 + cr;
        zi = ci - 2 * zr * zi;
        zr = t;
        break;
      }
      case FamilyKind::kMultibrot: {
        double wr = zr;
        double wi = zi;
        for (int32_t k = 1; k < f.power; ++k) {
          const double r = wr * zr - wi * zi;
          wi = wr * zi + wi * zr;
          wr = r;
        }
        zr = wr + cr;
        zi = wi + ci;
        break;
      }
    }
  }
  return count;
}

// The rotated sample point, written out independently of KernelParams.
void hand_sample(const KernelParams& p, int32_t i, int32_t j, double* re, double* im) {
  const double x =
      p.region.xmin + static_cast<double>(j) / p.width * (p.region.xmax - p.region.xmin);
  const double y =
      p.region.ymax - static_cast<double>(i) / p.height * (p.region.ymax - p.region.ymin);
  if (p.rotation.cos == 1 && p.rotation.sin == 0) {
    *re = x;
    *im = y;
    return;
  }
  const double u = x - p.rotation.cx;
  const double v = y - p.rotation.cy;
  *re = p.rotation.cx + (u * p.rotation.cos - v * p.rotation.sin);
  *im = p.rotation.cy + (u * p.rotation.sin + v * p.rotation.cos);
}

std::vector<int32_t> brute_force(const KernelParams& p) {
  std::vector<int32_t> out;
  for (int32_t i = 0; i < p.height; ++i) {
    for (int32_t j = 0; j < p.width; ++j) {
      double re, im;
      hand_sample(p, i, j, &re, &im);
      out.push_back(hand_count(p.family, re, im, p.iterations, p.bailout * p.bailout));
    }
  }
  return out;
}

Rotation rotation_of(double degrees, double cx, double cy) {
  const double a = degrees * 3.141592653589793 / 180;
  return Rotation{std::cos(a), std::sin(a), cx, cy};
}

using FamilyCase = testing::KernelCase;
using testing::params_of;
using testing::reference_of;

const Family kMandelbrot = make_family(FamilyKind::kMandelbrot);
const Family kBurningShip = make_family(FamilyKind::kBurningShip);
const Family kTricorn = make_family(FamilyKind::kTricorn);

// Views at each shortcut's edge for every family: the cardioid cusp and the
// bulb neck (mandelbrot, also rotated), views whose largest |c| is just inside
// or just outside the block test's bound (B = 2: |c| <= 1), points escaping at
// the first check (julia's count 0), periodic interiors, and rotated views
// whose c varies along a row in both parts.
const FamilyCase kFamilyCases[] = {
    {"mandelbrot rotated cusp",
     {0.2499, 0.2501, -1e-4, 1e-4},
     45,
     31,
     2000,
     10,
     kMandelbrot,
     rotation_of(30, 0.25, 0)},
    {"mandelbrot rotated bulb neck",
     {-0.76, -0.74, -0.01, 0.01},
     40,
     33,
     1500,
     10,
     kMandelbrot,
     rotation_of(-75, -0.75, 0)},
    {"mandelbrot rotated default",
     {-2, 1, -1.5, 1.5},
     64,
     48,
     300,
     10,
     kMandelbrot,
     rotation_of(90, -0.5, 0)},
    {"mandelbrot rotated, bailout 2 at the bound",
     {-0.6, 0.6, -0.79, 0.79},
     50,
     40,
     500,
     2,
     kMandelbrot,
     rotation_of(45, 0, 0)},
    {"julia rabbit",
     {-1.5, 1.5, -1.5, 1.5},
     61,
     47,
     500,
     10,
     make_family(FamilyKind::kJulia, 2, -0.12, 0.75),
     Rotation()},
    {"julia basilica (periodic inside)",
     {-1.6, 1.6, -1, 1},
     64,
     40,
     1000,
     10,
     make_family(FamilyKind::kJulia, 2, -1, 0),
     Rotation()},
    {"julia with first-check escapes",
     {-20, 20, -15, 15},
     53,
     41,
     300,
     10,
     make_family(FamilyKind::kJulia, 2, -1, 0.1),
     Rotation()},
    {"julia at the block bound (|K| = 1, B = 2)",
     {-1.5, 1.5, -1, 1},
     50,
     34,
     700,
     2,
     make_family(FamilyKind::kJulia, 2, -1, 0),
     Rotation()},
    {"julia past the block bound",
     {-1.5, 1.5, -1, 1},
     50,
     34,
     700,
     2,
     make_family(FamilyKind::kJulia, 2, -1.0000001, 0),
     Rotation()},
    {"julia rotated",
     {-1, 1, -0.8, 0.8},
     48,
     39,
     800,
     10,
     make_family(FamilyKind::kJulia, 2, -0.12, 0.75),
     rotation_of(20, 0.1, -0.1)},
    {"burning ship", {-2.5, 1.5, -2, 1}, 64, 48, 300, 10, kBurningShip, Rotation()},
    {"burning ship antenna", {-1.8, -1.7, -0.09, 0.01}, 57, 45, 1000, 10, kBurningShip, Rotation()},
    {"burning ship, bailout 2 at the bound",
     {-0.6, 0.6, -0.79, 0.79},
     41,
     37,
     400,
     2,
     kBurningShip,
     Rotation()},
    {"burning ship rotated",
     {-2.5, 1.5, -2, 1},
     50,
     40,
     300,
     10,
     kBurningShip,
     rotation_of(-120, -0.5, -0.5)},
    {"tricorn", {-2, 2, -2, 2}, 64, 49, 400, 10, kTricorn, Rotation()},
    {"tricorn edge", {-0.3, 0.3, 0.5, 0.9}, 45, 45, 1500, 10, kTricorn, Rotation()},
    {"tricorn rotated, bailout 2",
     {-1.5, 1.5, -1.2, 1.2},
     50,
     39,
     500,
     2,
     kTricorn,
     rotation_of(10, 0, 0)},
    {"multibrot 3",
     {-1.5, 1.5, -1.5, 1.5},
     61,
     47,
     400,
     10,
     make_family(FamilyKind::kMultibrot, 3),
     Rotation()},
    {"multibrot 4 edge",
     {0.3, 0.5, 0.6, 0.8},
     44,
     41,
     1200,
     10,
     make_family(FamilyKind::kMultibrot, 4),
     Rotation()},
    {"multibrot 5 rotated",
     {-1.3, 1.3, -1.3, 1.3},
     47,
     45,
     300,
     10,
     make_family(FamilyKind::kMultibrot, 5),
     rotation_of(33, 0, 0)},
    {"multibrot 8, bailout 2",
     {-0.6, 0.6, -0.79, 0.79},
     41,
     39,
     300,
     2,
     make_family(FamilyKind::kMultibrot, 8),
     Rotation()},
    {"multibrot 7, huge bailout",
     {-1.5, 1.5, -1.5, 1.5},
     40,
     40,
     200,
     1e6,
     make_family(FamilyKind::kMultibrot, 7),
     Rotation()},
};

TEST(KernelFamilies, ScalarReferenceEqualsHandWrittenLoops) {
  for (const FamilyCase& c : kFamilyCases) {
    const KernelParams p = params_of(c);
    ASSERT_TRUE(check_kernel_params(p).ok()) << c.name << ": " << check_kernel_params(p).message();
    EXPECT_EQ(brute_force(p), reference_of(p)) << c.name;
  }
}

TEST(KernelFamilies, TheCasesCoverWhatTheyClaim) {
  for (const FamilyCase& c : kFamilyCases) {
    const std::vector<int32_t> counts = reference_of(params_of(c));
    // Every view has points inside and points that escape.
    EXPECT_NE(std::count(counts.begin(), counts.end(), c.iterations - 1), 0) << c.name;
    EXPECT_TRUE(std::any_of(counts.begin(), counts.end(), [&](int32_t v) {
      return v < c.iterations - 1;
    })) << c.name;
  }
  const std::vector<int32_t> first = reference_of(params_of(kFamilyCases[6]));
  EXPECT_NE(std::count(first.begin(), first.end(), 0), 0);  // z_0 outside: count 0
  // A rotated view's c varies along a row in both parts: its counts differ
  // from the unrotated view's.
  KernelParams rotated = params_of(kFamilyCases[2]);
  KernelParams plain = rotated;
  plain.rotation = Rotation();
  EXPECT_NE(reference_of(rotated), reference_of(plain));
}

TEST(KernelFamilies, EveryKernelShortcutSettingAndThreadCountMatchesTheReference) {
  for (const FamilyCase& c : kFamilyCases) {
    const KernelParams p = params_of(c);
    const std::vector<int32_t> expected = reference_of(p);
    for (const std::string& name : kernel_names()) {
      for (bool shortcuts : {true, false}) {
        Kernel kernel;
        ASSERT_TRUE(choose_kernel(name, shortcuts, &kernel).ok()) << name;
        for (int threads : {1, 2, 3}) {
          std::vector<int32_t> got(expected.size(), -1);
          render_rows(p, kernel, 0, p.height, threads, got.data());
          ASSERT_EQ(expected, got) << c.name << ", kernel " << name << ", shortcuts " << shortcuts
                                   << ", threads " << threads;
        }
      }
    }
  }
}

TEST(KernelFamilies, EscapesAtTheLastStepAreExactForEveryFamily) {
  // A point whose check first fails at step k, rendered with iterations k + 1
  // (count iterations - 2) and k (count iterations - 1), as column 0 of row 0.
  struct Point {
    Family family;
    double x, y;
  };
  const Point points[] = {
      {make_family(FamilyKind::kJulia, 2, -0.8, 0.156), 0.3, 0.2},
      {make_family(FamilyKind::kJulia, 2, -1, 0), 0.52, 0.156},
      {kBurningShip, -1.76, -0.02},
      {kBurningShip, 0.42, -0.624},
      {kTricorn, 0.368, 0.832},
      {kTricorn, 0.264, -0.228},
      {make_family(FamilyKind::kMultibrot, 3), 0.536, 0.38},
      {make_family(FamilyKind::kMultibrot, 6), -0.548, 0.364},
  };
  for (const Point& pt : points) {
    const int32_t k = family_count(pt.family, pt.x, pt.y, 1 << 20, 100.0) + 1;
    ASSERT_LT(k, 1 << 20) << family_name(pt.family.kind) << " " << pt.x << "," << pt.y;
    ASSERT_GT(k, 9) << "a point that escapes late exercises the block replay";
    for (int32_t iterations : {k + 1, k}) {
      KernelParams p;
      p.width = 23;
      p.height = 3;
      p.iterations = iterations;
      p.region = {pt.x, pt.x + 1e-9, pt.y - 1e-9, pt.y};
      p.family = pt.family;
      const std::vector<int32_t> expected = reference_of(p);
      ASSERT_EQ(expected[0], iterations == k + 1 ? iterations - 2 : iterations - 1);
      for (const std::string& name : kernel_names()) {
        for (bool shortcuts : {true, false}) {
          Kernel kernel;
          ASSERT_TRUE(choose_kernel(name, shortcuts, &kernel).ok());
          std::vector<int32_t> got(expected.size());
          render_rows(p, kernel, 0, p.height, 1, got.data());
          ASSERT_EQ(expected, got) << family_name(pt.family.kind) << " " << pt.x << "," << pt.y
                                   << " iterations " << iterations << " kernel " << name;
        }
      }
    }
  }
}

TEST(KernelFamilies, MultibrotPowerTwoIsMandelbrotBitForBit) {
  // Including a view where zr*zi is subnormal: the literal multibrot order
  // (zr*zi + zi*zr) could round differently there, so power 2 is defined as the
  // mandelbrot step (fractal/formulas-inl.h).
  const Region regions[] = {
      {-2, 1, -1.5, 1.5}, {-0.76, -0.74, -0.01, 0.01}, {1e-160, 3e-160, 1e-160, 3e-160}};
  for (const Region& r : regions) {
    KernelParams m;
    m.width = 57;
    m.height = 38;
    m.iterations = 500;
    m.region = r;
    KernelParams d = m;
    d.family = make_family(FamilyKind::kMultibrot, 2);
    const std::vector<int32_t> expected = reference_of(m);
    EXPECT_EQ(expected, reference_of(d));
    for (const std::string& name : kernel_names()) {
      Kernel kernel;
      ASSERT_TRUE(choose_kernel(name, true, &kernel).ok());
      std::vector<int32_t> got(expected.size());
      render_rows(d, kernel, 0, d.height, 2, got.data());
      EXPECT_EQ(expected, got) << name;
    }
  }
}

TEST(KernelFamilies, RotatedSamplePointsFollowTheFormula) {
  KernelParams p;
  p.width = 8;
  p.height = 6;
  p.rotation = rotation_of(30, -0.5, 0.25);
  for (int32_t i = 0; i < p.height; ++i) {
    for (int32_t j = 0; j < p.width; ++j) {
      double re, im, hre, him;
      p.sample(i, j, &re, &im);
      hand_sample(p, i, j, &hre, &him);
      EXPECT_EQ(re, hre);
      EXPECT_EQ(im, him);
    }
  }
  // The identity gives exactly x_at and y_at.
  p.rotation = Rotation();
  double re, im;
  p.sample(3, 5, &re, &im);
  EXPECT_EQ(re, p.x_at(5));
  EXPECT_EQ(im, p.y_at(3));
  // A quarter turn about the centre maps the right edge's midpoint to the top.
  p.rotation = Rotation{0, 1, -0.5, 0};
  p.rotate(1.0, 0.0, &re, &im);
  EXPECT_EQ(re, -0.5);
  EXPECT_EQ(im, 1.5);
}

TEST(KernelFamilies, ForcingATargetRunsThatTargetsCode) {
  // Every target computes the same counts, so a wrong dispatch index would go
  // unnoticed by the other tests: here the chosen code reports the target it
  // was compiled for.
  int simd = 0;
  for (const std::string& name : kernel_names()) {
    Kernel kernel;
    ASSERT_TRUE(choose_kernel(name, true, &kernel).ok());
    ASSERT_NE(kernel.select, nullptr) << name;
    if (name == "scalar") {
      EXPECT_EQ(kernel.compiled_target, 0);
      continue;
    }
    EXPECT_EQ(simd_target_name(kernel.compiled_target), name);
    ++simd;
  }
  EXPECT_GE(simd, 1);
  Kernel best;
  ASSERT_TRUE(choose_kernel("auto", true, &best).ok());
  EXPECT_EQ(simd_target_name(best.compiled_target), kernel_names().front());
}

TEST(KernelFamilies, BadFamiliesAndRotationsAreRejected) {
  KernelParams p;
  p.family = make_family(FamilyKind::kMultibrot, 9);
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kFamily);
  EXPECT_NE(check_kernel_params(p).message().find("got 9"), std::string::npos);
  p.family = make_family(FamilyKind::kMultibrot, 1);
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kFamily);
  p.family = make_family(FamilyKind::kTricorn, 3);
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kFamily);
  p.family = make_family(FamilyKind::kJulia, 2, NAN, 0);
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kFamily);
  p.family = make_family(FamilyKind::kMandelbrot, 2, 0.5, 0);
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kFamily);
  p.family = make_family(FamilyKind::kJulia, 2, 0.5, 0);
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kNone);
  p.rotation.sin = INFINITY;
  EXPECT_EQ(find_kernel_params_problem(p), KernelParamsProblem::kRotation);
  EXPECT_EQ(check_kernel_params(p).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mandelbrot
