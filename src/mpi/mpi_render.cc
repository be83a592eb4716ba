#include "mpi/mpi_render.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "base/content_hash.h"
#include "base/elapsed.h"
#include "base/interrupt.h"
#include "base/output_file.h"
#include "base/progress.h"
#include "cluster/block_layout.h"
#include "deep/deep_render.h"
#include "formats/part_encoder.h"
#include "mpi/shared_counters.h"
#include "render/image_wide.h"
#include "render/render_params.h"
#include "render/row_work.h"
#include "render/thread_budget.h"

namespace mandelbrot {
namespace {

// The output file shared by every process: rank 0 makes the named temporary
// (base/output_file.h), every process opens it by name with MPI-IO. Closed
// and removed unless commit() succeeded.
class SharedOutput {
 public:
  // Collective; the same Status on every process.
  Status open(const MpiWorld& world, const std::string& path) {
    world_ = &world;
    Status s;
    if (world.rank() == 0) s = OutputFile::open(path, &file_, /*named=*/true);
    if (s = agree(world, s); !s.ok()) return s;
    temp_ = broadcast(world, world.rank() == 0 ? file_->temp_path() : "", 0);
    // Every process removes it if a signal ends the job (mpirun passes SIGTERM on).
    install_interrupt_cleanup();
    track_temp_file(temp_);
    const int opened =
        MPI_File_open(world.comm(), temp_.c_str(), MPI_MODE_WRONLY, MPI_INFO_NULL, &handle_);
    s = opened == MPI_SUCCESS ? Status() : io_error("cannot open '{}' with MPI-IO", temp_);
    return agree(world, s);
  }

  Status write_at(uint64_t offset, const std::vector<uint8_t>& bytes) {
    // In slices: an MPI count is an int.
    constexpr uint64_t kSlice = uint64_t{1} << 30;
    for (uint64_t at = 0; at < bytes.size(); at += kSlice) {
      const int count = static_cast<int>(std::min<uint64_t>(kSlice, bytes.size() - at));
      MPI_Status status;
      if (MPI_File_write_at(handle_, static_cast<MPI_Offset>(offset + at), bytes.data() + at, count,
                            MPI_BYTE, &status) != MPI_SUCCESS) {
        return io_error("cannot write '{}' at byte {}", temp_, offset + at);
      }
    }
    return Status();
  }

  // Collective: closes the file everywhere, then rank 0 renames it.
  Status commit(const Status& before) {
    Status s = agree(*world_, before);
    if (MPI_File_close(&handle_) != MPI_SUCCESS && s.ok()) {
      s = io_error("cannot close '{}'", temp_);
    }
    if (s = agree(*world_, s); !s.ok()) return s;
    if (world_->rank() == 0) s = file_->commit();
    s = agree(*world_, s);
    if (s.ok()) untrack_temp_file(temp_);
    return s;
  }

  ~SharedOutput() {
    if (handle_ != MPI_FILE_NULL) MPI_File_close(&handle_);
    // Rank 0's OutputFile removes an uncommitted temporary itself.
  }

