"""The package's figures for docs/PERFORMANCE.md, with timeit, in one run:
a 1024x1024 render through the package against the bare C call, the cost of a
small (16x16) call, and the classic recipe (400x400, 100 iterations) through the
package, in NumPy alone and with Numba. Every version's counts are checked equal
before it is timed.

    MANDELBROT_LIBRARY=build/ci/libmandelbrot.so PYTHONPATH=python \\
        /usr/bin/python3 python/benchmarks/timeit_package.py
"""

import ctypes
import os
import timeit

import numpy as np

import mandelbrot
from mandelbrot import _library


def best(statement, number, repeat=7):
    """The best time of one call, in seconds, over repeat runs of number calls."""
    return min(timeit.repeat(statement, number=number, repeat=repeat)) / number


def best_of_pairs(a, b, number, pairs):
    """The best times of one call of a and of b, timed in alternation (number
    calls a timing), so that both see the same machine."""
    times_a, times_b = [], []
    for _ in range(pairs):
        times_a.append(timeit.timeit(a, number=number) / number)
        times_b.append(timeit.timeit(b, number=number) / number)
    return min(times_a), min(times_b)


def c_call(size, iterations, threads):
    """The bare C call: mandelbrot_render_options with its arguments made once."""
    o = _library.Options()
    o.struct_size = ctypes.sizeof(o)
    o.size, o.iterations = str(size).encode(), str(iterations).encode()
    o.threads = str(threads).encode()
    out = np.empty((size, size), np.int32)
    pointer = ctypes.byref(o)
    function = ctypes.CDLL(_library.lib._name).mandelbrot_render_options
    function.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p,
                         ctypes.c_size_t]
    address = out.ctypes.data

    def call():
        function(pointer, address, out.size, None, 0)

    call()
    return call, out


def numpy_recipe(size=400, iterations=100, bailout=10.0):
    """The classic recipe in NumPy alone (docs/SEMANTICS.md, Counts), vectorised
    over the pixels still running."""
    x = -2.0 + np.arange(size, dtype=np.float64) / size * 3.0
    y = 1.5 - np.arange(size, dtype=np.float64) / size * 3.0
    cr, ci = np.meshgrid(x, y)
    cr, ci = cr.ravel(), ci.ravel()
    zr, zi = np.zeros_like(cr), np.zeros_like(ci)
    counts = np.zeros(cr.size, np.int32)
    active = np.arange(cr.size)
    b2 = bailout * bailout
    for n in range(iterations):
        x2, y2 = zr * zr, zi * zi
        inside = x2 + y2 <= b2
        active, x2, y2 = active[inside], x2[inside], y2[inside]
        zr, zi = zr[inside], zi[inside]
        if active.size == 0:
            break
        counts[active] = n
        t = x2 - y2 + cr[active]
        zi = 2 * zr * zi + ci[active]
        zr = t
    return counts.reshape(size, size)


def numba_recipe():
    """The same loop per pixel, compiled by Numba (no fastmath: exact doubles)."""
    import numba

    @numba.njit(cache=False)
    def counts_of(size, iterations, bailout):
        out = np.empty((size, size), np.int32)
        b2 = bailout * bailout
        for i in range(size):
            ci = 1.5 - i / size * 3.0
            for j in range(size):
                cr = -2.0 + j / size * 3.0
                zr = zi = 0.0
                count = 0
                for n in range(iterations):
                    x2 = zr * zr
                    y2 = zi * zi
                    if not (x2 + y2 <= b2):
                        break
                    count = n
                    t = x2 - y2 + cr
                    zi = 2 * zr * zi + ci
                    zr = t
                out[i, j] = count
        return out

    return counts_of


def main():
    print(f"library {mandelbrot.library._name}, {os.cpu_count()} cores, "
          f"numpy {np.__version__}")
    # The best of single 1024x1024 calls (a busy machine's preemptions do not
    # reach the best), and of 2000 small calls a timing.
    for size, threads, number, pairs in ((1024, 1, 1, 100), (1024, 0, 1, 100),
                                         (16, 1, 2000, 20), (16, 0, 2000, 20)):
        call, out = c_call(size, 100, threads)
        np.testing.assert_array_equal(mandelbrot.render(size, 100, threads=threads), out)
        c, package = best_of_pairs(call, lambda: mandelbrot.render(size, 100, threads=threads),
                                   number, pairs)
        print(f"{size}x{size}, 100 iterations, threads={threads}: C call {c * 1e6:9.1f} us, "
              f"package {package * 1e6:9.1f} us, overhead {(package - c) * 1e6:7.1f} us "
              f"({(package / c - 1) * 100:+.2f}%)")

    expected = mandelbrot.render(400, 100)
    np.testing.assert_array_equal(numpy_recipe(), expected)
    counts_of = numba_recipe()
    np.testing.assert_array_equal(counts_of(400, 100, 10.0), expected)  # compiles it
    package = best(lambda: mandelbrot.render(400, 100), 1, 100)
    single = best(lambda: mandelbrot.render(400, 100, threads=1), 1, 100)
    numba_time = best(lambda: counts_of(400, 100, 10.0), 5)
    numpy_time = best(numpy_recipe, 1, repeat=3)
    print("classic recipe, 400x400, 100 iterations (equal counts):")
    for name, seconds in (("package, all cores", package), ("package, 1 thread", single),
                          ("Numba, 1 thread", numba_time), ("NumPy alone", numpy_time)):
        print(f"  {name:20s} {seconds * 1e3:9.2f} ms  {seconds / package:7.1f}x the package")


if __name__ == "__main__":
    main()
