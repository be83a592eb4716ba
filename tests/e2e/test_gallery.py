"""The README's gallery (its "## Gallery" section) shows only pictures that its
commands make: every command, read by scripts/make-gallery's own gallery(),
runs with the built program in a scratch directory and must write exactly the
bytes of the picture in assets/gallery. The gallery shows every colouring
method and every colour map, and assets/gallery holds nothing else."""

import os
import unittest

from support import SOURCE_DIR, ScratchTestCase, load_script, run

make_gallery = load_script("make-gallery")

METHODS = {"log", "smooth", "histogram", "distance"}
MAPS = {"hot", "gray", "viridis", "magma", "inferno", "plasma", "cividis", "twilight"}


class GalleryTest(ScratchTestCase):
    def setUp(self):
        super().setUp()
        with open(os.path.join(SOURCE_DIR, "README.md")) as f:
            self.rows = make_gallery.gallery(f.read())

    def test_every_command_makes_its_picture_byte_for_byte(self):
        self.assertGreater(len(self.rows), 0)
        os.makedirs(os.path.join(self.path, make_gallery.GALLERY_DIR))
        for picture, args in self.rows:
            with self.subTest(picture=picture):
                run(args, cwd=self.path, check=True)
                with open(os.path.join(self.path, picture), "rb") as made, \
                        open(os.path.join(SOURCE_DIR, picture), "rb") as shown:
                    self.assertTrue(made.read() == shown.read(),
                                    f"{picture} is not what its command makes: run "
                                    f"scripts/make-gallery")
                self.assertLess(os.path.getsize(os.path.join(SOURCE_DIR, picture)), 60_000)

    def test_it_shows_every_method_and_map_and_nothing_else(self):
        def values(option):
            return {args[args.index(option) + 1] for _, args in self.rows if option in args}
        self.assertEqual(values("--colouring"), METHODS)
        self.assertEqual(values("--colormap"), MAPS)
        shown = {os.path.basename(picture) for picture, _ in self.rows}
        stored = set(os.listdir(os.path.join(SOURCE_DIR, make_gallery.GALLERY_DIR)))
        self.assertEqual(stored, shown)

    def test_a_command_that_writes_another_file_is_refused(self):
        readme = ("## Gallery\n\n| ![a](assets/gallery/a.png) | "
                  "`mandelbrot --size 8 -o assets/gallery/b.png` |\n\n## Next\n")
        with self.assertRaisesRegex(ValueError, "does not write it"):
            make_gallery.gallery(readme)
        with self.assertRaisesRegex(ValueError, "no '## Gallery' section"):
            make_gallery.gallery("# nothing\n")


if __name__ == "__main__":
    unittest.main()
