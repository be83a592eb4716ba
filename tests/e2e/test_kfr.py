"""Kalles Fraktaler locations as --from inputs (docs/SEMANTICS.md, "Views"): a
.kfr file stands for its centre, the radius 2/Zoom, its iterations and its
formula; the command line overrides them; bad files are one line and exit 2."""

import math
import os
import unittest

import numpy as np

from support import SOURCE_DIR, ScratchTestCase, run

LOCATIONS = os.path.join(SOURCE_DIR, "tests", "data", "kfr")
SHALLOW = "Re: -0.75\nIm: 0.1\nZoom: 4\nIterations: 200\n"


class KfrLocations(ScratchTestCase):
    def write(self, name, text):
        path = self.file(name)
        with open(path, "wb") as f:
            f.write(text.encode("latin-1"))
        return path

    def counts(self, *args):
        out = self.file("out-%d.npy" % len(os.listdir(self.path)))
        run(list(args) + ["-o", out, "-q"], check=True)
        return np.load(out)

    def test_a_location_renders_as_its_centre_radius_and_iterations(self):
        kfr = self.write("shallow.kfr", SHALLOW)
        from_file = self.counts("--from", kfr, "--size", "64")
        by_hand = self.counts("--center", "-0.75,0.1", "--radius", "0.5", "--iter", "200",
                              "--size", "64")
        self.assertEqual(from_file.shape, (64, 64))
        # Points of the set count iterations - 1 (docs/SEMANTICS.md, Counts): the
        # file's 200, not the default 100.
        self.assertEqual(int(from_file.max()), 199)
        np.testing.assert_array_equal(from_file, by_hand)

    def test_the_command_line_overrides_iterations_and_size(self):
        kfr = self.write("shallow.kfr", SHALLOW)
        from_file = self.counts("--from", kfr, "--iter", "37", "--width", "48", "--height", "30")
        by_hand = self.counts("--center", "-0.75,0.1", "--radius", "0.5", "--iter", "37",
                              "--width", "48", "--height", "30")
        self.assertEqual(from_file.shape, (30, 48))
        self.assertEqual(int(from_file.max()), 36)
        np.testing.assert_array_equal(from_file, by_hand)
        # A new view, too.
        moved = self.counts("--from", kfr, "--center", "0.3,0", "--radius", "0.1", "--size", "20")
        np.testing.assert_array_equal(
            moved, self.counts("--center", "0.3,0", "--radius", "0.1", "--iter", "200",
                               "--size", "20"))

    def test_windows_line_ends_formula_and_rotation(self):
        kfr = self.write("w.kfr", "\ufeff".encode().decode("latin-1") +
                         (SHALLOW + "Rotate: -0.5\nRatio: 360.000000\nPower: 3\nColors: 1,2,3,\n"
                          ).replace("\n", "\r\n"))
        np.testing.assert_array_equal(
            self.counts("--from", kfr, "--size", "40"),
            self.counts("--center", "-0.75,0.1", "--radius", "0.5", "--iter", "200", "--angle",
                        repr(0.5 * (180 / math.pi)), "--family", "multibrot", "--power", "3", "--size", "40"))
        ship = self.write("ship.kfr", SHALLOW + "FractalType: 1\n")
        np.testing.assert_array_equal(
            self.counts("--from", ship, "--size", "40"),
            self.counts("--center", "-0.75,0.1", "--radius", "0.5", "--iter", "200", "--family",
                        "burning-ship", "--size", "40"))

    def test_every_benchmark_location_is_read(self):
        # The view is replaced so that the test does not depend on deep views;
        # the file's iterations are kept (and capped by the image's content).
        # (1e1086's Ratio, 381.176471, is ignored, as Kalles Fraktaler ignores it.)
        for name in ["1e14.kfr", "1e50.kfr", "5e113.kfr", "5e227.kfr", "4e533.kfr",
                     "1e1086.kfr"]:
            with self.subTest(name):
                counts = self.counts("--from", os.path.join(LOCATIONS, name), "--center", "-1,0",
                                     "--radius", "0.25", "--size", "8")
                self.assertEqual(counts.shape, (8, 8))

    def test_bad_files_are_one_line_and_exit_2(self):
        cases = [
            ("Re: -0.75\nIm: 0.1\n", "has no 'Zoom:' line"),
            ("Re: -0.75\nZoom: 4\n", "has no 'Im:' line"),
            ("Re: -0.75\nIm: 0.1\nZoom: 0\n", "line 3 ('Zoom: 0'): Zoom must be greater than 0"),
            ("Re: -0.75\nIm: 0.1\nZoom: -1e5\n",
             "line 3 ('Zoom: -1e5'): Zoom must be greater than 0"),
            ("Re: -0.75\nIm: 0,1\nZoom: 4\n", "line 2 ('Im: 0,1'): Im must be a decimal number"),
            ("Re: -0.75\nIm: 0.1\nZoom: 4\nRe: 1\n", "line 4 ('Re: 1'): 'Re' is given a second"),
            ("Re: -0.75\nIm: 0.1\nZoom 4\n", "line 3 ('Zoom 4'): not a 'Key: value' line"),
            (SHALLOW + "Iterations: 0\n", "'Iterations' is given a second time"),
            ("Re: -0.75\nIm: 0.1\nZoom: 4\nIterations: 0\n",
             "line 4 ('Iterations: 0'): Iterations must be between 1 and 2147483647"),
            ("Re: -0.75\nIm: 0.1\nZoom: 4\nIterations: 1.5\n",
             "line 4 ('Iterations: 1.5'): Iterations must be a whole number"),
            (SHALLOW + "Power: 12\n", "line 5 ('Power: 12'): Power must be between 2 and 8"),
            (SHALLOW + "FractalType: 3\n",
             "line 5 ('FractalType: 3'): FractalType 3 is not a family"),
            (SHALLOW + "Ratio: wide\n", "line 5 ('Ratio: wide')"),
            ("Re: " + "1" * 200 + "x\nIm: 0\nZoom: 4\n", "line 1 ('Re: " + "1" * 56 + "...')"),
        ]
        for i, (text, expected) in enumerate(cases):
            with self.subTest(expected):
                kfr = self.write(f"bad-{i}.kfr", text)
                out = self.file(f"bad-{i}.png")
                result = run(["--from", kfr, "--size", "8", "-o", out])
                stderr = result.stderr.decode()
                self.assertEqual(result.returncode, 2, stderr)
                self.assertTrue(stderr.startswith(f"mandelbrot: error: --from: '{kfr}'"), stderr)
                self.assertIn(expected, stderr)
                self.assertEqual(stderr.count("\n"), 1, stderr)
                self.assertFalse(os.path.exists(out))

    def test_a_huge_file_is_refused(self):
        kfr = self.write("huge.kfr", SHALLOW + "Colors: " + "1," * 600000 + "\n")
        out = self.file("huge.png")
        result = run(["--from", kfr, "-o", out])
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("1048576", result.stderr.decode())
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
