"""End-to-end tests of `mandelbrot colour` (docs/SEMANTICS.md, "The colour
subcommand"): saved data coloured again gives the direct render's PNG byte for
byte, for the log, histogram, smooth and distance colourings; bad input."""

import os
import unittest

import numpy as np

from support import ScratchTestCase, png_pixels, run

VIEW = ["--width", "83", "--height", "61", "--iter", "400", "--center", "-0.74,0.16",
        "--radius", "0.3"]


class ColourCommandTest(ScratchTestCase):
    def render(self, args, name):
        path = self.file(name)
        run(["-q", *args, "-o", path], check=True)
        return path

    def read(self, path):
        with open(path, "rb") as f:
            return f.read()

    def colour(self, args):
        out = self.file("coloured.png")
        result = run(["colour", *args, "-o", out])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return self.read(out)

    def test_counts_give_the_direct_png(self):
        exr = self.render(VIEW, "counts.exr")
        npy = self.render(VIEW, "counts.npy")
        raw = self.render(VIEW, "counts.raw")
        for colouring in (["--colouring", "log"], ["--colouring", "histogram"],
                          ["--colormap", "viridis"], ["--scale", "fixed"],
                          ["--colouring", "histogram", "--interior", "white"]):
            with self.subTest(colouring):
                direct = self.read(self.render([*VIEW, *colouring], "direct.png"))
                self.assertEqual(self.colour([exr, *colouring]), direct)
                self.assertEqual(self.colour([npy, *VIEW, *colouring]), direct)
                self.assertEqual(self.colour([raw, *VIEW, *colouring]), direct)

    def test_channels_in_npy_give_the_direct_png(self):
        for colouring, channel in ((["--colouring", "smooth"], "smooth"),
                                   (["--colouring", "smooth", "--palette-period", "20"],
                                    "smooth"),
                                   (["--colouring", "distance"], "distance")):
            with self.subTest(colouring):
                npy = self.render([*VIEW, "--channels", f"count,{channel}"], "data.npy")
                direct = self.read(self.render([*VIEW, *colouring], "direct.png"))
                self.assertEqual(self.colour([npy, *VIEW, *colouring]), direct)

    def test_channels_in_exr_give_the_direct_png_to_float_precision(self):
        exr = self.render([*VIEW, "--channels", "smooth,de"], "data.exr")
        for colouring in (["--colouring", "smooth"], ["--colouring", "distance"],
                          ["--colouring", "smooth", "--palette-period", "20"]):
            with self.subTest(colouring):
                direct = self.read(self.render([*VIEW, *colouring], "direct.png"))
                coloured = self.colour([exr, *colouring])
                a, b = png_pixels(direct), png_pixels(coloured)
                differing = int((a != b).any(axis=2).sum())
                # docs/SEMANTICS.md: only pixels within float rounding of an
                # entry boundary may differ; at most 0.1% of them.
                self.assertLessEqual(differing, a.shape[0] * a.shape[1] // 1000, differing)
                print(f"colour {colouring} from exr: {differing} of {a.shape[0] * a.shape[1]} "
                      "pixels differ from the direct render")

    def test_an_exr_of_a_smooth_render_colours_with_its_parameters(self):
        args = [*VIEW, "--colouring", "smooth", "--colormap", "magma"]
        exr = self.render(args, "smooth.exr")
        coloured = png_pixels(self.colour([exr]))
        direct = png_pixels(self.read(self.render(args, "direct.png")))
        self.assertEqual(coloured.shape, direct.shape)
        self.assertLessEqual(int((coloured != direct).any(axis=2).sum()), 83 * 61 // 1000)

    def test_bad_input(self):
        exr = self.render(VIEW, "counts.exr")
        npy = self.render(VIEW, "counts.npy")
        raw = self.render(VIEW, "counts.raw")
        png = self.render(VIEW, "image.png")
        cases = [
            ([exr, "--colouring", "smooth"], "has no NF channel"),
            ([exr, "--colouring", "distance"], "has no DEX/DEY channels"),
            ([npy, *VIEW, "--colouring", "smooth"], "has no smooth values"),
            ([raw], "holds 20252 bytes, but the raw counts of a 400x400 image are 640000 bytes"),
            ([npy, "--size", "50", "--iter", "400"], "is 83x61, but the render's image is 50x50"),
            ([npy, "--width", "83", "--height", "61", "--iter", "100"], "--iter 100"),
            ([png, *VIEW], "holds image data, not counts"),
            ([self.file("missing.exr")], "missing.exr"),
        ]
        for args, message in cases:
            with self.subTest(message):
                out = self.file("out.png")
                result = run(["colour", *args, "-o", out])
                self.assertEqual(result.returncode, 2, result.stderr.decode())
                stderr = result.stderr.decode()
                self.assertTrue(stderr.startswith("mandelbrot: error: "), stderr)
                self.assertIn(message, stderr)
                self.assertEqual(stderr.count("\n"), 1, stderr)
                self.assertFalse(os.path.exists(out))
        # The input is not overwritten.
        before = self.read(exr)
        result = run(["colour", exr, "-o", exr])
        self.assertEqual(result.returncode, 2)
        self.assertIn("writing it would destroy it", result.stderr.decode())
        self.assertEqual(self.read(exr), before)


if __name__ == "__main__":
    unittest.main()
