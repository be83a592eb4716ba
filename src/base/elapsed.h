// Elapsed wall time, for the seconds that reports show.
#pragma once

#include <chrono>

namespace mandelbrot {

// The seconds from `start` to now, on the steady clock.
inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace mandelbrot
