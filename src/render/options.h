// RenderOptions: the render request exactly as the user typed it.
#pragma once

#include <optional>
#include <string>

namespace mandelbrot {

// Every value is kept as text; make_render_plan() (render_plan.h) parses and
// checks them all in one place, so every bad value gets the same kind of message.
// An unset optional means "not given": the plan applies the default.
struct RenderOptions {
  // What the image shows; unset means the default (or, with --from, the file's value).
  std::optional<std::string> size;            // --size N: width and height
  std::optional<std::string> width;           // --width N
  std::optional<std::string> height;          // --height N
  std::optional<std::string> iterations;      // --iter N
  std::optional<std::string> region;          // --region XMIN,XMAX,YMIN,YMAX
  std::optional<std::string> center;          // --center X,Y
  std::optional<std::string> radius;          // --radius R
  std::optional<std::string> angle;           // --angle DEG
  std::optional<std::string> bailout;         // --bailout B
  std::optional<std::string> family;          // --family NAME (default mandelbrot)
  std::optional<std::string> julia;           // --julia KR,KI: the Julia constant (implies julia)
  std::optional<std::string> power;           // --power D: the multibrot power, 2 to 8
  std::optional<std::string> colour_map;      // --colormap NAME
  std::optional<std::string> scale;           // --scale image|fixed
  std::optional<std::string> channel;         // --channel count|smooth|distance (npy)
  std::optional<std::string> channels;        // --channels count,smooth,distance (exr, npy)
  std::optional<std::string> colouring;       // --colouring log|smooth|histogram|distance
  std::optional<std::string> interior;        // --interior black|white|#rrggbb
  std::optional<std::string> palette;         // --palette FILE (replaces --colormap)
  std::optional<std::string> palette_stops;   // a palette a --from file recorded, as stops text
  std::optional<std::string> palette_period;  // --palette-period P (--colouring smooth)
  std::optional<std::string> palette_offset;  // --palette-offset O (with a period)
  std::optional<std::string> png_level;       // --png-level N
  std::optional<std::string> supersample;     // --supersample N: N x N samples per pixel
  std::optional<std::string> from;            // --from FILE: the parameters of an earlier render
  std::optional<std::string> tiles;           // --tiles NX,NY: the image split into tiles
  std::optional<std::string> tile;            // --tile I,J: the one tile rendered

  // How it is computed and where it goes.
  std::optional<std::string> threads;  // --threads N (default: all cores)
  std::string kernel = "auto";         // --kernel auto|scalar|TARGET
  std::optional<std::string> method;   // --method auto|direct|perturbation (default auto)
  bool no_shortcuts = false;           // --no-shortcuts
  std::optional<std::string> output;   // -o PATH, "-" is stdout (default mandelbrot.FORMAT)
  std::optional<std::string> format;   // --format NAME (default: from the extension)
  bool json = false;                   // --json
  bool quiet = false;                  // --quiet
  bool hash = false;                   // --hash
};

}  // namespace mandelbrot
