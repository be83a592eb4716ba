"""The build step pyproject.toml cannot say: copying the C library into the
package when MANDELBROT_LIBRARY names one, which makes the wheel platform
specific."""

import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution


def library():
    path = os.environ.get("MANDELBROT_LIBRARY")
    if path and not os.path.isfile(path):
        raise SystemExit(f"MANDELBROT_LIBRARY={path} is not a file")
    return path


class BuildWithLibrary(build_py):
    def run(self):
        super().run()
        path = library()
        if path:
            target = os.path.join(self.build_lib, "mandelbrot", "libmandelbrot.so")
            shutil.copyfile(os.path.realpath(path), target)


class LibraryDistribution(Distribution):
    def has_ext_modules(self):
        return library() is not None


setup(cmdclass={"build_py": BuildWithLibrary}, distclass=LibraryDistribution)
