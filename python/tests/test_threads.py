"""The GIL is released while the C library renders: two Python threads render
at once, and the main thread runs Python code meanwhile."""

import threading
import time

import numpy as np

import mandelbrot

# About a third of a second of single-threaded work: a deep boundary view whose
# pixels escape late, which no shortcut skips.
VIEW = dict(size=400, iter=20000, center=(-0.743643887037151, 0.13182590420533), radius=1e-6,
            threads=1)


def test_two_threads_render_at_once_while_python_runs():
    expected = mandelbrot.render(**VIEW)
    results = {}
    spans = {}

    def worker(name):
        start = time.perf_counter()
        results[name] = mandelbrot.render(**VIEW)
        spans[name] = (start, time.perf_counter())

    threads = [threading.Thread(target=worker, args=(n,)) for n in ("a", "b")]
    ticks = []
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        ticks.append(time.perf_counter())  # the main thread's Python code
    for t in threads:
        t.join()
    for name in ("a", "b"):
        np.testing.assert_array_equal(results[name], expected)
    # Both renders were running at the same time ...
    (a0, a1), (b0, b1) = spans["a"], spans["b"]
    overlap = min(a1, b1) - max(a0, b0)
    assert overlap > 0.5 * min(a1 - a0, b1 - b0), spans
    # ... and the main thread ran all through them: with the GIL held by a
    # render, it could not have run in the middle of it.
    middle = (max(a0, b0) + 0.25 * overlap, min(a1, b1) - 0.25 * overlap)
    inside = [t for t in ticks if middle[0] <= t <= middle[1]]
    assert len(inside) > 100, (len(inside), len(ticks), spans)
