// What the process undoes when SIGINT, SIGTERM or SIGHUP ends it: named
// temporary files are removed and a progress line left open on the terminal is
// ended, then the process dies of the signal as it would have. The one signal
// handler of the program; its state is plain flags, as handlers require.
#pragma once

#include <string>

namespace mandelbrot {

// Installs the handler (once; a signal ignored from the start stays ignored).
void install_interrupt_cleanup();

// Removes `path` if the process is interrupted, until untracked. At most a few
// paths at a time; one that does not fit is still removed on every other path.
void track_temp_file(const std::string& path);
void untrack_temp_file(const std::string& path);

// Whether a progress line without its newline is on stderr right now. Mark it
// open before writing it and closed after ending or clearing it: a signal in
// between then costs at most an extra newline, never a line left unended.
void set_progress_line_open(bool open);

}  // namespace mandelbrot
