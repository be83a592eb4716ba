#include "app/command.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "app/exit_code.h"

namespace mandelbrot {

CLI::Option* add_text_option(CLI::App& app, const std::string& name,
                             std::optional<std::string>& field, const std::string& help,
                             const std::string& type) {
  return app
      .add_option_function<std::string>(
          name, [&field](const std::string& value) { field = value; }, help)
      ->type_name(type);
}

int report_error(const Status& status) {
  fmt::print(stderr, "mandelbrot: error: {}\n", status.message());
  return exit_code_of(status);
}

Status write_stdout(const std::string& text) {
  errno = 0;
  const size_t written = std::fwrite(text.data(), 1, text.size(), stdout);
  if (written != text.size() || std::fflush(stdout) != 0) {
    return io_error("cannot write to standard output: {}",
                    errno != 0 ? std::strerror(errno) : "write failed");
  }
  return Status();
}

}  // namespace mandelbrot
