#include "tools/assemble.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/same_file.h"
#include "formats/exr/exr_file.h"
#include "formats/image_reader.h"

namespace mandelbrot {
namespace {

// One tile file: where it belongs and what it holds.
struct TileInput {
  std::string path;
  int32_t column = 0;
  int32_t row = 0;
  PixelRect rect;
  int32_t image_width = 0;
  int32_t image_height = 0;
};

std::string place_of(const TileInput& t) {
  return fmt::format("tile {},{} ('{}')", t.column, t.row, t.path);
}

// Opens a tile and checks its format and size against its place.
Status open_tile(const TileInput& t, std::unique_ptr<ImageReader>* reader) {
  const std::optional<OutputFormat> format = output_format_from_path(t.path);
  if (format != OutputFormat::kNpy && format != OutputFormat::kRaw) {
    return invalid_argument("{}: tiles must be npy or raw counts (by the extension .npy or .raw)",
                            place_of(t));
  }
  if (Status s = open_image(t.path, format, std::pair{t.rect.width, t.rect.height}, reader);
      !s.ok()) {
    return s.with_prefix(fmt::format("tile {},{}: ", t.column, t.row));  // it names the file
  }
  const ImageHeader& h = (*reader)->header();
  if (h.format != *format || h.kind != ImageKind::kCounts || h.channels != 1) {
    return invalid_argument("{}: holds {} data, not the counts of a {} tile", place_of(t),
                            image_kind_name(h.kind), output_format_name(*format));
  }
  if (h.width != t.rect.width || h.height != t.rect.height) {
    return invalid_argument(
        "{} is {}x{}, but that tile of the {}x{} image is {}x{} (tiles go in row-major order: "
        "0,0 1,0 ... 0,1 ...)",
        place_of(t), h.width, h.height, t.image_width, t.image_height, t.rect.width, t.rect.height);
  }
  return Status();
}

// Reads the image's rows in bands: for each row of tiles, that row's tiles
// are open side by side and read a row at a time.
class TileRows {
 public:
  TileRows(const std::vector<TileInput>& tiles, TileGrid grid, int32_t iterations)
      : tiles_(tiles), grid_(grid), iterations_(iterations) {}

  // Rewinds to the first row (the tiles are opened again as they are reached).
  void restart() {
    open_.clear();
    tile_row_ = -1;
  }

  Status read_band(CountBuffer& band) {
    for (int32_t r = 0; r < band.rows(); ++r) {
      const int32_t y = band.first_row() + r;
      int32_t* out = band.data() + int64_t{r} * band.width();
      if (Status s = read_row(y, out); !s.ok()) return s;
    }
    return Status();
  }

  // Opens every tile once and closes it again: checks format and size.
  Status check_all() {
    for (const TileInput& t : tiles_) {
      std::unique_ptr<ImageReader> reader;
      if (Status s = open_tile(t, &reader); !s.ok()) return s;
    }
    return Status();
  }

 private:
  Status read_row(int32_t y, int32_t* out) {
    if (open_.empty()) {
      if (Status s = next_tile_row(); !s.ok()) return s;
    }
    for (size_t i = 0; i < open_.size(); ++i) {
      const TileInput& t = tiles_[first_of_row() + i];
      int32_t* segment = out + t.rect.x;
      if (Status s = open_[i]->read_row(segment); !s.ok()) {
        return s.with_prefix(fmt::format("tile {},{}: ", t.column, t.row));
      }
      for (int32_t x = 0; x < t.rect.width; ++x) {
        if (segment[x] < 0 || segment[x] >= iterations_) {
          return invalid_argument(
              "{} holds the count {} at column {}, row {}, outside 0 to {}: not a tile of a "
              "render with --iter {}",
              place_of(t), segment[x], x, y - t.rect.y, iterations_ - 1, iterations_);
        }
      }
    }
    // After the last row of a row of tiles: no data may follow in its files.
    if (y == tiles_[first_of_row()].rect.y + tiles_[first_of_row()].rect.height - 1) {
      return finish_tile_row();
    }
    return Status();
  }

