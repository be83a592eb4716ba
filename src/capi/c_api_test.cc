// Tests of libmandelbrot.so through its C header only (this file sees none of
// the C++ API, so the classic `mandelbrot` function is visible here).
#include "mandelbrot/c_api.h"

#include <gtest/gtest.h>

#include "classic_recipe.h"

#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

namespace {

TEST(CApi, ClassicAdds) {
  EXPECT_EQ(add_int(3, 4), 7);
  EXPECT_EQ(add_int(INT_MAX, 1), INT_MIN);  // wraps, as documented
  EXPECT_EQ(add_float(3.5f, 3.5f), 7.0f);
  int a = 3, b = 4, c = 0;
  EXPECT_EQ(add_int_ref(&a, &b, &c), 0);
  EXPECT_EQ(c, 7);
  float x = 1.25f, y = 2.5f, z = 0;
  EXPECT_EQ(add_float_ref(&x, &y, &z), 0);
  EXPECT_EQ(z, 3.75f);
  EXPECT_EQ(add_int_ref(nullptr, &b, &c), MANDELBROT_ERROR_NULL);
  EXPECT_EQ(add_float_ref(&x, &y, nullptr), MANDELBROT_ERROR_NULL);
}

TEST(CApi, ArrayAdds) {
  int a[] = {1, 2, -5}, b[] = {-1, 3, 3}, c[3] = {};
  EXPECT_EQ(add_int_array(a, b, c, 3), 0);
  EXPECT_EQ(std::vector<int>(c, c + 3), (std::vector<int>{0, 5, -2}));
  float fa[] = {0.5f, 1.0f}, fb[] = {0.25f, -1.0f}, fc[2] = {};
  EXPECT_EQ(add_float_array(fa, fb, fc, 2), 0);
  EXPECT_EQ(fc[0], 0.75f);
  EXPECT_EQ(fc[1], 0.0f);
  EXPECT_EQ(add_int_array(a, b, c, 0), 0);
  EXPECT_EQ(add_int_array(nullptr, nullptr, nullptr, 0), 0);
  EXPECT_EQ(add_int_array(a, b, c, -1), MANDELBROT_ERROR_SIZE);
  EXPECT_EQ(add_float_array(fa, nullptr, fc, 2), MANDELBROT_ERROR_NULL);
}

TEST(CApi, DotProduct) {
  float a[] = {1, 2, 3}, b[] = {4, 5, 6};
  EXPECT_EQ(dot_product(a, b, 3), 32.0f);
  float big[] = {1e8f, 1.0f, -1e8f}, ones[] = {1, 1, 1};
  EXPECT_EQ(dot_product(big, ones, 3), 0.0f);  // float accumulation in index order
  EXPECT_EQ(dot_product(a, b, 0), 0.0f);
  EXPECT_TRUE(std::isnan(dot_product(nullptr, b, 3)));
}

TEST(CApi, MandelbrotEqualsTheClassicRecipe) {
  for (int size : {1, 5, 64, 150}) {
    std::vector<int> ours(size * size, -1), classic(size * size, -1);
    mandelbrot(size, 100, ours.data());
    classic_recipe(size, 100, classic.data());
    EXPECT_EQ(ours, classic) << size;
  }
}

TEST(CApi, MandelbrotIgnoresInvalidArguments) {
  std::vector<int> col(4, -1);
  mandelbrot(0, 100, col.data());
  mandelbrot(2, 0, col.data());
  mandelbrot(-2, 10, col.data());
  mandelbrot(2, 10, nullptr);
  EXPECT_EQ(col, std::vector<int>(4, -1));
}

TEST(CApi, RenderMatchesMandelbrotForTheDefaults) {
  mandelbrot_params p = mandelbrot_default_params();
  EXPECT_EQ(p.width, 400);
  EXPECT_EQ(p.iterations, 100);
  EXPECT_EQ(p.xmin, -2.0);
  EXPECT_EQ(p.ymax, 1.5);
  EXPECT_EQ(p.bailout, 10.0);
  EXPECT_EQ(p.threads, 0);
  p.width = p.height = 90;
  std::vector<int32_t> a(90 * 90), b(90 * 90);
  ASSERT_EQ(mandelbrot_render(&p, a.data()), MANDELBROT_OK);
  mandelbrot(90, 100, b.data());
  EXPECT_EQ(a, b);
  p.threads = 3;
  std::vector<int32_t> c(90 * 90);
  ASSERT_EQ(mandelbrot_render(&p, c.data()), MANDELBROT_OK);
  EXPECT_EQ(a, c);
}

TEST(CApi, RenderReturnsErrorCodes) {
  std::vector<int32_t> out(16, -1);
  const mandelbrot_params ok = [] {
    mandelbrot_params p = mandelbrot_default_params();
    p.width = p.height = 4;
    return p;
  }();
  EXPECT_EQ(mandelbrot_render(nullptr, out.data()), MANDELBROT_ERROR_NULL);
  EXPECT_EQ(mandelbrot_render(&ok, nullptr), MANDELBROT_ERROR_NULL);
  auto with = [&](auto change) {
    mandelbrot_params p = ok;
    change(p);
    return mandelbrot_render(&p, out.data());
  };
  EXPECT_EQ(with([](mandelbrot_params& p) { p.width = 0; }), MANDELBROT_ERROR_SIZE);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.height = -4; }), MANDELBROT_ERROR_SIZE);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.iterations = 0; }), MANDELBROT_ERROR_ITERATIONS);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.xmin = NAN; }), MANDELBROT_ERROR_REGION);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.ymax = INFINITY; }), MANDELBROT_ERROR_REGION);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.xmin = 2; }), MANDELBROT_ERROR_REGION);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.bailout = 0; }), MANDELBROT_ERROR_BAILOUT);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.bailout = NAN; }), MANDELBROT_ERROR_BAILOUT);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.threads = -1; }), MANDELBROT_ERROR_THREADS);
  EXPECT_EQ(with([](mandelbrot_params& p) { p.threads = 100000; }), MANDELBROT_ERROR_THREADS);
  EXPECT_EQ(out, std::vector<int32_t>(16, -1));  // untouched by every failed call
  EXPECT_EQ(with([](mandelbrot_params&) {}), MANDELBROT_OK);
}

