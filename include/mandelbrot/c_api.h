/* The mandelbrot C library (libmandelbrot.so): a plain C ABI for C programs and
 * for Python's ctypes. The kernel is the one the command line uses: the same
 * counts, bit for bit. Every function is thread-safe. */
#ifndef MANDELBROT_C_API_H_
#define MANDELBROT_C_API_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- The classic functions, with their classic contracts. ---- */

/* a + b. Overflow wraps around (two's complement) instead of being undefined. */
int add_int(int a, int b);
/* a + b in float arithmetic. */
float add_float(float a, float b);

/* *c = *a + *b; returns 0 (or MANDELBROT_ERROR_NULL when a pointer is null). */
int add_int_ref(int* a, int* b, int* c);
int add_float_ref(float* a, float* b, float* c);

/* c[i] = a[i] + b[i] for 0 <= i < n; returns 0, or MANDELBROT_ERROR_NULL for a
 * null pointer with n > 0, or MANDELBROT_ERROR_SIZE for n < 0. n == 0 does nothing. */
int add_int_array(int* a, int* b, int* c, int n);
int add_float_array(float* a, float* b, float* c, int n);

/* The sum of a[i] * b[i] for 0 <= i < n, accumulated in float from 0 in index
 * order. 0 when n <= 0; NaN when a pointer is null and n > 0. */
float dot_product(float* a, float* b, int n);

/* Fills col[i * size + j] (size * size int32 values) with the counts of the
 * default view: region [-2, 1] x [-1.5, 1.5], bailout 10, row 0 at the top,
 * on all cores. The same bytes as `mandelbrot --size SIZE --iter ITERATIONS
 * --format raw`. Does nothing when size <= 0, iterations <= 0 or col is null.
 * (The library's own C++ sources have a namespace of this name, so its
 * implementation file, and only it, declares the function under another name.) */
#ifndef MANDELBROT_C_API_IMPLEMENTATION
void mandelbrot(int size, int iterations, int* col);
#endif

/* ---- The general entry point. ---- */

typedef struct mandelbrot_params {
  int32_t width;      /* pixels, >= 1 */
  int32_t height;     /* pixels, >= 1 */
  int32_t iterations; /* >= 1; counts lie in [0, iterations) */
  double xmin, xmax;  /* real part of the region, finite, xmin < xmax */
  double ymin, ymax;  /* imaginary part, finite, ymin < ymax; row 0 samples ymax */
  double bailout;     /* escape radius, finite, > 0 */
  int32_t threads;    /* 1 to 1024, or 0 for all cores */
} mandelbrot_params;

enum {
  MANDELBROT_OK = 0,
  MANDELBROT_ERROR_NULL = -1,       /* a required pointer is null */
  MANDELBROT_ERROR_SIZE = -2,       /* a width, height or length is out of range */
  MANDELBROT_ERROR_ITERATIONS = -3, /* iterations < 1 */
  MANDELBROT_ERROR_REGION = -4,     /* a bound is NaN or infinite, or the region is empty */
  MANDELBROT_ERROR_BAILOUT = -5,    /* bailout is not a finite number > 0 */
  MANDELBROT_ERROR_THREADS = -6,    /* threads outside [0, 1024] */
  MANDELBROT_ERROR_VERSION = -7,    /* struct_size is not one this library knows */
  MANDELBROT_ERROR_FAMILY = -8,     /* family is not a MANDELBROT_FAMILY_* value */
  MANDELBROT_ERROR_POWER = -9,      /* power outside [2, 8], or not 2 for a non-multibrot family */
  MANDELBROT_ERROR_JULIA = -10      /* a Julia constant that is not finite, or set without julia */
};

/* The classic view: 400 x 400, 100 iterations, [-2, 1] x [-1.5, 1.5], bailout
 * 10, all cores. */
mandelbrot_params mandelbrot_default_params(void);

/* Fills out (width * height int32 values, row-major, row 0 at ymax) with the
 * counts of p. Returns MANDELBROT_OK, or a negative MANDELBROT_ERROR_* code and
 * leaves out untouched. */
int mandelbrot_render(const mandelbrot_params* p, int32_t* out);

/* ---- Fractal families (docs/SEMANTICS.md section 2b). ---- */

enum {
  MANDELBROT_FAMILY_MANDELBROT = 0, /* z^2 + c from z_0 = 0, c = the pixel */
  MANDELBROT_FAMILY_JULIA = 1,      /* z^2 + K from z_0 = the pixel */
  MANDELBROT_FAMILY_BURNING_SHIP = 2,
  MANDELBROT_FAMILY_TRICORN = 3,
  MANDELBROT_FAMILY_MULTIBROT = 4 /* z^power + c */
};

/* A render of any family. Versioned by its first field: set struct_size to
 * sizeof(mandelbrot_family_params), as mandelbrot_default_family_params() does,
 * so that a program built against this header keeps working with later
 * libraries whose struct has grown. */
typedef struct mandelbrot_family_params {
  uint32_t struct_size;   /* sizeof(mandelbrot_family_params) */
  mandelbrot_params view; /* size, iterations, region, bailout, threads */
  int32_t family;         /* a MANDELBROT_FAMILY_* value */
  int32_t power;          /* multibrot: 2 to 8; every other family: 2 */
  double julia_re;        /* julia: the constant K = julia_re + i julia_im; */
  double julia_im;        /* every other family: 0, 0 */
} mandelbrot_family_params;

/* The classic view of the Mandelbrot set, with struct_size set. */
mandelbrot_family_params mandelbrot_default_family_params(void);

/* As mandelbrot_render, for p's family. Returns MANDELBROT_OK, or a negative
 * MANDELBROT_ERROR_* code (MANDELBROT_ERROR_VERSION for an unknown struct_size)
 * and leaves out untouched. */
int mandelbrot_render_family(const mandelbrot_family_params* p, int32_t* out);

/* A static English description of a return code; never null. */
const char* mandelbrot_strerror(int code);

/* The library version, e.g. "0.1.0". */
const char* mandelbrot_version(void);

#ifdef __cplusplus
}
#endif

#endif /* MANDELBROT_C_API_H_ */
