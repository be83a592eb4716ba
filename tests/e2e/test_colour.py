"""The default look against matplotlib itself (docs/SEMANTICS.md, Colour): our PNG
of a view has the pixels of plt.imsave(path, np.log(counts), cmap=...) of the same
view's counts (rendered to .npy), within 1 level per channel."""

import io
import os
import subprocess
import unittest

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from support import MANDELBROT, ScratchTestCase, png_pixels, run  # noqa: E402

DEEP_ZOOM = ["--center", "-0.743643887037151,0.13182590420533", "--radius", "1e-8",
             "--iter", "5000"]

# name, arguments: every view the tests compare with matplotlib.
VIEWS = [
    ("default", []),
    ("classic 1000", ["--size", "300", "--iter", "1000"]),
    ("deep zoom", ["--size", "160"] + DEEP_ZOOM),
    ("seahorse", ["--width", "120", "--height", "90", "--center", "-0.75,0.1", "--radius",
                  "0.05", "--iter", "300"]),
    ("julia", ["--size", "150", "--julia", "-0.8,0.156", "--iter", "300"]),
    ("burning ship", ["--size", "100", "--family", "burning-ship", "--iter", "80"]),
    ("one count, escaped", ["--size", "20", "--center", "5,5", "--radius", "0.01"]),
    ("one count, inside", ["--size", "20", "--center", "-0.1,0", "--radius", "0.01"]),
    ("1x1", ["--size", "1"]),
    ("2x1", ["--width", "2", "--height", "1"]),
    ("1x3", ["--width", "1", "--height", "3", "--iter", "20"]),
    ("counts of 0", ["--size", "50", "--center", "12,0", "--radius", "6"]),
]


def matplotlib_pixels(counts, cmap):
    """The (H, W, 3) pixels of matplotlib's imsave of np.log(counts). Counts of 0
    (log -inf) would make matplotlib's normalisation NaN everywhere; our contract
    puts them under the range, which is imsave with vmin the smallest finite log."""
    with np.errstate(divide="ignore"):
        logs = np.log(counts)
    kwargs = {}
    if (counts == 0).any() and (counts > 0).any():
        kwargs["vmin"] = logs[counts > 0].min()
    buffer = io.BytesIO()
    plt.imsave(buffer, logs, cmap=cmap, format="png", **kwargs)
    rgba = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGBA"))
    assert (rgba[:, :, 3] == 255).all(), "matplotlib left transparent (bad) pixels"
    return rgba[:, :, :3]


