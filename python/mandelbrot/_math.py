"""add() and dot(): the C library's checked int32 and float32 arithmetic (the
`add` and `dot` subcommands with --type int32 or float32)."""

from __future__ import annotations

import ctypes
from typing import Any, Tuple, Union

import numpy as np

from . import _library

Operand = Union[int, float, Any]


def _operand(value: Any, name: str) -> Tuple[np.ndarray, bool]:
    """value as a 1-D array, and whether it was a scalar."""
    scalar = np.ndim(value) == 0
    array = np.asarray(value)
    if array.dtype == object or array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be numbers, got {type(value).__name__} {value!r}"[:200])
    return array.reshape(-1), scalar


def _typed(array: np.ndarray, name: str, dtype: type) -> np.ndarray:
    """array as dtype, refused as the command line refuses an element out of
    range ("element 2 of A is out of range for int32: '3000000000'")."""
    if dtype is np.int32:
        info = np.iinfo(np.int32)
        bad = np.flatnonzero((array < info.min) | (array > info.max))
        type_name = "int32"
    else:
        with np.errstate(invalid="ignore"):
            bad = np.flatnonzero(np.abs(array.astype(np.float64)) > np.finfo(np.float32).max)
        type_name = "float32"
    if bad.size:
        i = int(bad[0])
        raise ValueError(f"element {i + 1} of {name} is out of range for {type_name}: "
                         f"'{array[i]}'")
    return np.ascontiguousarray(array, dtype=dtype)


def _operands(a: Any, b: Any, operation: str):
    x, x_scalar = _operand(a, "A")
    y, y_scalar = _operand(b, "B")
    integers = x.dtype.kind in "biu" and y.dtype.kind in "biu"
    dtype = np.int32 if integers else np.float32
    shapes = (np.shape(a), np.shape(b))
    if x.size == y.size and shapes[0] != shapes[1] and not (x_scalar or y_scalar):
        raise ValueError(f"{operation} needs operands of the same shape, but A is {shapes[0]} "
                         f"and B is {shapes[1]}")
    return _typed(x, "A", dtype), _typed(y, "B", dtype), x_scalar and y_scalar, shapes[0]


def add(a: Operand, b: Operand) -> Union[int, float, np.ndarray]:
    """a + b element by element in the C library's types: int32 when both are
    integers (Python ints, integer arrays), else float32 (the `add` subcommand
    with --type int32 or float32).

    a, b: numbers, sequences or NumPy arrays of the same shape. Two scalars give
    a Python int or float; anything else an int32 or float32 array of a's shape.
    Raises ValueError with the command line's message for an element out of
    range for the type, operands of different lengths, or a sum that overflows
    (int32) or is not finite (float32).
    """
    x, y, scalar, shape = _operands(a, b, "add")
    total = np.empty(x.size, dtype=x.dtype)
    function = (_library.lib.mandelbrot_add_int32 if x.dtype == np.int32 else
                _library.lib.mandelbrot_add_float32)
    message = _library.MessageBuffer()
    message.raise_for(function(x, x.size, y, y.size, total, total.size, message.buffer,
                               _library.MESSAGE_SIZE))
    if scalar:
        return total[0].item()
    return total.reshape(shape)


def dot(a: Operand, b: Operand) -> Union[int, float]:
    """The dot product of a and b, accumulated from 0 in index order in the C
    library's types: int32 when both are integers, else float32 (the `dot`
    subcommand with --type int32 or float32); a Python int or float.

    a, b: numbers, sequences or NumPy arrays with the same number of elements
    (read in C order). Raises ValueError with the command line's message as
    add() does, naming the element where the result overflows.
    """
    x, y, _, _ = _operands(a, b, "dot")
    if x.dtype == np.int32:
        result, function = ctypes.c_int32(), _library.lib.mandelbrot_dot_int32
    else:
        result, function = ctypes.c_float(), _library.lib.mandelbrot_dot_float32
    message = _library.MessageBuffer()
    message.raise_for(function(x, x.size, y, y.size, ctypes.byref(result), message.buffer,
                               _library.MESSAGE_SIZE))
    return result.value
