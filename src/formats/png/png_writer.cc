#include "formats/png/png_writer.h"

#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <omp.h>
#include <zlib.h>

#include <algorithm>
#include <memory>

#include "base/byte_order.h"
#include "formats/png/png_text.h"

namespace mandelbrot {
namespace {

size_t level_buffer_size(int level) {
  switch (level) {
    case 0:
      return ISAL_DEF_LVL0_DEFAULT;
    case 1:
      return ISAL_DEF_LVL1_DEFAULT;
    case 2:
      return ISAL_DEF_LVL2_DEFAULT;
    default:
      return ISAL_DEF_LVL3_DEFAULT;
  }
}

// `buffer`, grown to at least `size` bytes. Not zeroed (zeroing cost a tiny
// PNG render more than its whole encode): every user writes before it reads,
// and ISA-L initialises the hash tables in its level buffer itself.
template <class Buffer>
uint8_t* at_least(Buffer& buffer, size_t size) {
  if (buffer.size < size) {
    buffer.data.reset(new uint8_t[size]);  // no (): left uninitialised
    buffer.size = size;
  }
  return buffer.data.get();
}

// Raw deflate of data at `level`: a sync flush at the end (byte-aligned, not
// final), or the final block when `last`. Empty on failure.
// `level_memory` and `out_memory` are the calling thread's scratch.
template <class Buffer>
std::vector<uint8_t> deflate_part(const uint8_t* data, size_t size, int level, bool last,
                                  Buffer& level_memory, Buffer& out_memory) {
  uint8_t* level_buffer = at_least(level_memory, level_buffer_size(level));
  // Incompressible data grows by a few bytes per stored block.
  const size_t capacity = size + size / 64 + 1024;
  uint8_t* out = at_least(out_memory, capacity);
  isal_zstream stream;
  isal_deflate_init(&stream);
  stream.level = static_cast<uint32_t>(level);
  stream.level_buf = level_buffer;
  stream.level_buf_size = static_cast<uint32_t>(level_buffer_size(level));
  stream.gzip_flag = IGZIP_DEFLATE;
  stream.flush = last ? NO_FLUSH : SYNC_FLUSH;
  stream.end_of_stream = last ? 1 : 0;
  stream.next_in = const_cast<uint8_t*>(data);
  stream.avail_in = static_cast<uint32_t>(size);
  stream.next_out = out;
  stream.avail_out = static_cast<uint32_t>(capacity);
  if (isal_deflate(&stream) != COMP_OK || stream.avail_in != 0) return {};
  return std::vector<uint8_t>(out, out + stream.total_out);
}

}  // namespace

// About this many filtered bytes per segment: large enough to compress well,
// small enough to spread a band over the threads.
constexpr size_t kSegmentBytes = size_t{1} << 17;

PngWriter::PngWriter(ByteSink& sink, int32_t width, int32_t height, int level, int threads)
    : sink_(sink),
      scratch_(static_cast<size_t>(std::max(threads, 1))),
      width_(width),
      height_(height),
      level_(std::clamp(level, 0, 3)),
      threads_(std::max(threads, 1)),
      row_bytes_(static_cast<size_t>(width) * 3 + 1),
      segment_rows_(segment_rows(width, height)) {}

int32_t PngWriter::segment_rows(int32_t width, int32_t height) {
  const size_t row_bytes = static_cast<size_t>(width) * 3 + 1;
  return static_cast<int32_t>(
      std::clamp<size_t>(kSegmentBytes / row_bytes, 1, static_cast<size_t>(std::max(height, 1))));
}

PngWriter::~PngWriter() = default;

Status PngWriter::write_chunk(const char* type, const uint8_t* data, size_t size) {
  const std::vector<uint8_t> chunk = png_chunk(type, {data, size});
  return sink_.write(chunk.data(), chunk.size());
}

Status PngWriter::begin() {
  if (Status s = sink_.write(kPngSignature.data(), kPngSignature.size()); !s.ok()) return s;
  uint8_t ihdr[13] = {};
  put_be32(ihdr, static_cast<uint32_t>(width_));
  put_be32(ihdr + 4, static_cast<uint32_t>(height_));
  ihdr[8] = 8;  // bits per sample
  ihdr[9] = 2;  // RGB; compression, filter and interlace methods 0
  return write_chunk("IHDR", ihdr, sizeof ihdr);
}

Status PngWriter::write_idat(const std::vector<uint8_t>& data) {
  if (stream_started_) return write_chunk("IDAT", data.data(), data.size());
  // The zlib header (deflate, 32 KiB window, fastest) opens the first IDAT.
  std::vector<uint8_t> first = {0x78, 0x01};
  first.insert(first.end(), data.begin(), data.end());
  stream_started_ = true;
  return write_chunk("IDAT", first.data(), first.size());
}

Status PngWriter::write_rows(int32_t first_row, int32_t rows,
                             const std::function<void(int32_t, uint8_t*)>& fill) {
  // Segment s holds rows [s * segment_rows_, (s + 1) * segment_rows_). This
  // call completes the segments that end at or before first_row + rows; the
  // rows of an unfinished last one wait in carry_.
  const int32_t end_row = first_row + rows;
  const int32_t carried = first_row % segment_rows_;  // rows already in carry_
  const int32_t first_segment = first_row / segment_rows_;
  const int32_t done_segments =
      end_row == height_ ? (end_row + segment_rows_ - 1) / segment_rows_ : end_row / segment_rows_;
  const int count = std::max(0, done_segments - first_segment);
  std::vector<std::vector<uint8_t>> parts(static_cast<size_t>(count));
  std::vector<uint32_t> adlers(static_cast<size_t>(count));
  std::vector<size_t> lengths(static_cast<size_t>(count));
  bool failed = false;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads_) reduction(|| : failed)
  for (int i = 0; i < count; ++i) {
    const int32_t seg_begin = (first_segment + i) * segment_rows_;
    const int32_t seg_end = std::min(height_, seg_begin + segment_rows_);
    const size_t size = row_bytes_ * static_cast<size_t>(seg_end - seg_begin);
    Scratch& scratch = scratch_[static_cast<size_t>(omp_get_thread_num())];
    uint8_t* filtered = at_least(scratch.filtered, size);
    int32_t r = seg_begin;
    if (i == 0 && carried > 0) {  // the first rows were handed over before
      std::copy(carry_.begin(), carry_.end(), filtered);
      r += carried;
    }
    for (; r < seg_end; ++r) {
      uint8_t* line = filtered + row_bytes_ * static_cast<size_t>(r - seg_begin);
      line[0] = 0;  // filter: None
      fill(r, line + 1);
    }
    parts[i] = deflate_part(filtered, size, level_, false, scratch.level, scratch.out);
    adlers[i] = libdeflate_adler32(1, filtered, size);  // vectorised, unlike zlib's
    lengths[i] = size;
    failed = failed || parts[i].empty();
  }
  if (failed) return io_error("PNG compression failed");
  // Rows of the unfinished segment at the end wait for the next call.
  if (count > 0) carry_.clear();
  const int32_t carry_from = std::max(first_row, done_segments * segment_rows_);
  for (int32_t r = carry_from; r < end_row; ++r) {
    const size_t at = carry_.size();
    carry_.resize(at + row_bytes_);
    carry_[at] = 0;
    fill(r, carry_.data() + at + 1);
  }
  next_row_ = end_row;
  for (int i = 0; i < count; ++i) {
    adler_ =
        static_cast<uint32_t>(adler32_combine(adler_, adlers[i], static_cast<z_off_t>(lengths[i])));
    if (Status s = write_idat(parts[i]); !s.ok()) return s;
  }
  return Status();
}

