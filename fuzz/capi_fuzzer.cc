// libFuzzer harness: the C API's parameter checks. The bytes fill a
// mandelbrot_params; images of up to 4096 pixels and 256 iterations are
// rendered, anything else must be refused or accepted without rendering.
#include <cstring>
#include <vector>

#include "mandelbrot/c_api.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mandelbrot_params p = mandelbrot_default_params();
  std::memcpy(&p, data, std::min(size, sizeof p));
  const bool small = p.width >= 1 && p.height >= 1 && p.width <= 64 && p.height <= 64 &&
                     p.iterations <= 256 && p.threads >= 0 && p.threads <= 2;
  if (!small) {
    // Out of range must be refused without touching out (a null-sized buffer
    // would be a crash under ASan). In-range large images are not rendered.
    const bool out_of_range =
        p.width < 1 || p.height < 1 || p.iterations < 1 || p.threads < 0 || p.threads > 1024;
    if (out_of_range) {
      int32_t sentinel = 0;
      if (mandelbrot_render(&p, &sentinel) == MANDELBROT_OK) __builtin_trap();
    }
    return 0;
  }
  std::vector<int32_t> out(static_cast<size_t>(p.width) * p.height);
  const int code = mandelbrot_render(&p, out.data());
  if (mandelbrot_strerror(code) == nullptr) __builtin_trap();
  if (code == MANDELBROT_OK) {
    for (int32_t c : out) {
      if (c < 0 || c >= p.iterations) __builtin_trap();
    }
  }
  return 0;
}
