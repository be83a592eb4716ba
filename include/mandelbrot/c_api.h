/* The mandelbrot C library (libmandelbrot.so): a plain C ABI for C programs and
 * for Python's ctypes. The kernel is the one the command line uses: the same
 * counts, bit for bit. Every function is thread-safe. */
#ifndef MANDELBROT_C_API_H_
#define MANDELBROT_C_API_H_

#include <stddef.h>
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
 * implementation files, and only they, define MANDELBROT_C_API_IMPLEMENTATION:
 * c_api.cc declares the function under another name.) */
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
  MANDELBROT_ERROR_JULIA = -10,     /* a Julia constant that is not finite, or set without julia */
  MANDELBROT_ERROR_INVALID = -11,   /* a value given is wrong; the message says which and why */
  MANDELBROT_ERROR_FAILED = -12     /* a valid request failed while running (e.g. out of memory) */
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

/* ---- Renders as the command line takes them, and the tools on its outputs. ----
 *
 * Every function below checks every argument (a null pointer, a size that does
 * not match, a value the command line would refuse) before it touches memory,
 * returns MANDELBROT_OK or a negative MANDELBROT_ERROR_* code, and on an error
 * writes the command line's message for it (without "mandelbrot: error: ") to
 * `message` when message is not null: at most message_size bytes, NUL
 * terminated, truncated if need be. Nothing is written to the outputs on error. */

/* The render options, as text exactly as `mandelbrot` takes them (the meaning
 * of each, and its default, in docs/SEMANTICS.md); a null field is "not given",
 * so deep views keep all their digits. Versioned like mandelbrot_family_params:
 * set struct_size (mandelbrot_default_options() does). */
typedef struct mandelbrot_options {
  uint32_t struct_size;   /* sizeof(mandelbrot_options) */
  const char* size;       /* --size N: width and height */
  const char* width;      /* --width N */
  const char* height;     /* --height N */
  const char* iterations; /* --iter N */
  const char* center;     /* --center X,Y */
  const char* radius;     /* --radius R */
  const char* region;     /* --region XMIN,XMAX,YMIN,YMAX */
  const char* angle;      /* --angle DEG */
  const char* bailout;    /* --bailout B */
  const char* family;     /* --family NAME */
  const char* julia;      /* --julia KR,KI */
  const char* power;      /* --power D */
  const char* threads;    /* --threads N (default: all cores) */
  const char* colormap;   /* --colormap NAME */
  const char* scale;      /* --scale image|fixed: how counts are scaled to colours */
} mandelbrot_options;

/* Every option not given, with struct_size set. */
mandelbrot_options mandelbrot_default_options(void);

/* Checks o as `mandelbrot` checks its options and sets *width, *height and
 * *iterations (each pointer may be null) to the render's. */
int mandelbrot_check_options(const mandelbrot_options* o, int32_t* width, int32_t* height,
                             int32_t* iterations, char* message, size_t message_size);

/* Fills out (out_count int32 values, which must be width * height) with the
 * counts of o: the bytes of `mandelbrot [options] --format raw`. */
int mandelbrot_render_options(const mandelbrot_options* o, int32_t* out, size_t out_count,
                              char* message, size_t message_size);

/* Fills rgb (rgb_size bytes, which must be 3 * width * height) with the 8-bit
 * R, G, B pixels of the PNG that `mandelbrot [options]` writes for these counts
 * (count_count values, width * height of o's render). */
int mandelbrot_colour_options(const mandelbrot_options* o, const int32_t* counts,
                              size_t count_count, uint8_t* rgb, size_t rgb_size, char* message,
                              size_t message_size);

/* Receives the bytes of a file as they are made; returns 0 to go on, anything
 * else to stop with MANDELBROT_ERROR_FAILED. */
typedef int (*mandelbrot_write_fn)(void* context, const uint8_t* data, size_t size);

/* Writes, through write, the PNG file that `mandelbrot [options] -o out.png`
 * writes for these counts, byte for byte (parameters and content hash included). */
int mandelbrot_png_options(const mandelbrot_options* o, const int32_t* counts, size_t count_count,
                           mandelbrot_write_fn write, void* context, char* message,
                           size_t message_size);

/* Writes the content hash of count_count counts (the `--hash` of the render
 * they come from, e.g. "xxh3-128:" and 32 hex digits) to text, which needs at
 * least MANDELBROT_HASH_SIZE bytes. */
enum { MANDELBROT_HASH_SIZE = 42 };
int mandelbrot_content_hash(const int32_t* counts, size_t count_count, char* text,
                            size_t text_size);

/* Compares two images held as int32 samples (height * width * channels each,
 * row-major): channels 1 for counts, 3 for 8-bit RGB pixels. max_diff and
 * max_differing are the text of `compare --max-diff` and `--max-differing`
 * (null: 0). Writes the JSON line of `compare --json` to json (json_size bytes;
 * MANDELBROT_ERROR_SIZE when it does not fit). */
int mandelbrot_compare(const int32_t* a, const int32_t* b, int32_t width, int32_t height,
                       int32_t channels, const char* max_diff, const char* max_differing,
                       char* json, size_t json_size, char* message, size_t message_size);

/* The checked arithmetic of `mandelbrot add --type T` and `dot --type T`:
 * sum[i] = a[i] + b[i] for the a_count elements of a and b_count of b (which
 * must be equal, as must sum_count), and *result = the dot product; an
 * overflow (or a float result that is not finite) is MANDELBROT_ERROR_INVALID
 * with the command line's message naming the element. */
int mandelbrot_add_int32(const int32_t* a, size_t a_count, const int32_t* b, size_t b_count,
                         int32_t* sum, size_t sum_count, char* message, size_t message_size);
int mandelbrot_add_float32(const float* a, size_t a_count, const float* b, size_t b_count,
                           float* sum, size_t sum_count, char* message, size_t message_size);
int mandelbrot_dot_int32(const int32_t* a, size_t a_count, const int32_t* b, size_t b_count,
                         int32_t* result, char* message, size_t message_size);
int mandelbrot_dot_float32(const float* a, size_t a_count, const float* b, size_t b_count,
                           float* result, char* message, size_t message_size);

/* A static English description of a return code; never null. */
const char* mandelbrot_strerror(int code);

/* The library version, e.g. "0.1.0". */
const char* mandelbrot_version(void);

#ifdef __cplusplus
}
#endif

#endif /* MANDELBROT_C_API_H_ */
