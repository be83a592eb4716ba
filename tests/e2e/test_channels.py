"""The continuous channels (docs/SEMANTICS.md, "Channels") against an independent
NumPy computation of the same formulas in float64: `--format npy --channel smooth`
and `--channel distance` agree with it to a relative 1e-12 (the C library's log
and NumPy's may differ in the last bit), inside points are NaN in both, and the
counts of a render with channels are the plain render's."""

import io
import unittest

import numpy as np

from support import ScratchTestCase, reference_channels, reference_counts, run

# The relative tolerance of the channel values against NumPy's: a last-bit
# difference of log, carried through a few operations.
RTOL = 1e-12


# name, arguments, reference_channels keywords.
VIEWS = [
    ("classic", ["--size", "120", "--iter", "200"],
     dict(width=120, height=120, iterations=200, region=(-2.0, 1.0, -1.5, 1.5), bailout=256.0)),
    ("seahorse, bailout 10", ["--width", "90", "--height", "60", "--region",
                              "-0.8,-0.7,0.05,0.15", "--iter", "400", "--bailout", "10"],
     dict(width=90, height=60, iterations=400, region=(-0.8, -0.7, 0.05, 0.15), bailout=10.0)),
    ("julia", ["--size", "80", "--julia", "-0.8,0.156", "--iter", "300", "--region",
               "-1.6,1.6,-1.6,1.6"],
     dict(width=80, height=80, iterations=300, region=(-1.6, 1.6, -1.6, 1.6), bailout=256.0,
          family="julia", julia=(-0.8, 0.156))),
    ("multibrot 3", ["--size", "70", "--family", "multibrot", "--power", "3", "--iter", "100",
                     "--region", "-1.5,1.5,-1.5,1.5"],
     dict(width=70, height=70, iterations=100, region=(-1.5, 1.5, -1.5, 1.5), bailout=256.0,
          family="multibrot", power=3)),
]


def npy(data):
    return np.load(io.BytesIO(data))


