// The C ABI: thin wrappers that check their arguments and call the library.
//
// The C function `mandelbrot` cannot be declared in C++ beside the namespace
// `mandelbrot`, so here it is defined as classic_mandelbrot with the assembler
// name "mandelbrot": the exported symbol C and ctypes callers see.
#define MANDELBROT_C_API_IMPLEMENTATION
#include "mandelbrot/c_api.h"

#include <omp.h>

#include <cmath>
#include <iterator>
#include <limits>
#include <span>

#include "base/version.h"
#include "kernel/kernel.h"
#include "math/math.h"

namespace {

template <typename T>
int add_c_arrays(T* a, T* b, T* c, int n) {
  if (n < 0) return MANDELBROT_ERROR_SIZE;
  if (n == 0) return MANDELBROT_OK;
  if (!a || !b || !c) return MANDELBROT_ERROR_NULL;
  const auto size = static_cast<size_t>(n);
  mandelbrot::add_arrays<T>({a, size}, {b, size}, {c, size});  // ints wrap, as documented
  return MANDELBROT_OK;
}

template <typename T>
T add_one(T a, T b) {
  T sum;
  mandelbrot::add_arrays<T>({&a, 1}, {&b, 1}, {&sum, 1});
  return sum;
}

int error_code(mandelbrot::KernelParamsProblem problem) {
  using mandelbrot::KernelParamsProblem;
  switch (problem) {
    case KernelParamsProblem::kNone:
      return MANDELBROT_OK;
    case KernelParamsProblem::kSize:
    case KernelParamsProblem::kWindow:  // the C API renders whole images only
      return MANDELBROT_ERROR_SIZE;
    case KernelParamsProblem::kIterations:
      return MANDELBROT_ERROR_ITERATIONS;
    case KernelParamsProblem::kRegion:
      return MANDELBROT_ERROR_REGION;
    case KernelParamsProblem::kBailout:
      return MANDELBROT_ERROR_BAILOUT;
    case KernelParamsProblem::kFamily:  // checked field by field before
      return MANDELBROT_ERROR_FAMILY;
    case KernelParamsProblem::kRotation:  // the C API has no rotation yet
      return MANDELBROT_ERROR_REGION;
  }
  return MANDELBROT_ERROR_SIZE;
}

// The family of p, or the error code of its first bad field.
int family_of(const mandelbrot_family_params& p, mandelbrot::Family* family) {
  using mandelbrot::FamilyKind;
  static constexpr FamilyKind kKinds[] = {FamilyKind::kMandelbrot, FamilyKind::kJulia,
                                          FamilyKind::kBurningShip, FamilyKind::kTricorn,
                                          FamilyKind::kMultibrot};
  if (p.family < 0 || p.family >= static_cast<int32_t>(std::size(kKinds))) {
    return MANDELBROT_ERROR_FAMILY;
  }
  mandelbrot::Family f;
  f.kind = kKinds[p.family];
  const bool multibrot = f.kind == FamilyKind::kMultibrot;
  if (multibrot ? p.power < mandelbrot::kMinPower || p.power > mandelbrot::kMaxPower
                : p.power != 2) {
    return MANDELBROT_ERROR_POWER;
  }
  f.power = p.power;
  if (!std::isfinite(p.julia_re) || !std::isfinite(p.julia_im) ||
      (!f.julia() && (p.julia_re != 0 || p.julia_im != 0))) {
    return MANDELBROT_ERROR_JULIA;
  }
  f.julia_re = p.julia_re;
  f.julia_im = p.julia_im;
  *family = f;
  return MANDELBROT_OK;
}

// Checks p's view and renders family into out.
int render(const mandelbrot_params& p, const mandelbrot::Family& family, int32_t* out) {
  if (p.threads < 0 || p.threads > mandelbrot::kMaxThreads) return MANDELBROT_ERROR_THREADS;
  mandelbrot::KernelParams k;
  k.width = p.width;
  k.height = p.height;
  k.iterations = p.iterations;
  k.region = {p.xmin, p.xmax, p.ymin, p.ymax};
  k.bailout = p.bailout;
  k.family = family;
  if (int code = error_code(find_kernel_params_problem(k)); code != MANDELBROT_OK) return code;
  const int threads = p.threads == 0 ? omp_get_max_threads() : p.threads;
  mandelbrot::render_rows(k, mandelbrot::default_kernel(), 0, k.height, threads, out);
  return MANDELBROT_OK;
}

}  // namespace

