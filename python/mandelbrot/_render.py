"""render(), image() and png(): the command line's counts, pixels and PNG files,
made by the C library from the same options."""

from __future__ import annotations

import ctypes
from typing import Any, Dict, Mapping, Optional, Tuple, Union

import numpy as np

from . import _library, _options
from ._options import Number, Pair


class Counts(np.ndarray):
    """The int32 counts of a render, shape (height, width), row 0 at the top: a
    NumPy array that also keeps the options it was rendered with (`options`, the
    command line's text of each), so that image() and png() colour it as the
    command line would, and Jupyter shows it as that image."""

    options: Dict[str, str]

    def __array_finalize__(self, obj: Any) -> None:
        self.options = getattr(obj, "options", {})

    def _repr_png_(self) -> Optional[bytes]:
        """The PNG of `mandelbrot` with these options (Jupyter's image display);
        None when the array is no longer a whole render (a slice, a reshape)."""
        if self.ndim != 2:
            return None
        try:
            return png(self)
        except (TypeError, ValueError):
            return None

    def command_line(self) -> list:
        """The `mandelbrot` arguments that render the same counts."""
        return _options.command_line(self.options)


def render(size: Optional[Union[int, str]] = 400, iter: Optional[Union[int, str]] = 100, *,
           center: Optional[Pair] = None, radius: Optional[Number] = None,
           region: Optional[Union[Tuple[Number, Number, Number, Number], str]] = None,
           width: Optional[Union[int, str]] = None, height: Optional[Union[int, str]] = None,
           angle: Optional[Number] = None, family: Optional[str] = None,
           julia: Optional[Pair] = None, power: Optional[Union[int, str]] = None,
           bailout: Optional[Number] = 10, threads: Optional[Union[int, str]] = 0,
           colormap: Optional[str] = None, scale: Optional[str] = None) -> Counts:
    """The iteration counts of a render: exactly the counts of `mandelbrot` with the
    same options (`--format raw`), as an int32 array of shape (height, width).

    Every parameter is the command-line option of the same name (docs/SEMANTICS.md
    says what each means); None means "not given", the command line's default.
    Numbers may be given as Python numbers or as decimal strings: a string keeps
    every digit (a deep view), a float is passed as its shortest decimal (repr).

    size: width and height in pixels (--size), default 400.
    iter: iterations (--iter), default 100; counts lie in [0, iter).
    center: the view's centre (x, y), a complex number, or "X,Y" (--center);
        default -0.5,0 (0,0 for julia).
    radius: half the image's height in the plane (--radius), default 1.5.
    region: (xmin, xmax, ymin, ymax) or "XMIN,XMAX,YMIN,YMAX" (--region), instead
        of center and radius.
    width, height: the image's width or height alone (--width, --height).
    angle: rotation in degrees, counter-clockwise about the centre (--angle).
    family: "mandelbrot" (default), "julia", "burning-ship", "tricorn" or
        "multibrot" (--family).
    julia: the Julia constant (kr, ki), a complex number or "KR,KI" (--julia);
        implies family "julia".
    power: the multibrot power, 2 to 8 (--power), default 3 for multibrot.
    bailout: the escape radius (--bailout), default 10.
    threads: threads to render on, 0 for all cores (--threads), default 0.
    colormap: the colour map image() and png() use later (--colormap): "hot"
        (default), "gray", "viridis", "magma", "inferno", "plasma", "cividis" or "twilight".
    scale: how image() and png() scale counts to colours later (--scale): "image"
        (default: log counts over the image's own range) or "fixed".

    Raises TypeError for a value of the wrong type and ValueError, with the
    command line's message, for a value it refuses. The GIL is released while
    the C library renders, so Python threads can render at once.
    """
    texts = _options.option_texts(dict(
        size=size, iter=iter, center=center, radius=radius, region=region, width=width,
        height=height, angle=angle, family=family, julia=julia, power=power, bailout=bailout,
        threads=threads, colormap=colormap, scale=scale))
    return _render_texts(texts)


def _render_texts(texts: Dict[str, str]) -> Counts:
    o, width, height, _ = _options.check(texts)
    counts = np.empty((height, width), dtype=np.int32)
    message = _library.MessageBuffer()
    message.raise_for(_library.lib.mandelbrot_render_options(
        ctypes.byref(o), counts, counts.size, message.buffer, _library.MESSAGE_SIZE))
    result = counts.view(Counts)
    result.options = texts
    return result


