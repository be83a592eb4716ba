// libFuzzer harness: the C API's option text (mandelbrot_options). The bytes,
// split at newlines, fill the option fields in order (an empty line leaves a
// field unset). Every request must be checked without a crash; one that passes
// and is small (up to 4096 pixels and 512 iterations) is rendered into a
// buffer of exactly its size, coloured, encoded and hashed.
#include <cstring>
#include <string>
#include <vector>

#include "mandelbrot/c_api.h"

namespace {

int discard(void*, const uint8_t*, size_t) { return 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> lines(1);
  for (size_t i = 0; i < size && lines.size() <= 15; ++i) {
    if (data[i] == '\n') {
      lines.emplace_back();
    } else {
      lines.back().push_back(static_cast<char>(data[i]));
    }
  }
  lines.resize(15);
  mandelbrot_options o = mandelbrot_default_options();
  const char** fields[] = {&o.size,   &o.width,  &o.height,  &o.iterations, &o.center,
                           &o.radius, &o.region, &o.angle,   &o.bailout,    &o.family,
                           &o.julia,  &o.power,  &o.threads, &o.colormap,   &o.scale};
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].empty()) *fields[i] = lines[i].c_str();
  }
  char message[64];
  int32_t width = 0, height = 0, iterations = 0;
  const int code =
      mandelbrot_check_options(&o, &width, &height, &iterations, message, sizeof message);
  if (code != MANDELBROT_OK) {
    if (std::strlen(message) >= sizeof message) __builtin_trap();
    return 0;
  }
  if (int64_t{width} * height > 4096 || iterations > 512) return 0;
  o.threads = "1";
  std::vector<int32_t> counts(static_cast<size_t>(width) * static_cast<size_t>(height));
  if (mandelbrot_render_options(&o, counts.data(), counts.size(), message, sizeof message) !=
      MANDELBROT_OK) {
    __builtin_trap();
  }
  for (int32_t c : counts) {
    if (c < 0 || c >= iterations) __builtin_trap();
  }
  std::vector<uint8_t> rgb(3 * counts.size());
  if (mandelbrot_colour_options(&o, counts.data(), counts.size(), rgb.data(), rgb.size(), message,
                                sizeof message) != MANDELBROT_OK ||
      mandelbrot_png_options(&o, counts.data(), counts.size(), discard, nullptr, message,
                             sizeof message) != MANDELBROT_OK) {
    __builtin_trap();
  }
  char hash[MANDELBROT_HASH_SIZE];
  if (mandelbrot_content_hash(counts.data(), counts.size(), hash, sizeof hash) != MANDELBROT_OK) {
    __builtin_trap();
  }
  return 0;
}
