// The factories and help footers of the subcommands, one file each
// (render_command.cc, math_commands.cc, bench_command.cc, compare_command.cc,
// info_command.cc, verify_command.cc, assemble_command.cc, zoom_command.cc), gathered
// into the table of subcommands.cc.
#pragma once

#include <memory>

#include "app/command.h"

namespace mandelbrot {

std::unique_ptr<Command> make_render_command();
std::unique_ptr<Command> make_add_command();
std::unique_ptr<Command> make_dot_command();
std::unique_ptr<Command> make_bench_command();
std::unique_ptr<Command> make_compare_command();
std::unique_ptr<Command> make_info_command();
std::unique_ptr<Command> make_verify_command();
std::unique_ptr<Command> make_assemble_command();
std::unique_ptr<Command> make_zoom_command();
std::unique_ptr<Command> make_colour_command();

extern const char* const kRenderFooter;
extern const char* const kMathFooter;
extern const char* const kBenchFooter;
extern const char* const kCompareFooter;
extern const char* const kInfoFooter;
extern const char* const kVerifyFooter;
extern const char* const kAssembleFooter;
extern const char* const kZoomFooter;
extern const char* const kColourFooter;

}  // namespace mandelbrot
