// EXR files of escape data (docs/SEMANTICS.md, "EXR"): the channel layout of
// Kalles Fraktaler 2+, Fraktaler-3 and zoomasm. The exr encoder (encoders.h)
// writes them; ExrReader reads them back, a band of rows at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "buffer/count_buffer.h"

namespace mandelbrot {

// The first four bytes of every OpenEXR file.
inline constexpr std::string_view kExrMagic{"\x76\x2f\x31\x01", 4};

// N of a pixel that never escaped (count iterations - 1), as Kalles Fraktaler
// and Fraktaler-3 mark it.
inline constexpr uint32_t kExrNeverEscaped = 0xFFFFFFFFu;

// The string attribute holding the render parameters (render/render_params.h).
inline constexpr const char* kExrParamsAttribute = "mandelbrot";

// True when the file at `path` starts with kExrMagic (false when unreadable).
bool starts_like_exr(const std::string& path);

// log2(log(bailout)): the offset between the smooth value and N + NF.
double exr_nf_offset(double bailout);

// NF of an escaped point with `count` and smooth value `smooth`:
//   (smooth - (count + 1)) + offset, offset = exr_nf_offset(bailout),
// so that N + NF is continuous and NF lies in [0, 1) (Kalles Fraktaler's
// fractional part). smooth_from_nf() inverts it in double:
//   (count + 1) + (nf - offset).
float exr_nf(double smooth, int32_t count, double offset);
double smooth_from_nf(float nf, int32_t count, double offset);

// What an EXR file holds.
struct ExrInfo {
  int32_t width = 0;
  int32_t height = 0;
  std::optional<std::string> parameters;  // the kExrParamsAttribute attribute
  int64_t iterations_bias = 0;            // "IterationsBias" (0 when absent)
  std::optional<int64_t> iterations;      // "Iterations", when an int attribute
  bool has_n = false;                     // UINT N
  bool has_nf = false;                    // FLOAT NF
  bool has_de = false;                    // FLOAT DEX and DEY
  bool has_rgb = false;                   // R, G and B
};

// Rows of an EXR file as stored, channel by channel (empty when absent).
struct ExrRows {
  std::vector<uint32_t> n;
  std::vector<float> nf;
  std::vector<float> dex;
  std::vector<float> dey;
};

// An EXR file open for reading. Errors name the file: kNotFound when it is
// missing, kCorruption when OpenEXR cannot read it (truncated, corrupt, not EXR).
class ExrReader {
 public:
  virtual ~ExrReader() = default;
  static Status open(const std::string& path, std::unique_ptr<ExrReader>* reader);
  virtual const ExrInfo& info() const = 0;
  // Reads rows [first, first + rows) of the channels the file has.
  // REQUIRES: 0 <= first, rows >= 1, first + rows <= height.
  virtual Status read_rows(int32_t first, int32_t rows, ExrRows* out) = 0;
};

// Turns rows read from an EXR file into counts and the channels `band` holds
// (docs/SEMANTICS.md, "EXR"): count = N - bias, iterations - 1 for
// kExrNeverEscaped; smooth from NF (smooth_from_nf), distance the length of
// (DEX, DEY); NaN for both where the point never escaped. A usage error naming
// the file, pixel and value for a count outside [0, iterations - 1).
// REQUIRES: rows has the channels band holds, band.rows() * band.width() values.
Status band_from_exr(const ExrRows& rows, const ExrInfo& info, const std::string& path,
                     int32_t iterations, double bailout, CountBuffer& band);

}  // namespace mandelbrot
