"""Loading libmandelbrot.so and declaring its C functions (include/mandelbrot/c_api.h).

Every function's argtypes and restype are declared here, once. Arrays are passed
as numpy.ctypeslib.ndpointer, which refuses an array of the wrong dtype or layout
before the call; the C functions check every argument again."""

from __future__ import annotations

import ctypes
import os
from typing import List

import numpy as np
from numpy.ctypeslib import ndpointer

# The environment variable that names the library to load (a path).
LIBRARY_VARIABLE = "MANDELBROT_LIBRARY"
_FILE_NAME = "libmandelbrot.so"
_SYSTEM_NAMES = ("libmandelbrot.so.0", _FILE_NAME)


def _load() -> ctypes.CDLL:
    """The library, from MANDELBROT_LIBRARY when set, else from this package's
    folder (where `cmake --install` and `pip install` put it), else from the
    system library path; an ImportError that says where it looked otherwise."""
    tried: List[str] = []
    path = os.environ.get(LIBRARY_VARIABLE)
    if path:
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            raise ImportError(f"mandelbrot: cannot load {LIBRARY_VARIABLE}={path}: {e}") from e
    tried.append(f"{LIBRARY_VARIABLE} (not set)")
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), _FILE_NAME)
    if os.path.exists(here):
        return ctypes.CDLL(here)
    tried.append(f"{here} (absent)")
    for name in _SYSTEM_NAMES:
        try:
            return ctypes.CDLL(name)
        except OSError as e:
            tried.append(f"the system library path for {name} ({e})")
    raise ImportError("mandelbrot: cannot find libmandelbrot.so; looked in " + "; ".join(tried))


class Options(ctypes.Structure):
    """mandelbrot_options: the render options as the command line's text."""

    _fields_ = [("struct_size", ctypes.c_uint32)] + [
        (name, ctypes.c_char_p)
        for name in ("size", "width", "height", "iterations", "center", "radius", "region",
                     "angle", "bailout", "family", "julia", "power", "threads", "colormap",
                     "scale")
    ]


OPTION_FIELDS = tuple(name for name, _ in Options._fields_[1:])

WRITE_FUNCTION = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p,
                                  ctypes.POINTER(ctypes.c_uint8), ctypes.c_size_t)

HASH_SIZE = 42  # MANDELBROT_HASH_SIZE
MESSAGE_SIZE = 1024

_int = ctypes.c_int
_size = ctypes.c_size_t
_text = ctypes.c_char_p
_int32s = ndpointer(np.int32, flags="C_CONTIGUOUS")
_float32s = ndpointer(np.float32, flags="C_CONTIGUOUS")
_writable_int32s = ndpointer(np.int32, flags="C_CONTIGUOUS,WRITEABLE")
_writable_float32s = ndpointer(np.float32, flags="C_CONTIGUOUS,WRITEABLE")
_bytes_out = ndpointer(np.uint8, flags="C_CONTIGUOUS,WRITEABLE")
_int32_ref = ctypes.POINTER(ctypes.c_int32)
_float_ref = ctypes.POINTER(ctypes.c_float)
_options_ref = ctypes.POINTER(Options)


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    def declare(name, restype, *argtypes):
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = list(argtypes)

    # The classic functions.
    declare("add_int", _int, _int, _int)
    declare("add_float", ctypes.c_float, ctypes.c_float, ctypes.c_float)
    declare("mandelbrot", None, _int, _int, _writable_int32s)
    declare("mandelbrot_strerror", _text, _int)
    declare("mandelbrot_version", _text)
    # Renders as the command line takes them.
    declare("mandelbrot_check_options", _int, _options_ref, _int32_ref, _int32_ref, _int32_ref,
            _text, _size)
    declare("mandelbrot_render_options", _int, _options_ref, _writable_int32s, _size, _text,
            _size)
    declare("mandelbrot_colour_options", _int, _options_ref, _int32s, _size, _bytes_out, _size,
            _text, _size)
    declare("mandelbrot_png_options", _int, _options_ref, _int32s, _size, WRITE_FUNCTION,
            ctypes.c_void_p, _text, _size)
    # The tools and the checked arithmetic.
    declare("mandelbrot_content_hash", _int, _int32s, _size, _text, _size)
    declare("mandelbrot_compare", _int, _int32s, _int32s, ctypes.c_int32, ctypes.c_int32,
            ctypes.c_int32, _text, _text, _text, _size, _text, _size)
    declare("mandelbrot_add_int32", _int, _int32s, _size, _int32s, _size, _writable_int32s, _size,
            _text, _size)
    declare("mandelbrot_add_float32", _int, _float32s, _size, _float32s, _size,
            _writable_float32s, _size, _text, _size)
    declare("mandelbrot_dot_int32", _int, _int32s, _size, _int32s, _size, _int32_ref, _text,
            _size)
    declare("mandelbrot_dot_float32", _int, _float32s, _size, _float32s, _size, _float_ref,
            _text, _size)
    return lib


lib = _declare(_load())

# Return codes (MANDELBROT_OK and the MANDELBROT_ERROR_* values).
OK = 0
ERROR_NULL = -1
ERROR_SIZE = -2
ERROR_VERSION = -7
ERROR_INVALID = -11
ERROR_FAILED = -12


class MessageBuffer:
    """A buffer for a C function's error message."""

    def __init__(self) -> None:
        self.buffer = ctypes.create_string_buffer(MESSAGE_SIZE)

    def raise_for(self, code: int) -> None:
        """Raises the Python exception for a C return code: ValueError for a
        request that is wrong, MemoryError or RuntimeError for one that failed
        while running; the message is the C function's (the command line's)."""
        if code == OK:
            return
        text = self.buffer.value.decode("utf-8", "replace") or lib.mandelbrot_strerror(
            code).decode()
        if code == ERROR_FAILED:
            if text == "out of memory":
                raise MemoryError(text)
            raise RuntimeError(text)
        raise ValueError(text)
