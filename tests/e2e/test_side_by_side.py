"""The default image beside matplotlib's (assets/matplotlib/side-by-side.png,
shown in the README): scripts/matplotlib-side-by-side renders the default view,
lets matplotlib draw plt.imsave(path, np.log(counts), cmap='hot') of its counts,
and composes the two. The two halves must agree within 1 level per channel, and
the committed picture must be exactly what the script makes now."""

import unittest

import numpy as np

from support import MANDELBROT, load_script

side_by_side = load_script("matplotlib-side-by-side")


class SideBySideTest(unittest.TestCase):
    def test_ours_and_matplotlibs_agree_and_the_picture_is_current(self):
        picture, ours, theirs = side_by_side.side_by_side(MANDELBROT)
        self.assertEqual(ours.shape, (400, 400, 3))
        self.assertEqual(ours.shape, theirs.shape)
        difference = np.abs(ours.astype(int) - theirs.astype(int))
        self.assertLessEqual(int(difference.max()), 1)
        # The picture shows something: black corners, white inside, red between.
        self.assertGreater(len(np.unique(ours.reshape(-1, 3), axis=0)), 8)
        with open(side_by_side.OUT, "rb") as f:
            committed = side_by_side.rgb(f.read())
        np.testing.assert_array_equal(committed, picture,
                                      "assets/matplotlib/side-by-side.png is out of date: "
                                      "run scripts/matplotlib-side-by-side")


if __name__ == "__main__":
    unittest.main()
