#include "base/tile_grid.h"

#include "base/parse.h"

namespace mandelbrot {
namespace {

// floor(k * n / parts) without overflow: k <= parts and n < 2^31.
int32_t split_at(int32_t n, int32_t parts, int32_t k) {
  return static_cast<int32_t>(int64_t{k} * n / parts);
}

// Two comma-separated integers in [least, most], for `option`.
Status parse_pair(const std::string& text, const char* option, int64_t least, int64_t most,
                  int64_t* a, int64_t* b) {
  const std::vector<std::string> parts = split_commas(text);
  if (parts.size() != 2) {
    return invalid_argument("{} needs two integers separated by a comma, got '{}'", option, text);
  }
  int64_t values[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    if (Status s = parse_int64(parts[static_cast<size_t>(k)], option, &values[k]); !s.ok()) {
      return s;
    }
    if (values[k] < least || values[k] > most) {
      return invalid_argument("{} values must be from {} to {}, got '{}'", option, least, most,
                              text);
    }
  }
  *a = values[0];
  *b = values[1];
  return Status();
}

}  // namespace

PixelRect tile_rect(int32_t width, int32_t height, TileGrid grid, int32_t i, int32_t j) {
  const int32_t x0 = split_at(width, grid.columns, i);
  const int32_t x1 = split_at(width, grid.columns, i + 1);
  const int32_t y0 = split_at(height, grid.rows, j);
  const int32_t y1 = split_at(height, grid.rows, j + 1);
  return PixelRect{x0, y0, x1 - x0, y1 - y0};
}

Status parse_tile_grid(const std::string& text, TileGrid* grid) {
  int64_t nx = 0;
  int64_t ny = 0;
  if (Status s = parse_pair(text, "--tiles", 1, kMaxTilesPerSide, &nx, &ny); !s.ok()) return s;
  *grid = TileGrid{static_cast<int32_t>(nx), static_cast<int32_t>(ny)};
  return Status();
}

Status parse_tile_place(const std::string& text, int32_t* i, int32_t* j) {
  int64_t a = 0;
  int64_t b = 0;
  if (Status s = parse_pair(text, "--tile", 0, kMaxTilesPerSide - 1, &a, &b); !s.ok()) return s;
  *i = static_cast<int32_t>(a);
  *j = static_cast<int32_t>(b);
  return Status();
}

Status check_tile(int32_t width, int32_t height, TileGrid grid, int32_t i, int32_t j) {
  if (grid.columns > width || grid.rows > height) {
    return invalid_argument("--tiles {},{} splits a {}x{} image into tiles with no pixels",
                            grid.columns, grid.rows, width, height);
  }
  if (i >= grid.columns || j >= grid.rows) {
    return invalid_argument("--tile {},{} is outside --tiles {},{} (columns 0 to {}, rows 0 to {})",
                            i, j, grid.columns, grid.rows, grid.columns - 1, grid.rows - 1);
  }
  return Status();
}

}  // namespace mandelbrot