// The classic view's counts of one family, computed here from the contract
// (docs/SEMANTICS.md, "Families") for a small image.
int32_t hand_count(const mandelbrot_family_params& p, double re, double im) {
  const bool julia = p.family == MANDELBROT_FAMILY_JULIA;
  double zr = julia ? re : 0, zi = julia ? im : 0;
  const double cr = julia ? p.julia_re : re, ci = julia ? p.julia_im : im;
  const double b2 = p.view.bailout * p.view.bailout;
  int32_t count = 0;
  for (int32_t n = 0; n < p.view.iterations; ++n) {
    const double x2 = zr * zr, y2 = zi * zi;
    if (!(x2 + y2 <= b2)) break;
    count = n;
    if (p.family == MANDELBROT_FAMILY_MULTIBROT && p.power > 2) {
      double wr = zr, wi = zi;
      for (int32_t k = 1; k < p.power; ++k) {
        const double r = wr * zr - wi * zi;
        wi = wr * zi + wi * zr;
        wr = r;
      }
      zr = wr + cr;
      zi = wi + ci;
      continue;
    }
    const double t = x2 - y2 + cr;
    if (p.family == MANDELBROT_FAMILY_BURNING_SHIP) {
      zi = std::fabs(2 * zr * zi) + ci;
    } else if (p.family == MANDELBROT_FAMILY_TRICORN) {
      zi = ci - 2 * zr * zi;
    } else {
      zi = 2 * zr * zi + ci;
    }
    zr = t;
  }
  return count;
}

