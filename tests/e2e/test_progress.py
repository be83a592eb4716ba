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
    # Issue 13, item 23: Ctrl-C on a terminal leaves the bar's line ended.
    def test_interrupt_ends_the_line(self):
        import signal
        import time
        master, slave = pty.openpty()
        with tempfile.TemporaryDirectory() as d:
            slower = [a if a != "700" else "2000" for a in SLOW]  # a minute or more
            process = subprocess.Popen([MANDELBROT, *slower, "-o",
                                        os.path.join(d, "out.raw")],
                                       stderr=slave, stdout=subprocess.DEVNULL,
                                       preexec_fn=lambda: signal.signal(signal.SIGINT,
                                                                        signal.SIG_DFL))
            os.close(slave)
            drawn = b""
            deadline = time.monotonic() + 30
            while b"%" not in drawn and time.monotonic() < deadline:
                drawn += os.read(master, 4096)
            self.assertIn(b"%", drawn)
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
            while True:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    break
                if not data:
                    break
                drawn += data
            os.close(master)
            self.assertEqual(process.returncode, -signal.SIGINT)
            self.assertTrue(drawn.endswith(b"\n"), drawn[-80:])
            self.assertEqual(os.listdir(d), [])

    def test_drawn_on_a_terminal_for_a_long_render(self):
        code, drawn = stderr_on_a_terminal(SLOW)
        self.assertEqual(code, 0)
        self.assertRegex(drawn, r"\r\[#*\.*\] +\d+%  \d+\.\d s")
        self.assertIn("mandelbrot: wrote", drawn)  # the summary follows a cleared line

    def test_deep_zoom_draws_its_stages(self):
        # docs/SEMANTICS.md, "Deep zoom": the reference orbit, the BLA table, then
        # the pixels. The 1e50 location at 384x384 on one thread runs for about
        # three seconds (the bar appears after one), nearly all of them on the pixels.
        kfr = os.path.join(os.path.dirname(__file__), "..", "data", "kfr", "1e50.kfr")
        code, drawn = stderr_on_a_terminal(["--from", kfr, "--size", "384", "--threads", "1",
                                            "--format", "raw"])
        self.assertEqual(code, 0)
        self.assertRegex(drawn, r"\rpixels +\[#*\.*\] +\d+%  \d+\.\d s")

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
