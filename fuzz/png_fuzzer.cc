// libFuzzer harness: PNG decoding (libspng behind open_image) and the chunk
// walk of info and --from, from bytes after the PNG signature.
#include "formats/png/png_chunks.h"
#include "formats/png/png_text.h"
#include "fuzz_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mandelbrot;
  const std::string bytes = std::string(kPngSignature) + std::string(data, data + size);
  fuzz::read_image_bytes(bytes, std::nullopt);
  auto in =
      InputStream::from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "fuzz");
  PngHeader header;
  std::optional<std::string> text;
  (void)scan_png(*in, kParamsKeyword, &header, &text);
  return 0;
}
