/* A C program (compiled as C11) that uses libmandelbrot through c_api.h only,
 * calls every function, and exits non-zero on the first wrong answer. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mandelbrot/c_api.h"

static int failures = 0;

#define CHECK(condition)                                                      \
  do {                                                                        \
    if (!(condition)) {                                                       \
      fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #condition); \
      failures++;                                                             \
    }                                                                         \
  } while (0)

int main(void) {
  int a = 3, b = 4, c = 0;
  float x = 1.5f, y = 2.25f, z = 0;
  int ia[3] = {1, 2, -5}, ib[3] = {-1, 3, 3}, ic[3] = {0};
  float fa[2] = {0.5f, 1.0f}, fb[2] = {0.25f, 2.0f}, fc[2] = {0};
  int col[16];
  int32_t out[16];
  mandelbrot_params p = mandelbrot_default_params();
  int i;

  CHECK(add_int(3, 4) == 7);
  CHECK(add_float(3.0f, 4.0f) == 7.0f);
  CHECK(add_int_ref(&a, &b, &c) == 0 && c == 7);
  CHECK(add_float_ref(&x, &y, &z) == 0 && z == 3.75f);
  CHECK(add_int_array(ia, ib, ic, 3) == 0 && ic[0] == 0 && ic[1] == 5 && ic[2] == -2);
  CHECK(add_float_array(fa, fb, fc, 2) == 0 && fc[0] == 0.75f && fc[1] == 3.0f);
  CHECK(dot_product(fa, fb, 2) == 2.125f);

  mandelbrot(4, 50, col);
  p.width = 4;
  p.height = 4;
  p.iterations = 50;
  CHECK(mandelbrot_render(&p, out) == MANDELBROT_OK);
  for (i = 0; i < 16; i++) CHECK(col[i] == out[i]);
  CHECK(col[2 * 4 + 2] == 49); /* c = -0.5 + 0i is inside */

  p.xmin = NAN;
  CHECK(mandelbrot_render(&p, out) == MANDELBROT_ERROR_REGION);
  CHECK(strcmp(mandelbrot_strerror(MANDELBROT_ERROR_REGION),
               "the region needs finite bounds with xmin < xmax and ymin < ymax") == 0);
  CHECK(strlen(mandelbrot_version()) > 0);

  if (failures == 0)
    printf("c_api_program: all checks passed (libmandelbrot %s)\n", mandelbrot_version());
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
