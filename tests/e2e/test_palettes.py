"""Palettes and cyclic gradients (docs/SEMANTICS.md, "Palettes"): --palette
files in the stops format and in Kalles Fraktaler's .kfp format, checked
against a NumPy implementation of the same gradient and index formulas;
--palette-period and --palette-offset on the smooth value; the parameters they
leave in the PNG for --from; and the errors for bad palettes and options."""

import io
import json
import os
import unittest

import matplotlib
import numpy as np

from support import SOURCE_DIR, ScratchTestCase, png_pixels, run

KFP = os.path.join(SOURCE_DIR, "tests", "data", "kfp")
SMOOTH_BAILOUT = "256"  # the default bailout with a channel (docs/SEMANTICS.md, "Channels")

# name, arguments: the views the palettes are checked at.
VIEWS = [
    ("classic", ["--size", "120", "--iter", "300"]),
    ("seahorse", ["--width", "100", "--height", "70", "--center", "-0.75,0.1", "--radius",
                  "0.05", "--iter", "400"]),
    ("julia", ["--size", "90", "--julia", "-0.8,0.156", "--iter", "300"]),
]


def gradient(stops, t):
    """The gradient of docs/SEMANTICS.md at positions t: linear in the bytes
    between the stops around t, rounded half up, clamped outside them."""
    positions = np.array([p for p, _ in stops])
    colours = np.array([c for _, c in stops], dtype=float)
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=float), nan=0.0), 0.0, 1.0)
    after = np.searchsorted(positions, t, side="right")
    hi = np.minimum(after, len(stops) - 1)
    lo = np.maximum(after - 1, 0)
    span = positions[hi] - positions[lo]
    f = np.where(span > 0, (t - positions[lo]) / np.where(span > 0, span, 1.0), 0.0)
    v = colours[lo] + f[..., None] * (colours[hi] - colours[lo])
    return np.floor(v + 0.5).astype(np.uint8)


def kfp_stops(colours):
    """Kalles Fraktaler's key colours spaced evenly, wrapping to the first."""
    n = len(colours)
    return [(k / n, colours[k % n]) for k in range(n + 1)]


def read_kfp_colours(path):
    with open(path, "rb") as f:
        for line in f.read().decode("latin-1").splitlines():
            if line.strip().startswith("Colors:"):
                values = [int(v) for v in line.split(":", 1)[1].split(",") if v.strip()]
                return [tuple(values[i:i + 3]) for i in range(0, len(values), 3)]
    raise ValueError(path)


def image_indices(counts, size):
    """The image scale's index (docs/SEMANTICS.md, "The image scale"), in NumPy."""
    positive = counts[counts >= 1]
    low, high = positive.min(), counts.max()
    if low == high:
        return np.zeros(counts.shape, dtype=int)
    c = np.clip(counts, low, high)
    x = (np.log(c) - np.log(low)) / (np.log(high) - np.log(low)) * size
    return np.where(counts < 1, 0, np.minimum(size - 1, x.astype(int)))


