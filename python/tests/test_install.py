"""Installation: `cmake --install` puts the package and the library where
python3 finds them, and `pip install --no-build-isolation ./python` works
offline in a virtual environment; without any library, the error says where
the package looked."""

import os
import shutil
import subprocess
import sys

from conftest import LIBRARY, MANDELBROT, cli

BUILD_DIR = os.environ["MANDELBROT_BUILD_DIR"]
CMAKE = os.environ["CMAKE_COMMAND"]
SOURCE_DIR = os.environ["MANDELBROT_SOURCE_DIR"]

# Prints where the library came from and the hash of the default render.
SESSION = ("import mandelbrot; print(mandelbrot.library._name); "
           "print(mandelbrot.content_hash(mandelbrot.render()))")


def clean_environment(**extra):
    """The environment without MANDELBROT_LIBRARY (and without a library path)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MANDELBROT_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH")}
    env.update(extra)
    return env


def run_python(python, code, env, cwd):
    return subprocess.run([python, "-B", "-c", code], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def default_hash(tmp_path):
    return cli("--hash", "--format", "raw", "-o", tmp_path / "h.raw").stdout.decode().strip()


def test_cmake_install_places_the_package_where_python3_finds_it(tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run([CMAKE, "--install", BUILD_DIR, "--prefix", prefix], check=True,
                   capture_output=True, timeout=120)
    inits = list(prefix.rglob("mandelbrot/__init__.py"))
    assert len(inits) == 1, inits
    site = inits[0].parent.parent
    relative = os.path.relpath(site, prefix)
    # The same folder under /usr/local (cmake's default prefix) or /usr is on
    # python3's own path.
    assert {"/usr/local/" + relative, "/usr/" + relative} & set(sys.path), (relative, sys.path)
    env = clean_environment(PYTHONPATH=str(site))
    result = run_python(sys.executable, SESSION, env, tmp_path)
    assert result.returncode == 0, result.stderr
    loaded, digest = result.stdout.split()
    assert loaded == str(site / "mandelbrot" / "libmandelbrot.so")
    assert digest == default_hash(tmp_path)


def test_pip_install_works_offline_in_a_virtual_environment(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip",
                    venv], check=True, timeout=120)
    python = str(venv / "bin" / "python")
    # A copy of the source folder, so that the in-tree build leaves nothing behind.
    source = tmp_path / "python"
    shutil.copytree(os.path.join(SOURCE_DIR, "python"), source,
                    ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    # Offline: no index, no build isolation (Debian's setuptools builds it); with
    # MANDELBROT_LIBRARY set, the wheel carries the built library.
    env = clean_environment(MANDELBROT_LIBRARY=LIBRARY, PIP_NO_INDEX="1",
                            PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_CACHE_DIR="1",
                            http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    result = subprocess.run([python, "-m", "pip", "install", "--no-build-isolation", source],
                            env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_python(python, SESSION, clean_environment(), tmp_path)
    assert result.returncode == 0, result.stderr
    loaded, digest = result.stdout.split()
    assert loaded.startswith(str(venv)) and loaded.endswith("mandelbrot/libmandelbrot.so")
    assert digest == default_hash(tmp_path)


def test_without_a_library_the_error_says_where_it_looked(tmp_path):
    env = clean_environment(PYTHONPATH=os.path.join(SOURCE_DIR, "python"))
    result = run_python(sys.executable, "import mandelbrot", env, tmp_path)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: mandelbrot: cannot find libmandelbrot.so; looked in "
                           "MANDELBROT_LIBRARY (not set); "), last
    assert "libmandelbrot.so (absent)" in last and "system library path" in last
    env["MANDELBROT_LIBRARY"] = str(tmp_path / "missing.so")
    result = run_python(sys.executable, "import mandelbrot", env, tmp_path)
    assert "cannot load MANDELBROT_LIBRARY=" + str(tmp_path / "missing.so") in result.stderr
    assert os.path.exists(MANDELBROT)