TEST(CApi, RenderFamilyComputesEveryFamily) {
  struct Case {
    int32_t family, power;
    double kr, ki;
  };
  const Case cases[] = {
      {MANDELBROT_FAMILY_MANDELBROT, 2, 0, 0},   {MANDELBROT_FAMILY_JULIA, 2, -0.8, 0.156},
      {MANDELBROT_FAMILY_BURNING_SHIP, 2, 0, 0}, {MANDELBROT_FAMILY_TRICORN, 2, 0, 0},
      {MANDELBROT_FAMILY_MULTIBROT, 2, 0, 0},    {MANDELBROT_FAMILY_MULTIBROT, 5, 0, 0}};
  for (const Case& c : cases) {
    mandelbrot_family_params p = mandelbrot_default_family_params();
    ASSERT_EQ(p.struct_size, sizeof(mandelbrot_family_params));
    p.view.width = 37;
    p.view.height = 29;
    p.view.iterations = 150;
    p.view.threads = 2;
    p.family = c.family;
    p.power = c.power;
    p.julia_re = c.kr;
    p.julia_im = c.ki;
    std::vector<int32_t> out(37 * 29, -1);
    ASSERT_EQ(mandelbrot_render_family(&p, out.data()), MANDELBROT_OK) << c.family;
    std::vector<int32_t> expected;
    for (int32_t i = 0; i < 29; ++i) {
      for (int32_t j = 0; j < 37; ++j) {
        const double re = p.view.xmin + static_cast<double>(j) / 37 * (p.view.xmax - p.view.xmin);
        const double im = p.view.ymax - static_cast<double>(i) / 29 * (p.view.ymax - p.view.ymin);
        expected.push_back(hand_count(p, re, im));
      }
    }
    EXPECT_EQ(out, expected) << "family " << c.family << " power " << c.power;
  }
}

TEST(CApi, RenderFamilyDefaultsEqualTheClassicRender) {
  mandelbrot_family_params f = mandelbrot_default_family_params();
  mandelbrot_params p = mandelbrot_default_params();
  std::vector<int32_t> a(400 * 400, -1), b(400 * 400, -2);
  ASSERT_EQ(mandelbrot_render_family(&f, a.data()), MANDELBROT_OK);
  ASSERT_EQ(mandelbrot_render(&p, b.data()), MANDELBROT_OK);
  EXPECT_EQ(a, b);
}

TEST(CApi, RenderFamilyReturnsErrorCodes) {
  std::vector<int32_t> out(16, -1);
  auto with = [&out](auto change) {
    mandelbrot_family_params p = mandelbrot_default_family_params();
    p.view.width = p.view.height = 4;
    change(p);
    return mandelbrot_render_family(&p, out.data());
  };
  using P = mandelbrot_family_params;
  EXPECT_EQ(with([](P& p) { p.struct_size = 0; }), MANDELBROT_ERROR_VERSION);
  EXPECT_EQ(with([](P& p) { p.struct_size += 8; }), MANDELBROT_ERROR_VERSION);
  EXPECT_EQ(with([](P& p) { p.family = 5; }), MANDELBROT_ERROR_FAMILY);
  EXPECT_EQ(with([](P& p) { p.family = -1; }), MANDELBROT_ERROR_FAMILY);
  EXPECT_EQ(with([](P& p) { p.power = 3; }), MANDELBROT_ERROR_POWER);
  EXPECT_EQ(with([](P& p) { p.family = MANDELBROT_FAMILY_MULTIBROT, p.power = 9; }),
            MANDELBROT_ERROR_POWER);
  EXPECT_EQ(with([](P& p) { p.family = MANDELBROT_FAMILY_MULTIBROT, p.power = 1; }),
            MANDELBROT_ERROR_POWER);
  EXPECT_EQ(with([](P& p) { p.julia_re = 0.5; }), MANDELBROT_ERROR_JULIA);
  EXPECT_EQ(with([](P& p) { p.family = MANDELBROT_FAMILY_JULIA, p.julia_im = INFINITY; }),
            MANDELBROT_ERROR_JULIA);
  EXPECT_EQ(with([](P& p) { p.view.iterations = 0; }), MANDELBROT_ERROR_ITERATIONS);
  EXPECT_EQ(with([](P& p) { p.view.threads = -2; }), MANDELBROT_ERROR_THREADS);
  EXPECT_EQ(mandelbrot_render_family(nullptr, out.data()), MANDELBROT_ERROR_NULL);
  EXPECT_EQ(out, std::vector<int32_t>(16, -1));  // untouched by every failed call
  EXPECT_EQ(with([](P& p) { p.family = MANDELBROT_FAMILY_JULIA; }), MANDELBROT_OK);
}

