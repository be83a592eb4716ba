// The ground truth proves itself: at 53 bits MPFR's round-to-nearest operations
// are IEEE double's, so on a view whose sample points are exact doubles the
// brute-force renderer must equal the program's scalar double reference bit for
// bit, for every family; at automatic precision it agrees with the double path
// on shallow views, separates the pixels of deep ones, and gives the same
// counts with 64 more bits.
#include "mpfr_render.h"

#include <gtest/gtest.h>
#include <mpfr.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "fractal/family.h"
#include "kernel/kernel.h"
#include "view/view.h"

namespace mandelbrot {
namespace {

struct FamilyCase {
  const char* name;
  FamilyKind kind;
  int power;
};

const FamilyCase kFamilies[] = {
    {"mandelbrot", FamilyKind::kMandelbrot, 2},    {"multibrot", FamilyKind::kMultibrot, 2},
    {"multibrot", FamilyKind::kMultibrot, 3},      {"multibrot", FamilyKind::kMultibrot, 4},
    {"multibrot", FamilyKind::kMultibrot, 5},      {"multibrot", FamilyKind::kMultibrot, 6},
    {"multibrot", FamilyKind::kMultibrot, 7},      {"multibrot", FamilyKind::kMultibrot, 8},
    {"burning-ship", FamilyKind::kBurningShip, 2}, {"tricorn", FamilyKind::kTricorn, 2},
};

MpfrRenderRequest request_for(const std::string& x, const std::string& y, const std::string& r,
                              int32_t size, int32_t iterations) {
  MpfrRenderRequest request;
  request.center_x = x;
  request.center_y = y;
  request.radius = r;
  request.width = size;
  request.height = size;
  request.iterations = iterations;
  return request;
}

// The program's double path on the same view: the rectangle double_view()
// derives, rendered by the scalar reference (no shortcuts).
KernelParams double_params(const MpfrRenderRequest& request, const Family& family) {
  View view;
  view.center_x = request.center_x;
  view.center_y = request.center_y;
  view.radius = request.radius;
  view.angle = request.angle;
  view.width = request.width;
  view.height = request.height;
  DoubleView doubles;
  EXPECT_TRUE(double_view(view, &doubles).ok());
  KernelParams params;
  params.width = request.width;
  params.height = request.height;
  params.iterations = request.iterations;
  params.region = {doubles.xmin, doubles.xmax, doubles.ymin, doubles.ymax};
  params.bailout = request.bailout;
  params.family = family;
  params.rotation = {doubles.cos, doubles.sin, doubles.cx, doubles.cy};
  return params;
}

std::vector<int32_t> double_counts(const KernelParams& params) {
  std::vector<int32_t> counts(static_cast<size_t>(params.width) * params.height);
  render_rows_scalar(params, 0, params.height, counts.data());
  return counts;
}

std::vector<int32_t> mpfr_counts(const MpfrRenderRequest& request) {
  MpfrRenderResult result;
  const Status status = mpfr_render(request, &result);
  EXPECT_TRUE(status.ok()) << status.message();
  return result.counts;
}

size_t distinct(const std::vector<int32_t>& counts) {
  return std::set<int32_t>(counts.begin(), counts.end()).size();
}

double agreement(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  size_t same = 0;
  for (size_t k = 0; k < a.size(); ++k) same += a[k] == b[k];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

// True when every sample point of the double path equals, as a number, the exact
// one: with u = R(2j - W)/H, v = R(H - 2i)/H and the angle's exact cosine and
// sine (quarter turns only, or none), Re c = X + u cos - v sin and
// Im c = Y + u sin + v cos, computed here in MPFR at 256 bits, exact for these
// small dyadic values.
bool double_samples_are_exact(const MpfrRenderRequest& request, const KernelParams& params) {
  mpfr_t x, y, r, u, v, exact, t;
  mpfr_inits2(256, x, y, r, u, v, exact, t, static_cast<mpfr_ptr>(nullptr));
  mpfr_set_str(x, request.center_x.c_str(), 10, MPFR_RNDN);
  mpfr_set_str(y, request.center_y.c_str(), 10, MPFR_RNDN);
  mpfr_set_str(r, request.radius.c_str(), 10, MPFR_RNDN);
  const int quarter = request.angle.empty() ? 0 : (std::stoi(request.angle) / 90 % 4 + 4) % 4;
  const int cos_a[] = {1, 0, -1, 0};
  const int sin_a[] = {0, 1, 0, -1};
  bool all_exact = true;
  for (int32_t i = 0; i < request.height; ++i) {
    for (int32_t j = 0; j < request.width; ++j) {
      mpfr_mul_si(u, r, 2L * j - request.width, MPFR_RNDN);
      mpfr_div_si(u, u, request.height, MPFR_RNDN);
      mpfr_mul_si(v, r, static_cast<long>(request.height) - 2L * i, MPFR_RNDN);
      mpfr_div_si(v, v, request.height, MPFR_RNDN);
      double re = 0;
      double im = 0;
      params.sample(i, j, &re, &im);
      mpfr_mul_si(exact, u, cos_a[quarter], MPFR_RNDN);
      mpfr_mul_si(t, v, sin_a[quarter], MPFR_RNDN);
      mpfr_sub(exact, exact, t, MPFR_RNDN);
      mpfr_add(exact, exact, x, MPFR_RNDN);
      all_exact &= mpfr_cmp_d(exact, re) == 0;
      mpfr_mul_si(exact, u, sin_a[quarter], MPFR_RNDN);
      mpfr_mul_si(t, v, cos_a[quarter], MPFR_RNDN);
      mpfr_add(exact, exact, t, MPFR_RNDN);
      mpfr_add(exact, exact, y, MPFR_RNDN);
      all_exact &= mpfr_cmp_d(exact, im) == 0;
    }
  }
  mpfr_clears(x, y, r, u, v, exact, t, static_cast<mpfr_ptr>(nullptr));
  return all_exact;
}

TEST(MpfrRender, At53BitsEqualsTheDoublePathBitForBitForEveryFamily) {
  for (const FamilyCase& f : kFamilies) {
    SCOPED_TRACE(std::string(f.name) + " power " + std::to_string(f.power));
    MpfrRenderRequest request = request_for("-0.75", "0.125", "0.25", 64, 300);
    request.family = f.name;
    request.power = f.power;
    request.precision_bits = 53;
    const KernelParams params = double_params(request, make_family(f.kind, f.power));
    // The premise: the double path samples the exact points.
    ASSERT_TRUE(double_samples_are_exact(request, params));
    const std::vector<int32_t> truth = mpfr_counts(request);
    const std::vector<int32_t> doubles = double_counts(params);
    ASSERT_EQ(truth.size(), doubles.size());
    EXPECT_TRUE(truth == doubles) << "agreement " << agreement(truth, doubles);
    // Not a trivial image: the comparison sees many different counts.
    EXPECT_GE(distinct(truth), 10u);
  }
}

TEST(MpfrRender, At53BitsQuarterTurnsEqualTheDoublePathBitForBit) {
  // cos and sin of a quarter turn are exact in both paths, so the rotated
  // sample points are exact doubles too.
  for (const char* angle : {"90", "180", "-90", "450"}) {
    for (const FamilyCase& f : {kFamilies[0], kFamilies[8], kFamilies[9]}) {
      SCOPED_TRACE(std::string(f.name) + " angle " + angle);
      MpfrRenderRequest request = request_for("-0.75", "0.125", "0.25", 32, 300);
      request.family = f.name;
      request.angle = angle;
      request.precision_bits = 53;
      const KernelParams params = double_params(request, make_family(f.kind, f.power));
      ASSERT_FALSE(params.rotation.identity());
      ASSERT_TRUE(double_samples_are_exact(request, params));
      const std::vector<int32_t> truth = mpfr_counts(request);
      EXPECT_TRUE(truth == double_counts(params));
      request.angle.clear();
      EXPECT_FALSE(truth == mpfr_counts(request));  // the angle turns the image
    }
  }
}

TEST(MpfrRender, AnyAngleAgreesWithTheDoublePathAndAFullTurnIsNone) {
  MpfrRenderRequest request =
      request_for("-0.743643887037151", "0.13182590420533", "0.001", 64, 1000);
  request.angle = "30";
  MpfrRenderResult result;
  ASSERT_TRUE(mpfr_render(request, &result).ok());
  const double same = agreement(
      result.counts, double_counts(double_params(request, make_family(FamilyKind::kMandelbrot))));
  std::printf("angle 30: %.2f%% of pixels equal the double path\n", 100 * same);
  EXPECT_GE(same, 0.99);
  request.angle = "360";
  const std::vector<int32_t> full_turn = mpfr_counts(request);
  request.angle.clear();
  EXPECT_TRUE(full_turn == mpfr_counts(request));
}

TEST(MpfrRender, ThePowerReachesTheStep) {
  // Guards the test above against a power that is read but not used.
  MpfrRenderRequest request = request_for("-0.75", "0.125", "0.25", 64, 300);
  request.family = "multibrot";
  request.power = 5;
  request.precision_bits = 53;
  const std::vector<int32_t> a = mpfr_counts(request);
  request.power = 6;
  const std::vector<int32_t> b = mpfr_counts(request);
  EXPECT_FALSE(a == b);  // the power reaches the step
}

TEST(MpfrRender, AtAutomaticPrecisionAgreesWithTheDoublePathOnShallowViews) {
  struct Case {
    const char* x;
    const char* y;
    const char* r;
    int32_t iterations;
  } cases[] = {{"-0.5", "0", "1.5", 200},
               {"-0.743643887037151", "0.13182590420533", "0.001", 1000},
               {"-1.25066", "0.02012", "1e-4", 2000},
               {"-1.7598171308048478", "-0.0125933107997499", "1e-10", 3000}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.x);
    const MpfrRenderRequest request = request_for(c.x, c.y, c.r, 64, c.iterations);
    MpfrRenderResult result;
    ASSERT_TRUE(mpfr_render(request, &result).ok());
    const std::vector<int32_t> doubles =
        double_counts(double_params(request, make_family(FamilyKind::kMandelbrot)));
    const double same = agreement(result.counts, doubles);
    std::printf("view %s,%s radius %s: %d bits, %.2f%% of pixels equal the double path\n", c.x, c.y,
                c.r, static_cast<int>(result.precision_bits), 100 * same);
    EXPECT_GE(same, 0.99);
    EXPECT_GE(distinct(result.counts), 10u);
  }
}

// The 1e14 benchmark location (/work/shared/locations/1e14.kfr: Zoom 1e14, so a
// radius of 2/Zoom), and two boundary points where every view, however deep,
// shows the set's boundary: i (a Misiurewicz point, where the set is a dendrite)
// and -2 (the tip of the needle on the real axis).
const char kLocationX[] = "-1.759817130804847813610825010561798238243999999999999999999800";
const char kLocationY[] = "-0.012593310799749865383746631843264858450340000000000000000000";

TEST(MpfrRender, DeepViewsSeparateThePixels) {
  const struct {
    const char* x;
    const char* y;
    const char* r;
    int32_t iterations;
  } cases[] = {{kLocationX, kLocationY, "2e-14", 4036},
               {"0", "1", "1e-30", 1000},
               {"-2", "0", "1e-30", 1000},
               {"0", "1", "1e-300", 3000}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.r);
    const MpfrRenderRequest request = request_for(c.x, c.y, c.r, 16, c.iterations);
    MpfrRenderResult result;
    ASSERT_TRUE(mpfr_render(request, &result).ok());
    const size_t values = distinct(result.counts);
    std::printf("view %.12s,%.12s radius %s: %d bits, %zu distinct counts of 256\n", c.x, c.y, c.r,
                static_cast<int>(result.precision_bits), values);
    EXPECT_GE(values, 5u);
    // At 53 bits the sample points collapse (at 1e-30 the pixel spacing is far
    // below an ulp of the centre) or the orbits lose their correct bits (at
    // 2e-14): the counts differ, so the automatic precision is what matters.
    MpfrRenderRequest collapsed = request;
    collapsed.precision_bits = 53;
    EXPECT_FALSE(mpfr_counts(collapsed) == result.counts);
  }
}

// The 5e113 benchmark location (/work/shared/locations/5e113.kfr): orbits of
// 22,000 to 23,000 iterations at its own depth.
const char kLocation113X[] =
    "-1.47981577613247326072298452597877854692240725774045369689878510139864920741002293820250"
    "517329282011227363313053159203914640783415609608168660705123082446357179491909705403381200";
const char kLocation113Y[] =
    "-0.00063911193261361727152139632255671572957303918943984736047394936471220951961813321928"
    "573067036466151147195436388486168819318341208023229522609015461543581599807510715681229605";

TEST(MpfrRender, SixtyFourMoreBitsGiveTheSameCounts) {
  const struct {
    const char* x;
    const char* y;
    const char* r;
    int32_t iterations;
  } cases[] = {{kLocationX, kLocationY, "2e-14", 4036},
               {kLocation113X, kLocation113Y, "4e-114", 35494},
               {"-2", "0", "1e-30", 2000},
               {"0", "1", "1e-100", 2000},
               {"-0.743643887037151", "0.13182590420533", "0.001", 2000}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.r);
    MpfrRenderRequest request = request_for(c.x, c.y, c.r, 12, c.iterations);
    MpfrRenderResult automatic;
    ASSERT_TRUE(mpfr_render(request, &automatic).ok());
    EXPECT_GE(distinct(automatic.counts), 5u);
    request.precision_bits = automatic.precision_bits + 64;
    EXPECT_TRUE(mpfr_counts(request) == automatic.counts);
  }
}

