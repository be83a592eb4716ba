#include "base/tile_grid.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace mandelbrot {
namespace {

// Every pixel of the image lies in exactly one tile, and neighbouring tiles
// share their edges.
TEST(TileGrid, TilesCoverTheImageOnce) {
  for (const auto& [w, h, nx, ny] : std::vector<std::array<int32_t, 4>>{
           {7, 5, 3, 2}, {10, 10, 1, 1}, {97, 31, 7, 31}, {5, 3, 5, 3}, {1000, 1, 13, 1}}) {
    std::vector<int> covered(static_cast<size_t>(w) * h, 0);
    for (int32_t j = 0; j < ny; ++j) {
      for (int32_t i = 0; i < nx; ++i) {
        const PixelRect r = tile_rect(w, h, TileGrid{nx, ny}, i, j);
        EXPECT_GE(r.width, 1);
        EXPECT_GE(r.height, 1);
        EXPECT_LE(r.width, w / nx + 1);
        for (int32_t y = r.y; y < r.y + r.height; ++y) {
          for (int32_t x = r.x; x < r.x + r.width; ++x) ++covered[static_cast<size_t>(y) * w + x];
        }
      }
    }
    for (int c : covered) ASSERT_EQ(c, 1) << w << "x" << h << " by " << nx << "," << ny;
  }
}

TEST(TileGrid, FloorOfTheProportion) {
  // 7 columns in 3 tiles: [0,2), [2,4), [4,7).
  EXPECT_EQ(tile_rect(7, 5, TileGrid{3, 2}, 0, 0), (PixelRect{0, 0, 2, 2}));
  EXPECT_EQ(tile_rect(7, 5, TileGrid{3, 2}, 1, 0), (PixelRect{2, 0, 2, 2}));
  EXPECT_EQ(tile_rect(7, 5, TileGrid{3, 2}, 2, 1), (PixelRect{4, 2, 3, 3}));
  // No overflow for the largest sides.
  EXPECT_EQ(tile_rect(2000000000, 1, TileGrid{3, 1}, 2, 0).x, 1333333333);
}

TEST(TileGrid, ParsesAndRefuses) {
  TileGrid g;
  ASSERT_TRUE(parse_tile_grid("3, 2", &g).ok());
  EXPECT_EQ(g, (TileGrid{3, 2}));
  int32_t i = -1;
  int32_t j = -1;
  ASSERT_TRUE(parse_tile_place("0,1", &i, &j).ok());
  EXPECT_EQ(i, 0);
  EXPECT_EQ(j, 1);
  for (const char* bad : {"0,1", "3", "3,2,1", "a,b", "-1,2", "3,", "2.5,1", "9999999999,1"}) {
    const Status s = parse_tile_grid(bad, &g);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find("--tiles"), std::string::npos) << s.message();
  }
  EXPECT_FALSE(parse_tile_place("-1,0", &i, &j).ok());
  EXPECT_FALSE(parse_tile_place("1", &i, &j).ok());
  EXPECT_TRUE(check_tile(7, 5, TileGrid{3, 2}, 2, 1).ok());
  EXPECT_FALSE(check_tile(7, 5, TileGrid{3, 2}, 3, 1).ok());
  EXPECT_FALSE(check_tile(7, 5, TileGrid{3, 2}, 0, 2).ok());
  EXPECT_FALSE(check_tile(7, 5, TileGrid{8, 2}, 0, 0).ok());
  EXPECT_FALSE(check_tile(7, 5, TileGrid{1, 6}, 0, 0).ok());
}

}  // namespace
}  // namespace mandelbrot
