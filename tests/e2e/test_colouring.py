"""The colouring methods (docs/SEMANTICS.md, "Colouring methods") against an
independent NumPy computation of the same pixels: counts and channels from
support.py's NumPy reference, matplotlib's table of the map, the method's index
formula written again here. Each pixel is within 1 level per channel of the
expected colour, except where an index lies within rounding of an integer (the C
library's log and NumPy's may differ in the last bit): there it may be the
neighbouring entry, for at most 0.1% of the pixels."""

import json
import unittest

import matplotlib
import numpy as np

from support import (ScratchTestCase, parse_netpbm, png_pixels, reference_channels,
                     reference_counts, run)

# name, arguments, reference keywords (the bailout is the default's: 256 with a
# channel, 10 for log and histogram).
VIEWS = [
    ("classic", ["--size", "150", "--iter", "300"],
     dict(width=150, height=150, iterations=300, region=(-2.0, 1.0, -1.5, 1.5))),
    ("seahorse", ["--width", "120", "--height", "80", "--region", "-0.8,-0.7,0.05,0.15",
                  "--iter", "500"],
     dict(width=120, height=80, iterations=500, region=(-0.8, -0.7, 0.05, 0.15))),
    ("julia", ["--size", "100", "--julia", "-0.8,0.156", "--iter", "300", "--region",
               "-1.6,1.6,-1.6,1.6"],
     dict(width=100, height=100, iterations=300, region=(-1.6, 1.6, -1.6, 1.6), family="julia",
          julia=(-0.8, 0.156))),
]


def table(name):
    """matplotlib's 256 colours of `name` as bytes: (lut * 255) truncated."""
    lut = matplotlib.colormaps[name](np.arange(256))[:, :3]
    return (lut * 255).astype(np.uint8)


def to_index(x):
    x = np.where(np.isnan(x) | (x <= 0), 0.0, np.minimum(x, 1.0))
    return np.minimum(255, (x * 256).astype(np.int64))


def expected_indices(method, counts, smooth, distance, iterations):
    """The table index of every pixel, and the mask of inside pixels."""
    inside = counts == iterations - 1
    escaped = ~inside
    with np.errstate(all="ignore"):
        if method == "smooth":
            finite = escaped & np.isfinite(smooth)
            lo, hi = smooth[finite].min(), smooth[finite].max()
            x = np.log((smooth - lo) + 1.0) / np.log((hi - lo) + 1.0)
        elif method == "histogram":
            bins = np.bincount(counts[escaped], minlength=iterations)
            below = np.cumsum(bins)
            x = below[counts] / float(escaped.sum())
        elif method == "distance":
            x = 1.0 - 4.0 / (distance + 4.0)
        else:
            raise ValueError(method)
    return to_index(x), inside


