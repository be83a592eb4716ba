// `mandelbrot info FILE`: what an output file holds.
#include "app/exit_code.h"
#include "app/subcommands.h"
#include "formats/image_reader.h"
#include "tools/info.h"

namespace mandelbrot {
namespace {

class InfoCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    app.add_option("FILE", path_, "The file, or - for standard input")->required()->type_name("");
    add_text_option(app, "--width", width_, "Width of a raw file", "N");
    add_text_option(app, "--height", height_, "Height of a raw file", "N");
    app.add_flag("--json", json_, "Print one JSON object");
  }

  int run() override {
    std::optional<std::pair<int32_t, int32_t>> raw_size;
    if (Status s = parse_raw_size(width_, height_, &raw_size); !s.ok()) return report_error(s);
    std::string text;
    if (Status s = describe_file(path_, raw_size, json_, &text); !s.ok()) return report_error(s);
    if (Status s = write_stdout(text + (json_ ? "\n" : "")); !s.ok()) return report_error(s);
    return kExitSuccess;
  }

 private:
  std::string path_;
  std::optional<std::string> width_, height_;
  bool json_ = false;
};

}  // namespace

const char* const kInfoFooter = R"(Examples:
  mandelbrot info out.png             format, size and the render parameters embedded in it
  mandelbrot info counts.raw --width 400 --height 400
  mandelbrot info out.png --json      one JSON object, a valid --from input)";

std::unique_ptr<Command> make_info_command() { return std::make_unique<InfoCommand>(); }

}  // namespace mandelbrot
