// The classic C recipe `mandelbrot(size, iterations, col)`, copied as it is
// published (rows run upward from -1.5, bailout 10): the independent reference
// the kernel and the C API are tested against. Plain C++ with no project
// headers, so that c_api_test.cc (which must not see namespace mandelbrot) can
// include it too.
#pragma once

inline void classic_recipe(int size, int iterations, int* col) {
  for (int i = 0; i < size; i++) {
    double cy = -1.5 + (double)i / size * 3;
    for (int j = 0; j < size; j++) {
      double cx = -2.0 + (double)j / size * 3;
      int index = i * size + j;
      double z0 = 0.0, z1 = 0.0;
      for (int n = 0; n < iterations; n++) {
        double z0_2 = z0 * z0;
        double z1_2 = z1 * z1;
        if (z0_2 + z1_2 <= 100) {
          z1 = 2 * z0 * z1 + cy;
          z0 = z0_2 - z1_2 + cx;
          col[index] = n;
        } else {
          break;
        }
      }
    }
  }
}
