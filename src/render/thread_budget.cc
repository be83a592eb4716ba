#include "render/thread_budget.h"

#include <algorithm>
#include <cstdint>

namespace mandelbrot {

int threads_worth_starting(const KernelParams& k, int threads) {
  constexpr int64_t kWorkPerThread = int64_t{1} << 22;
  const int64_t work = int64_t{k.width} * k.height * k.iterations;
  const int64_t useful = std::min<int64_t>(k.height, 1 + work / kWorkPerThread);
  return static_cast<int>(std::min<int64_t>(threads, useful));
}

int encoder_threads_worth_starting(const KernelParams& k, int threads) {
  constexpr int64_t kBytesPerThread = int64_t{4} << 20;
  const int64_t useful = 1 + int64_t{3} * k.width * k.height / kBytesPerThread;
  return static_cast<int>(std::min<int64_t>(threads, useful));
}

}  // namespace mandelbrot
