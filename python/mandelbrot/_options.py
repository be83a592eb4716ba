"""From Python values to the command line's option text (docs/SEMANTICS.md):
numbers become their shortest round-trip decimal, strings are passed as given,
so that a deep view keeps every digit it was given."""

from __future__ import annotations

import ctypes
import decimal
import fractions
import numbers
from typing import Dict, Mapping, Sequence, Tuple, Union

import numpy as np

from . import _library

Number = Union[int, float, str, decimal.Decimal, np.integer, np.floating]
Pair = Union[Tuple[Number, Number], Sequence[Number], complex, str]

# The Python keyword of each option and the mandelbrot_options field it fills.
KEYWORDS = {
    "size": "size",
    "width": "width",
    "height": "height",
    "iter": "iterations",
    "center": "center",
    "radius": "radius",
    "region": "region",
    "angle": "angle",
    "bailout": "bailout",
    "family": "family",
    "julia": "julia",
    "power": "power",
    "threads": "threads",
    "colormap": "colormap",
    "scale": "scale",
}
_WHOLE = {"size", "width", "height", "iter", "power", "threads"}
_PAIRS = {"center": 2, "julia": 2, "region": 4}
_NAMES = {"family", "colormap", "scale"}


def _whole_text(keyword: str, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{keyword} must be an int (or its decimal text), got "
                        f"{type(value).__name__} {value!r}")
    return str(int(value))


def _number_text(keyword: str, value: object) -> str:
    """A number as a decimal: floats in their shortest round-trip form (repr),
    so that 0.05 stays 0.05; NaN and infinity reach the C check as text."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{keyword} must be a number or a decimal string, got bool {value!r}")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, fractions.Fraction):
        raise TypeError(f"{keyword}: give a Fraction as a decimal string, got {value!r}")
    raise TypeError(f"{keyword} must be a number or a decimal string, got "
                    f"{type(value).__name__} {value!r}")


def _pair_text(keyword: str, value: object, length: int) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, complex) and length == 2:
        value = (value.real, value.imag)
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if not isinstance(value, Sequence) or len(value) != length:
        raise TypeError(f"{keyword} must be a sequence of {length} numbers "
                        f"(or their text, comma separated), got {value!r}")
    return ",".join(_number_text(keyword, v) for v in value)


def option_texts(values: Mapping[str, object]) -> Dict[str, str]:
    """The option texts of the keywords given (None: not given), by Python keyword.
    TypeError for an unknown keyword or a value of the wrong type; the values
    themselves are checked by the C library."""
    texts: Dict[str, str] = {}
    for keyword, value in values.items():
        if keyword not in KEYWORDS:
            raise TypeError(f"unknown option '{keyword}' (known: {', '.join(KEYWORDS)})")
        if value is None:
            continue
        if keyword in _WHOLE:
            texts[keyword] = _whole_text(keyword, value)
        elif keyword in _PAIRS:
            texts[keyword] = _pair_text(keyword, value, _PAIRS[keyword])
        elif keyword in _NAMES:
            if not isinstance(value, str):
                raise TypeError(f"{keyword} must be a str, got {type(value).__name__} {value!r}")
            texts[keyword] = value
        else:
            texts[keyword] = _number_text(keyword, value)
    return texts


def c_options(texts: Mapping[str, str]) -> _library.Options:
    """The mandelbrot_options of option texts (by Python keyword)."""
    o = _library.Options()
    o.struct_size = ctypes.sizeof(_library.Options)
    for keyword, text in texts.items():
        if "\0" in text:
            raise ValueError(f"{keyword} must not contain a NUL character, got {text!r}")
        setattr(o, KEYWORDS[keyword], text.encode("utf-8"))
    return o


def command_line(texts: Mapping[str, str]) -> list:
    """The `mandelbrot` arguments of the same render, e.g. ["--size", "400"]."""
    args = []
    for keyword, text in texts.items():
        args += ["--" + keyword, text]
    return args


def check(texts: Mapping[str, str]) -> Tuple[_library.Options, int, int, int]:
    """The C options of texts, checked as the command line checks them, and the
    render's width, height and iterations. ValueError with the command line's
    message for a bad value."""
    o = c_options(texts)
    width, height, iterations = ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int32()
    message = _library.MessageBuffer()
    message.raise_for(_library.lib.mandelbrot_check_options(
        ctypes.byref(o), ctypes.byref(width), ctypes.byref(height), ctypes.byref(iterations),
        message.buffer, _library.MESSAGE_SIZE))
    return o, width.value, height.value, iterations.value
