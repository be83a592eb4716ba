"""mandelbrot: the renderer's C library (libmandelbrot.so) from Python, through
ctypes, returning NumPy arrays.

    >>> import mandelbrot
    >>> counts = mandelbrot.render(size=400, iter=100)   # the CLI's counts
    >>> rgb = mandelbrot.image(counts)                   # the CLI's PNG pixels
    >>> mandelbrot.content_hash(counts)                  # the CLI's --hash

Every result equals the command line's for the same options (docs/SEMANTICS.md):
the package calls the same code. The library is loaded from MANDELBROT_LIBRARY
when set, else from this package's folder, else from the system library path.
"""

from ._library import lib as library
from ._math import add, dot
from ._render import Counts, image, png, render
from ._tools import compare, content_hash

__version__ = library.mandelbrot_version().decode()

__all__ = ["Counts", "add", "compare", "content_hash", "dot", "image", "library", "png",
           "render"]
