// Streaming PNG writer: 8-bit RGB rows in, chunks out, compressed on several
// threads. Used by the png encoder (see encode_png.cc for why not stb_image_write)
// and by compare's diff image.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/output_file.h"
#include "base/status.h"

namespace mandelbrot {

// Writes the signature and IHDR, then the image in segments of a fixed number of
// rows (about 1 MiB each, counted from row 0), each deflated by ISA-L at `level`
// (0 to 3) on its own, ending in a sync flush, and written as one IDAT chunk:
// together they hold one zlib stream. Then the end of the stream, the parameters
// (a tEXt chunk, which PNG allows after the image data) and IEND. Rows use
// filter 0 (None). Segments are compressed on up to `threads` threads, and the
// bytes depend only on the image and the level, never on the thread count or
// on how the rows are handed over.
class PngWriter {
 public:
  PngWriter(ByteSink& sink, int32_t width, int32_t height, int level, int threads);
  ~PngWriter();
  PngWriter(const PngWriter&) = delete;
  PngWriter& operator=(const PngWriter&) = delete;

  Status begin();
  // Image rows [first_row, first_row + rows), in order, each made by
  // fill(row, rgb) writing 3 * width bytes; fill runs on several threads.
  Status write_rows(int32_t first_row, int32_t rows,
                    const std::function<void(int32_t row, uint8_t* rgb)>& fill);
  // REQUIRES: every row written.
  Status finish(const std::string& parameters);

  // The rows per segment of a width x height image: parts written by separate
  // processes (formats/part_encoder.h) start at multiples of it.
  static int32_t segment_rows(int32_t width, int32_t height);
  // Writes the IDAT chunks of rows [first_row, first_row + rows) alone, the
  // same bytes that write_rows() writes for them within the whole image, and
  // sets *adler to the Adler-32 of their filtered bytes (*raw_bytes of them).
  // The first part (first_row 0) opens the zlib stream; begin() is not called.
  // REQUIRES: first_row is a multiple of segment_rows(), and first_row + rows
  // too unless it is the image's height.
  Status write_part(int32_t first_row, int32_t rows,
                    const std::function<void(int32_t row, uint8_t* rgb)>& fill, uint32_t* adler,
                    uint64_t* raw_bytes);
  // After the parts: the end of the zlib stream with `adler`, the Adler-32 of
  // every part combined in order, then what finish() writes after it.
  Status finish_parts(uint32_t adler, const std::string& parameters);

 private:
  Status write_chunk(const char* type, const uint8_t* data, size_t size);
  Status write_idat(const std::vector<uint8_t>& data);

  // What one thread of the compression reuses from segment to segment (fresh
  // megabyte-sized allocations would cost page faults every time): ISA-L's
  // level buffer, the deflate output and the filtered rows. One per thread,
  // indexed by the thread's number in the compression's parallel region.
  struct Buffer {
    std::unique_ptr<uint8_t[]> data;  // left uninitialised: zeroing costs page faults
    size_t size = 0;
  };
  struct Scratch {
    Buffer level, out, filtered;
  };

  ByteSink& sink_;
  std::vector<Scratch> scratch_;
  int32_t width_;
  int32_t height_;
  int level_;
  int threads_;
  size_t row_bytes_;            // 3 * width + the filter byte
  int32_t segment_rows_;        // rows per segment
  int32_t next_row_ = 0;        // the first row not yet handed over
  std::vector<uint8_t> carry_;  // filtered rows of the unfinished segment
  uint32_t adler_ = 1;
  bool stream_started_ = false;
};

}  // namespace mandelbrot
