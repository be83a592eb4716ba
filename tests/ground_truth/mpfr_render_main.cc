// mpfr_render: the brute-force MPFR renderer (mpfr_render.h) as a command, for
// the Python tests and for people: it writes the counts as an int32 .npy of
// shape (H, W) and reports on stderr the precision used and the seconds taken.
//
//   mpfr_render --center X,Y --radius R --size WxH|N --iter N [--angle DEG]
//               [--bailout B] [--family F] [--power D] [--precision BITS]
//               [--threads T] [--channels] -o out.npy
//
// A bad or missing option: one line "mpfr_render: error: ..." and exit 2; a
// failure while writing: exit 1. The output file appears whole or not at all.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "base/limits.h"
#include "base/output_file.h"
#include "buffer/count_buffer.h"
#include "formats/encoders.h"
#include "mpfr_render.h"
#include "render/shared_options.h"
#include "view/view.h"

namespace mandelbrot {
namespace {

constexpr int kUsageExit = 2;
constexpr int kFailureExit = 1;

struct Options {
  std::string center, radius, size, iterations, out;
  std::string bailout = "10", family = "mandelbrot", power, precision = "0";
  std::optional<std::string> angle, threads;
  bool channels = false;
};

// "WxH" or "N" (a square), each side as the program's --size takes it.
Status parse_size(const std::string& text, int32_t* width, int32_t* height) {
  const size_t x = text.find('x');
  const bool ok = x == std::string::npos
                      ? parse_image_side(text, "--size", width).ok()
                      : parse_image_side(text.substr(0, x), "--size", width).ok() &&
                            parse_image_side(text.substr(x + 1), "--size", height).ok();
  if (!ok) {
    return invalid_argument("--size must be N or WxH, each 1 to {}, got '{}'", kMaxImageSide, text);
  }
  if (x == std::string::npos) *height = *width;
  return Status();
}

Status parse_bailout(const std::string& text, double* bailout) {
  char* end = nullptr;
  *bailout = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(*bailout) || !(*bailout > 0)) {
    return invalid_argument("--bailout '{}' is not a finite number greater than 0", text);
  }
  return Status();
}

Status make_request(const Options& o, MpfrRenderRequest* request) {
  View view;
  if (Status s = parse_view_center(o.center, &view); !s.ok()) return s;
  if (Status s = parse_view_radius(o.radius, &view); !s.ok()) return s;
  request->center_x = view.center_x;
  request->center_y = view.center_y;
  request->radius = view.radius;
  if (o.angle) {
    if (Status s = parse_view_angle(*o.angle, &view); !s.ok()) return s;
    request->angle = view.angle;
  }
  if (Status s = parse_size(o.size, &request->width, &request->height); !s.ok()) return s;
  if (Status s = parse_iterations(o.iterations, &request->iterations); !s.ok()) return s;
  if (Status s = parse_bailout(o.bailout, &request->bailout); !s.ok()) return s;
  request->family = o.family;
  int64_t value = 0;
  // Without --power: multibrot's default power 3, as the program's --power.
  const std::string power = !o.power.empty() ? o.power : o.family == "multibrot" ? "3" : "2";
  if (Status s = parse_ranged(power, "--power", 2, 8, &value); !s.ok()) return s;
  request->power = static_cast<int>(value);
  if (Status s = parse_ranged(o.precision, "--precision", 0, kMaxMpfrPrecisionBits, &value);
      !s.ok()) {
    return s;
  }
  request->precision_bits = static_cast<long>(value);
  request->channels = o.channels;
  if (Status s = parse_threads(o.threads, &request->threads); !s.ok()) return s;
  return check_mpfr_render_request(*request);
}

// Writes the counts to `file` as an int32 .npy with the program's own encoder,
// or with the channels as its structured .npy ('count', 'smooth' and, when
// computed, 'distance'), and commits it.
Status write_npy(const MpfrRenderRequest& request, const MpfrRenderResult& result,
                 OutputFile& file) {
  ImageSpec spec;
  spec.width = request.width;
  spec.height = request.height;
  spec.iterations = request.iterations;
  spec.channel = DataChannel::kCount;
  spec.channels = Channels{!result.smooth.empty(), !result.distance.empty()};
  CountBuffer band(request.width, request.height, spec.channels);
  band.set_rows(0, request.height);
  std::copy(result.counts.begin(), result.counts.end(), band.data());
  const RowOut out = band.row_out(0);
  std::copy(result.smooth.begin(), result.smooth.end(), out.smooth);
  std::copy(result.distance.begin(), result.distance.end(), out.distance);
  const std::unique_ptr<Encoder> encoder = make_npy_encoder(spec, file);
  if (Status s = encoder->begin(); !s.ok()) return s;
  if (Status s = encoder->write_rows(band); !s.ok()) return s;
  if (Status s = encoder->finish(); !s.ok()) return s;
  return file.commit();
}

int fail(const Status& status) {
  fmt::print(stderr, "mpfr_render: error: {}\n", status.message());
  return status.code() == StatusCode::kInvalidArgument ? kUsageExit : kFailureExit;
}

int run(int argc, char** argv) {
  Options o;
  CLI::App app{"Brute-force MPFR renderer: the ground truth of the counts (tests/ground_truth)."};
  app.add_option("--center", o.center, "X,Y: the view's centre (decimals)")->required();
  app.add_option("--radius", o.radius, "R: half the image's height in the plane")->required();
  app.add_option("--size", o.size, "WxH or N")->required();
  app.add_option("--iter", o.iterations, "the iteration count")->required();
  app.add_option("-o,--output", o.out, "the .npy file to write")->required();
  app.add_option("--angle", o.angle, "DEG: the rotation about the centre, counter-clockwise");
  app.add_option("--bailout", o.bailout, "the escape radius B (default 10)");
  app.add_option("--family", o.family, "mandelbrot, multibrot, burning-ship or tricorn");
  app.add_option("--power", o.power, "multibrot's power, 2 to 8");
  app.add_option("--precision", o.precision, "working precision in bits; 0: automatic");
  app.add_option("--threads", o.threads, "OpenMP threads; 0: every core");
  app.add_flag("--channels", o.channels,
               "also the smooth value and the distance estimate: a structured .npy");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    return fail(invalid_argument("{}", e.what()));
  }
  MpfrRenderRequest request;
  if (Status s = make_request(o, &request); !s.ok()) return fail(s);
  // The file is opened first, so that an unwritable path fails before the render.
  std::unique_ptr<OutputFile> file;
  if (Status s = OutputFile::open(o.out, &file); !s.ok()) return fail(s);

  const auto start = std::chrono::steady_clock::now();
  MpfrRenderResult result;
  if (Status s = mpfr_render(request, &result); !s.ok()) return fail(s);
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  if (Status s = write_npy(request, result, *file); !s.ok()) return fail(s);
  fmt::print(stderr, "mpfr_render: precision {} bits, {:.3f} s\n", result.precision_bits,
             seconds.count());
  return 0;
}

}  // namespace
}  // namespace mandelbrot

int main(int argc, char** argv) { return mandelbrot::run(argc, argv); }