class ColouringsMatchNumPy(ScratchTestCase):
    def pixels(self, args, fmt="png"):
        data = run(args + ["--format", fmt, "-o", "-", "-q"], check=True).stdout
        if fmt == "png":
            return png_pixels(data)
        _, width, height, _, rgb = parse_netpbm(data)
        return np.frombuffer(rgb, dtype=np.uint8).reshape(height, width, 3)

    def assert_close(self, got, indices, inside, colours, interior):
        want = colours[indices]
        want[inside] = interior
        off = np.abs(got.astype(int) - want.astype(int)).max(axis=2) > 1
        # Where they differ by more than a level, got is a neighbouring entry.
        for dy in (-1, 1):
            near = colours[np.clip(indices + dy, 0, 255)]
            close = np.abs(got.astype(int) - near.astype(int)).max(axis=2) <= 1
            off &= ~(close & ~inside)
        self.assertEqual(off.sum(), 0, "pixels far from the expected colour")
        exact = (np.abs(got.astype(int) - want.astype(int)).max(axis=2) <= 1)
        self.assertLessEqual((~exact).sum(), max(1, got.shape[0] * got.shape[1] // 1000))

    def test_each_method_against_numpy(self):
        hot = table("hot")
        for name, args, ref in VIEWS:
            counts10 = reference_counts(bailout=10.0, **ref)
            counts256, smooth, distance = reference_channels(bailout=256.0, **ref)
            for method in ("smooth", "histogram", "distance"):
                counts = counts10 if method == "histogram" else counts256
                indices, inside = expected_indices(method, counts, smooth, distance,
                                                   ref["iterations"])
                for interior, colour in ((None, hot[255]), ("black", (0, 0, 0)),
                                         ("#1F2e3d", (0x1f, 0x2e, 0x3d))):
                    with self.subTest(view=name, method=method, interior=interior):
                        extra = ["--colouring", method]
                        if interior:
                            extra += ["--interior", interior]
                        got = self.pixels(args + extra)
                        self.assertEqual(got.shape, (ref["height"], ref["width"], 3))
                        self.assert_close(got, indices, inside, hot, np.array(colour))
                        # The image spans the map: smooth from its first entry,
                        # histogram from the share of the smallest count.
                        if method != "distance":
                            self.assertEqual(indices[~inside].max(), 255)
                        if method == "smooth":
                            self.assertEqual(indices[~inside].min(), 0)

    def test_gray_and_ppm_follow_the_same_indices(self):
        gray = table("gray")
        name, args, ref = VIEWS[0]
        counts, smooth, distance = reference_channels(bailout=256.0, **ref)
        indices, inside = expected_indices("smooth", counts, smooth, distance, ref["iterations"])
        got = self.pixels(args + ["--colouring", "smooth", "--colormap", "gray"], fmt="ppm")
        self.assert_close(got, indices, inside, gray, gray[255])

    def test_log_is_the_default_look_and_interior_changes_only_inside(self):
        args = ["--size", "120", "--iter", "200"]
        default = run(args + ["--format", "png", "-o", "-", "-q"], check=True).stdout
        log = run(args + ["--colouring", "log", "--format", "png", "-o", "-", "-q"],
                  check=True).stdout
        self.assertEqual(default, log)
        counts = reference_counts(120, 120, 200)
        inside = counts == 199
        plain = png_pixels(default)
        black = self.pixels(args + ["--interior", "black"])
        np.testing.assert_array_equal(black[~inside], plain[~inside])
        self.assertTrue((black[inside] == 0).all())
        self.assertTrue(inside.any())

    def test_same_bytes_for_any_thread_count(self):
        for method in ("smooth", "histogram", "distance"):
            args = ["--size", "200", "--iter", "250", "--colouring", method, "--format", "png",
                    "-o", "-", "-q"]
            first = run(args + ["--threads", "1"], check=True).stdout
            for extra in (["--threads", "2"], ["--threads", "3", "--kernel", "scalar"]):
                with self.subTest(method=method, extra=extra):
                    self.assertEqual(run(args + extra, check=True).stdout, first)

    def test_from_reads_the_colouring_back(self):
        path = self.file("a.png")
        report = json.loads(run(["--size", "60", "--colouring", "smooth", "--interior",
                                 "#102030", "-o", path, "--json"], check=True).stdout)
        self.assertEqual((report["colouring"], report["interior"]), ("smooth", "#102030"))
        again = self.file("b.png")
        run(["--from", path, "-o", again, "-q"], check=True)
        with open(path, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())


class ColouringErrors(ScratchTestCase):
    def check_error(self, args, *words):
        result = run(args + ["-o", self.file("out.png"), "-q"])
        self.assertEqual(result.returncode, 2, result.stderr)
        line = result.stderr.decode()
        self.assertTrue(line.startswith("mandelbrot: error: "), line)
        self.assertEqual(line.count("\n"), 1, line)
        for word in words:
            self.assertIn(word, line)
        self.assertFalse(__import__("os").listdir(self.path))

    def test_bad_requests(self):
        self.check_error(["--colouring", "rainbow"], "--colouring", "rainbow",
                         "log, smooth, histogram, distance")
        self.check_error(["--interior", "#12345"], "--interior", "#12345", "#rrggbb")
        self.check_error(["--interior", "purple"], "purple")
        self.check_error(["--colouring", "distance", "--family", "burning-ship"],
                         "burning-ship")
        self.check_error(["--colouring", "smooth", "--bailout", "1"], "--bailout >= 2")


if __name__ == "__main__":
    unittest.main()
