"""Shared helpers of the package's tests: the built program (MANDELBROT), the
built library (MANDELBROT_LIBRARY, which the package loads), and the end-to-end
tests' helpers (tests/e2e/support.py: the program runner, a PNG decoder)."""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.environ["MANDELBROT_SOURCE_DIR"], "tests", "e2e"))
sys.path.insert(0, os.path.join(os.environ["MANDELBROT_SOURCE_DIR"], "python"))

import support  # noqa: E402

MANDELBROT = support.MANDELBROT
LIBRARY = os.environ["MANDELBROT_LIBRARY"]
ERROR_PREFIX = "mandelbrot: error: "


def cli(*args, check=True):
    """The program's CompletedProcess for args (bytes output)."""
    return support.run([str(a) for a in args], check=check)


def cli_raw(args, shape):
    """The counts of `mandelbrot ARGS --format raw -o -`, as shape (height, width)."""
    data = cli(*args, "--format", "raw", "-o", "-").stdout
    assert len(data) == 4 * shape[0] * shape[1], (args, len(data), shape)
    return np.frombuffer(data, dtype="<i4").reshape(shape)


def cli_error(*args):
    """The message of the program's one error line for args (exit code 2)."""
    result = cli(*args, check=False)
    assert result.returncode == 2, (args, result.returncode, result.stderr)
    line = result.stderr.decode().strip()
    assert line.startswith(ERROR_PREFIX) and "\n" not in line, line
    return line[len(ERROR_PREFIX):]
