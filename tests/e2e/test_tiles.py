"""End-to-end tests of tiles (docs/SEMANTICS.md, "Tiles"): every tile of a
3x2 split is the same rectangle of the whole render, for the direct and the
perturbation methods; `assemble` gives the whole render's bytes in every
format; missing, duplicate and foreign tiles are clear errors."""

import json
import os
import unittest

import numpy as np

from support import ScratchTestCase, run

# Next to Kalles Fraktaler's 1e14 location: the centre escapes, so the
# perturbation render takes a second reference (docs/SEMANTICS.md, "Deep zoom").
DEEP = ["--center", "-1.7598171308043478136108250105617982382439999999999999999998,"
        "-0.01259331079974986538374663184326485845034", "--radius", "2e-15",
        "--iter", "4036"]

VIEWS = {
    "classic": ["--width", "71", "--height", "45", "--iter", "200"],
    "rotated julia": ["--width", "50", "--height", "40", "--julia", "-0.8,0.156",
                      "--radius", "1.2", "--angle", "17", "--iter", "300"],
    "burning ship": ["--width", "40", "--height", "40", "--family", "burning-ship",
                     "--center", "-1.76,-0.03", "--radius", "0.05", "--iter", "300"],
    "deep": ["--size", "48", *DEEP],
}


def tile_rect(width, height, nx, ny, i, j):
    """docs/SEMANTICS.md, "Tiles": floor of the proportion."""
    x0, x1 = i * width // nx, (i + 1) * width // nx
    y0, y1 = j * height // ny, (j + 1) * height // ny
    return x0, y0, x1 - x0, y1 - y0


