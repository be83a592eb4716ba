#include "mpi/mpi_zoom.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

#include "base/elapsed.h"
#include "base/interrupt.h"
#include "mpi/mpi_render.h"
#include "mpi/shared_counters.h"
#include "video/zoom_progress.h"
#include "view/decimal.h"

namespace mandelbrot {
namespace {

// The counters on rank 0 while processes render whole frames.
enum Counter { kNextFrame = 0, kFramesDone = 1, kCounters = 2 };

// Frames `todo` handed out one at a time; this process's frames go to `mine`.
// After a failure the next-frame counter is pushed past the end, so that every
// process stops after the frame it is rendering.
Status render_frames_apart(const MpiWorld& world, const ZoomPlan& plan,
                           const std::vector<int64_t>& todo, int64_t kept, ZoomProgress& progress,
                           ZoomReport* mine) {
  SharedCounters counters(world, kCounters);
  const auto start = std::chrono::steady_clock::now();
  const auto total = static_cast<int64_t>(todo.size());
  Status s;
  for (int64_t i = counters.fetch_add(kNextFrame, 1); i < total;
       i = counters.fetch_add(kNextFrame, 1)) {
    const int64_t k = todo[static_cast<size_t>(i)];
    const auto frame_start = std::chrono::steady_clock::now();
    s = render_frame(plan, k, render_to_output, /*record=*/true, mine);
    if (!s.ok()) {
      counters.raise_to(kNextFrame, total);
      break;
    }
    const double seconds = seconds_since(frame_start);
    mine->ranks[0].frames += 1;
    mine->ranks[0].seconds += seconds;
    const int64_t done = counters.fetch_add(kFramesDone, 1) + 1;
    progress.frame_done_among(k, seconds, kept + done, done, seconds_since(start));
  }
  if (s = agree(world, s); s.ok()) progress.all_done();
  return s;
}

// Frames `todo` one after another, every process working on each.
Status render_frames_together(const MpiWorld& world, const ZoomPlan& plan,
                              const std::vector<int64_t>& todo, ZoomProgress& progress,
                              ZoomReport* report) {
  const Renderer renderer = [&world](const RenderPlan& render_plan, RenderReport* frame) {
    return mpi_render_to_output(world, render_plan, frame);
  };
  for (const int64_t k : todo) {
    const auto frame_start = std::chrono::steady_clock::now();
    // Rank 0 holds the finished file: it alone hashes it and records it.
    Status s = render_frame(plan, k, renderer, /*record=*/world.rank() == 0, report);
    if (s = agree(world, s); !s.ok()) return s;
    report->ranks[0].seconds += seconds_since(frame_start);
    progress.frame_done(k, /*kept=*/false, seconds_since(frame_start));
  }
  return Status();
}

// Orders frames by radius, smallest first (then by number): deeper frames
// usually cost more, and handing the costliest out first keeps one process
// from finishing a long last frame while the others wait.
void deepest_first(const ZoomPlan& plan, std::vector<int64_t>* frames) {
  std::vector<DecimalMagnitude> radius(plan.views.size());
  for (const int64_t k : *frames) {
    radius[static_cast<size_t>(k)] = decimal_magnitude(plan.views[static_cast<size_t>(k)].radius);
  }
  std::stable_sort(frames->begin(), frames->end(), [&radius](int64_t a, int64_t b) {
    const DecimalMagnitude& x = radius[static_cast<size_t>(a)];
    const DecimalMagnitude& y = radius[static_cast<size_t>(b)];
    return x.exponent != y.exponent ? x.exponent < y.exponent : x.mantissa < y.mantissa;
  });
}

}  // namespace

Status mpi_run_zoom(const MpiWorld& world, const ZoomPlan& plan, ZoomReport* report) {
  const auto start = std::chrono::steady_clock::now();
  *report = ZoomReport();
  report->frames = plan.frames();
  if (plan.to_stdout) {
    return unsupported(
        "a PPM stream on standard output (-o -) comes from one process; with {} MPI processes, "
        "write numbered frame files (-o 'frames/%06d.ppm') and pipe those to ffmpeg",
        world.size());
  }
  install_interrupt_cleanup();  // Ctrl-C leaves no temporary (base/interrupt.h)

  // Rank 0 reads and rewrites the manifest; every process learns the verdict.
  std::vector<bool> keep;
  Status s;
  if (world.rank() == 0) s = frames_to_keep(plan, &keep);
  if (s = agree(world, s); !s.ok()) return s;
  std::vector<uint8_t> kept_flags(static_cast<size_t>(plan.frames()), 0);
  if (world.rank() == 0) {
    for (size_t k = 0; k < keep.size(); ++k) kept_flags[k] = keep[k] ? 1 : 0;
  }
  broadcast_values(world, kept_flags, 0);

  ZoomProgress progress(plan.frames(), !plan.quiet && world.rank() == 0);
  std::vector<int64_t> todo;
  for (int64_t k = 0; k < plan.frames(); ++k) {
    if (kept_flags[static_cast<size_t>(k)] != 0) {
      report->kept += 1;
      progress.frame_done(k, /*kept=*/true, 0);
    } else {
      todo.push_back(k);
    }
  }

  // This process's figures: what render_frame() adds up, and its share.
  ZoomReport mine;
  mine.ranks.resize(1);
  const bool apart = static_cast<int64_t>(todo.size()) >= world.size();
  if (apart) deepest_first(plan, &todo);
  s = apart ? render_frames_apart(world, plan, todo, report->kept, progress, &mine)
            : render_frames_together(world, plan, todo, progress, &mine);
  if (!s.ok()) return s;

  // The totals: frames rendered apart count once each; frames rendered
  // together were counted by every process, so rank 0's count is the total.
  struct Figures {
    ZoomRankReport share;
    int64_t rendered;
    double render_seconds;
    double encode_seconds;
  };
  const std::vector<Figures> all = gather_all(
      world, Figures{mine.ranks[0], mine.rendered, mine.render_seconds, mine.encode_seconds});
  for (const Figures& f : apart ? all : std::vector<Figures>{all[0]}) {
    report->rendered += f.rendered;
    report->render_seconds += f.render_seconds;
    report->encode_seconds += f.encode_seconds;
  }
  for (const Figures& f : all) report->ranks.push_back(f.share);
  report->seconds = seconds_since(start);
  return Status();
}

}  // namespace mandelbrot
