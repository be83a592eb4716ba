// libFuzzer harness: npy headers and data, from bytes after the npy magic.
#include "fuzz_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mandelbrot::fuzz::read_image_bytes(std::string("\x93NUMPY", 6) + std::string(data, data + size),
                                     std::nullopt);
  return 0;
}
