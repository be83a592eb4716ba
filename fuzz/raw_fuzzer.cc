// libFuzzer harness: raw counts. The first two bytes are the width and height
// (1 to 256), the rest the file.
#include "fuzz_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  mandelbrot::fuzz::read_image_bytes(std::string(data + 2, data + size),
                                     std::make_pair(data[0] + 1, data[1] + 1));
  return 0;
}
