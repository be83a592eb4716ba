#include "cluster/block_layout.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

TEST(BlockLayout, CoversEveryRowOnceInWholeMultiples) {
  for (int32_t height : {1, 7, 100, 1000, 4097}) {
    for (int32_t multiple : {1, 3, 42, 5000}) {
      for (int processes : {1, 2, 3, 64}) {
        const BlockLayout layout = block_layout(1024, height, multiple, processes);
        int32_t next = 0;
        for (int32_t b = 0; b < layout.blocks; ++b) {
          EXPECT_EQ(layout.first_row(b), next);
          EXPECT_GE(layout.rows(b), 1);
          EXPECT_EQ(layout.first_row(b) % multiple, 0);
          if (b + 1 < layout.blocks) {
            EXPECT_EQ(layout.rows(b) % multiple, 0);
          }
          next += layout.rows(b);
        }
        EXPECT_EQ(next, height) << height << " " << multiple << " " << processes;
      }
    }
  }
}

TEST(BlockLayout, GivesEachProcessSeveralBlocksOfAtMostAMegabyte) {
  const BlockLayout layout = block_layout(4096, 4096, 1, 4);
  EXPECT_LE(int64_t{4} * 4096 * layout.block_rows, int64_t{1} << 20);
  EXPECT_GE(layout.blocks, 4 * 16);
}

TEST(PartOffsets, HeaderThenPartsInOrder) {
  const std::vector<uint64_t> sizes = {10, 0, 5};
  EXPECT_EQ(part_offsets(33, sizes), (std::vector<uint64_t>{33, 43, 43, 48}));
  EXPECT_EQ(part_offsets(7, {}), (std::vector<uint64_t>{7}));
}

}  // namespace
}  // namespace mandelbrot
