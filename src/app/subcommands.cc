// The table of subcommands: name, help, examples, factory.
#include "app/subcommands.h"

#include <iterator>

namespace mandelbrot {

std::span<const Subcommand> subcommands() {
  static const Subcommand kSubcommands[] = {
      {"render", "Render an image (the default subcommand)", kRenderFooter, make_render_command},
      {"add", "Add two numbers, or two arrays element by element", kMathFooter, make_add_command},
      {"dot", "Dot product of two arrays", kMathFooter, make_dot_command},
      {"bench",
       "Measure this machine: the scalar reference and the fastest kernel, as rates and "
       "ratios",
       kBenchFooter, make_bench_command},
      {"compare", "Compare two outputs (exit 0 same, 1 different, 2 error)", kCompareFooter,
       make_compare_command},
      {"info", "Describe an output file: format, size, and the render parameters embedded in it",
       kInfoFooter, make_info_command},
      {"verify",
       "Render PNGs again from their embedded parameters and check their hashes (exit 0 all "
       "match, 1 some differ, 2 error)",
       kVerifyFooter, make_verify_command},
      {"assemble",
       "Join the count tiles of a render made with --tiles/--tile into its whole image, in any "
       "format",
       kAssembleFooter, make_assemble_command},
      {"zoom",
       "Render a zoom video: numbered frames from a start view to an end view, or a PPM "
       "stream for ffmpeg",
       kZoomFooter, make_zoom_command},
      {"colour", "Re-colour saved escape data (exr, npy, raw) without rendering again",
       kColourFooter, make_colour_command},
  };
  return kSubcommands;
}

}  // namespace mandelbrot
