#include "deep/deep_render.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "base/file_reader.h"
#include "deep/deep_geometry.h"
#include "deep/perturbation.h"
#include "kernel/kernel.h"
#include "view/kfr_file.h"
#include "view/view.h"

namespace mandelbrot {
namespace {

View view_of(const std::string& center, const std::string& radius, int32_t size,
             const std::string& angle = "") {
  View v;
  v.width = size;
  v.height = size;
  EXPECT_TRUE(parse_view_center(center, &v).ok());
  EXPECT_TRUE(parse_view_radius(radius, &v).ok());
  if (!angle.empty()) {
    EXPECT_TRUE(parse_view_angle(angle, &v).ok());
  }
  return v;
}

DeepRequest request_of(const View& v, const Family& family, int32_t iterations) {
  DeepRequest r;
  EXPECT_TRUE(make_deep_geometry(v, &r.geometry).ok());
  r.family = family;
  r.iterations = iterations;
  r.bailout = 10;
  return r;
}

std::vector<int32_t> render(const DeepRequest& r, DeepReport* report = nullptr) {
  const bool window = r.window.width > 0;
  const int64_t pixels = window ? int64_t{r.window.width} * r.window.height
                                : int64_t{r.geometry.view.width} * r.geometry.view.height;
  std::vector<int32_t> counts(static_cast<size_t>(pixels), -100);
  DeepReport unused;
  EXPECT_TRUE(render_deep(r, RowOut{counts.data()}, nullptr, report ? report : &unused).ok());
  return counts;
}

// The direct double path's counts of the same view (its exact contract).
std::vector<int32_t> direct(const View& v, const Family& family, int32_t iterations) {
  DoubleView d;
  EXPECT_TRUE(double_view(v, &d).ok());
  KernelParams k;
  k.width = v.width;
  k.height = v.height;
  k.iterations = iterations;
  k.region = Region{d.xmin, d.xmax, d.ymin, d.ymax};
  k.rotation = Rotation{d.cos, d.sin, d.cx, d.cy};
  k.family = family;
  std::vector<int32_t> out(static_cast<size_t>(v.width) * v.height);
  render_rows_scalar(k, 0, v.height, out.data());
  return out;
}

// Equal on at least 99.9% of pixels, none off by more than 2 (docs/SEMANTICS.md,
// "Deep zoom"); prints the figures.
void expect_agreement(const std::vector<int32_t>& a, const std::vector<int32_t>& b,
                      const std::string& what) {
  ASSERT_EQ(a.size(), b.size());
  int64_t equal = 0;
  int64_t worst = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    equal += a[i] == b[i] ? 1 : 0;
    worst = std::max<int64_t>(worst, std::abs(int64_t{a[i]} - b[i]));
  }
  const double share = static_cast<double>(equal) / static_cast<double>(a.size());
  std::printf("%s: %.4f%% equal, largest difference %lld\n", what.c_str(), 100 * share,
              static_cast<long long>(worst));
  EXPECT_GE(share, 0.999) << what;
  EXPECT_LE(worst, 2) << what;
}

// Calls check(request, "target threads N") with r's perturb set to every
// SIMD target's loop and its threads to each of `threads`.
template <class Check>
void for_every_target(DeepRequest r, std::initializer_list<int> threads, const Check& check) {
  for (const std::string& name : kernel_names()) {
    if (name == "scalar") continue;
    Kernel kernel;
    ASSERT_TRUE(choose_kernel(name, true, &kernel).ok());
    r.perturb = perturb_function_for_target(kernel.compiled_target);
    ASSERT_NE(r.perturb, nullptr) << name;
    for (int t : threads) {
      r.threads = t;
      check(r, name + " threads " + std::to_string(t));
    }
  }
}

// Every SIMD target, at each of `threads`, computes `expected` for `r` (the
// scalar loop's bytes).
void expect_every_target_gives(const DeepRequest& r, const std::vector<int32_t>& expected,
                               const std::string& what, std::initializer_list<int> threads) {
  for_every_target(r, threads, [&](const DeepRequest& each, const std::string& how) {
    EXPECT_EQ(render(each), expected) << what << " " << how;
  });
}

const Family kFamilies[] = {
    make_family(FamilyKind::kMandelbrot), make_family(FamilyKind::kMultibrot, 3),
    make_family(FamilyKind::kMultibrot, 5), make_family(FamilyKind::kBurningShip),
    make_family(FamilyKind::kTricorn)};

TEST(DeepRender, EverySimdTargetAndThreadCountGivesTheScalarLoopsBytes) {
  const View v = view_of("-1.7598171308048478136,-0.0125933107997498653", "1e-20", 48, "30");
  for (const Family& family : kFamilies) {
    DeepRequest r = request_of(v, family, 800);
    expect_every_target_gives(r, render(r), std::string(family_name(family.kind)), {1, 2, 3});
  }
}

// A render's counts and channels, as bytes (NaN compared bit for bit).
struct Channels3 {
  std::vector<int32_t> counts;
  std::vector<double> smooth;
  std::vector<double> distance;
};

Channels3 render_channels(const DeepRequest& r, bool distance) {
  const size_t pixels = static_cast<size_t>(r.geometry.view.width) * r.geometry.view.height;
  Channels3 c{std::vector<int32_t>(pixels, -100), std::vector<double>(pixels, -1.0),
              std::vector<double>(distance ? pixels : 0, -1.0)};
  DeepReport report;
  EXPECT_TRUE(
      render_deep(r,
                  RowOut{c.counts.data(), c.smooth.data(), distance ? c.distance.data() : nullptr},
                  nullptr, &report)
          .ok());
  return c;
}

bool same_bytes(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// The channels at depth: every SIMD target carries z and the derivative D as
// the scalar loop does (deep/perturbation.h), through plain steps, runs of
// maps and rebases, so its smooth values and distances are the scalar loop's
// bytes; with the smooth value alone, periodicity stays on.
TEST(DeepRender, EverySimdTargetGivesTheScalarLoopsChannels) {
  struct Case {
    const char* center;
    const char* radius;
    int32_t iterations;
    Family family;
    bool distance;
  };
  const char* needle =
      "-1.99999999999999999998970118286005084285548971887167130004864625162169553457,0";
  const Case cases[] = {{needle, "3e-43", 3000, make_family(FamilyKind::kMandelbrot), true},
                        {needle, "3e-43", 3000, make_family(FamilyKind::kMultibrot, 3), true},
                        {"-1.7598171308048478136,-0.0125933107997498653", "1e-20", 2000,
                         make_family(FamilyKind::kMandelbrot), true},
                        {needle, "3e-43", 3000, make_family(FamilyKind::kBurningShip), false},
                        {needle, "3e-43", 3000, make_family(FamilyKind::kTricorn), false},
                        {"-1.78,0", "1e-3", 20000, make_family(FamilyKind::kMandelbrot), false}};
  for (const Case& c : cases) {
    DeepRequest r = request_of(view_of(c.center, c.radius, 32), c.family, c.iterations);
    r.bailout = 256;
    r.periodicity = true;
    const Channels3 expected = render_channels(r, c.distance);
    const std::string what = std::string(c.center) + " " + std::string(family_name(c.family.kind));
    ASSERT_TRUE(std::any_of(expected.smooth.begin(), expected.smooth.end(), [](double v) {
      return v > 0;
    })) << what;
    for_every_target(r, {1, 2}, [&](const DeepRequest& each, const std::string& how) {
      const Channels3 got = render_channels(each, c.distance);
      EXPECT_EQ(got.counts, expected.counts) << what << " " << how;
      EXPECT_TRUE(same_bytes(got.smooth, expected.smooth)) << what << " " << how;
      EXPECT_TRUE(same_bytes(got.distance, expected.distance)) << what << " " << how;
    });
  }
}

// In the extended range, the plain steps taken in doubles are FloatExp's
// steps bit for bit: at Kalles Fraktaler's 4e533 location (tests/data/kfr),
// whose pixels leave the reference (608 different counts at 32x32), the
// counts and the smooth values, which keep every bit of |z| at the escape,
// are the same bytes with and without them.
TEST(DeepRender, DoubleStepsInTheExtendedRangeAreFloatExpsSteps) {
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(
      read_file(std::string(MANDELBROT_TEST_DATA_DIR) + "/kfr/4e533.kfr", kMaxKfrBytes, "", &bytes)
          .ok());
  KfrFile kfr;
  ASSERT_TRUE(parse_kfr(std::string(bytes.begin(), bytes.end()), "4e533.kfr", &kfr).ok());
  DeepRequest r = request_of(view_of(kfr.re.value + "," + kfr.im.value, kfr.radius, 24),
                             make_family(FamilyKind::kMandelbrot), 120000);
  ASSERT_TRUE(r.geometry.extended);
  r.bailout = 256;
  r.double_steps = false;
  const Channels3 floatexp = render_channels(r, false);
  r.double_steps = true;
  const Channels3 doubles = render_channels(r, false);
  EXPECT_EQ(doubles.counts, floatexp.counts);
  EXPECT_TRUE(same_bytes(doubles.smooth, floatexp.smooth));
  EXPECT_GT(std::set<int32_t>(floatexp.counts.begin(), floatexp.counts.end()).size(), 100u);
}

// Periodicity (deep/cycle_finder.h) skips cycles without changing a count: in
// a deep minibrot of period 3 (every pixel inside, many caught in a cycle of
// rebases) and around a bulb of period 6 (one pixel in nine inside), for z^2
// and z^3, the scalar loop and every SIMD target give the counts of the loop
// without it.
TEST(DeepRender, PeriodicityKeepsTheCountsAndSkipsCycles) {
  struct Case {
    const char* center;
    const char* radius;
  };
  const Case cases[] = {{"-1.75487766624669276004950889635852,0", "1e-25"}, {"-1.78,0", "1e-3"}};
  for (const Case& c : cases) {
    for (const Family& family :
         {make_family(FamilyKind::kMandelbrot), make_family(FamilyKind::kMultibrot, 3)}) {
      DeepRequest r = request_of(view_of(c.center, c.radius, 24), family, 20000);
      r.periodicity = false;
      DeepReport plain_report;
      const std::vector<int32_t> plain = render(r, &plain_report);
      EXPECT_EQ(plain_report.periodic_pixels, 0);
      r.periodicity = true;
      DeepReport report;
      const std::string what = std::string(c.center) + " " + std::string(family_name(family.kind));
      EXPECT_EQ(render(r, &report), plain) << what;
      expect_every_target_gives(r, plain, what, {1, 2});
      std::printf("%s: %lld of %zu pixels skipped cycles, %lld inside\n", what.c_str(),
                  static_cast<long long>(report.periodic_pixels), plain.size(),
                  static_cast<long long>(std::count(plain.begin(), plain.end(), 19999)));
      if (family.kind == FamilyKind::kMandelbrot) {
        EXPECT_GT(report.periodic_pixels, 0) << what;
      }
    }
  }
}

// Where both apply, and the counts are well conditioned (no pixel whose count
// depends on more bits than doubles keep, which the direct path gets wrong as
// well: docs/SEMANTICS.md, "Deep zoom"), the two paths agree by the rule.
TEST(DeepRender, AgreesWithTheDirectPathWhereBothApply) {
  struct Case {
    const char* center;
    const char* radius;
    const char* angle;
    int32_t iterations;
  };
  const Case cases[] = {{"-0.75,0.1", "0.05", "", 300},
                        {"-1.25,0.02", "0.01", "20", 300},
                        {"-0.1011,0.9563", "1e-4", "", 600},
                        {"0.2925755,-0.0149977", "1e-6", "", 600}};
  for (const Family& family : kFamilies) {
    for (const Case& c : cases) {
      const View v = view_of(c.center, c.radius, 64, c.angle);
      const DeepRequest r = request_of(v, family, c.iterations);
      expect_agreement(render(r), direct(v, family, c.iterations),
                       std::string(family_name(family.kind)) + " power " +
                           std::to_string(family.power) + " at " + c.center + " r " + c.radius);
    }
  }
}

// Next to the 1e14 benchmark location: the centre escapes after 309 steps,
// and some pixels reach that end without rebasing, so they take a second
// reference (4036 iterations).
View two_reference_view() {
  return view_of(
      "-1.7598171308043478136108250105617982382439999999999999999998,"
      "-0.01259331079974986538374663184326485845034",
      "2e-15", 64);
}

TEST(DeepRender, PixelsBeyondAnEscapedReferenceGetANewOne) {
  const View v = two_reference_view();
  DeepReport report;
  DeepRequest r = request_of(v, make_family(FamilyKind::kMandelbrot), 4036);
  const std::vector<int32_t> counts = render(r, &report);
  EXPECT_GT(report.references, 1);
  EXPECT_EQ(report.approximate_pixels, 0);
  for (int32_t c : counts) EXPECT_FALSE(is_unfinished(c));
  // The same bytes on every SIMD target and thread count: the end-of-reference
  // path of the lanes, too.
  for (const std::string& name : kernel_names()) {
    if (name == "scalar") continue;
    Kernel kernel;
    ASSERT_TRUE(choose_kernel(name, true, &kernel).ok());
    r.perturb = perturb_function_for_target(kernel.compiled_target);
    for (int threads : {1, 2}) {
      r.threads = threads;
      DeepReport simd_report;
      EXPECT_EQ(render(r, &simd_report), counts) << name << " threads " << threads;
      EXPECT_EQ(simd_report.references, report.references) << name;
    }
  }
}

// The bilinear approximation skips steps without changing the counts beyond
// the rule (docs/SEMANTICS.md, "Deep zoom"), at the depths of doubles and of
// the extended range, and every SIMD target and thread count computes the
// scalar loop's bytes with it.
TEST(DeepRender, BilinearApproximationKeepsTheCountsOfPlainSteps) {
  struct Case {
    const char* center;
    const char* radius;
    int32_t size;
    int32_t iterations;
  };
  const Case cases[] = {
      // next to the period-40 minibrot on the needle (tests/e2e/test_deep_accuracy.py)
      {"-1.99999999999999999998970118286005084285548971887167130004864625162169553457,0", "3e-43",
       64, 3000},
      {"-1.7598171308048478136,-0.0125933107997498653", "1e-20", 64, 2000},
      {"0,1", "1e-1000", 24, 3000}};
  const Family families[] = {make_family(FamilyKind::kMandelbrot),
                             make_family(FamilyKind::kMultibrot, 3)};
  for (const Family& family : families) {
    for (const Case& c : cases) {
      const std::string what =
          std::string(family_name(family.kind)) + " at " + c.center + " r " + c.radius;
      DeepRequest r = request_of(view_of(c.center, c.radius, c.size), family, c.iterations);
      r.bla = false;
      const std::vector<int32_t> plain = render(r);
      r.bla = true;
      DeepReport report;
      const std::vector<int32_t> bla = render(r, &report);
      expect_agreement(bla, plain, what);
      if (!r.geometry.extended) expect_every_target_gives(r, bla, what, {2});
    }
  }
}

// A window (a tile) of the view has the whole image's counts there: its
// pixels are offset from the same centre, its BLA tables are the image's, and
// where it needs a second reference it picks its own, which gives the same
// counts here. 3 x 2 windows of the view above, on every target.
TEST(DeepRender, AWindowHasTheImagesCountsThere) {
  const View v = two_reference_view();
  DeepRequest r = request_of(v, make_family(FamilyKind::kMandelbrot), 4036);
  DeepReport image_report;
  const std::vector<int32_t> image = render(r, &image_report);
  ASSERT_GT(image_report.references, 1);
  int32_t most_references = 0;
  for (int32_t j = 0; j < 2; ++j) {
    for (int32_t i = 0; i < 3; ++i) {
      DeepRequest t = r;
      t.window = tile_rect(64, 64, TileGrid{3, 2}, i, j);
      std::vector<int32_t> expected;
      for (int32_t y = 0; y < t.window.height; ++y) {
        const auto row = image.begin() + int64_t{t.window.y + y} * 64 + t.window.x;
        expected.insert(expected.end(), row, row + t.window.width);
      }
      std::vector<int32_t> got(expected.size(), -100);
      DeepReport report;
      ASSERT_TRUE(render_deep(t, RowOut{got.data()}, nullptr, &report).ok());
      most_references = std::max(most_references, report.references);
      const std::string what = "window " + std::to_string(i) + "," + std::to_string(j);
      EXPECT_EQ(got, expected) << what;
      expect_every_target_gives(t, expected, what, {2});
    }
  }
  EXPECT_GT(most_references, 1);  // some window needed its own second reference
}

// A first reference prepared once (as a render across MPI processes shares
// it) gives the same counts as the one render_deep computes, for the image
// and for a window, and is not computed again.
TEST(DeepRender, APreparedFirstReferenceGivesTheSameCounts) {
  const View v = two_reference_view();
  DeepRequest r = request_of(v, make_family(FamilyKind::kMandelbrot), 4036);
  DeepReport plain_report;
  const std::vector<int32_t> plain = render(r, &plain_report);
  PreparedReference first;
  const double col = 0.5 * v.width;
  const double row = 0.5 * v.height;
  ASSERT_TRUE(compute_reference_orbit(r.geometry, col, row, r.family, r.iterations, r.bailout,
                                      nullptr, &first.orbit)
                  .ok());
  build_reference_tables(r, col, row, &first);
  ASSERT_FALSE(first.bla.levels.empty());
  DeepRequest shared = r;
  shared.first = &first;
  DeepReport shared_report;
  EXPECT_EQ(render(shared, &shared_report), plain);
  EXPECT_EQ(shared_report.references, plain_report.references);
  shared.window = tile_rect(64, 64, TileGrid{1, 4}, 0, 2);
  std::vector<int32_t> got(int64_t{shared.window.width} * shared.window.height, -100);
  DeepReport window_report;
  ASSERT_TRUE(render_deep(shared, RowOut{got.data()}, nullptr, &window_report).ok());
  EXPECT_EQ(got, std::vector<int32_t>(plain.begin() + 32 * 64, plain.begin() + 48 * 64));
}

// When the references run out, the pixels still unfinished are rebased at the
// end of the last one instead: every pixel gets a count, the report says how
// many are approximate, and every SIMD target computes the scalar bytes.
TEST(DeepRender, TheLastReferenceRebasesThePixelsLeft) {
  const View v = two_reference_view();
  DeepRequest r = request_of(v, make_family(FamilyKind::kMandelbrot), 4036);
  DeepReport full_report;
  const std::vector<int32_t> full = render(r, &full_report);
  ASSERT_GT(full_report.references, 1);
  r.max_references = 1;
  DeepReport report;
  const std::vector<int32_t> counts = render(r, &report);
  EXPECT_EQ(report.references, 1);
  // The pixels that reached the end of the only reference.
  EXPECT_GT(report.approximate_pixels, 0);
  EXPECT_LT(report.approximate_pixels, static_cast<int64_t>(counts.size()));
  int64_t differ = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    EXPECT_GE(counts[i], 0) << i;
    differ += counts[i] != full[i] ? 1 : 0;
  }
  // Only approximate pixels may differ from the render with enough references.
  EXPECT_LE(differ, report.approximate_pixels);
  std::printf("%d references in full; with 1, %lld approximate pixels, %lld differ\n",
              full_report.references, static_cast<long long>(report.approximate_pixels),
              static_cast<long long>(differ));
  expect_every_target_gives(r, counts, "one reference", {2});
}

TEST(DeepRender, RefusesRadiiBeyondItsReach) {
  DeepGeometry g;
  EXPECT_TRUE(make_deep_geometry(view_of("-0.75,0.1", "1e-10000", 64), &g).ok());
  const Status s = make_deep_geometry(view_of("-0.75,0.1", "1e-10001", 64), &g);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("--radius 1e-10001"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("1e-10000"), std::string::npos) << s.message();
}

// FloatExp arithmetic is double arithmetic with the exponent kept apart, so
// where doubles neither underflow nor overflow the extended range computes the
// very same counts as the double loop.
TEST(DeepRender, TheExtendedRangeIsTheDoubleLoopWhereDoublesSuffice) {
  const View v = view_of("-1.7598171308048478136,-0.0125933107997498653", "1e-18", 40, "10");
  for (const Family& family : kFamilies) {
    DeepRequest r = request_of(v, family, 1500);
    ASSERT_FALSE(r.geometry.extended);
    const std::vector<int32_t> doubles = render(r);
    r.geometry.extended = true;
    EXPECT_EQ(render(r), doubles) << family_name(family.kind);
  }
}

TEST(DeepRender, TheExtendedRangeStartsBelowTheDoubleSpacing) {
  DeepGeometry g;
  ASSERT_TRUE(make_deep_geometry(view_of("0,1", "1e-297", 32), &g).ok());
  EXPECT_FALSE(g.extended);
  ASSERT_TRUE(make_deep_geometry(view_of("0,1", "1e-299", 32), &g).ok());
  EXPECT_TRUE(g.extended);
  ASSERT_TRUE(make_deep_geometry(view_of("0,1", "3e-1000", 100), &g).ok());
  EXPECT_TRUE(g.extended);
  EXPECT_EQ(g.step_x, 0.0);  // beyond doubles
  // 6e-1002 = m 2^e with 0.5 <= m < 1
  EXPECT_EQ(g.step_x_x.e, -3325);
  EXPECT_DOUBLE_EQ(g.step_x_x.m, 0.504529811887144);  // mpmath: frexp(6e-1002)
}

// A narrow region's width is taken exactly on its digits, not from rounded
// bounds that would cancel it.
TEST(DeepRender, ANarrowRegionKeepsItsSpacing) {
  View v;
  v.width = 16;
  v.height = 16;
  ASSERT_TRUE(
      parse_view_region("0.3,0.3000000000000000000000000000000000000001,-1e-40,1e-40", &v).ok());
  DeepGeometry g;
  ASSERT_TRUE(make_deep_geometry(v, &g).ok());
  EXPECT_DOUBLE_EQ(g.step_x, 1e-40 / 16);
  EXPECT_DOUBLE_EQ(g.step_y, 2e-40 / 16);
  EXPECT_GE(g.precision_bits, 64 + 135);  // 6.25e-42 ~ 2^-136.5
}

TEST(DeepRender, ThePrecisionFollowsThePixelSpacing) {
  DeepGeometry shallow;
  DeepGeometry deep;
  ASSERT_TRUE(make_deep_geometry(view_of("-0.75,0.1", "1e-10", 100), &shallow).ok());
  ASSERT_TRUE(make_deep_geometry(view_of("-0.75,0.1", "1e-100", 100), &deep).ok());
  EXPECT_GE(shallow.precision_bits, 64 + 39);  // spacing 2e-12 ~ 2^-38.9
  EXPECT_GE(deep.precision_bits, 64 + 338);    // 2e-102 ~ 2^-337.9
  EXPECT_LE(deep.precision_bits, 64 + 340);
  EXPECT_EQ(deep.step_x, 2e-102);
}

}  // namespace
}  // namespace mandelbrot
