// libFuzzer harness: numbers and lists as users type them: the strict number
// parsers, the comma splitter, and add/dot operands of every type.
#include <sstream>

#include "base/parse.h"
#include "math/math_command.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mandelbrot;
  const std::string text(data, data + size);
  int64_t i = 0;
  double d = 0;
  (void)parse_int64(text, "fuzz", &i);
  (void)parse_double(text, "fuzz", &d);
  (void)split_commas(text);
  // The operands: the text split at its first ';', so both sides vary.
  const size_t cut = text.find(';');
  MathOptions options;
  options.a = text.substr(0, cut);
  options.b = cut == std::string::npos ? "1" : text.substr(cut + 1);
  if (options.a.empty() || options.a[0] == '@' || options.b.empty() || options.b[0] == '@') {
    return 0;  // no files
  }
  std::istringstream no_input;
  for (const char* type : {"int32", "int64", "float32", "float64", ""}) {
    for (MathOperation op : {MathOperation::kAdd, MathOperation::kDot}) {
      options.operation = op;
      options.type = *type ? std::optional<std::string>(type) : std::nullopt;
      for (bool json : {false, true}) {
        options.json = json;
        std::string output;
        (void)run_math(options, no_input, &output);
      }
    }
  }
  return 0;
}
