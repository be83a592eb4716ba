"""content_hash() and compare(): the figures of the command line's --hash and
`compare --json`."""

import json

import numpy as np
import pytest

import mandelbrot
from conftest import cli


@pytest.mark.parametrize("args,keywords", [
    (["--size", "400"], dict()),
    (["--size", "77", "--iter", "900", "--center", "-0.1,0.9", "--radius", "0.1"],
     dict(size=77, iter=900, center=(-0.1, 0.9), radius=0.1)),
    (["--width", "31", "--height", "9", "--family", "tricorn"],
     dict(width=31, height=9, family="tricorn")),
])
def test_content_hash_is_the_cli_hash(args, keywords, tmp_path):
    expected = cli("--hash", "--format", "raw", "-o", tmp_path / "h.raw", *args).stdout
    counts = mandelbrot.render(**keywords)
    assert mandelbrot.content_hash(counts) == expected.decode().strip()
    # Any integer dtype holding the same values, any layout: the same hash.
    assert mandelbrot.content_hash(counts.astype(np.int64)) == expected.decode().strip()
    assert mandelbrot.content_hash(np.asfortranarray(counts)) == expected.decode().strip()


def write_npy(path, counts):
    np.save(path, np.ascontiguousarray(counts, dtype=np.int32))
    return path


def write_ppm(path, rgb):
    path.write_bytes(b"P6\n%d %d\n255\n" % (rgb.shape[1], rgb.shape[0]) + rgb.tobytes())
    return path


def cli_compare(a, b, *args):
    result = cli("compare", a, b, "--json", *args, check=False)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("tolerances", [
    dict(), dict(max_diff=3), dict(max_differing=40), dict(max_differing="0.5%"),
    dict(max_diff=1, max_differing="12.25%"),
])
def test_compare_counts_gives_the_cli_figures(tolerances, tmp_path):
    a = mandelbrot.render(size=100, iter=200)
    b = a.copy()
    b[10:20, 30:35] += 2
    b[50, 50] += 7
    args = []
    for key, value in tolerances.items():
        args += ["--" + key.replace("_", "-"), str(value)]
    expected = cli_compare(write_npy(tmp_path / "a.npy", a), write_npy(tmp_path / "b.npy", b),
                           *args)
    assert mandelbrot.compare(a, b, **tolerances) == expected
    same = cli_compare(tmp_path / "a.npy", tmp_path / "a.npy")
    assert mandelbrot.compare(a, a) == same and same["match"]


def test_compare_images_gives_the_cli_figures_with_psnr(tmp_path):
    a = mandelbrot.image(size=64, iter=100)
    b = mandelbrot.image(size=64, iter=100, colormap="gray")
    # The command line's own PNGs against each other, and the package's pixels.
    cli("--size", "64", "-o", tmp_path / "a.png")
    cli("--size", "64", "--colormap", "gray", "-o", tmp_path / "b.png")
    expected = cli_compare(tmp_path / "a.png", tmp_path / "b.png", "--max-diff", "100")
    assert mandelbrot.compare(a, b, max_diff=100) == expected
    assert expected["psnr"] is not None and expected["kind"] == "image"
    assert cli_compare(write_ppm(tmp_path / "a.ppm", a), tmp_path / "a.png")["match"]
    identical = mandelbrot.compare(a, a)
    assert identical["psnr"] is None and identical["match"]


def test_compare_refuses_what_the_cli_refuses(tmp_path):
    a = mandelbrot.render(size=10)
    write_npy(tmp_path / "a.npy", a)
    for tolerances, args in ((dict(max_diff=-1), ["--max-diff", "-1"]),
                             (dict(max_differing="101%"), ["--max-differing", "101%"]),
                             (dict(max_differing="x"), ["--max-differing", "x"])):
        result = cli("compare", tmp_path / "a.npy", tmp_path / "a.npy", *args, check=False)
        assert result.returncode == 2
        message = result.stderr.decode().strip().removeprefix("mandelbrot: error: ")
        with pytest.raises(ValueError) as error:
            mandelbrot.compare(a, a, **tolerances)
        assert str(error.value) == message
    with pytest.raises(ValueError, match="different dimensions"):
        mandelbrot.compare(a, a[:5])
    with pytest.raises(ValueError, match="cannot compare"):
        mandelbrot.compare(a, np.zeros((10, 10, 3), np.uint8))
    with pytest.raises(ValueError, match="shape"):
        mandelbrot.compare(a.reshape(-1), a.reshape(-1))
    with pytest.raises(TypeError, match="integers"):
        mandelbrot.compare(a.astype(float), a)
    with pytest.raises(ValueError, match="0..255"):
        mandelbrot.compare(np.full((2, 2, 3), 300), np.zeros((2, 2, 3), int))
    with pytest.raises(TypeError):
        mandelbrot.compare(a, a, max_diff=1.5)