TEST(CApi, StrerrorDescribesEveryCode) {
  for (int code = MANDELBROT_OK; code >= MANDELBROT_ERROR_FAILED; --code) {
    ASSERT_NE(mandelbrot_strerror(code), nullptr);
    EXPECT_STRNE(mandelbrot_strerror(code), "unknown error code") << code;
  }
  EXPECT_STREQ(mandelbrot_strerror(42), "unknown error code");
  EXPECT_STREQ(mandelbrot_strerror(MANDELBROT_ERROR_REGION),
               "the region needs finite bounds with xmin < xmax and ymin < ymax");
  EXPECT_GT(std::strlen(mandelbrot_version()), 0u);
}

// The entry points that take the command line's options as text.

TEST(CApi, RenderOptionsDefaultsEqualTheClassicRender) {
  mandelbrot_options o = mandelbrot_default_options();
  EXPECT_EQ(o.struct_size, sizeof(mandelbrot_options));
  int32_t width = 0, height = 0, iterations = 0;
  ASSERT_EQ(mandelbrot_check_options(&o, &width, &height, &iterations, nullptr, 0), MANDELBROT_OK);
  EXPECT_EQ(width, 400);
  EXPECT_EQ(height, 400);
  EXPECT_EQ(iterations, 100);
  std::vector<int32_t> counts(400 * 400), classic(400 * 400);
  ASSERT_EQ(mandelbrot_render_options(&o, counts.data(), counts.size(), nullptr, 0), MANDELBROT_OK);
  mandelbrot(400, 100, classic.data());
  EXPECT_EQ(counts, classic);
  char hash[MANDELBROT_HASH_SIZE];
  ASSERT_EQ(mandelbrot_content_hash(counts.data(), counts.size(), hash, sizeof hash),
            MANDELBROT_OK);
  EXPECT_STREQ(hash, "xxh3-128:d4ff1bb334b0d4bd1d9551fb43319570");  // tests/e2e/test_regression.py
}

TEST(CApi, OptionsAreCheckedWithTheCommandLinesMessages) {
  mandelbrot_options o = mandelbrot_default_options();
  char message[256];
  o.radius = "0";
  std::vector<int32_t> out(16, -1);
  EXPECT_EQ(mandelbrot_render_options(&o, out.data(), out.size(), message, sizeof message),
            MANDELBROT_ERROR_INVALID);
  EXPECT_NE(std::strstr(message, "--radius"), nullptr) << message;
  o.radius = nullptr;
  o.size = "4";
  EXPECT_EQ(mandelbrot_render_options(&o, out.data(), 15, message, sizeof message),
            MANDELBROT_ERROR_SIZE);
  EXPECT_STREQ(message, "out holds 15 values, but a 4x4 render needs 16");
  EXPECT_EQ(out, std::vector<int32_t>(16, -1));  // untouched by every failed call
  o.struct_size = 3;
  EXPECT_EQ(mandelbrot_check_options(&o, nullptr, nullptr, nullptr, message, sizeof message),
            MANDELBROT_ERROR_VERSION);
  EXPECT_EQ(mandelbrot_check_options(nullptr, nullptr, nullptr, nullptr, message, 0),
            MANDELBROT_ERROR_NULL);
}