extern "C" {

void classic_mandelbrot(int size, int iterations, int* col) __asm__("mandelbrot");

int add_int(int a, int b) { return add_one(a, b); }

float add_float(float a, float b) { return add_one(a, b); }

int add_int_ref(int* a, int* b, int* c) { return add_c_arrays(a, b, c, 1); }

int add_float_ref(float* a, float* b, float* c) { return add_c_arrays(a, b, c, 1); }

int add_int_array(int* a, int* b, int* c, int n) { return add_c_arrays(a, b, c, n); }

int add_float_array(float* a, float* b, float* c, int n) { return add_c_arrays(a, b, c, n); }

float dot_product(float* a, float* b, int n) {
  if (n <= 0) return 0.0f;
  if (!a || !b) return std::numeric_limits<float>::quiet_NaN();
  const auto size = static_cast<size_t>(n);
  float result = 0.0f;
  mandelbrot::dot_arrays<float>({a, size}, {b, size}, &result);
  return result;
}

void classic_mandelbrot(int size, int iterations, int* col) {
  mandelbrot_params p = mandelbrot_default_params();
  p.width = size;
  p.height = size;
  p.iterations = iterations;
  mandelbrot_render(&p, col);  // invalid arguments leave col untouched
}

mandelbrot_params mandelbrot_default_params(void) {
  const mandelbrot::KernelParams k;
  return mandelbrot_params{k.width,       k.height,      k.iterations,
                           k.region.xmin, k.region.xmax, k.region.ymin,
                           k.region.ymax, k.bailout,     0};
}

int mandelbrot_render(const mandelbrot_params* p, int32_t* out) {
  if (!p || !out) return MANDELBROT_ERROR_NULL;
  return render(*p, mandelbrot::Family(), out);
}

mandelbrot_family_params mandelbrot_default_family_params(void) {
  mandelbrot_family_params p;
  p.struct_size = sizeof(mandelbrot_family_params);
  p.view = mandelbrot_default_params();
  p.family = MANDELBROT_FAMILY_MANDELBROT;
  p.power = 2;
  p.julia_re = 0.0;
  p.julia_im = 0.0;
  return p;
}

int mandelbrot_render_family(const mandelbrot_family_params* p, int32_t* out) {
  if (!p || !out) return MANDELBROT_ERROR_NULL;
  // Version 1 is the only layout so far; later versions will append fields and
  // read them only when struct_size covers them.
  if (p->struct_size != sizeof(mandelbrot_family_params)) return MANDELBROT_ERROR_VERSION;
  mandelbrot::Family family;
  if (int code = family_of(*p, &family); code != MANDELBROT_OK) return code;
  return render(p->view, family, out);
}

const char* mandelbrot_strerror(int code) {
  switch (code) {
    case MANDELBROT_OK:
      return "success";
    case MANDELBROT_ERROR_NULL:
      return "a required pointer is null";
    case MANDELBROT_ERROR_SIZE:
      return "a width, height or length is out of range";
    case MANDELBROT_ERROR_ITERATIONS:
      return "iterations must be at least 1";
    case MANDELBROT_ERROR_REGION:
      return "the region needs finite bounds with xmin < xmax and ymin < ymax";
    case MANDELBROT_ERROR_BAILOUT:
      return "bailout must be a finite number > 0";
    case MANDELBROT_ERROR_THREADS:
      return "threads must be between 0 and 1024";
    case MANDELBROT_ERROR_VERSION:
      return "struct_size is not sizeof(mandelbrot_family_params) of a known version";
    case MANDELBROT_ERROR_FAMILY:
      return "family must be one of the MANDELBROT_FAMILY_* values";
    case MANDELBROT_ERROR_POWER:
      return "power must be 2 to 8 for multibrot, and 2 for every other family";
    case MANDELBROT_ERROR_JULIA:
      return "the Julia constant must be finite, and 0 unless the family is julia";
    case MANDELBROT_ERROR_INVALID:
      return "a value given is wrong (the function's message says which)";
    case MANDELBROT_ERROR_FAILED:
      return "a valid request failed while running (the function's message says why)";
  }
  return "unknown error code";
}

const char* mandelbrot_version(void) { return mandelbrot::kVersion; }

}  // extern "C"
