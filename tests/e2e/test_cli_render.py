"""The render command as people run it from a shell or a script."""

import json
import os
import stat
import threading
import unittest

import numpy as np

from support import ScratchTestCase, parse_netpbm, png_pixels, png_size, run


class CliRender(ScratchTestCase):
    def read(self, name):
        with open(self.file(name), "rb") as f:
            return f.read()

    def test_no_arguments_writes_the_default_png(self):
        result = run([], cwd=self.path, check=True)
        self.assertEqual(os.listdir(self.path), ["mandelbrot.png"])
        self.assertEqual(png_size(self.read("mandelbrot.png")), (400, 400))
        stderr = result.stderr.decode()
        self.assertRegex(stderr, r"^mandelbrot: wrote mandelbrot\.png \(400x400 png, 100 iterations")
        self.assertEqual(result.stdout, b"")

    def test_render_subcommand_is_the_default(self):
        run(["--size", "50", "-o", "a.png"], cwd=self.path, check=True)
        run(["render", "--size", "50", "-o", "b.png"], cwd=self.path, check=True)
        self.assertEqual(self.read("a.png"), self.read("b.png"))

    def test_quiet_prints_nothing(self):
        result = run(["--size", "20", "-o", "q.png", "--quiet"], cwd=self.path, check=True)
        self.assertEqual(result.stderr, b"")
        self.assertEqual(result.stdout, b"")

    def test_json_summary_on_stdout(self):
        result = run(["--width", "64", "--height", "48", "--iter", "70", "--region",
                      "-2,1,-1.125,1.125", "--bailout", "4", "--threads", "2", "-o", "s.ppm",
                      "--colormap", "gray", "--json"], cwd=self.path, check=True)
        self.assertEqual(result.stderr, b"")
        report = json.loads(result.stdout)
        self.assertEqual(report["width"], 64)
        self.assertEqual(report["height"], 48)
        self.assertEqual(report["iterations"], 70)
        self.assertEqual(report["region"], {"xmin": -2, "xmax": 1, "ymin": -1.125, "ymax": 1.125})
        self.assertEqual(report["bailout"], 4)
        self.assertEqual(report["threads"], 2)
        self.assertEqual(report["format"], "ppm")
        self.assertEqual(report["colormap"], "gray")
        self.assertEqual(report["output"], "s.ppm")
        self.assertEqual(report["max_count"], 69)
        self.assertLessEqual(report["min_count"], 3)
        self.assertGreater(report["inside_fraction"], 0.1)
        for key in ("render_seconds", "encode_seconds"):
            self.assertGreaterEqual(report[key], 0)
        self.assertIn("version", report)

    def test_json_goes_to_stderr_when_the_image_goes_to_stdout(self):
        result = run(["--size", "30", "--format", "raw", "-o", "-", "--json"], check=True)
        self.assertEqual(len(result.stdout), 30 * 30 * 4)
        report = json.loads(result.stderr)
        self.assertEqual(report["output"], "-")
        self.assertEqual(report["format"], "raw")

    def test_every_thread_count_gives_the_same_bytes(self):
        for fmt in ("raw", "png"):
            outputs = set()
            for threads in ("1", "2", "3", "8"):
                result = run(["--width", "150", "--height", "101", "--iter", "250", "--threads",
                              threads, "--format", fmt, "-o", "-"], check=True)
                outputs.add(result.stdout)
            self.assertEqual(len(outputs), 1, fmt)

    def test_each_extension_picks_its_format(self):
        signatures = {"png": b"\x89PNG", "ppm": b"P6\n", "pgm": b"P5\n", "pbm": b"P4\n",
                      "npy": b"\x93NUMPY"}
        for ext, signature in signatures.items():
            run(["--size", "16", "-o", f"x.{ext.upper()}", "-q"], cwd=self.path, check=True)
            self.assertTrue(self.read(f"x.{ext.upper()}").startswith(signature), ext)
        run(["--size", "16", "-o", "x.raw", "-q"], cwd=self.path, check=True)
        self.assertEqual(len(self.read("x.raw")), 16 * 16 * 4)

    def test_format_option_overrides_the_extension(self):
        run(["--size", "16", "-o", "counts.dat", "--format", "npy", "-q"], cwd=self.path,
            check=True)
        self.assertTrue(self.read("counts.dat").startswith(b"\x93NUMPY"))

    def test_an_existing_file_is_replaced_and_no_temporary_is_left(self):
        with open(self.file("out.png"), "wb") as f:
            f.write(b"old")
        run(["--size", "16", "-o", "out.png", "-q"], cwd=self.path, check=True)
        self.assertEqual(os.listdir(self.path), ["out.png"])
        self.assertEqual(png_size(self.read("out.png")), (16, 16))

    def test_png_pixels_equal_the_ppm_pixels(self):
        args = ["--width", "90", "--height", "70", "--iter", "400", "--center", "-0.75,0.1",
                "--radius", "0.1"]
        ppm = run(args + ["--format", "ppm", "-o", "-"], check=True).stdout
        _, width, height, _, pixels = parse_netpbm(ppm)
        expected = np.frombuffer(pixels, dtype=np.uint8).reshape(height, width, 3)
        for level in ("0", "1", "2", "3"):
            png = run(args + ["--format", "png", "--png-level", level, "-o", "-"], check=True).stdout
            np.testing.assert_array_equal(png_pixels(png), expected)
        # On a large image the levels trade speed for size (tiny images are
        # dominated by fixed overheads).
        sizes = [len(run(["--size", "1024", "--iter", "400", "--png-level", level, "--format",
                          "png", "-o", "-"], check=True).stdout) for level in ("0", "1", "3")]
        self.assertGreater(sizes[0], sizes[1])
        self.assertGreater(sizes[1], sizes[2])

    @unittest.skipUnless(os.getuid() == 0, "making a device node needs root")
    def test_a_device_stays_a_device(self):
        # A private null device (1, 3), not /dev/null itself: a regression must not
        # damage the machine. CI runs as root, so this runs there.
        device = self.file("null")
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        run(["--size", "32", "--format", "raw", "-o", device], check=True)
        self.assertTrue(stat.S_ISCHR(os.stat(device).st_mode), "the device was replaced")
        self.assertEqual(os.listdir(self.path), ["null"])

    def test_a_fifo_is_written_directly(self):
        fifo = self.file("pipe.raw")
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
        reader.start()
        run(["--size", "20", "-o", fifo, "-q"], check=True)
        reader.join(timeout=30)
        self.assertEqual(len(received[0]), 20 * 20 * 4)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))
        self.assertEqual(os.listdir(self.path), ["pipe.raw"])

    def test_bench(self):
        report = json.loads(run(["bench", "--size", "40", "--iter", "100", "--repeat", "1",
                                 "--json"], check=True).stdout)
        self.assertEqual([r["shortcuts"] for r in report["runs"]], [False, False, True])
        self.assertEqual(report["runs"][0]["kernel"], "scalar")
        self.assertGreater(report["runs"][1]["iterations_per_second"], 0)
        text = run(["bench", "--size", "16", "--iter", "10", "--repeat", "1"], check=True)
        self.assertIn("vs scalar", text.stdout.decode())
        bad = run(["bench", "--kernel", "nope"])
        self.assertEqual(bad.returncode, 2)
        self.assertIn("unknown --kernel 'nope'", bad.stderr.decode())
        self.assertEqual(run(["bench", "--size", "0"]).returncode, 2)

    def test_help_and_version(self):
        result = run(["--help"], check=True)
        text = result.stdout.decode()
        for word in ("--size", "--iter", "--region", "--center", "--radius", "--bailout",
                     "--threads", "--output", "--format", "--colormap", "--json", "--quiet",
                     "Examples:", "render"):
            self.assertIn(word, text)
        result = run(["--version"], check=True)
        self.assertRegex(result.stdout.decode(), r"^mandelbrot \d+\.\d+\.\d+\n$")


if __name__ == "__main__":
    unittest.main()
