// Tiles: an image split into NX x NY rectangles of pixels for batch systems
// (docs/SEMANTICS.md, "Tiles"). Each tile is rendered on its own with the
// samples the whole image has there, so the tiles join without seams.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"

namespace mandelbrot {

// A rectangle of an image's pixels: columns [x, x + width), rows [y, y + height).
struct PixelRect {
  int32_t x = 0;
  int32_t y = 0;
  int32_t width = 0;
  int32_t height = 0;
  friend bool operator==(const PixelRect&, const PixelRect&) = default;
};

// The split of an image into `columns` x `rows` tiles.
struct TileGrid {
  int32_t columns = 1;
  int32_t rows = 1;
  friend bool operator==(const TileGrid&, const TileGrid&) = default;
};

// The pixels of tile (i, j) (i the column, j the row, from 0) of a width x
// height image split by `grid`: columns [floor(i W / NX), floor((i+1) W / NX))
// and rows [floor(j H / NY), floor((j+1) H / NY)), so the tiles cover the image
// exactly once and differ in size by at most one pixel.
// REQUIRES: 1 <= grid.columns <= width, 1 <= grid.rows <= height,
// 0 <= i < grid.columns, 0 <= j < grid.rows.
PixelRect tile_rect(int32_t width, int32_t height, TileGrid grid, int32_t i, int32_t j);

// Parses "--tiles NX,NY" (each at least 1 and at most kMaxTilesPerSide) and
// "--tile I,J" (each from 0). A usage error naming the option and the value.
inline constexpr int64_t kMaxTilesPerSide = 1 << 20;
Status parse_tile_grid(const std::string& text, TileGrid* grid);
Status parse_tile_place(const std::string& text, int32_t* i, int32_t* j);

// Ok when tile (i, j) of `grid` exists in a width x height image and every
// tile of the grid holds at least one pixel; else a usage error that says why.
Status check_tile(int32_t width, int32_t height, TileGrid grid, int32_t i, int32_t j);

}  // namespace mandelbrot
