"""--supersample N (docs/SEMANTICS.md, "Supersampling") against an independent
reference: the plain render of the same view at N W x N H has exactly the
samples' colours, so decoding its pixels with the sRGB transfer function,
adding each N x N block in linear light and encoding the mean must give the
supersampled image.

The comparison is exact, not within a level: the reference computes the same
doubles in the same order (the 256 decoded values from Python's math.pow, which
is the C library's pow, as the renderer's table is; the sum of each block row
by row, left to right; the division by N * N; the encoding by comparison with
the 255 midpoints decoded the same way), so a difference would be a bug, not
rounding."""

import json
import math
import os
import unittest

import numpy as np

from support import ScratchTestCase, parse_netpbm, png_pixels, run


def decode(c):
    """The sRGB transfer function at c in [0, 1], in double with the C library's pow."""
    return c / 12.92 if c <= 0.04045 else math.pow((c + 0.055) / 1.055, 2.4)


LINEAR = np.array([decode(v / 255) for v in range(256)])
MIDPOINTS = np.array([decode((k + 0.5) / 255) for k in range(255)])


def average_blocks(samples, n):
    """The (H, W, 3) image whose pixels are the linear-light means of the n x n
    blocks of the (n H, n W, 3) uint8 `samples`."""
    linear = LINEAR[samples]
    total = np.zeros((samples.shape[0] // n, samples.shape[1] // n, 3))
    for a in range(n):
        for b in range(n):
            total = total + linear[a::n, b::n]
    mean = total / (n * n)
    # The number of midpoints at most the mean: round(255 * encode(mean)), halves up.
    return np.searchsorted(MIDPOINTS, mean, side="right").astype(np.uint8)


# A zoom where colours change from pixel to pixel, and the classic view.
SEAHORSE = ["--center", "-0.7436,0.1318", "--radius", "0.004", "--iter", "600"]
CLASSIC = ["--iter", "200"]


class SupersampleTest(ScratchTestCase):
    def ppm(self, args):
        out = self.file("out.ppm")
        run(["-q", "-o", out, *args], check=True)
        with open(out, "rb") as f:
            magic, width, height, _, pixels = parse_netpbm(f.read())
        self.assertEqual(magic, "P6")
        return np.frombuffer(pixels, dtype=np.uint8).reshape(height, width, 3)

    def check_against_plain(self, view, width, height, n, extra):
        got = self.ppm(view + extra + ["--width", str(width), "--height", str(height),
                                       "--supersample", str(n)])
        samples = self.ppm(view + extra + ["--width", str(n * width),
                                           "--height", str(n * height)])
        self.assertEqual(got.shape, (height, width, 3))
        want = average_blocks(samples, n)
        differ = (got != want).any(axis=2)
        self.assertEqual(differ.sum(), 0, f"{differ.sum()} pixels differ from the reference")
        # Not a trivial image: supersampling made colours no sample has.
        self.assertGreater(len(np.unique(got.reshape(-1, 3), axis=0)), 50)
        return got

    def test_each_colouring_is_the_linear_mean_of_the_plain_render_of_the_samples(self):
        for colouring in ("log", "smooth", "histogram", "distance"):
            for view, n in ((SEAHORSE, 3), (CLASSIC, 2)):
                with self.subTest(colouring=colouring, n=n):
                    self.check_against_plain(view, 60, 40, n, ["--colouring", colouring])

    def test_maps_scales_palettes_and_rotation(self):
        palette = self.file("p.txt")
        with open(palette, "w") as f:
            f.write("0 #000000\n0.5 #ff8000\n1 #ffffff\n")
        for extra in (["--colormap", "viridis"], ["--colormap", "gray", "--scale", "fixed"],
                      ["--palette", palette, "--colouring", "smooth", "--palette-period", "20"],
                      ["--angle", "30", "--colormap", "twilight"]):
            with self.subTest(extra=extra):
                self.check_against_plain(SEAHORSE, 50, 30, 2, extra)

    def test_julia_and_deep_zoom(self):
        self.check_against_plain(["--julia", "-0.8,0.156", "--iter", "300"], 48, 32, 3, [])
        # Too deep for doubles: the grid is rendered by perturbation, as the plain one.
        deep = ["--center", ("-1.759817130804847813610825010561798238243999999999999999999800,"
                             "-0.012593310799749865383746631843264858450340000000000000000000"),
                "--radius", "1e-15", "--iter", "4036"]
        report = json.loads(run(deep + ["--width", "24", "--height", "16", "--supersample", "2",
                                        "--json", "-o", self.file("d.png")], check=True).stdout)
        self.assertEqual(report["method"], "perturbation")
        self.check_against_plain(deep, 24, 16, 2, [])

    def test_one_is_the_plain_render(self):
        args = SEAHORSE + ["--size", "64", "--format", "png", "-o", "-", "-q"]
        plain = run(args, check=True).stdout
        self.assertEqual(run(args + ["--supersample", "1"], check=True).stdout, plain)

    def test_same_bytes_for_any_thread_count_and_png_as_ppm(self):
        for colouring in ("log", "histogram", "smooth"):
            args = SEAHORSE + ["--width", "90", "--height", "60", "--supersample", "3",
                               "--colouring", colouring, "--format", "png", "-o", "-", "-q"]
            first = run(args + ["--threads", "1"], check=True).stdout
            for extra in (["--threads", "2"], ["--threads", "3", "--kernel", "scalar"]):
                with self.subTest(colouring=colouring, extra=extra):
                    self.assertEqual(run(args + extra, check=True).stdout, first)
            with self.subTest(colouring=colouring, format="ppm"):
                ppm = self.ppm(SEAHORSE + ["--width", "90", "--height", "60", "--supersample",
                                           "3", "--colouring", colouring])
                np.testing.assert_array_equal(png_pixels(first), ppm)

    def test_several_bands_held_and_streamed(self):
        # 1000 x 60 at N = 3 is a 3000 x 180 grid in bands of 87 sample rows
        # (29 pixel rows): smooth holds the grid, the fixed scale streams it.
        for extra in (["--colouring", "smooth"], ["--scale", "fixed"]):
            with self.subTest(extra=extra):
                self.check_against_plain(CLASSIC, 1000, 60, 3, extra)

    def test_from_and_info_reproduce_the_file(self):
        out = self.file("ss.png")
        run(SEAHORSE + ["--width", "80", "--height", "50", "--supersample", "2", "-q", "-o", out],
            check=True)
        info = json.loads(run(["info", "--json", out], check=True).stdout)
        self.assertEqual(info["parameters"]["supersample"], 2)
        self.assertEqual(info["parameters"]["width"], 80)
        again = self.file("again.png")
        run(["--from", out, "-q", "-o", again], check=True)
        with open(out, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())
        self.assertEqual(run(["verify", out]).returncode, 0)
        report = json.loads(run(["--from", out, "--json", "-o", again], check=True).stdout)
        self.assertEqual((report["width"], report["height"], report["supersample"]), (80, 50, 2))

    def test_tiles_split_the_pixels(self):
        # On the fixed scale a tile's colours are the image's: tile 1,0 of 2,1
        # is the image's right half, pixel for pixel.
        args = SEAHORSE + ["--width", "61", "--height", "30", "--supersample", "2",
                           "--scale", "fixed"]
        whole = self.ppm(args)
        tile = self.ppm(args + ["--tiles", "2,1", "--tile", "1,0"])
        np.testing.assert_array_equal(tile, whole[:, 30:])

    def test_bad_input_exits_2_with_one_line_and_no_file(self):
        cases = [
            (["--supersample", "0"], "--supersample must be at least 1"),
            (["--supersample", "-3"], "got '-3'"),
            (["--supersample", "2.5"], "--supersample must be a whole number from 1 to 16"),
            (["--supersample", "two"], "got 'two'"),
            (["--supersample", "17"], "289 samples per pixel would take about 289 times the time"),
            (["--supersample", "1000000"], "--supersample 1000000 is too large"),
            (["--supersample", "16", "--width", "100000", "--height", "10"],
             "1600000x160 grid (256000000 samples, 256 times a plain render's time)"),
        ]
        for fmt in ("raw", "npy", "pgm", "pbm", "exr"):
            cases.append((["--supersample", "2", "--format", fmt],
                          f"--supersample 2 needs png or ppm output: {fmt} output"))
        for args, message in cases:
            with self.subTest(args=args):
                out = self.file("bad.out")
                r = run(args + ["-o", out] if "--format" in args else args + ["-o", out + ".png"])
                self.assertEqual(r.returncode, 2, r.stderr)
                lines = r.stderr.decode().splitlines()
                self.assertEqual(len(lines), 1, lines)
                self.assertTrue(lines[0].startswith("mandelbrot: error: "), lines[0])
                self.assertIn(message, lines[0])
                self.assertEqual(os.listdir(self.path), [])

    def test_saved_counts_cannot_be_supersampled(self):
        counts = self.file("c.npy")
        run(["--size", "20", "-q", "-o", counts], check=True)
        r = run(["colour", counts, "--size", "20", "--supersample", "2", "-o",
                 self.file("c.png")])
        self.assertEqual(r.returncode, 2)
        self.assertIn("saved counts hold one sample per pixel", r.stderr.decode())
        self.assertFalse(os.path.exists(self.file("c.png")))


if __name__ == "__main__":
    unittest.main()
