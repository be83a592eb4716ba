// libFuzzer harness: Netpbm (P4, P5, P6) headers and pixels, from bytes after
// the "P".
#include "fuzz_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(1, 'P');
  bytes.append(reinterpret_cast<const char*>(data), size);
  mandelbrot::fuzz::read_image_bytes(bytes, std::nullopt);
  return 0;
}