Status PngWriter::write_part(int32_t first_row, int32_t rows,
                             const std::function<void(int32_t, uint8_t*)>& fill, uint32_t* adler,
                             uint64_t* raw_bytes) {
  if (first_row % segment_rows_ != 0 ||
      (first_row + rows != height_ && (first_row + rows) % segment_rows_ != 0)) {
    return io_error("PNG: part of rows {} to {} is not made of whole segments of {} rows",
                    first_row, first_row + rows, segment_rows_);
  }
  carry_.clear();
  adler_ = 1;
  stream_started_ = first_row > 0;
  if (Status s = write_rows(first_row, rows, fill); !s.ok()) return s;
  *adler = adler_;
  *raw_bytes = row_bytes_ * static_cast<uint64_t>(rows);
  return Status();
}

Status PngWriter::finish_parts(uint32_t adler, const std::string& parameters) {
  adler_ = adler;
  next_row_ = height_;
  stream_started_ = true;  // the first part opened it, wherever it was made
  return finish(parameters);
}

Status PngWriter::finish(const std::string& parameters) {
  if (next_row_ != height_) return io_error("PNG: {} of {} rows written", next_row_, height_);
  std::vector<uint8_t> end =
      deflate_part(nullptr, 0, level_, true, scratch_[0].level, scratch_[0].out);
  if (end.empty()) return io_error("PNG compression failed");
  end.resize(end.size() + 4);
  put_be32(end.data() + end.size() - 4, adler_);
  if (Status s = write_idat(end); !s.ok()) return s;
  if (!parameters.empty()) {
    const std::vector<uint8_t> text = png_text_chunk(kParamsKeyword, parameters);
    if (Status s = sink_.write(text.data(), text.size()); !s.ok()) return s;
  }
  return write_chunk("IEND", nullptr, 0);
}

}  // namespace mandelbrot
