#include "base/interrupt.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>

namespace mandelbrot {
namespace {

// Plain arrays and sig_atomic_t flags: the handler may only do
// async-signal-safe things.
constexpr int kMaxOpenTemps = 4;
constexpr size_t kMaxTempPath = 4096;
char g_temp_paths[kMaxOpenTemps][kMaxTempPath];
volatile sig_atomic_t g_temp_in_use[kMaxOpenTemps];
// Set by the thread that draws progress, read by the handler on whichever
// thread the signal lands: a lock-free atomic, which a handler may read.
std::atomic<bool> g_progress_line_open{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void clean_up_and_reraise(int signal_number) {
  for (int i = 0; i < kMaxOpenTemps; ++i) {
    if (g_temp_in_use[i]) unlink(g_temp_paths[i]);
  }
  if (g_progress_line_open.load()) {
    const ssize_t ignored = write(STDERR_FILENO, "\n", 1);
    (void)ignored;
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

void install_interrupt_cleanup() {
  static const bool installed = [] {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
      // A signal ignored from the start (as SIGINT is for background jobs) stays ignored.
      struct sigaction previous = {};
      if (sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) {
        continue;
      }
      struct sigaction action = {};
      action.sa_handler = clean_up_and_reraise;
      sigemptyset(&action.sa_mask);
      sigaction(signal_number, &action, nullptr);
    }
    return true;
  }();
  (void)installed;
}

void track_temp_file(const std::string& path) {
  if (path.size() >= kMaxTempPath) return;
  for (int i = 0; i < kMaxOpenTemps; ++i) {
    if (!g_temp_in_use[i]) {
      std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
      g_temp_in_use[i] = 1;
      return;
    }
  }
}

void untrack_temp_file(const std::string& path) {
  for (int i = 0; i < kMaxOpenTemps; ++i) {
    if (g_temp_in_use[i] && path == g_temp_paths[i]) g_temp_in_use[i] = 0;
  }
}

void set_progress_line_open(bool open) { g_progress_line_open.store(open); }

}  // namespace mandelbrot
