// libFuzzer harness: render parameters as --from reads them (JSON), and as
// info shows them from a PNG's text chunk (text and --json output).
#include "formats/png/png_text.h"
#include "render/render_params.h"
#include "tools/info.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mandelbrot;
  const std::string text(data, data + size);
  RenderOptions options;
  (void)render_options_from_json(text, "fuzz", &options);
  if (text.find('\0') != std::string::npos) return 0;  // tEXt holds no NUL
  // A 1x1 greyscale PNG (IHDR, IDAT) with the text as its parameters.
  const uint8_t ihdr[13] = {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0};
  const uint8_t idat[10] = {0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01};
  std::vector<uint8_t> png(kPngSignature.begin(), kPngSignature.end());
  for (const auto& chunk : {png_chunk("IHDR", ihdr), png_text_chunk(kParamsKeyword, text),
                            png_chunk("IDAT", idat), png_chunk("IEND", {})}) {
    png.insert(png.end(), chunk.begin(), chunk.end());
  }
  for (bool json : {false, true}) {
    std::string description;
    (void)describe_stream(InputStream::from_bytes(png.data(), png.size(), "fuzz.png"), "fuzz.png",
                          std::nullopt, json, &description);
  }
  return 0;
}
