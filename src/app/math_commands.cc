// `mandelbrot add A B` and `mandelbrot dot A B`: the math utilities.
#include <iostream>

#include "app/exit_code.h"
#include "app/subcommands.h"
#include "math/math_command.h"

namespace mandelbrot {
namespace {

class MathCommand : public Command {
 public:
  explicit MathCommand(MathOperation operation) { options_.operation = operation; }

  void add_options(CLI::App& app) override {
    app.add_option("A", options_.a, "First operand")->required()->type_name("");
    app.add_option("B", options_.b, "Second operand")->required()->type_name("");
    add_text_option(app, "--type", options_.type,
                    "int32, int64, float32 or float64 (default int64, or float64 when some "
                    "element is not an integer)",
                    "TYPE");
    app.add_flag("--json", options_.json, R"(Print {"result": ..., "type": ...})");
  }

  int run() override {
    std::string output;
    if (Status s = run_math(options_, std::cin, &output); !s.ok()) return report_error(s);
    if (Status s = write_stdout(output + "\n"); !s.ok()) return report_error(s);
    return kExitSuccess;
  }

 private:
  MathOptions options_;
};

}  // namespace

const char* const kMathFooter =
    R"(Operands: a number, a comma list (1,2,-5), @FILE (numbers separated by white
space or commas) or - (standard input, for one operand at most).
Integers are exact (int64) and overflow is an error; if any element is not an
integer, the arithmetic is float64 and results print in the shortest form that
reads back exactly. --type int32|float32 gives the C library's int and float.

Examples:
  mandelbrot add 3 4                  7
  mandelbrot add 1,2,-5 -1,3,3        0,5,-2
  mandelbrot add 0.1 0.2              0.30000000000000004
  mandelbrot dot 1,2,3 4,5,6          32
  seq 1 100 | mandelbrot dot - @weights.txt --json)";

std::unique_ptr<Command> make_add_command() {
  return std::make_unique<MathCommand>(MathOperation::kAdd);
}
std::unique_ptr<Command> make_dot_command() {
  return std::make_unique<MathCommand>(MathOperation::kDot);
}

}  // namespace mandelbrot
