// libFuzzer harness: a command line as the program parses it (app/cli.h): the
// first parse that finds the named subcommand, then the parse with its options
// (or with all of them). Lines of the input are the arguments after
// "mandelbrot". Nothing runs; --config is left out, since it reads a file.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/cli.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(data, data + size);
  if (text.find("--config") != std::string::npos) return 0;
  std::vector<std::string> args = {"mandelbrot"};
  size_t start = 0;
  while (start <= text.size() && args.size() < 40) {
    const size_t end = std::min(text.find('\n', start), text.size());
    args.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  mandelbrot::CommandLine command_line;
  (void)mandelbrot::parse_command_line(static_cast<int>(argv.size()), argv.data(), &command_line);
  return 0;
}
