"""content_hash() and compare(): the figures of `mandelbrot --hash` and
`mandelbrot compare --json`, computed by the same code in the C library."""

from __future__ import annotations

import ctypes
import json
from typing import Any, Dict, Union

import numpy as np

from . import _library
from ._render import as_int32

_JSON_SIZE = 4096


def content_hash(counts: Any) -> str:
    """The content hash of counts, e.g. "xxh3-128:..." (32 hex digits): the
    `--hash` that `mandelbrot` prints for the render they come from (XXH3-128 of
    the int32 little-endian bytes, row-major, as `--format raw` writes them).
    counts: any integer array whose values fit int32 (TypeError or ValueError
    otherwise)."""
    array = as_int32(counts, "counts")
    text = ctypes.create_string_buffer(_library.HASH_SIZE)
    code = _library.lib.mandelbrot_content_hash(array, array.size, text, _library.HASH_SIZE)
    if code != _library.OK:
        raise RuntimeError(_library.lib.mandelbrot_strerror(code).decode())
    return text.value.decode()


def _samples(image: Any, name: str) -> np.ndarray:
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[2] == 3:
        if array.dtype.kind not in "iu":
            raise TypeError(f"{name} must hold integers, got dtype {array.dtype}")
        if array.size and (array.min() < 0 or array.max() > 255):
            raise ValueError(f"{name} is an RGB image, so its values must lie in 0..255")
        return np.ascontiguousarray(array, dtype=np.int32)
    if array.ndim == 2:
        return as_int32(array, name)
    raise ValueError(f"{name} must be counts, shape (height, width), or RGB pixels, shape "
                     f"(height, width, 3); got shape {array.shape}")


def compare(a: Any, b: Any, max_diff: Union[int, str] = 0,
            max_differing: Union[int, str] = 0) -> Dict[str, Any]:
    """The figures of `mandelbrot compare A B --json` for two images in memory, as
    a dict: match, kind, width, height, pixels, differing, differing_share,
    differing_at_all, largest_diff, psnr (images only), max_diff, max_differing.

    a, b: counts (2-D integer arrays, e.g. from render()) or RGB pixels (shape
        (height, width, 3), e.g. from image()), both of the same kind and size.
    max_diff: a pixel differs when some channel differs by more than this
        (--max-diff).
    max_differing: the images match when at most this many pixels differ: a
        count, or a percentage such as "0.5%" (--max-differing).
    """
    x = _samples(a, "a")
    y = _samples(b, "b")
    kinds = {2: "counts", 3: "image"}
    if x.ndim != y.ndim:
        raise ValueError(f"cannot compare a ({kinds[x.ndim]}) with b ({kinds[y.ndim]})")
    if x.shape[:2] != y.shape[:2]:
        raise ValueError(f"different dimensions: a is {x.shape[1]}x{x.shape[0]}, "
                         f"b is {y.shape[1]}x{y.shape[0]}")
    texts = []
    for keyword, value in (("max_diff", max_diff), ("max_differing", max_differing)):
        if isinstance(value, bool) or not isinstance(value, (int, str, np.integer)):
            raise TypeError(f"{keyword} must be an int or a str, got {type(value).__name__}")
        texts.append(str(value).encode())
    json_text = ctypes.create_string_buffer(_JSON_SIZE)
    message = _library.MessageBuffer()
    message.raise_for(_library.lib.mandelbrot_compare(
        x, y, x.shape[1], x.shape[0], 1 if x.ndim == 2 else 3, texts[0], texts[1], json_text,
        _JSON_SIZE, message.buffer, _library.MESSAGE_SIZE))
    return json.loads(json_text.value.decode())