class ChannelsMatchNumPy(ScratchTestCase):
    def render(self, args, channel, extra=()):
        return npy(run(args + ["--format", "npy", "--channel", channel, "-o", "-", "-q",
                               *extra], check=True).stdout)

    def test_smooth_and_distance_against_numpy(self):
        for name, args, ref in VIEWS:
            with self.subTest(view=name):
                counts, smooth, distance = reference_channels(**ref)
                got_smooth = self.render(args, "smooth")
                got_distance = self.render(args, "distance")
                self.assertEqual(got_smooth.dtype, np.dtype("<f8"))
                self.assertEqual(got_smooth.shape, counts.shape)
                np.testing.assert_array_equal(np.isnan(got_smooth), np.isnan(smooth))
                np.testing.assert_allclose(got_smooth, smooth, rtol=RTOL, equal_nan=True)
                np.testing.assert_array_equal(np.isnan(got_distance), np.isnan(distance))
                np.testing.assert_allclose(got_distance, distance, rtol=RTOL, equal_nan=True)
                # Both channels are there: escaped and inside points alike.
                self.assertTrue(np.isnan(smooth).any() and (~np.isnan(smooth)).any())

    def test_counts_of_a_channel_render_are_the_plain_renders(self):
        for name, args, ref in VIEWS:
            with self.subTest(view=name):
                bailout = [] if "--bailout" in args else ["--bailout", str(ref["bailout"])]
                plain = npy(run(args + bailout + ["--format", "npy", "-o", "-", "-q"],
                                check=True).stdout)
                counts, _, _ = reference_channels(**ref)
                np.testing.assert_array_equal(plain, counts)
                # The count path of the reference is the project's own contract.
                if ref.get("family", "mandelbrot") == "mandelbrot":
                    np.testing.assert_array_equal(plain, reference_counts(
                        ref["width"], ref["height"], ref["iterations"], ref["region"],
                        ref["bailout"]))

    def test_the_counts_hash_of_a_channel_render_is_the_plain_renders(self):
        # --hash is the content hash of the counts themselves (not of the file).
        def counts_hash(extra):
            out = run(["--size", "96", "--iter", "300", "-o", self.file("x"), "-q", "--hash",
                       *extra], check=True).stdout
            return out.decode().strip()
        plain = counts_hash(["--bailout", "256", "--format", "npy"])
        self.assertTrue(plain.startswith("xxh3-128:"), plain)
        for extra in (["--format", "npy", "--channel", "smooth"],
                      ["--format", "npy", "--channel", "distance", "--threads", "3"],
                      ["--format", "png", "--colouring", "smooth"],
                      ["--format", "ppm", "--colouring", "distance"]):
            with self.subTest(extra=extra):
                self.assertEqual(counts_hash(extra), plain)

    def test_same_bytes_for_every_thread_count_and_kernel(self):
        args = ["--size", "64", "--iter", "300"]
        for channel in ("smooth", "distance"):
            first = run(args + ["--format", "npy", "--channel", channel, "-o", "-", "-q",
                                "--threads", "1"], check=True).stdout
            for extra in (["--threads", "2"], ["--threads", "3"], ["--kernel", "scalar"]):
                with self.subTest(channel=channel, extra=extra):
                    again = run(args + ["--format", "npy", "--channel", channel, "-o", "-", "-q",
                                        *extra], check=True).stdout
                    self.assertEqual(first, again)

    def test_smooth_is_continuous_where_the_count_steps(self):
        # Away from the set (counts under 6), where the integer count steps by
        # one between neighbours the smooth value moves by less than 0.1: the
        # bands join up (an error of the formula's n would show as a jump of 1).
        args = ["--size", "400", "--iter", "100"]
        smooth = self.render(args, "smooth")
        counts = npy(run(args + ["--bailout", "256", "--format", "npy", "-o", "-", "-q"],
                         check=True).stdout)
        for a, b, sa, sb in ((counts[:, :-1], counts[:, 1:], smooth[:, :-1], smooth[:, 1:]),
                             (counts[:-1], counts[1:], smooth[:-1], smooth[1:])):
            steps = (np.abs(a - b) == 1) & (a < 6) & (b < 6)
            self.assertGreater(steps.sum(), 100)
            self.assertLess(np.abs(sa - sb)[steps].max(), 0.1)

    def test_distance_is_within_a_factor_of_the_distance_on_a_finer_grid(self):
        # The inside points of an 8x finer grid (1000 iterations) stand for the
        # set; for escaped pixels 1 to 30 pixels away by the estimate, the
        # distance to the nearest of them is 0.5 to 5 times the estimate (Koebe's
        # 1/4 theorem bounds the true distance by half and twice |z|log|z|/|dz|;
        # the grid misses filaments thinner than its step, which only lengthens
        # the measured distance), and half of them within 0.9 to 1.2 times.
        width, factor, iterations = 100, 8, 1000
        distance = self.render(["--size", str(width), "--iter", str(iterations)], "distance")
        fine = npy(run(["--size", str(width * factor), "--iter", str(iterations), "--bailout",
                        "256", "--format", "npy", "-o", "-", "-q"], check=True).stdout)
        iy, ix = np.nonzero(fine == iterations - 1)
        inside = np.stack([iy / factor, ix / factor], axis=1)  # in coarse pixels
        chosen = np.argwhere(np.isfinite(distance) & (distance >= 1) & (distance <= 30))
        self.assertGreater(len(chosen), 1000)
        chosen = chosen[np.random.default_rng(9).choice(len(chosen), 400, replace=False)]
        ratios = np.array([np.sqrt(((inside - [i, j]) ** 2).sum(axis=1)).min() / distance[i, j]
                           for i, j in chosen])
        self.assertGreaterEqual(ratios.min(), 0.5)
        self.assertLessEqual(ratios.max(), 5.0)
        self.assertGreaterEqual(np.median(ratios), 0.9)
        self.assertLessEqual(np.median(ratios), 1.2)

    def test_the_default_bailout_with_channels_is_256(self):
        _, smooth, distance = reference_channels(40, 40, 100, (-2.0, 1.0, -1.5, 1.5), 256.0)
        np.testing.assert_allclose(self.render(["--size", "40"], "smooth"), smooth, rtol=RTOL,
                                   equal_nan=True)
        np.testing.assert_allclose(self.render(["--size", "40"], "distance"), distance,
                                   rtol=RTOL, equal_nan=True)


class ChannelErrors(ScratchTestCase):
    def check_error(self, args, *words, output="out.npy"):
        result = run(args + ["-o", self.file(output), "-q"])
        self.assertEqual(result.returncode, 2, result.stderr)
        line = result.stderr.decode()
        self.assertTrue(line.startswith("mandelbrot: error: "), line)
        for word in words:
            self.assertIn(word, line)

    def test_bad_requests(self):
        self.check_error(["--channel", "speed"], "--channel", "speed", "smooth, distance")
        # (an -o extension that contradicts --format is its own error: out.png here)
        self.check_error(["--channel", "smooth", "--format", "png"], "--channel smooth",
                         "npy", output="out.png")
        self.check_error(["--channel", "smooth", "--bailout", "1.5"], "--bailout >= 2", "1.5")
        self.check_error(["--channel", "distance", "--family", "tricorn"], "tricorn")
        self.assertEqual(len(list(__import__("os").listdir(self.path))), 0)


if __name__ == "__main__":
    unittest.main()
