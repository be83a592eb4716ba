#include "cluster/block_layout.h"

#include <algorithm>

namespace mandelbrot {

BlockLayout block_layout(int32_t width, int32_t height, int32_t multiple, int processes) {
  constexpr int64_t kBlockBytes = int64_t{1} << 20;
  constexpr int64_t kBlocksPerProcess = 16;
  const int64_t by_bytes = std::max<int64_t>(1, kBlockBytes / (int64_t{4} * width));
  const int64_t by_count =
      std::max<int64_t>(1, height / (kBlocksPerProcess * std::max(processes, 1)));
  const int64_t wanted = std::min(by_bytes, by_count);
  // Rounded up to the multiple: a block is never less than one part.
  const int64_t rows = std::min<int64_t>((wanted + multiple - 1) / multiple * multiple, height);
  BlockLayout layout;
  layout.height = height;
  layout.block_rows = static_cast<int32_t>(std::max<int64_t>(rows, 1));
  layout.blocks = (height + layout.block_rows - 1) / layout.block_rows;
  return layout;
}

std::vector<uint64_t> part_offsets(uint64_t header_bytes, std::span<const uint64_t> sizes) {
  std::vector<uint64_t> offsets(sizes.size() + 1);
  offsets[0] = header_bytes;
  for (size_t i = 0; i < sizes.size(); ++i) offsets[i + 1] = offsets[i] + sizes[i];
  return offsets;
}

}  // namespace mandelbrot
