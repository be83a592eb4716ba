// How a render across several processes (docs/SEMANTICS.md, "MPI") cuts its
// image into blocks of rows, and where each block's bytes go in the file.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace mandelbrot {

// Blocks of block_rows rows from row 0 (the last may be shorter).
struct BlockLayout {
  int32_t height = 0;
  int32_t block_rows = 1;
  int32_t blocks = 0;
  int32_t first_row(int32_t block) const { return block * block_rows; }
  int32_t rows(int32_t block) const {
    const int32_t left = height - first_row(block);
    return left < block_rows ? left : block_rows;
  }
};

// Blocks for `processes` processes handing them out dynamically: at most
// about 1 MiB of counts each, and small enough that there are about 16 per
// process, so that a process with cheap rows takes more; always a whole
// multiple of `multiple` rows (the part encoder's, formats/part_encoder.h).
// REQUIRES: width, height, multiple, processes >= 1.
BlockLayout block_layout(int32_t width, int32_t height, int32_t multiple, int processes);

// Where each part starts in the file when a header of header_bytes comes
// first and the parts follow in order: sizes.size() + 1 offsets, the last
// one where the trailer starts.
std::vector<uint64_t> part_offsets(uint64_t header_bytes, std::span<const uint64_t> sizes);

}  // namespace mandelbrot