 private:
  const MpiWorld* world_ = nullptr;
  std::unique_ptr<OutputFile> file_;
  std::string temp_;
  MPI_File handle_ = MPI_FILE_NULL;
};

struct Block {
  int32_t index;
  CountBuffer counts;
  EncodedPart part;
};

// Computes `block` (its rows set) by the plan's method.
using ComputeBlock = std::function<Status(CountBuffer& block)>;

// Computes the blocks this process takes, until none is left, adding their
// counts to `stats`.
Status compute_blocks(const MpiWorld& world, const RenderPlan& plan, const BlockLayout& layout,
                      const ComputeBlock& compute, CountStats& stats, ImageWide& wide,
                      std::vector<Block>* mine) {
  SharedCounters counter(world, 1);  // the next block to compute
  Status s;
  try {
    for (auto b = static_cast<int32_t>(counter.fetch_add(0, 1)); b < layout.blocks;
         b = static_cast<int32_t>(counter.fetch_add(0, 1))) {
      Block block{b, CountBuffer(plan.params.width, layout.rows(b), plan.channels), {}};
      block.counts.set_rows(layout.first_row(b), layout.rows(b));
      if (s = compute(block.counts); !s.ok()) break;
      stats.add(block.counts.counts());
      wide.add(block.counts);
      mine->push_back(std::move(block));
    }
  } catch (const std::bad_alloc&) {
    s = resource_exhausted("out of memory while rendering {}x{}", plan.params.width,
                           plan.params.height);
  }
  return s;
}

// The first reference of a deep render (the view's centre): its orbit
// computed once, on rank 0, and sent to every process, which builds its
// tables. The same Status on every process.
Status share_first_reference(const MpiWorld& world, const DeepRequest& request,
                             PreparedReference* first) {
  const double col = 0.5 * request.geometry.view.width;
  const double row = 0.5 * request.geometry.view.height;
  ReferenceOrbit& orbit = first->orbit;
  Status s;
  if (world.rank() == 0) {
    s = compute_reference_orbit(request.geometry, col, row, request.family, request.iterations,
                                request.bailout, nullptr, &orbit);
  }
  if (s = agree(world, s); !s.ok()) return s;
  uint64_t sizes[3] = {orbit.z.size(), orbit.z_x.size(), orbit.escaped ? 1u : 0u};
  MPI_Bcast(sizes, 3, MPI_UINT64_T, 0, world.comm());
  orbit.z.resize(sizes[0]);
  orbit.z_x.resize(sizes[1]);
  orbit.escaped = sizes[2] != 0;
  broadcast_values(world, orbit.z, 0);
  broadcast_values(world, orbit.z_x, 0);
  build_reference_tables(request, col, row, first);
  return Status();
}

// The statistics and what the colouring needs, of every process's blocks.
CountStats combine(const MpiWorld& world, int32_t iterations, const CountStats& mine,
                   ImageWide& wide) {
  CountStats all(iterations);
  for (const CountStats& s : gather_all(world, mine)) all.merge(s);
  SmoothRange smooth;
  for (const SmoothRange& r : gather_all(world, wide.smooth())) smooth.merge(r);
  wide.smooth() = smooth;
  std::span<int64_t> bins = wide.histogram().bins();
  if (bins.size() > 1) sum_all(world, bins.data(), bins.size());
  return all;
}

// The content hash of every block in order: each process adds its blocks
// when the state reaches them, and passes it to the owner of the next block.
std::string hash_in_order(const MpiWorld& world, const BlockLayout& layout,
                          const std::vector<Block>& mine) {
  std::vector<uint64_t> owner(static_cast<size_t>(layout.blocks), 0);
  for (const Block& b : mine) owner[static_cast<size_t>(b.index)] = world.rank() + 1;
  sum_all(world, &owner);  // rank + 1 of each block's process
  const auto rank_of = [&](int32_t b) { return static_cast<int>(owner[b]) - 1; };
  ContentHash hash;
  size_t next_mine = 0;
  for (int32_t b = 0; b < layout.blocks; ++b) {
    if (rank_of(b) != world.rank()) continue;
    if (b > 0 && rank_of(b - 1) != world.rank()) {
      std::vector<uint8_t> state(hash.state().size());
      MPI_Recv(state.data(), static_cast<int>(state.size()), MPI_BYTE, rank_of(b - 1), b,
               world.comm(), MPI_STATUS_IGNORE);
      hash.set_state(state);
    }
    hash.add(mine[next_mine++].counts.counts());
    if (b + 1 < layout.blocks && rank_of(b + 1) != world.rank()) {
      const std::vector<uint8_t> state = hash.state();
      MPI_Send(state.data(), static_cast<int>(state.size()), MPI_BYTE, rank_of(b + 1), b + 1,
               world.comm());
    }
  }
  return broadcast(world, hash.text(), rank_of(layout.blocks - 1));
}

}  // namespace

Status mpi_render_to_output(const MpiWorld& world, const RenderPlan& plan, RenderReport* report) {
  const KernelParams& k = plan.params;
  const auto start = std::chrono::steady_clock::now();
  *report = RenderReport{plan, 0, 0, CountStats(k.iterations), "", DeepReport(), {}};
  if (plan.to_stdout()) {
    return invalid_argument("an MPI render writes a file: give -o PATH, not -o -");
  }
  ImageSpec spec = image_spec_of(plan);
  if (Status s = check_encodable(plan.format, spec); !s.ok()) return s;
  const int threads = threads_worth_starting(k, plan.threads);
  spec.threads = threads;
  // The layout needs the part encoder's multiple, which its range does not change.
  const BlockLayout layout = block_layout(
      k.width, k.height, make_part_encoder(plan.format, spec)->rows_multiple(), world.size());
  // Each process holds its share of the counts and of the encoded bytes.
  uint64_t share = held_bytes(k.width, k.height, plan.channels) / world.size() +
                   held_bytes(k.width, layout.block_rows, plan.channels);
  if (plan.method == Method::kPerturbation) {  // the reference, its tables, the lists
    share += reference_orbit_bytes(k.iterations, plan.deep.extended) +
             bla_table_bytes(k.iterations, plan.deep.extended) +
             uint64_t{16} * k.width * static_cast<uint64_t>(layout.block_rows);
  }
  if (Status s = agree(
          world, check_memory(share + encoder_memory_bytes(plan.format, spec, layout.block_rows)));
      !s.ok()) {
    return s;
  }
  SharedOutput output;
  if (Status s = output.open(world, plan.output); !s.ok()) return s;

  RankReport mine_report;
  mine_report.rank = world.rank();
  const auto compute_start = std::chrono::steady_clock::now();
  CountStats stats(k.iterations);
  ImageWide wide(plan);
  std::vector<Block> mine;
  Status s;
  if (plan.method == Method::kPerturbation) {
    // Deep: one first reference for every process and block; each block is a
    // window of the image (as a tile is: docs/SEMANTICS.md, "Tiles").
    DeepRequest request = deep_request_of(plan);
    request.threads = threads;
    PreparedReference first;
    const auto reference_start = std::chrono::steady_clock::now();
    if (s = share_first_reference(world, request, &first); !s.ok()) return output.commit(s);
    report->deep.reference_seconds = seconds_since(reference_start);
    request.first = &first;
    // Rows of the image, or of the tile (--tile) when the plan has one.
    const PixelRect area = plan.tile ? plan.tile->rect : PixelRect{0, 0, k.width, k.height};
    const ComputeBlock deep_block = [&](CountBuffer& block) {
      request.window = PixelRect{area.x, area.y + block.first_row(), k.width, block.rows()};
      DeepReport block_report;
      Status d = render_deep(request, block.row_out(0), nullptr, &block_report);
      report->deep.references = std::max(report->deep.references, block_report.references);
      report->deep.precision_bits = block_report.precision_bits;
      report->deep.approximate_pixels += block_report.approximate_pixels;
      report->deep.periodic_pixels += block_report.periodic_pixels;
      return d;
    };
    s = compute_blocks(world, plan, layout, deep_block, stats, wide, &mine);
  } else {
    ProgressBar progress(k.height, ProgressBar::wanted(plan.quiet || world.rank() != 0));
    RowWork work(plan, threads, progress, /*counted=*/false);
    const ComputeBlock direct_block = [&](CountBuffer& block) {
      return compute_rows(block, threads, work.compute_row());
    };
    s = compute_blocks(world, plan, layout, direct_block, stats, wide, &mine);
  }
  mine_report.compute_seconds = seconds_since(compute_start);
  if (s = agree(world, s); !s.ok()) return output.commit(s);
  report->stats = combine(world, k.iterations, stats, wide);
  report->render_seconds = seconds_since(start);

  // Hash and encode.
  const auto encode_start = std::chrono::steady_clock::now();
  if (hash_wanted(plan)) report->hash = hash_in_order(world, layout, mine);
  spec.range = count_range(report->stats);
  wide.finish(&spec);
  std::unique_ptr<PartEncoder> encoder = make_part_encoder(plan.format, spec);
  std::vector<uint64_t> sizes(static_cast<size_t>(layout.blocks), 0);
  std::vector<uint64_t> adlers(sizes.size(), 0);
  std::vector<uint64_t> raw_bytes(sizes.size(), 0);
  for (Block& b : mine) {
    if (s = encoder->part(b.counts, &b.part); !s.ok()) break;
    b.counts = CountBuffer(1, 1);  // the counts are no longer needed
    const auto i = static_cast<size_t>(b.index);
    sizes[i] = b.part.bytes.size();
    adlers[i] = b.part.adler;
    raw_bytes[i] = b.part.raw_bytes;
    mine_report.blocks += 1;
    mine_report.rows += layout.rows(b.index);
  }
  std::vector<uint8_t> header;
  if (s.ok()) s = encoder->header(&header);
  mine_report.encode_seconds = seconds_since(encode_start);
  if (s = agree(world, s); !s.ok()) return output.commit(s);
  sum_all(world, &sizes);
  sum_all(world, &adlers);
  sum_all(world, &raw_bytes);
  const std::vector<uint64_t> offsets = part_offsets(header.size(), sizes);

  // Write: every process its parts, rank 0 the header and the trailer.
  const auto write_start = std::chrono::steady_clock::now();
  for (const Block& b : mine) {
    if (s = output.write_at(offsets[static_cast<size_t>(b.index)], b.part.bytes); !s.ok()) break;
    mine_report.bytes += b.part.bytes.size();
  }
  if (s.ok() && world.rank() == 0) {
    std::vector<uint8_t> trailer;
    const std::vector<uint32_t> adlers32(adlers.begin(), adlers.end());
    s = encoder->trailer(combine_adlers(adlers32, raw_bytes),
                         render_params_json(plan, report->hash), &trailer);
    if (s.ok()) s = output.write_at(0, header);
    if (s.ok()) s = output.write_at(offsets.back(), trailer);
    mine_report.bytes += header.size() + trailer.size();
  }
  mine_report.write_seconds = seconds_since(write_start);
  if (s = output.commit(s); !s.ok()) return s;
  report->ranks = gather_all(world, mine_report);
  report->encode_seconds = seconds_since(start) - report->render_seconds;
  return Status();
}

}  // namespace mandelbrot