  size_t first_of_row() const { return static_cast<size_t>(tile_row_) * grid_.columns; }

  // Checks that no data follow the rows read in the open row of tiles, and closes them.
  Status finish_tile_row() {
    for (size_t i = 0; i < open_.size(); ++i) {
      if (Status s = open_[i]->finish(); !s.ok()) {
        const TileInput& t = tiles_[first_of_row() + i];
        return s.with_prefix(fmt::format("tile {},{}: ", t.column, t.row));
      }
    }
    open_.clear();
    return Status();
  }

  // Opens the next row of tiles.
  Status next_tile_row() {
    ++tile_row_;
    for (int32_t i = 0; i < grid_.columns; ++i) {
      std::unique_ptr<ImageReader> reader;
      if (Status s = open_tile(tiles_[first_of_row() + static_cast<size_t>(i)], &reader); !s.ok()) {
        return s;
      }
      open_.push_back(std::move(reader));
    }
    return Status();
  }

  const std::vector<TileInput>& tiles_;
  const TileGrid grid_;
  const int32_t iterations_;
  int32_t tile_row_ = -1;
  std::vector<std::unique_ptr<ImageReader>> open_;
};

// An exr tile: its file, place and parameters.
struct ExrTile {
  std::string path;
  int32_t column = 0;
  int32_t row = 0;
  PixelRect rect;
  std::unique_ptr<ExrReader> reader;  // open while its row of tiles is read
};

// The parameters that make tiles parts of the same render.
constexpr const char* kSameRenderKeys[] = {"width",   "height", "tiles", "iterations", "view",
                                           "bailout", "family", "power", "julia",      "method"};

// Opens an exr tile and reads its place from its parameters.
Status open_exr_tile(const std::string& path, TileGrid grid, ExrTile* tile,
                     nlohmann::json* params) {
  if (!starts_like_exr(path)) {
    return invalid_argument("'{}': exr tiles cannot be joined with tiles of another format", path);
  }
  if (Status s = ExrReader::open(path, &tile->reader); !s.ok()) return s;
  const ExrInfo& info = tile->reader->info();
  *params = nlohmann::json::parse(info.parameters.value_or(""), nullptr, false);
  if (!params->is_object() || !params->contains("tiles") || !params->contains("tile") ||
      !(*params)["tiles"].is_string() || !(*params)["tile"].is_string()) {
    return invalid_argument(
        "'{}' is not an exr tile of this program (no tiles and tile in its "
        "parameters)",
        path);
  }
  TileGrid its;
  if (Status s = parse_tile_grid((*params)["tiles"].get<std::string>(), &its); !s.ok()) {
    return s.with_prefix(fmt::format("'{}': ", path));
  }
  if (its != grid) {
    return invalid_argument("'{}' is a tile of --tiles {},{}, not of --tiles {},{}", path,
                            its.columns, its.rows, grid.columns, grid.rows);
  }
  if (Status s = parse_tile_place((*params)["tile"].get<std::string>(), &tile->column, &tile->row);
      !s.ok() || tile->column >= grid.columns || tile->row >= grid.rows) {
    return invalid_argument("'{}': its tile '{}' is not a place of --tiles {},{}", path,
                            (*params)["tile"].get<std::string>(), grid.columns, grid.rows);
  }
  tile->path = path;
  return Status();
}

// The first of kSameRenderKeys on which a and b differ, or "".
std::string differing_key(const nlohmann::json& a, const nlohmann::json& b) {
  for (const char* key : kSameRenderKeys) {
    const bool in_a = a.contains(key);
    if (in_a != b.contains(key) || (in_a && a.at(key) != b.at(key))) return key;
  }
  return "";
}

std::string json_value(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return "none";
  return j.at(key).is_string() ? j.at(key).get<std::string>() : j.at(key).dump();
}

}  // namespace

Status assemble_exr_tiles(const RenderPlan& plan, TileGrid grid,
                          const std::vector<std::string>& tiles, RenderReport* report) {
  const KernelParams& k = plan.params;
  if (Status s = check_tile(k.width, k.height, grid, 0, 0); !s.ok()) return s;
  const size_t expected = static_cast<size_t>(grid.columns) * static_cast<size_t>(grid.rows);
  std::vector<ExrTile> placed(expected);
  nlohmann::json first_params;
  std::string first_path;
  for (const std::string& path : tiles) {
    ExrTile tile;
    nlohmann::json params;
    if (Status s = open_exr_tile(path, grid, &tile, &params); !s.ok()) return s;
    if (first_path.empty()) {
      first_params = params;
      first_path = path;
    } else if (const std::string key = differing_key(first_params, params); !key.empty()) {
      return invalid_argument(
          "'{}' and '{}' are tiles of different renders: {} {} vs {} (tiles must come from "
          "the same render)",
          first_path, path, key, json_value(first_params, key.c_str()),
          json_value(params, key.c_str()));
    }
    ExrTile& slot = placed[static_cast<size_t>(tile.row) * grid.columns + tile.column];
    if (!slot.path.empty()) {
      return invalid_argument("'{}' and '{}' are both tile {},{}: each tile must be given once",
                              slot.path, path, tile.column, tile.row);
    }
    tile.rect = tile_rect(k.width, k.height, grid, tile.column, tile.row);
    const ExrInfo& info = tile.reader->info();
    if (info.width != tile.rect.width || info.height != tile.rect.height) {
      return invalid_argument("'{}' is {}x{}, but tile {},{} of the {}x{} image is {}x{}", path,
                              info.width, info.height, tile.column, tile.row, k.width, k.height,
                              tile.rect.width, tile.rect.height);
    }
    if ((plan.channels.smooth && !info.has_nf) || (plan.channels.distance && !info.has_de)) {
      return invalid_argument(
          "'{}' has no {} channel, which --colouring {} reads: render the tiles with --channels "
          "{}",
          path, plan.channels.smooth && !info.has_nf ? "NF" : "DEX/DEY",
          colouring_name(plan.colouring),
          plan.channels.smooth && !info.has_nf ? "smooth" : "distance");
    }
    tile.reader.reset();  // opened again when its row of tiles is read
    slot = std::move(tile);
  }
  size_t given = 0;
  for (const ExrTile& t : placed) given += t.path.empty() ? 0 : 1;
  for (size_t at = 0; at < placed.size(); ++at) {
    if (placed[at].path.empty()) {
      return invalid_argument("tile {},{} of --tiles {},{} is missing ({} of {} tiles given)",
                              at % grid.columns, at / grid.columns, grid.columns, grid.rows, given,
                              expected);
    }
  }
  if (!plan.to_stdout()) {
    for (const ExrTile& t : placed) {
      if (same_file(t.path, plan.output)) {
        return invalid_argument("-o '{}' is tile {},{} ('{}'): writing it would destroy it",
                                plan.output, t.column, t.row, t.path);
      }
    }
  }
  ExrRows rows;
  int32_t open_row = -1;
  const ReadBand read_band = [&](CountBuffer& band) -> Status {
    const int32_t end = band.first_row() + band.rows();
    for (int32_t y = band.first_row(); y < end;) {
      // The row of tiles holding y, and the rows of the band inside it.
      int32_t j = 0;
      while (placed[static_cast<size_t>(j) * grid.columns].rect.y +
                 placed[static_cast<size_t>(j) * grid.columns].rect.height <=
             y) {
        ++j;
      }
      if (j != open_row) {
        for (ExrTile& t : placed) t.reader.reset();
        for (int32_t i = 0; i < grid.columns; ++i) {
          ExrTile& t = placed[static_cast<size_t>(j) * grid.columns + i];
          if (Status s = ExrReader::open(t.path, &t.reader); !s.ok()) return s;
        }
        open_row = j;
      }
      const PixelRect& row_rect = placed[static_cast<size_t>(j) * grid.columns].rect;
      const int32_t stop = std::min(end, row_rect.y + row_rect.height);
      const int32_t n = stop - y;
      for (int32_t i = 0; i < grid.columns; ++i) {
        ExrTile& t = placed[static_cast<size_t>(j) * grid.columns + i];
        CountBuffer piece(t.rect.width, n, plan.channels);
        piece.set_rows(y - t.rect.y, n);
        if (Status s = t.reader->read_rows(y - t.rect.y, n, &rows); !s.ok()) return s;
        if (Status s =
                band_from_exr(rows, t.reader->info(), t.path, k.iterations, k.bailout, piece);
            !s.ok()) {
          return s;
        }
        for (int32_t r = 0; r < n; ++r) {
          const RowOut to = band.row_out(y - band.first_row() + r);
          const RowOut from = piece.row_out(r);
          std::copy_n(from.counts, t.rect.width, to.counts + t.rect.x);
          if (to.smooth) std::copy_n(from.smooth, t.rect.width, to.smooth + t.rect.x);
          if (to.distance) std::copy_n(from.distance, t.rect.width, to.distance + t.rect.x);
        }
      }
      y = stop;
    }
    return Status();
  };
  return encode_counts_to_output(plan, read_band, report);
}

Status assemble_tiles(const RenderPlan& plan, TileGrid grid, const std::vector<std::string>& tiles,
                      RenderReport* report) {
  const KernelParams& k = plan.params;
  if (Status s = check_tile(k.width, k.height, grid, 0, 0); !s.ok()) return s;
  const int64_t expected = int64_t{grid.columns} * grid.rows;
  if (static_cast<int64_t>(tiles.size()) != expected) {
    return invalid_argument(
        "--tiles {},{} needs {} tile files in row-major order (0,0 1,0 ... 0,1 ...), got {}",
        grid.columns, grid.rows, expected, tiles.size());
  }
  std::vector<TileInput> inputs;
  inputs.reserve(tiles.size());
  for (int32_t j = 0; j < grid.rows; ++j) {
    for (int32_t i = 0; i < grid.columns; ++i) {
      inputs.push_back(TileInput{tiles[inputs.size()], i, j,
                                 tile_rect(k.width, k.height, grid, i, j), k.width, k.height});
    }
  }
  // The same file twice means a tile is missing: the same device and inode
  // (however the paths are spelled), or the same name.
  std::map<std::pair<uint64_t, uint64_t>, size_t> files;
  std::map<std::string, size_t> names;
  for (size_t a = 0; a < inputs.size(); ++a) {
    std::optional<size_t> earlier;
    if (auto [it, added] = names.emplace(inputs[a].path, a); !added) earlier = it->second;
    struct stat st {};
    if (!earlier && ::stat(inputs[a].path.c_str(), &st) == 0) {
      const std::pair<uint64_t, uint64_t> id{st.st_dev, st.st_ino};
      if (auto [it, added] = files.emplace(id, a); !added) earlier = it->second;
    }
    if (earlier) {
      return invalid_argument("{} and {} are the same file: each tile must be given once",
                              place_of(inputs[*earlier]), place_of(inputs[a]));
    }
  }
  if (!plan.to_stdout()) {
    for (const TileInput& t : inputs) {
      if (same_file(t.path, plan.output)) {
        return invalid_argument("-o '{}' is {}: writing it would destroy it", plan.output,
                                place_of(t));
      }
    }
  }
  TileRows rows(inputs, grid, k.iterations);
  if (Status s = rows.check_all(); !s.ok()) return s;
  // Each pass over the image (encode_counts_to_output() may make two) starts
  // at the first row of tiles.
  return encode_counts_to_output(
      plan,
      [&rows](CountBuffer& band) {
        if (band.first_row() == 0) rows.restart();
        return rows.read_band(band);
      },
      report);
}

}  // namespace mandelbrot