class Palettes(ScratchTestCase):
    def render(self, args, fmt="png"):
        return run(args + ["--format", fmt, "-o", "-", "-q"], check=True).stdout

    def npy(self, args):
        return np.load(io.BytesIO(self.render(args, "npy")))

    def write(self, name, text):
        path = self.file(name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def assert_close(self, ours, expected, name, levels=0):
        self.assertEqual(ours.shape, expected.shape, name)
        difference = np.abs(ours.astype(int) - expected.astype(int)).max(axis=2)
        # An index within rounding of an integer may be the neighbouring entry
        # (the C library's log and NumPy's differ in the last bit): 0.1% at most.
        off = np.count_nonzero(difference > levels)
        self.assertLessEqual(off, max(2, difference.size // 1000),
                             f"{name}: {off} pixels off, up to {difference.max()} levels")

    def test_a_palette_of_a_maps_entries_is_that_map(self):
        """Stops at i / 255 with viridis's entries: the palette's 256-entry
        table is viridis's own, so every colouring gives the map's bytes."""
        table = matplotlib.colormaps["viridis"](np.arange(256), bytes=True)[:, :3]
        path = self.write("viridis.txt", "# viridis as stops\n" + "".join(
            "%r #%02x%02x%02x\n" % (i / 255, *table[i]) for i in range(256)))
        for name, args in VIEWS:
            for colouring in (["--colouring", "log"], ["--colouring", "histogram"],
                              ["--colouring", "smooth"], ["--scale", "fixed"]):
                with self.subTest(view=name, colouring=colouring):
                    ours = png_pixels(self.render(args + colouring + ["--palette", path]))
                    theirs = png_pixels(self.render(args + colouring + ["--colormap", "viridis"]))
                    np.testing.assert_array_equal(ours, theirs)

    def test_a_stops_palette_against_numpy(self):
        stops = [(0.0, (0, 0, 40)), (0.3, (200, 30, 10)), (0.3, (250, 250, 0)),
                 (0.8, (255, 255, 255)), (1.0, (0, 90, 0))]
        path = self.write("p.txt", "".join("%r #%02x%02x%02x  # stop\n" % (p, *c)
                                           for p, c in stops))
        table = gradient(stops, np.arange(256) / 255)
        for name, args in VIEWS:
            with self.subTest(name):
                counts = self.npy(args)
                ours = png_pixels(self.render(args + ["--palette", path]))
                self.assert_close(ours, table[image_indices(counts, 256)], name)

    def test_a_real_kfp_palette_against_numpy(self):
        """palette_1.kfp from Kalles Fraktaler 2+ (tests/data/kfp/README.md)."""
        path = os.path.join(KFP, "palette_1.kfp")
        colours = read_kfp_colours(path)
        self.assertEqual(len(colours), 14)
        table = gradient(kfp_stops(colours), np.arange(256) / 255)
        for name, args in VIEWS:
            with self.subTest(name):
                counts = self.npy(args)
                ours = png_pixels(self.render(args + ["--palette", path]))
                self.assert_close(ours, table[image_indices(counts, 256)], name)

    def cyclic_expected(self, args, period, offset, colour_of, interior):
        smooth = self.npy(args + ["--channel", "smooth"])
        counts = self.npy(args + ["--bailout", SMOOTH_BAILOUT])
        iterations = int(args[args.index("--iter") + 1])
        u = (smooth + offset * period) / period
        t = np.where(np.isfinite(smooth), u - np.floor(u), 0.0)
        expected = colour_of(t)
        expected[counts == iterations - 1] = interior
        return expected

    def test_cyclic_gradient_of_a_palette_against_numpy(self):
        path = os.path.join(KFP, "palette_1.kfp")
        stops = kfp_stops(read_kfp_colours(path))
        for name, args in VIEWS:
            for period, offset in ((7.5, 0.0), (30.0, 0.3), (2.0, -1.25)):
                with self.subTest(view=name, period=period, offset=offset):
                    expected = self.cyclic_expected(args, period, offset,
                                                    lambda t: gradient(stops, t),
                                                    gradient(stops, 1.0))
                    ours = png_pixels(self.render(
                        args + ["--colouring", "smooth", "--palette", path, "--palette-period",
                                repr(period), "--palette-offset", repr(offset)]))
                    # Interpolation may round the other way where the C
                    # library's and NumPy's arithmetic differ in the last bit.
                    self.assert_close(ours, expected, name, levels=1)

    def test_cyclic_gradient_of_a_map_against_numpy(self):
        table = matplotlib.colormaps["twilight"](np.arange(510), bytes=True)[:, :3]
        for name, args in VIEWS:
            with self.subTest(name):
                expected = self.cyclic_expected(
                    args, 12.0, 0.5,
                    lambda t: table[np.minimum(509, (np.minimum(t, 1.0) * 510).astype(int))],
                    (1, 2, 3))
                ours = png_pixels(self.render(
                    args + ["--colouring", "smooth", "--colormap", "twilight", "--palette-period",
                            "12", "--palette-offset", "0.5", "--interior", "#010203"]))
                self.assert_close(ours, expected, name)

    def test_the_cycle_repeats_every_period(self):
        """An offset of a whole period changes nothing (but where (s + O P) / P
        rounds across an entry's edge); half a period changes most pixels."""
        args = VIEWS[0][1] + ["--colouring", "smooth", "--colormap", "twilight",
                              "--palette-period", "10"]
        plain = png_pixels(self.render(args))
        for offset in ("1", "-2"):
            self.assert_close(png_pixels(self.render(args + ["--palette-offset", offset])),
                              plain, offset)
        half = png_pixels(self.render(args + ["--palette-offset", "0.5"]))
        self.assertGreater(np.count_nonzero((half != plain).any(axis=2)), plain.size // 6)

    def test_same_bytes_for_any_thread_count(self):
        path = os.path.join(KFP, "palette_1.kfp")
        for extra in (["--palette", path],
                      ["--palette", path, "--colouring", "histogram"],
                      ["--palette", path, "--colouring", "smooth", "--palette-period", "9"],
                      ["--colormap", "inferno", "--colouring", "smooth"]):
            with self.subTest(extra):
                args = ["--size", "200", "--iter", "400"] + extra
                one = self.render(args + ["--threads", "1"])
                self.assertEqual(self.render(args + ["--threads", "2"]), one)
                self.assertEqual(self.render(args + ["--threads", "3"]), one)

    def test_from_reads_the_palette_and_period_back(self):
        path = os.path.join(KFP, "palette_1.kfp")
        png = self.file("cyclic.png")
        report = json.loads(run(["--size", "80", "--colouring", "smooth", "--palette", path,
                                 "--palette-period", "0.1", "--palette-offset", "0.3", "-o", png,
                                 "--json"], check=True).stdout)
        self.assertNotIn("colormap", report)
        self.assertEqual(len(report["palette"]), 15)
        self.assertEqual(report["palette"][0], [0, "#0000ff"])
        self.assertEqual((report["palette_period"], report["palette_offset"]), ("0.1", "0.3"))
        again = self.file("again.png")
        run(["--from", png, "-o", again, "-q"], check=True)
        with open(png, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())
        # A map on the command line replaces the recorded palette.
        viridis = self.file("viridis.png")
        run(["--from", png, "--colormap", "viridis", "-o", viridis, "-q"], check=True)
        direct = self.render(["--size", "80", "--colouring", "smooth", "--colormap", "viridis",
                              "--palette-period", "0.1", "--palette-offset", "0.3"])
        with open(viridis, "rb") as f:
            self.assertEqual(png_pixels(f.read()).tobytes(), png_pixels(direct).tobytes())

    def test_palette_options_warn_on_outputs_without_colours(self):
        result = run(["--size", "16", "--palette", os.path.join(KFP, "palette_1.kfp"),
                      "--format", "npy", "-o", self.file("c.npy")], check=True)
        self.assertIn("--palette has no effect on npy output", result.stderr.decode())


class PaletteErrors(ScratchTestCase):
    def check_error(self, args, *words):
        out = self.file("out.png")
        result = run(args + ["-o", out, "-q"])
        self.assertEqual(result.returncode, 2, result.stderr)
        line = result.stderr.decode()
        self.assertTrue(line.startswith("mandelbrot: error: "), line)
        self.assertEqual(line.count("\n"), 1, line)
        for word in words:
            self.assertIn(word, line)
        self.assertFalse(os.path.exists(out))

    def write(self, name, data):
        path = self.file(name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_unknown_map_lists_the_valid_names(self):
        self.check_error(["--colormap", "jet"], "--colormap", "'jet'",
                         "hot, gray, viridis, magma, inferno, plasma, cividis, twilight")

    def test_missing_empty_and_malformed_palette_files(self):
        missing = os.path.join(self.path, "nowhere.txt")
        self.check_error(["--palette", missing], "--palette", "nowhere.txt")
        empty = self.write("empty.txt", b"")
        self.check_error(["--palette", empty], "empty.txt", "has no colour stops")
        comments = self.write("comments.txt", b"# nothing\n\n")
        self.check_error(["--palette", comments], "comments.txt", "has no colour stops")
        bad = self.write("bad.txt", b"0 #000000\n# ok\n0.5 #ff00zz\n1 #ffffff\n")
        self.check_error(["--palette", bad], "bad.txt", "line 3", "0.5 #ff00zz", "POSITION #rrggbb")
        order = self.write("order.txt", b"0 #000000\n0.7 #ffffff\n0.2 #ffffff\n")
        self.check_error(["--palette", order], "order.txt", "line 3", "smaller than the one before")
        outside = self.write("outside.txt", b"0 #000000\n1.01 #ffffff\n")
        self.check_error(["--palette", outside], "line 2", "outside [0, 1]")
        binary = self.write("binary.txt", b"\x00\xff\x89PNG\n")
        self.check_error(["--palette", binary], "binary.txt", "line 1")
        self.check_error(["--palette", self.path], "--palette")  # a directory

    def test_malformed_kfp_palettes(self):
        none = self.write("none.kfp", b"Re: 0\r\nIm: 0\r\n")
        self.check_error(["--palette", none], "none.kfp", "has no 'Colors:' line")
        empty = self.write("empty.kfp", b"Re: 0\nColors: \n")
        self.check_error(["--palette", empty], "empty.kfp", "line 2", "no key colours")
        partial = self.write("partial.kfp", b"Re: 0\nIm: 0\nColors: 1,2,3,4,\n")
        self.check_error(["--palette", partial], "partial.kfp", "line 3", "R,G,B triples")
        big = self.write("big.kfp", b"Colors: 0,0,256,\n")
        self.check_error(["--palette", big], "big.kfp", "line 1", "'256'", "0 to 255")

    def test_bad_palette_options(self):
        kfp = os.path.join(KFP, "palette_1.kfp")
        self.check_error(["--palette", kfp, "--colormap", "hot"], "--palette", "--colormap")
        self.check_error(["--palette-period", "10"], "--palette-period",
                         "--colouring smooth", "not --colouring log")
        self.check_error(["--colouring", "histogram", "--palette-period", "10"],
                         "not --colouring histogram")
        self.check_error(["--colouring", "smooth", "--palette-period", "0"],
                         "--palette-period must be > 0, got '0'")
        self.check_error(["--colouring", "smooth", "--palette-period", "nan"],
                         "--palette-period", "'nan'")
        self.check_error(["--colouring", "smooth", "--palette-offset", "0.5"],
                         "--palette-offset needs --palette-period")
        self.check_error(["--colouring", "smooth", "--palette-period", "5", "--palette-offset",
                          "half"], "--palette-offset", "'half'")


if __name__ == "__main__":
    unittest.main()