def _counts_and_options(counts: Any, iter: Optional[Union[int, str]],
                        options: Mapping[str, Any]) -> Tuple[np.ndarray, Dict[str, str]]:
    """The counts to colour, as a C-contiguous int32 array, and the options of
    their render: a Counts' own options (overridden by those given), or, for
    any other array, its size and `iter`; with no counts, a new render."""
    if counts is None or isinstance(counts, Mapping):
        given = dict(counts or {}, **options)
        if iter is not None:
            given["iter"] = iter
        rendered = render(**given)
        return rendered, rendered.options
    array = as_int32(counts, "counts")
    if array.ndim != 2:
        raise ValueError(f"counts must be a 2-D array (height, width), got shape {array.shape}")
    texts = dict(getattr(counts, "options", None) or {})
    if not texts and iter is None:
        raise TypeError("image() of a plain array needs iter=, the iterations it was rendered "
                        "with")
    texts.update(_options.option_texts(options))
    if iter is not None:
        texts.update(_options.option_texts({"iter": iter}))
    texts.pop("size", None)
    texts["width"], texts["height"] = str(array.shape[1]), str(array.shape[0])
    return array, texts


def image(counts: Any = None, colormap: Optional[str] = None, *,
          iter: Optional[Union[int, str]] = None, **options: Any) -> np.ndarray:
    """The 8-bit RGB pixels, shape (height, width, 3), of the PNG that `mandelbrot`
    writes: the colours of the command line's PNG, pixel for pixel.

    counts: the result of render() (coloured with the options it was rendered
        with), any 2-D integer array of counts (then iter= is needed), or None
        or a dict of render() options: the counts of that render.
    colormap: "hot" (default), "gray", "viridis", "magma", "inferno", "plasma",
        "cividis" or "twilight" (--colormap).
    iter: the iterations the counts were rendered with (--iter).
    options: render() options, when counts is None; scale= ("image" or
        "fixed", --scale) also for counts.
    """
    array, texts = _counts_and_options(counts, iter, options)
    if colormap is not None:
        texts.update(_options.option_texts({"colormap": colormap}))
    o, width, height, _ = _options.check(texts)
    rgb = np.empty((height, width, 3), dtype=np.uint8)
    message = _library.MessageBuffer()
    message.raise_for(_library.lib.mandelbrot_colour_options(
        ctypes.byref(o), array, array.size, rgb, rgb.size, message.buffer,
        _library.MESSAGE_SIZE))
    return rgb


def png(counts: Any = None, colormap: Optional[str] = None, *,
        iter: Optional[Union[int, str]] = None, **options: Any) -> bytes:
    """The bytes of the PNG file `mandelbrot ... -o out.png` writes for these
    counts, byte for byte (its parameters and content hash included).

    counts, colormap, iter, options: as for image().
    """
    array, texts = _counts_and_options(counts, iter, options)
    if colormap is not None:
        texts.update(_options.option_texts({"colormap": colormap}))
    o, _, _, _ = _options.check(texts)
    chunks = []

    def write(context, data, size):
        chunks.append(ctypes.string_at(data, size))
        return 0

    message = _library.MessageBuffer()
    message.raise_for(_library.lib.mandelbrot_png_options(
        ctypes.byref(o), array, array.size, _library.WRITE_FUNCTION(write), None,
        message.buffer, _library.MESSAGE_SIZE))
    return b"".join(chunks)


def as_int32(values: Any, name: str) -> np.ndarray:
    """values as a C-contiguous int32 array: integers of another type are
    converted when every value fits, anything else is refused (TypeError for a
    non-integer dtype, ValueError for a value out of range)."""
    array = np.asarray(values)
    if array.dtype == np.int32:
        return np.ascontiguousarray(array)
    if array.dtype.kind not in "iu":
        raise TypeError(f"{name} must hold integers, got dtype {array.dtype}")
    if array.size and (array.min() < np.iinfo(np.int32).min or
                       array.max() > np.iinfo(np.int32).max):
        raise ValueError(f"{name} holds values out of range for int32 "
                         f"({array.min()} to {array.max()})")
    return np.ascontiguousarray(array, dtype=np.int32)
