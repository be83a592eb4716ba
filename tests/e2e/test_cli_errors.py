"""Bad input: one clear line on stderr, exit 2 for usage errors and 1 for
run-time failures, and never an output file or a temporary left behind."""

import os
import signal
import stat
import subprocess
import time
import unittest

from support import MANDELBROT, ScratchTestCase, run

# (arguments, exit code, text the one stderr line must contain)
CASES = [
    (["--size", "0"], 2, "--size must be between 1 and 1048576, got '0'"),
    (["--size", "-5"], 2, "got '-5'"),
    (["--size", "abc"], 2, "--size must be an integer, got 'abc'"),
    (["--size", "1048577"], 2, "--size must be between"),
    (["--size", "99999999999999999999999"], 2, "--size is out of range"),
    (["--width", "0"], 2, "--width"),
    (["--height", "-1"], 2, "--height"),
    (["--width", "x"], 2, "--width must be an integer"),
    (["--iter", "0"], 2, "--iter must be between 1 and 2147483647, got '0'"),
    (["--iter", "-3"], 2, "--iter"),
    (["--iter", "many"], 2, "--iter must be an integer, got 'many'"),
    (["--iter", "2147483648"], 2, "--iter"),
    (["--region", "nan,1,-1,1"], 2, "--region must be finite, got 'nan'"),
    (["--region", "-2,inf,-1,1"], 2, "finite"),
    (["--region", ""], 2, "--region needs 4 comma-separated numbers"),
    (["--region", "1,-2,-1,1"], 2, "--region needs XMIN < XMAX, got '1,-2,-1,1'"),
    (["--region", "-2,1,1,1"], 2, "--region needs YMIN < YMAX"),
    (["--region", "-2,1,-1"], 2, "got '-2,1,-1'"),
    (["--region", "-2,1,-1.5,1.5", "--center", "0,0"], 2,
     "--region and --center cannot be given together"),
    (["--region", "-2,1,-1.5,1.5", "--radius", "1"], 2, "cannot be given together"),
    (["--center", "0"], 2, "--center needs 2 comma-separated numbers"),
    (["--center", "nan,0"], 2, "finite"),
    (["--radius", "0"], 2, "--radius must be > 0, got '0'"),
    (["--radius", "-1"], 2, "--radius must be > 0"),
    (["--bailout", "0"], 2, "--bailout must be > 0, got '0'"),
    (["--bailout", "-2"], 2, "--bailout"),
    (["--bailout", "inf"], 2, "--bailout must be finite"),
    (["--threads", "-1"], 2, "--threads must be between 0 and 1024"),
    (["--size", "4", "--width", "4"], 2, "cannot be given together"),
    (["--format", "gif"], 2, "unknown --format 'gif'"),
    (["-o", "picture.jpg"], 2, "cannot tell the format of 'picture.jpg'"),
    (["-o", "noextension"], 2, "cannot tell the format"),
    (["-o", "-"], 2, "--format is required when writing to stdout"),
    (["--colormap", "jet"], 2, "unknown --colormap 'jet'"),
    (["--iter", "65537", "-o", "deep.pgm"], 2, "--iter must be at most 65536, got 65537"),
    (["--png-level", "4"], 2, "--png-level must be between 0 and 3, got '4'"),
    (["--png-level", "-1"], 2, "--png-level"),
    (["--kernel", "avx1024"], 2, "unknown --kernel 'avx1024'"),
    (["--unknown"], 2, "--unknown"),
    (["--size"], 2, "--size"),
    (["render", "stray"], 2, "stray"),
    (["-o", "missing/out.png"], 1, "directory 'missing' does not exist"),
    (["--format", "png", "-o", "adir"], 1, "cannot write 'adir': it is a directory"),
    (["--format", "png", "-o", "adir/"], 1, "it is a directory"),
    (["-o", "afile/out.png"], 1, "'afile' is not a directory"),
]