class DefaultLookIsMatplotlibs(ScratchTestCase):
    def render(self, args, fmt):
        return run(args + ["--format", fmt, "-o", "-", "-q"], check=True).stdout

    def counts(self, args):
        return np.load(io.BytesIO(self.render(args, "npy")))

    def assert_matches(self, name, args, cmap):
        counts = self.counts(args)
        ours = png_pixels(self.render(args + (["--colormap", cmap] if cmap != "hot" else []),
                                      "png"))
        theirs = matplotlib_pixels(counts, cmap)
        self.assertEqual(ours.shape, theirs.shape, name)
        difference = np.abs(ours.astype(int) - theirs.astype(int))
        self.assertLessEqual(difference.max(), 1, f"{name}: up to {difference.max()} levels off "
                             f"at {np.argwhere(difference > 1)[:5].tolist()}")
        # Off by one only where the C library's log and NumPy's differ in the
        # last place at an entry's edge: a handful of pixels at most.
        self.assertLessEqual(np.count_nonzero(difference.max(axis=2)), max(2, counts.size // 1000),
                             name)
        return counts, ours

    def test_every_view_has_matplotlibs_hot_pixels(self):
        for name, args in VIEWS:
            with self.subTest(name):
                self.assert_matches(name, args, "hot")

    def test_gray_follows_the_same_scale(self):
        for name, args in VIEWS[:5]:
            with self.subTest(name):
                self.assert_matches(name, args, "gray")

    def test_every_other_map_has_matplotlibs_pixels(self):
        """viridis, magma, inferno, plasma, cividis and twilight: matplotlib's
        tables with their own number of entries (twilight's 510) through the
        same scale, so imsave's pixels for every view."""
        for cmap in ("viridis", "magma", "inferno", "plasma", "cividis", "twilight"):
            for name, args in VIEWS[:5] + [VIEWS[-1]]:
                with self.subTest(cmap=cmap, view=name):
                    self.assert_matches(name, args, cmap)

    def test_map_names_are_case_insensitive(self):
        args = ["--size", "40"]
        self.assertEqual(self.render(args + ["--colormap", "Viridis"], "png"),
                         self.render(args + ["--colormap", "viridis"], "png"))

    def test_the_whole_range_is_used(self):
        """The deep zoom's counts run far from 1 (945 to 4250 at 400 x 400), yet
        the image goes from the map's first entry to white: no washed-out square."""
        counts, ours = self.assert_matches("deep zoom", ["--size", "160"] + DEEP_ZOOM, "hot")
        self.assertGreater(counts.min(), 500)
        self.assertGreater(counts.max(), 2 * counts.min())
        flat = ours.reshape(-1, 3)
        self.assertIn([10, 0, 0], flat.tolist())  # hot's first entry, at the smallest count
        self.assertTrue((flat == 255).all(axis=1).any())
        self.assertGreater(len(np.unique(flat, axis=0)), 150)

    def test_the_default_view_has_black_corners_and_white_inside(self):
        counts = self.counts([])
        ours = png_pixels(self.render([], "png"))
        # The smallest count (2, at the corners) is hot's first entry.
        self.assertEqual(counts.min(), 2)
        self.assertEqual(counts[0, 0], 2)
        np.testing.assert_array_equal(ours[0, 0], [10, 0, 0])
        # Inside (99) is white, and so is 98, in the same last of 256 entries:
        # (log 98 - log 2) / (log 99 - log 2) * 256 = 255.4.
        white = (ours == 255).all(axis=2)
        self.assertTrue(white[counts >= 98].all())
        self.assertFalse(white[counts < 98].any())

    def test_ppm_has_the_png_pixels(self):
        args = ["--size", "90", "--julia", "-0.8,0.156"]
        _, ours = self.assert_matches("julia", args, "hot")
        ppm = self.render(args, "ppm")
        np.testing.assert_array_equal(
            np.frombuffer(ppm[-ours.size:], dtype=np.uint8).reshape(ours.shape), ours)

    def test_bytes_are_the_same_for_any_thread_count(self):
        args = ["--size", "300", "--iter", "500"]
        one = self.render(args + ["--threads", "1"], "png")
        self.assertEqual(self.render(args + ["--threads", "2"], "png"), one)
        self.assertEqual(self.render(args + ["--threads", "3"], "png"), one)


class FixedScale(ScratchTestCase):
    def test_fixed_scale_is_log_count_over_log_iter_minus_one(self):
        """--scale fixed keeps the look of earlier versions: t = log(count) /
        log(iter - 1), 0 for count 0 and 1 inside, through the ramp of
        colour_map.h (rounded, red from 0)."""
        args = ["--size", "64", "--iter", "100", "--format"]
        counts = np.load(io.BytesIO(run(args + ["npy", "-o", "-"], check=True).stdout))
        ours = png_pixels(run(args + ["png", "--scale", "fixed", "-o", "-"], check=True).stdout)
        with np.errstate(divide="ignore"):
            t = np.where(counts == 0, 0.0, np.log(np.maximum(counts, 1)) / np.log(99.0))
        t = np.where(counts == 99, 1.0, t)

        def byte(v):
            return np.floor(np.clip(v, 0, 1) * 255 + 0.5)

        expected = np.stack([byte(t / 0.365079), byte((t - 0.365079) / (0.746032 - 0.365079)),
                             byte((t - 0.746032) / (1 - 0.746032))], axis=2)
        self.assertLessEqual(np.abs(ours - expected).max(), 1)

    def test_scale_is_recorded_and_read_back(self):
        png = self.file("f.png")
        run(["--size", "32", "--scale", "fixed", "-o", png, "-q"], check=True)
        again = self.file("again.png")
        run(["--from", png, "-o", again, "-q"], check=True)
        with open(png, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())
        info = run(["info", png], check=True).stdout.decode()
        self.assertIn("fixed", info)

    def test_unknown_scale_is_a_usage_error(self):
        result = run(["--scale", "linear", "-o", self.file("x.png")])
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode().strip(),
                         "mandelbrot: error: unknown --scale 'linear' (known: image, fixed)")
        self.assertEqual(os.listdir(self.path), [])


class LargeImages(ScratchTestCase):
    def test_beyond_the_held_limit_two_passes_keep_memory_bounded(self):
        """8200 x 8200 counts take 269 MB, over the 256 MiB held limit: the
        image is rendered twice instead, and memory stays at the bands'."""
        def peak_kib(size, out):
            proc = subprocess.Popen([MANDELBROT, "--size", str(size), "--iter", "3", "--center",
                                     "0,0", "--radius", "4", "-q", "-o", out],
                                    stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            stderr = proc.stderr.read().decode()
            proc.stderr.close()
            self.assertEqual(os.waitstatus_to_exitcode(status), 0, stderr)
            return usage.ru_maxrss

        # Measured above the program's own baseline, a tiny render's peak (about
        # 5 MB, but 137 MB under the address sanitizer's shadow memory).
        baseline = peak_kib(16, self.file("small.png"))
        out = self.file("big.png")
        big = peak_kib(8200, out)
        print(f"peak {big} KiB, baseline {baseline} KiB")
        self.assertLess(big - baseline, 100_000)  # KiB; holding the counts would take 269 MB
        pixels = np.asarray(Image.open(out).convert("RGB"))
        self.assertEqual(pixels.shape, (8200, 8200, 3))
        # --iter 3 over radius 4 (|c| < 10): counts 1 and 2 only, so hot's
        # first entry and white, in the same places as a small render's.
        first = (pixels == [10, 0, 0]).all(axis=2)
        white = (pixels == 255).all(axis=2)
        self.assertTrue(first.any())
        self.assertTrue(white.any())
        self.assertTrue((first | white).all())

if __name__ == "__main__":
    unittest.main()
