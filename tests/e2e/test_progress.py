"""The progress bar: drawn on a terminal for renders longer than a second, never
on a pipe, never with --quiet."""

import os
import pty
import subprocess
import tempfile
import threading
import unittest

from support import MANDELBROT, run

# Two to three seconds with the scalar kernel on one thread.
SLOW = ["--size", "700", "--iter", "12000", "--kernel", "scalar", "--threads", "1", "--format",
        "raw"]


def stderr_on_a_terminal(args):
    """Runs the program with stderr on a pseudo-terminal; returns what it drew."""
    master, slave = pty.openpty()
    chunks = []

    def read():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the slave side closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read)
    reader.start()
    with tempfile.TemporaryDirectory() as d:
        result = subprocess.run([MANDELBROT, *args, "-o", os.path.join(d, "out.raw")],
                                stderr=slave, stdout=subprocess.DEVNULL, timeout=120)
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    return result.returncode, b"".join(chunks).decode(errors="replace")


class Progress(unittest.TestCase):
    def test_drawn_on_a_terminal_for_a_long_render(self):
        code, drawn = stderr_on_a_terminal(SLOW)
        self.assertEqual(code, 0)
        self.assertRegex(drawn, r"\r\[#*\.*\] +\d+%  \d+\.\d s")
        self.assertIn("mandelbrot: wrote", drawn)  # the summary follows a cleared line

    def test_not_drawn_with_quiet(self):
        code, drawn = stderr_on_a_terminal(SLOW + ["--quiet"])
        self.assertEqual(code, 0)
        self.assertEqual(drawn, "")

    def test_not_drawn_for_a_short_render(self):
        code, drawn = stderr_on_a_terminal(["--size", "50"])
        self.assertEqual(code, 0)
        self.assertNotIn("%", drawn)

    def test_never_drawn_on_a_pipe(self):
        result = run(SLOW + ["-o", "-"], check=True)
        self.assertEqual(result.stderr, b"")
        self.assertEqual(len(result.stdout), 700 * 700 * 4)


if __name__ == "__main__":
    unittest.main()