class CliErrors(ScratchTestCase):
    def setUp(self):
        super().setUp()
        os.mkdir(os.path.join(self.path, "adir"))
        with open(os.path.join(self.path, "afile"), "w"):
            pass
        self.before = sorted(os.listdir(self.path))

    def assert_fails_cleanly(self, args, code, expected, **kwargs):
        result = run(args, cwd=self.path, **kwargs)
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, code, f"{args}: {stderr}")
        self.assertEqual(stderr.count("\n"), 1, f"{args}: not one line: {stderr!r}")
        self.assertTrue(stderr.startswith("mandelbrot: error: "), stderr)
        self.assertIn(expected, stderr, args)
        self.assertEqual(result.stdout, b"", args)
        self.assertEqual(sorted(os.listdir(self.path)), self.before, f"{args} left files")
        self.assertEqual(os.listdir(os.path.join(self.path, "adir")), [])

    def test_each_bad_input(self):
        for args, code, expected in CASES:
            with self.subTest(args=args):
                self.assert_fails_cleanly(([] if "-o" in args else ["-o", "out.png"]) + args,
                                          code, expected)

    def test_a_directory_where_a_file_is_read(self):
        for args in (["info", "adir"], ["compare", "adir", "afile", "--width", "1", "--height", "1"],
                     ["--from", "adir", "-o", "out.png"], ["add", "@adir", "1"]):
            with self.subTest(args=args):
                self.assert_fails_cleanly(args, 2, "'adir': it is a directory")

    def test_a_failed_write_to_stdout_is_an_error(self):
        made = run(["--size", "8", "--format", "raw", "-o", "g.raw"], cwd=self.path)
        self.assertEqual(made.returncode, 0)
        self.before = sorted(os.listdir(self.path))
        for args, code in ((["--size", "8", "--hash", "--format", "raw", "-o", "x.raw"], 1),
                           (["--size", "8", "--json", "--format", "raw", "-o", "x.raw"], 1),
                           (["add", "1", "2"], 1), (["dot", "1,2", "3,4"], 1),
                           (["info", "g.raw", "--width", "8", "--height", "8"], 1),
                           (["compare", "g.raw", "g.raw", "--width", "8", "--height", "8"], 2),
                           (["bench", "--size", "8", "--iter", "10", "--repeat", "1"], 1),
                           (["--help"], 1), (["--version"], 1)):
            with self.subTest(args=args), open("/dev/full", "wb") as full:
                result = subprocess.run([MANDELBROT] + args, cwd=self.path, stdout=full,
                                        stderr=subprocess.PIPE)
                stderr = result.stderr.decode()
                self.assertEqual(result.returncode, code, f"{args}: {stderr}")
                self.assertIn("cannot write to standard output", stderr)
                self.assertEqual(stderr.count("\n"), 1, stderr)
                for name in os.listdir(self.path):  # a render's image is still written
                    if name == "x.raw":
                        os.remove(os.path.join(self.path, name))

    def test_bench_refuses_a_size_beyond_memory(self):
        self.assert_fails_cleanly(["bench", "--size", "1048576"], 1, "bench --size 1048576 needs")

    def test_spaces_in_lists_are_allowed(self):
        spaced = run(["--region", " -2, 1 , -1.5,1.5", "--size", "16", "--format", "raw", "-o", "-"])
        plain = run(["--region", "-2,1,-1.5,1.5", "--size", "16", "--format", "raw", "-o", "-"])
        self.assertEqual(spaced.returncode, 0, spaced.stderr)
        self.assertEqual(spaced.stdout, plain.stdout)

    def test_unwritable_directory(self):
        locked = os.path.join(self.path, "adir")
        os.chmod(self.path, 0o755)  # only adir itself is closed to writing
        os.chmod(locked, stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP |
                 stat.S_IROTH | stat.S_IXOTH)
        # root may write anywhere, so as root the program runs as nobody.
        drop = (lambda: os.setuid(65534)) if os.getuid() == 0 else None
        self.assert_fails_cleanly(["--size", "8", "-o", "adir/out.png"], 1,
                                  "cannot create a file in 'adir': Permission denied",
                                  preexec_fn=drop)

    def has_file_open_in_scratch(self, pid):
        fds = f"/proc/{pid}/fd"
        try:
            links = [os.readlink(os.path.join(fds, fd)) for fd in os.listdir(fds)]
        except OSError:
            return False
        return any(link.startswith(os.path.realpath(self.path) + "/") for link in links)

    def interrupt_long_render(self, sig):
        """Starts a render that takes minutes, signals it, and returns its exit status."""
        with open(os.path.join(self.path, "keep.raw"), "wb") as f:
            f.write(b"previous")
        process = subprocess.Popen(
            [MANDELBROT, "--size", "6000", "--iter", "100000", "--format", "raw", "-o",
             "keep.raw"], cwd=self.path, stderr=subprocess.PIPE,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        # Wait until the temporary file is open (unnamed, O_TMPFILE: seen only
        # among the process's descriptors), so the signal lands mid-render.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.has_file_open_in_scratch(process.pid):
                break
            time.sleep(0.02)
        else:
            process.kill()
            self.fail("the temporary file never appeared")
        time.sleep(0.3)
        process.send_signal(sig)
        process.communicate(timeout=30)
        self.assertEqual(os.listdir(self.path).count("keep.raw"), 1)
        with open(os.path.join(self.path, "keep.raw"), "rb") as f:
            self.assertEqual(f.read(), b"previous")
        self.assertEqual(sorted(os.listdir(self.path)), sorted(self.before + ["keep.raw"]))
        return process.returncode

    def test_sigint_leaves_no_partial_file(self):
        self.assertEqual(self.interrupt_long_render(signal.SIGINT), -signal.SIGINT)

    def test_sigterm_leaves_no_partial_file(self):
        self.assertEqual(self.interrupt_long_render(signal.SIGTERM), -signal.SIGTERM)

    # Issue 13, item 23: not even SIGKILL (or power loss) leaves a temporary.
    def test_sigkill_leaves_no_temporary(self):
        self.assertEqual(self.interrupt_long_render(signal.SIGKILL), -signal.SIGKILL)


if __name__ == "__main__":
    unittest.main()