TEST(CApi, ColourAndPngOfCounts) {
  mandelbrot_options o = mandelbrot_default_options();
  o.size = "8";
  o.iterations = "50";
  std::vector<int32_t> counts(64);
  ASSERT_EQ(mandelbrot_render_options(&o, counts.data(), counts.size(), nullptr, 0), MANDELBROT_OK);
  std::vector<uint8_t> rgb(3 * 64);
  ASSERT_EQ(mandelbrot_colour_options(&o, counts.data(), counts.size(), rgb.data(), rgb.size(),
                                      nullptr, 0),
            MANDELBROT_OK);
  EXPECT_EQ(mandelbrot_colour_options(&o, counts.data(), counts.size(), rgb.data(), 3, nullptr, 0),
            MANDELBROT_ERROR_SIZE);
  std::vector<uint8_t> png;
  const mandelbrot_write_fn append = [](void* context, const uint8_t* data, size_t size) {
    auto* bytes = static_cast<std::vector<uint8_t>*>(context);
    bytes->insert(bytes->end(), data, data + size);
    return 0;
  };
  ASSERT_EQ(mandelbrot_png_options(&o, counts.data(), counts.size(), append, &png, nullptr, 0),
            MANDELBROT_OK);
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(std::memcmp(png.data(), "\x89PNG\r\n\x1a\n", 8), 0);
  const mandelbrot_write_fn refuse = [](void*, const uint8_t*, size_t) { return 1; };
  char message[256];
  EXPECT_EQ(mandelbrot_png_options(&o, counts.data(), counts.size(), refuse, nullptr, message, 256),
            MANDELBROT_ERROR_FAILED);
}

TEST(CApi, CompareGivesTheCommandLinesJson) {
  const int32_t a[] = {1, 2, 3, 4, 5, 6};
  const int32_t b[] = {1, 2, 3, 4, 5, 9};
  char json[512];
  char message[256];
  ASSERT_EQ(mandelbrot_compare(a, b, 3, 2, 1, nullptr, nullptr, json, sizeof json, message,
                               sizeof message),
            MANDELBROT_OK);
  EXPECT_STREQ(json,
               R"({"match":false,"kind":"counts","width":3,"height":2,"pixels":6,"differing":1,)"
               R"("differing_share":0.16666666666666666,"differing_at_all":1,"largest_diff":3,)"
               R"("max_diff":0,"max_differing":0})");
  EXPECT_EQ(
      mandelbrot_compare(a, b, 3, 2, 1, "-1", nullptr, json, sizeof json, message, sizeof message),
      MANDELBROT_ERROR_INVALID);
  EXPECT_STREQ(message, "--max-diff must be >= 0, got '-1'");
  EXPECT_EQ(
      mandelbrot_compare(a, b, 2, 1, 3, nullptr, "50%", json, sizeof json, message, sizeof message),
      MANDELBROT_OK);
  EXPECT_NE(std::strstr(json, R"("kind":"image")"), nullptr) << json;
}

TEST(CApi, CheckedArithmeticReportsOverflow) {
  const int32_t a[] = {1, INT_MAX}, b[] = {2, 1};
  int32_t sum[2] = {};
  char message[256];
  EXPECT_EQ(mandelbrot_add_int32(a, 2, b, 2, sum, 2, message, sizeof message),
            MANDELBROT_ERROR_INVALID);
  EXPECT_STREQ(message, "integer overflow at element 2: 2147483647 + 1 does not fit in int32");
  EXPECT_EQ(mandelbrot_add_int32(a, 1, b, 1, sum, 1, message, sizeof message), MANDELBROT_OK);
  EXPECT_EQ(sum[0], 3);
  const float x[] = {1.5f, 2.0f}, y[] = {2.0f, 4.0f};
  float result = 0;
  EXPECT_EQ(mandelbrot_dot_float32(x, 2, y, 2, &result, message, sizeof message), MANDELBROT_OK);
  EXPECT_EQ(result, 11.0f);
  EXPECT_EQ(mandelbrot_dot_float32(x, 2, y, 1, &result, message, sizeof message),
            MANDELBROT_ERROR_INVALID);
  EXPECT_STREQ(message, "dot needs operands of equal length, but A has 2 elements and B has 1");
}

}  // namespace
