#include "tools/assemble.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "render/render_plan.h"
#include "test_support.h"

namespace mandelbrot {
namespace {

using testing::ScratchDir;

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

RenderOptions options_of(const std::string& output) {
  RenderOptions o;
  o.width = "37";
  o.height = "23";
  o.iterations = "120";
  o.center = "-0.74,0.12";
  o.radius = "0.08";
  o.output = output;
  o.quiet = true;
  return o;
}

RenderPlan plan_of(const RenderOptions& o) {
  RenderPlan plan;
  const Status s = make_render_plan(o, &plan);
  EXPECT_TRUE(s.ok()) << s.message();
  return plan;
}

// Renders every tile of `grid` as `ext` files; returns their paths in row-major order.
std::vector<std::string> render_tiles(const ScratchDir& dir, RenderOptions o, TileGrid grid,
                                      const std::string& ext) {
  std::vector<std::string> paths;
  for (int32_t j = 0; j < grid.rows; ++j) {
    for (int32_t i = 0; i < grid.columns; ++i) {
      o.tiles = fmt::format("{},{}", grid.columns, grid.rows);
      o.tile = fmt::format("{},{}", i, j);
      o.output = dir.file(fmt::format("tile-{}-{}.{}", i, j, ext));
      RenderReport report;
      EXPECT_TRUE(render_to_output(plan_of(o), &report).ok());
      paths.push_back(*o.output);
    }
  }
  return paths;
}

// The whole render's bytes, for every output format and colouring that
// count tiles can give, from npy and from raw tiles.
TEST(Assemble, GivesTheWholeRendersBytes) {
  ScratchDir dir;
  const TileGrid grid{3, 2};
  for (const char* ext : {"npy", "raw"}) {
    const std::vector<std::string> tiles = render_tiles(dir, options_of(""), grid, ext);
    for (const char* format : {"png", "npy", "raw", "pgm", "ppm", "pbm"}) {
      for (const char* colouring : {"log", "histogram"}) {
        for (const char* scale : {"image", "fixed"}) {
          RenderOptions o = options_of(dir.file(std::string("whole.") + format));
          o.colouring = colouring;
          o.scale = scale;
          RenderReport whole_report;
          ASSERT_TRUE(render_to_output(plan_of(o), &whole_report).ok());
          o.output = dir.file(std::string("joined.") + format);
          RenderReport report;
          const Status s = assemble_tiles(plan_of(o), grid, tiles, &report);
          ASSERT_TRUE(s.ok()) << s.message();
          EXPECT_EQ(bytes_of(dir.file(std::string("joined.") + format)),
                    bytes_of(dir.file(std::string("whole.") + format)))
              << ext << " tiles to " << format << ", " << colouring << ", " << scale;
          EXPECT_EQ(report.hash, whole_report.hash);
        }
      }
    }
  }
}

// Bad tiles are named, and no output is created.
TEST(Assemble, RefusesTilesThatDoNotFit) {
  ScratchDir dir;
  const TileGrid grid{3, 2};
  const std::vector<std::string> tiles = render_tiles(dir, options_of(""), grid, "npy");
  const RenderPlan plan = plan_of(options_of(dir.file("out.png")));
  auto refused = [&](std::vector<std::string> files, TileGrid g, const std::string& says,
                     const RenderPlan& p, StatusCode code = StatusCode::kInvalidArgument) {
    RenderReport report;
    const Status s = assemble_tiles(p, g, files, &report);
    EXPECT_EQ(s.code(), code) << says;
    EXPECT_NE(s.message().find(says), std::string::npos) << s.message();
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.png"))) << says;
  };
  std::vector<std::string> five(tiles.begin(), tiles.end() - 1);
  refused(five, grid, "needs 6 tile files", plan);
  std::vector<std::string> twice = tiles;
  twice[4] = tiles[1];
  refused(twice, grid, "tile 1,0 ('" + tiles[1] + "') and tile 1,1", plan);
  std::vector<std::string> swapped = tiles;
  std::swap(swapped[0], swapped[2]);  // 12 and 13 columns wide
  refused(swapped, grid, "tile 0,0 ('" + tiles[2] + "') is 13x11", plan);
  refused(tiles, TileGrid{2, 3}, "is 12x11, but that tile of the 37x23 image is 18x7", plan);
  // Counts of a render with more iterations.
  RenderOptions more = options_of("");
  more.iterations = "400";
  ScratchDir other;
  const std::vector<std::string> deeper = render_tiles(other, more, grid, "npy");
  refused(deeper, grid, "outside 0 to 119", plan);
  std::vector<std::string> png = tiles;
  png[3] = dir.file("tile-0-1.png");
  refused(png, grid, "tiles must be npy or raw", plan);
  // Data past a tile's end (the last row of tiles too), and a truncated tile.
  for (const std::string& extra : {tiles[1], tiles[5]}) {
    std::ofstream(extra, std::ios::binary | std::ios::app) << std::string(44, 'x');
    refused(tiles, grid, "tile " + std::string(extra == tiles[1] ? "1,0" : "2,1"), plan,
            StatusCode::kCorruption);
    std::filesystem::resize_file(extra, std::filesystem::file_size(extra) - 44);
  }
  std::filesystem::resize_file(tiles[5], std::filesystem::file_size(tiles[5]) - 4);
  refused(tiles, grid, "tile 2,1", plan, StatusCode::kCorruption);
  std::vector<std::string> missing = tiles;
  missing[5] = dir.file("nowhere.npy");
  RenderReport report;
  EXPECT_EQ(assemble_tiles(plan, grid, missing, &report).code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.file("out.png")));
}

}  // namespace
}  // namespace mandelbrot
