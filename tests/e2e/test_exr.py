"""End-to-end tests of exr output (docs/SEMANTICS.md, "EXR"), read back with an
independent reader (exr_file.py): every channel and value against the counts
and channels of the same render, the parameters in the header for --from and
info, exr tiles joined in any order by assemble, and bad input."""

import json
import os
import random
import struct
import unittest

import numpy as np

from exr_file import int_attribute, read_exr, string_attribute
from support import ScratchTestCase, png_pixels, run

VIEW = ["--width", "61", "--height", "47", "--iter", "300", "--center", "-0.75,0.1",
        "--radius", "1.2"]


def srgb_to_linear(v):
    c = v.astype(np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


class ExrTest(ScratchTestCase):
    def render(self, args, name):
        path = self.file(name)
        run(["-q", *args, "-o", path], check=True)
        with open(path, "rb") as f:
            return f.read()

    def test_every_channel_and_value_matches_the_render(self):
        attributes, channels = read_exr(self.render([*VIEW, "--channels", "smooth,de"], "a.exr"))
        self.render([*VIEW, "--channels", "count,smooth,distance"], "a.npy")
        records = np.load(self.file("a.npy"))
        counts, smooth, distance = records["count"], records["smooth"], records["distance"]
        self.assertEqual(sorted(channels), ["B", "DEX", "DEY", "G", "N", "NF", "R"])
        self.assertEqual(channels["N"].dtype, np.dtype("<u4"))
        self.assertEqual(channels["R"].dtype, np.dtype("<f2"))
        inside = counts == 299
        self.assertTrue(inside.any() and (~inside).any())
        # N: the count, 0xFFFFFFFF where the point never escaped.
        np.testing.assert_array_equal(channels["N"], np.where(inside, 0xFFFFFFFF, counts))
        # NF: Kalles Fraktaler's fractional part, from the smooth value (bailout 256).
        offset = np.log2(np.log(256.0))
        with np.errstate(invalid="ignore"):
            nf = np.where(inside, 0.0, (smooth - (counts + 1.0)) + offset).astype(np.float32)
        np.testing.assert_array_equal(channels["NF"], nf)
        self.assertTrue((channels["NF"][~inside] >= 0).all())
        self.assertTrue((channels["NF"][~inside] < 1).all())
        # DEX, DEY: the distance estimate in pixels along x.
        np.testing.assert_array_equal(channels["DEX"],
                                      np.where(inside, 0.0, distance).astype(np.float32))
        np.testing.assert_array_equal(channels["DEY"], np.zeros_like(channels["DEY"]))
        # R, G, B: the PNG's colours in linear light, as half floats.
        rgb = png_pixels(self.render([*VIEW, "--bailout", "256"], "a.png"))
        for index, name in enumerate("RGB"):
            expected = srgb_to_linear(rgb[:, :, index]).astype(np.float32).astype(np.float16)
            np.testing.assert_array_equal(channels[name], expected, err_msg=name)
        self.assertEqual(int_attribute(attributes, "Iterations"), 300)
        self.assertEqual(int_attribute(attributes, "IterationsBias"), 0)

    def test_only_the_channels_the_render_has(self):
        _, channels = read_exr(self.render(VIEW, "plain.exr"))
        self.assertEqual(sorted(channels), ["B", "G", "N", "R"])
        _, channels = read_exr(self.render([*VIEW, "--colouring", "smooth"], "smooth.exr"))
        self.assertEqual(sorted(channels), ["B", "G", "N", "NF", "R"])
        _, channels = read_exr(self.render([*VIEW, "--channels", "de"], "de.exr"))
        self.assertEqual(sorted(channels), ["B", "DEX", "DEY", "G", "N", "R"])

    def test_format_by_name_or_option_and_to_stdout(self):
        by_extension = self.render(VIEW, "x.exr")
        by_option = self.render([*VIEW, "--format", "exr"], "x.data")
        self.assertEqual(by_extension, by_option)
        result = run([*VIEW, "--format", "exr", "-o", "-"], check=True)
        self.assertEqual(result.stdout, by_extension)
        # The same bytes for any thread count, with every channel, held or in two passes.
        args = [*VIEW, "--channels", "smooth,de"]
        one = self.render([*args, "--threads", "1"], "one.exr")
        self.assertEqual(self.render([*args, "--threads", "2"], "two.exr"), one)
        # Larger than a band: several bands, the same counts as npy.
        args = ["--width", "700", "--height", "900", "--iter", "60"]
        _, channels = read_exr(self.render(args, "big.exr"))
        self.render(args, "big.npy")
        counts = np.load(self.file("big.npy"))
        np.testing.assert_array_equal(channels["N"], np.where(counts == 59, 0xFFFFFFFF, counts))

    def test_header_carries_the_view_for_from_and_info(self):
        path = self.file("view.exr")
        args = [*VIEW, "--colormap", "viridis", "--colouring", "smooth"]
        attributes, _ = read_exr(self.render(args, "view.exr"))
        self.assertEqual(string_attribute(attributes, "mandelbrot.view.center_x"), "-0.75")
        self.assertEqual(string_attribute(attributes, "mandelbrot.view.center_y"), "0.1")
        self.assertEqual(string_attribute(attributes, "mandelbrot.view.radius"), "1.2")
        self.assertEqual(string_attribute(attributes, "mandelbrot.iterations"), "300")
        params = json.loads(string_attribute(attributes, "mandelbrot"))
        self.assertNotIn("hash", params)
        info = json.loads(run(["info", "--json", path], check=True).stdout)
        self.assertEqual(info["format"], "exr")
        self.assertEqual((info["width"], info["height"]), (61, 47))
        self.assertEqual(info["parameters"]["view"]["center_x"], "-0.75")
        self.assertEqual(info["max_count"], 299)
        text = run(["info", path], check=True).stdout.decode()
        self.assertIn("exr counts, 61x47", text)
        self.assertIn("view.radius: 1.2", text)
        # --from the exr renders the same image as the options.
        again = self.file("again.png")
        run(["-q", "--from", path, "-o", again], check=True)
        direct = self.render(args, "direct.png")
        with open(again, "rb") as f:
            self.assertEqual(f.read(), direct)

    def test_compare_reads_the_counts(self):
        self.render(VIEW, "c.exr")
        self.render(VIEW, "c.npy")
        result = run(["compare", self.file("c.exr"), self.file("c.npy")])
        self.assertEqual(result.returncode, 0, result.stderr.decode() + result.stdout.decode())
        self.render([*VIEW[:-1], "1.1"], "d.npy")
        result = run(["compare", self.file("c.exr"), self.file("d.npy")])
        self.assertEqual(result.returncode, 1, result.stderr.decode())

    def test_a_julia_exr_records_its_family(self):
        attributes, _ = read_exr(self.render(["--size", "20", "--julia", "-0.8,0.156"], "j.exr"))
        self.assertEqual(string_attribute(attributes, "mandelbrot.family"), "julia")
        self.assertEqual(string_attribute(attributes, "mandelbrot.julia"), "-0.8,0.156")

    def test_bad_input(self):
        cases = [
            (["--channels", "smooth", "-o", self.file("x.png")], "needs --format exr or npy"),
            (["--channels", "smooth", "-o", self.file("x.raw")], "needs --format exr or npy"),
            (["--channels", "bogus", "-o", self.file("x.exr")], "unknown channel 'bogus'"),
            (["--channels", "smooth,smooth", "-o", self.file("x.exr")], "twice"),
            (["--channel", "smooth", "--channels", "de", "-o", self.file("x.npy")],
             "give one of them"),
        ]
        for args, message in cases:
            with self.subTest(args):
                result = run(["--size", "10", *args])
                self.assertEqual(result.returncode, 2)
                stderr = result.stderr.decode()
                self.assertTrue(stderr.startswith("mandelbrot: error: "), stderr)
                self.assertIn(message, stderr)
                self.assertEqual(stderr.count("\n"), 1, stderr)
                self.assertFalse(os.path.exists(args[-1]))

    def test_unreadable_and_corrupt_exr(self):
        good = self.render(VIEW, "good.exr")
        truncated = self.file("truncated.exr")
        with open(truncated, "wb") as f:
            f.write(good[:len(good) // 2])
        garbage = self.file("garbage.exr")
        with open(garbage, "wb") as f:
            f.write(good[:4] + b"\xff" * 300)
        # Headers claiming huge images: refused before anything that size is held.
        window = good.index(b"dataWindow\0box2i\0") + len(b"dataWindow\0box2i\0") + 4
        claims = []
        for name, rows in (("tall", 2 ** 30), ("million", 10 ** 6)):
            path = self.file(f"{name}.exr")
            with open(path, "wb") as f:
                f.write(good[:window] + struct.pack("<4i", 0, 0, 60, rows - 1) +
                        good[window + 16:])
            claims.append(path)
        for path in (truncated, garbage, self.file("missing.exr"), *claims):
            commands = [["info", path], ["colour", path, "-o", self.file("o.png")]]
            if path != truncated:  # --from reads the header only, which is whole
                commands.append(["-q", "--from", path, "-o", self.file("o.png")])
            for command in commands:
                with self.subTest(command):
                    result = run(command)
                    self.assertEqual(result.returncode, 2, result.stderr.decode())
                    stderr = result.stderr.decode()
                    self.assertTrue(stderr.startswith("mandelbrot: error: "), stderr)
                    self.assertIn(os.path.basename(path), stderr)
                    self.assertFalse(os.path.exists(self.file("o.png")))


class ExrTilesTest(ScratchTestCase):
    ARGS = ["--width", "71", "--height", "45", "--iter", "200"]

    def tiles(self, args, nx=3, ny=2, ext="exr"):
        paths = []
        for j in range(ny):
            for i in range(nx):
                path = self.file(f"tile-{i}-{j}.{ext}")
                run(["-q", *args, "--tiles", f"{nx},{ny}", "--tile", f"{i},{j}", "-o", path],
                    check=True)
                paths.append(path)
        return paths

    def test_a_tile_records_its_place(self):
        with open(self.tiles(self.ARGS)[4], "rb") as f:
            attributes, channels = read_exr(f.read())
        self.assertEqual(string_attribute(attributes, "mandelbrot.tiles"), "3,2")
        self.assertEqual(string_attribute(attributes, "mandelbrot.tile"), "1,1")
        self.assertEqual(channels["N"].shape, (45 - 22, 47 - 23))

    def test_shuffled_tiles_give_the_whole_renders_bytes(self):
        tiles = self.tiles(self.ARGS)
        random.Random(7).shuffle(tiles)
        for fmt in ("png", "npy", "exr", "ppm"):
            with self.subTest(fmt):
                whole = self.file(f"whole.{fmt}")
                joined = self.file(f"joined.{fmt}")
                run(["-q", *self.ARGS, "-o", whole], check=True)
                result = run(["assemble", "--tiles", "3,2", *tiles, "-o", joined])
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                with open(whole, "rb") as a, open(joined, "rb") as b:
                    self.assertEqual(a.read(), b.read())

    def test_smooth_tiles_join_with_their_channels(self):
        args = [*self.ARGS, "--colouring", "smooth"]
        tiles = self.tiles(args, 2, 3)
        random.Random(3).shuffle(tiles)
        whole = self.file("whole.npy")
        run(["-q", *args, "--channels", "count,smooth", "-o", whole], check=True)
        joined = self.file("joined.npy")
        run(["assemble", "--tiles", "2,3", "--channels", "count,smooth", *tiles, "-o", joined],
            check=True)
        a, b = np.load(whole), np.load(joined)
        np.testing.assert_array_equal(a["count"], b["count"])
        escaped = a["count"] != 199
        np.testing.assert_allclose(a["smooth"][escaped], b["smooth"][escaped], rtol=0,
                                   atol=1e-5)

    def test_missing_duplicate_and_foreign_tiles(self):
        tiles = self.tiles(self.ARGS)
        foreign = self.file("foreign.exr")
        run(["-q", "--width", "71", "--height", "45", "--iter", "201", "--tiles", "3,2",
             "--tile", "1,0", "-o", foreign], check=True)
        other_grid = self.file("grid.exr")
        run(["-q", *self.ARGS, "--tiles", "2,2", "--tile", "1,0", "-o", other_grid], check=True)
        npy = self.file("t.npy")
        run(["-q", *self.ARGS, "--tiles", "3,2", "--tile", "1,0", "-o", npy], check=True)
        cases = [
            (tiles[:-1], "tile 2,1 of --tiles 3,2 is missing (5 of 6 tiles given)"),
            ([*tiles[:-1], tiles[0]], "are both tile 0,0"),
            ([foreign, *tiles[:1], *tiles[2:]], "different renders: iterations 201 vs 200"),
            ([*tiles[:-1], other_grid], "is a tile of --tiles 2,2, not of --tiles 3,2"),
            ([*tiles[:-1], npy], "cannot be joined with tiles of another format"),
        ]
        for given, message in cases:
            with self.subTest(message):
                out = self.file("out.png")
                result = run(["assemble", "--tiles", "3,2", *given, "-o", out])
                self.assertEqual(result.returncode, 2, result.stderr.decode())
                stderr = result.stderr.decode()
                self.assertTrue(stderr.startswith("mandelbrot: error: "), stderr)
                self.assertIn(message, stderr)
                self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