TEST(MpfrRender, CountsDoNotDependOnTheThreads) {
  MpfrRenderRequest request = request_for("0", "1", "1e-20", 24, 500);
  request.threads = 1;
  const std::vector<int32_t> one = mpfr_counts(request);
  request.threads = 3;
  EXPECT_TRUE(mpfr_counts(request) == one);
}

TEST(MpfrRender, AutomaticPrecisionFollowsTheDepthAndTheIterations) {
  MpfrRenderRequest request = request_for("-0.5", "0", "1.5", 32, 1024);
  const long shallow = auto_mpfr_precision(request);
  request.radius = "1e-300";
  const long deep = auto_mpfr_precision(request);
  // 1e-300 is 2^-996.6: about 997 more bits for the same pixel spacing.
  EXPECT_GE(deep - shallow, 996);
  EXPECT_LE(deep - shallow, 999);
  request.iterations = 4096;
  EXPECT_EQ(auto_mpfr_precision(request), deep + 2);
  EXPECT_GE(shallow, 64 + 10);
}

TEST(MpfrRender, RefusesBadRequests) {
  const MpfrRenderRequest good = request_for("-0.5", "0", "1.5", 8, 10);
  EXPECT_TRUE(check_mpfr_render_request(good).ok());
  auto refused = [&](auto change, const char* words) {
    MpfrRenderRequest request = good;
    change(request);
    const Status status = check_mpfr_render_request(request);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << words;
    EXPECT_NE(status.message().find(words), std::string::npos) << status.message();
    MpfrRenderResult result;
    EXPECT_FALSE(mpfr_render(request, &result).ok());
    EXPECT_TRUE(result.counts.empty());
  };
  refused([](MpfrRenderRequest& r) { r.center_x = "-0.5x"; }, "'-0.5x' is not a decimal");
  refused([](MpfrRenderRequest& r) { r.center_y = "nan"; }, "'nan' is not a decimal");
  refused([](MpfrRenderRequest& r) { r.radius = "0"; }, "'0' is not greater than 0");
  refused([](MpfrRenderRequest& r) { r.radius = "-1e-5"; }, "not greater than 0");
  refused([](MpfrRenderRequest& r) { r.radius = "1e-999999999"; }, "below MPFR's exponent");
  refused([](MpfrRenderRequest& r) { r.center_x = "1e999999999"; }, "beyond MPFR's exponent");
  refused([](MpfrRenderRequest& r) { r.radius = "1e-400000"; }, "bits of precision");
  refused([](MpfrRenderRequest& r) { r.width = 0; }, "size 0x8");
  refused([](MpfrRenderRequest& r) { r.iterations = 0; }, "iteration count 0");
  refused([](MpfrRenderRequest& r) { r.bailout = 0; }, "bailout 0");
  refused([](MpfrRenderRequest& r) { r.family = "julia"; }, "family 'julia'");
  refused([](MpfrRenderRequest& r) { r.power = 3; }, "power 3");
  refused(
      [](MpfrRenderRequest& r) {
        r.family = "multibrot";
        r.power = 9;
      },
      "power 9");
  refused([](MpfrRenderRequest& r) { r.precision_bits = 1; }, "precision 1 bits");
  refused([](MpfrRenderRequest& r) { r.angle = "30deg"; }, "angle '30deg' is not a decimal");
  refused([](MpfrRenderRequest& r) { r.angle = "1e400"; }, "angle '1e400' is beyond");
}

}  // namespace
}  // namespace mandelbrot