class TilesTest(ScratchTestCase):
    def tiles(self, args, ext, nx=3, ny=2):
        paths = []
        for j in range(ny):
            for i in range(nx):
                path = self.file(f"tile-{i}-{j}.{ext}")
                run(["-q", *args, "--tiles", f"{nx},{ny}", "--tile", f"{i},{j}", "-o", path],
                    check=True)
                paths.append(path)
        return paths

    def test_every_tile_is_the_whole_renders_rectangle(self):
        for name, args in VIEWS.items():
            with self.subTest(name):
                whole = self.file("whole.npy")
                report = json.loads(run([*args, "--json", "-o", whole], check=True).stdout)
                counts = np.load(whole)
                height, width = counts.shape
                if name == "deep":
                    self.assertEqual(report["method"], "perturbation")
                    self.assertGreater(report["deep"]["references"], 1)
                tiles = self.tiles(args, "npy")
                for j in range(2):
                    for i in range(3):
                        x, y, w, h = tile_rect(width, height, 3, 2, i, j)
                        tile = np.load(tiles[j * 3 + i])
                        self.assertEqual(tile.shape, (h, w))
                        np.testing.assert_array_equal(tile, counts[y:y + h, x:x + w],
                                                      err_msg=f"{name} tile {i},{j}")

    def test_smooth_channel_tiles_are_the_whole_renders(self):
        args = ["--width", "45", "--height", "30", "--iter", "200", "--channel", "smooth"]
        whole = self.file("whole.npy")
        run(["-q", *args, "-o", whole], check=True)
        smooth = np.load(whole)
        for index, path in enumerate(self.tiles(args, "npy", 2, 3)):
            i, j = index % 2, index // 2
            x, y, w, h = tile_rect(45, 30, 2, 3, i, j)
            np.testing.assert_array_equal(np.load(path), smooth[y:y + h, x:x + w])

    def test_assemble_gives_the_whole_renders_bytes(self):
        args = VIEWS["classic"]
        for ext in ("npy", "raw"):
            tiles = self.tiles(args, ext)
            for fmt in ("png", "ppm", "pgm", "pbm", "npy", "raw"):
                with self.subTest(f"{ext} tiles to {fmt}"):
                    whole = self.file(f"whole.{fmt}")
                    joined = self.file(f"joined.{fmt}")
                    run(["-q", *args, "-o", whole], check=True)
                    result = run(["assemble", *args, "--tiles", "3,2", *tiles, "-o", joined])
                    self.assertEqual(result.returncode, 0, result.stderr.decode())
                    with open(whole, "rb") as a, open(joined, "rb") as b:
                        self.assertEqual(a.read(), b.read())

    def test_assemble_deep_tiles_with_their_parameters(self):
        tiles = self.tiles(VIEWS["deep"], "npy")
        run(["-q", *VIEWS["deep"], "-o", self.file("whole.png")], check=True)
        result = run(["assemble", *VIEWS["deep"], "--tiles", "3,2", *tiles, "--hash", "-o",
                      self.file("joined.png")], check=True)
        with open(self.file("whole.png"), "rb") as a, open(self.file("joined.png"), "rb") as b:
            self.assertEqual(a.read(), b.read())
        # The joined PNG carries the whole render's parameters: it verifies.
        verify = run(["verify", self.file("joined.png")])
        self.assertEqual(verify.returncode, 0, verify.stderr.decode())
        self.assertTrue(result.stdout.decode().startswith("xxh3-128:"))

    def test_a_png_tile_re_renders_from_its_parameters(self):
        tile = self.file("tile.png")
        run(["-q", *VIEWS["classic"], "--tiles", "3,2", "--tile", "2,1", "--scale", "fixed",
             "-o", tile], check=True)
        info = json.loads(run(["info", "--json", tile], check=True).stdout)
        self.assertEqual(info["parameters"]["tiles"], "3,2")
        self.assertEqual(info["parameters"]["tile"], "2,1")
        self.assertEqual((info["parameters"]["width"], info["parameters"]["height"]), (71, 45))
        again = self.file("again.png")
        run(["-q", "--from", tile, "-o", again], check=True)
        with open(tile, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_a_coloured_tile_warns_that_its_scale_is_its_own(self):
        result = run([*VIEWS["classic"], "--tiles", "3,2", "--tile", "0,0", "-o",
                      self.file("t.png")], check=True)
        self.assertIn("scaled to the tile's own counts", result.stderr.decode())
        quiet = run([*VIEWS["classic"], "--tiles", "3,2", "--tile", "0,0", "--scale", "fixed",
                     "-o", self.file("t.png")], check=True)
        self.assertNotIn("warning", quiet.stderr.decode())

    def expect_usage_error(self, args, says, output=None):
        result = run(args)
        err = result.stderr.decode()
        self.assertEqual(result.returncode, 2, err)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertIn(says, err)
        if output:
            self.assertFalse(os.path.exists(output), output)

    def test_bad_tile_options(self):
        out = self.file("t.npy")
        base = [*VIEWS["classic"], "-o", out]
        self.expect_usage_error([*base, "--tiles", "3,2"], "--tiles needs --tile too", out)
        self.expect_usage_error([*base, "--tile", "0,0"], "--tile needs --tiles too", out)
        self.expect_usage_error([*base, "--tiles", "3,2", "--tile", "3,0"],
                                "--tile 3,0 is outside --tiles 3,2", out)
        self.expect_usage_error([*base, "--tiles", "0,2", "--tile", "0,0"],
                                "--tiles values must be from 1", out)
        self.expect_usage_error([*base, "--tiles", "72,1", "--tile", "0,0"],
                                "into tiles with no pixels", out)
        self.expect_usage_error([*base, "--tiles", "3x2", "--tile", "0,0"],
                                "--tiles needs two integers", out)

    def test_missing_duplicate_and_foreign_tiles(self):
        args = VIEWS["classic"]
        tiles = self.tiles(args, "npy")
        out = self.file("out.png")
        assemble = ["assemble", *args, "--tiles", "3,2", "-o", out]
        self.expect_usage_error([*assemble, *tiles[:5]], "needs 6 tile files", out)
        duplicate = tiles[:4] + [tiles[3], tiles[5]]
        self.expect_usage_error([*assemble, *duplicate], "are the same file", out)
        swapped = [tiles[1], tiles[0], *tiles[2:]]
        self.expect_usage_error([*assemble, *swapped], "tiles go in row-major order", out)
        other = run(["-q", "--width", "71", "--height", "45", "--iter", "500", "--tiles", "3,2",
                     "--tile", "2,1", "-o", self.file("other.npy")], check=True)
        self.assertEqual(other.returncode, 0)
        foreign = tiles[:5] + [self.file("other.npy")]
        self.expect_usage_error([*assemble, *foreign], "not a tile of a render with --iter 200",
                                out)
        self.expect_usage_error(["assemble", *args, "-o", out, *tiles], "needs --tiles", out)
        self.expect_usage_error([*assemble, "--tile", "0,0", *tiles], "assemble joins them all",
                                out)
        self.expect_usage_error([*assemble, "--colouring", "smooth", *tiles],
                                "hold no smooth or distance values", out)
        missing = run([*assemble, *tiles[:5], self.file("nowhere.npy")])
        self.assertNotEqual(missing.returncode, 0)
        self.assertIn("nowhere.npy", missing.stderr.decode())
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
