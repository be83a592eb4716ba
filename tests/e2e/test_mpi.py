"""Renders across MPI processes (docs/SEMANTICS.md, "MPI"): `mpirun -n P mandelbrot`
writes the single-process bytes for every P and format, and a process that fails
part-way leaves no file and makes the job fail. Registered only when mandelbrot-mpi
was built (tests/CMakeLists.txt); scripts/setup installs OpenMPI, so CI runs it."""

import os
import shutil
import signal
import subprocess
import time
import unittest

from support import MANDELBROT, SOURCE_DIR, ScratchTestCase, run

MPIRUN = shutil.which("mpirun")
SOURCE_DIR_LOCATIONS = os.path.join(SOURCE_DIR, "tests", "data", "kfr")
# OpenMPI refuses to run as root without these (CI machines and containers run as root).
# pml ob1: no probing for UCX network hardware, which costs every mpirun about 0.2 s
# here (docs/PERFORMANCE.md, "MPI"). RES_OPTIONS: OpenMPI looks up "localhost" about
# ten times in each process; a minimal Debian chroot has no /etc/hosts, so each lookup
# goes to DNS, and a lost reply cost glibc's default 5 s wait (most jobs took 5 or 10 s
# there instead of 0.5 s). A 1 s wait and no AAAA query keep such a loss short.
ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
           OMPI_MCA_rmaps_base_oversubscribe="1", OMPI_MCA_pml="ob1",
           RES_OPTIONS="no-aaaa timeout:1 attempts:1")


def mpirun(processes, args, env=ENV, **kwargs):
    return subprocess.run([MPIRUN, "--oversubscribe", "-n", str(processes), *args],
                          capture_output=True, timeout=300, env=env, **kwargs)


def error_lines(stderr):
    """Our own lines on stderr (mpirun adds its own framed notices)."""
    return [line for line in stderr.decode().splitlines() if line.startswith("mandelbrot:")]


VIEW = ["--width", "333", "--height", "251", "--iter", "400", "--center", "-0.745,0.11",
        "--radius", "0.03"]


class SameBytes(ScratchTestCase):
    def test_every_format_and_process_count_gives_the_single_process_bytes(self):
        for fmt in ["png", "raw", "npy", "pgm", "ppm", "pbm"]:
            single = self.file(f"single.{fmt}")
            run([*VIEW, "-o", single, "-q"], check=True)
            with open(single, "rb") as f:
                expected = f.read()
            for processes in [1, 2, 3, 4]:
                out = self.file(f"mpi{processes}.{fmt}")
                result = mpirun(processes, [MANDELBROT, *VIEW, "-o", out, "-q", "--threads", "1"])
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                with open(out, "rb") as f:
                    self.assertEqual(f.read(), expected, f"{fmt} with {processes} processes")
            print(f"{fmt}: 1 to 4 processes give the single render's {len(expected)} bytes")

    def test_exr_with_its_channels_and_as_a_tile(self):
        for extra in [[], ["--channels", "count,smooth,distance", "--bailout", "256"],
                      ["--tiles", "2,2", "--tile", "1,0"]]:
            single = self.file("single.exr")
            run([*VIEW, *extra, "-o", single, "-q"], check=True)
            with open(single, "rb") as f:
                expected = f.read()
            for processes in [2, 3]:
                out = self.file("mpi.exr")
                result = mpirun(processes, [MANDELBROT, *VIEW, *extra, "-o", out, "-q"])
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                with open(out, "rb") as f:
                    self.assertEqual(f.read(), expected, f"{extra} with {processes} processes")
            print(f"exr {extra}: 2 and 3 processes give the single render's {len(expected)} bytes")

    def test_colourings_that_need_the_whole_image_and_channels(self):
        for extra in [["--colouring", "histogram"], ["--colouring", "smooth"],
                      ["--colouring", "distance"], ["--scale", "fixed"],
                      ["--colormap", "viridis"], ["--supersample", "2"]]:
            single = self.file("single.png")
            run([*VIEW, *extra, "-o", single, "-q"], check=True)
            out = self.file("mpi.png")
            result = mpirun(3, [MANDELBROT, *VIEW, *extra, "-o", out, "-q"])
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            with open(single, "rb") as a, open(out, "rb") as b:
                self.assertEqual(a.read(), b.read(), extra)

    def test_a_large_png_of_many_segments_and_the_hash(self):
        args = ["--width", "1500", "--height", "1100", "--iter", "300"]
        single = run([*args, "-o", self.file("a.png"), "--hash"], check=True)
        result = mpirun(4, [MANDELBROT, *args, "-o", self.file("b.png"), "--hash"])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(result.stdout, single.stdout)
        with open(self.file("a.png"), "rb") as a, open(self.file("b.png"), "rb") as b:
            self.assertEqual(a.read(), b.read())
        verify = run(["verify", self.file("b.png")])
        self.assertEqual(verify.returncode, 0, verify.stderr.decode())

    def test_json_reports_each_ranks_share(self):
        import json
        result = mpirun(3, [MANDELBROT, *VIEW, "-o", self.file("a.raw"), "--json"])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        report = json.loads(result.stdout)
        ranks = report["ranks"]
        self.assertEqual([r["rank"] for r in ranks], [0, 1, 2])
        self.assertEqual(sum(r["rows"] for r in ranks), 251)
        self.assertEqual(sum(r["bytes"] for r in ranks), os.path.getsize(self.file("a.raw")))
        for r in ranks:
            self.assertGreaterEqual(r["compute_seconds"], 0)


class DeepZoom(ScratchTestCase):
    """Perturbation across processes: one first reference, computed on rank 0 and
    sent to every process; each block of rows is a window of the image."""

    def test_deep_views_give_the_single_process_bytes(self):
        views = [
            ["--size", "256", "--iter", "4036", "--radius", "2e-15", "--center",
             "-1.7598171308048478136108250105617982382440,"
             "-0.01259331079974986538374663184326485845034"],
            ["--from", os.path.join(SOURCE_DIR_LOCATIONS, "1e50.kfr"), "--size", "96"],
            # beyond doubles: the orbit is sent with its extended-range copy
            ["--from", os.path.join(SOURCE_DIR_LOCATIONS, "1e1086.kfr"), "--size", "48"],
        ]
        for view in views:
            for fmt in ["raw", "png", "exr"]:
                single = self.file(f"single.{fmt}")
                run([*view, "-o", single, "-q"], check=True)
                with open(single, "rb") as f:
                    expected = f.read()
                for processes in [2, 3]:
                    out = self.file(f"mpi.{fmt}")
                    result = mpirun(processes, [MANDELBROT, *view, "-o", out, "--json"])
                    self.assertEqual(result.returncode, 0, result.stderr.decode())
                    import json
                    self.assertEqual(json.loads(result.stdout)["method"], "perturbation")
                    with open(out, "rb") as f:
                        self.assertEqual(f.read(), expected, f"{view[:2]} {fmt} {processes}")


class Failures(ScratchTestCase):
    def assert_nothing_left(self):
        self.assertEqual(os.listdir(self.path), [], "no output and no temporary")

    def test_an_unwritable_output_is_one_line_and_no_file(self):
        result = mpirun(2, [MANDELBROT, *VIEW, "-o", self.file("missing/out.png")])
        self.assertEqual(result.returncode, 1)
        lines = error_lines(result.stderr)
        self.assertEqual(len(lines), 1, result.stderr.decode())
        self.assertIn("does not exist", lines[0])
        self.assert_nothing_left()

    def test_standard_output_and_other_subcommands_are_refused(self):
        result = mpirun(2, [MANDELBROT, *VIEW, "--format", "raw", "-o", "-"])
        self.assertEqual(result.returncode, 2)
        self.assertEqual(len(error_lines(result.stderr)), 1, result.stderr.decode())
        result = mpirun(2, [MANDELBROT, "add", "1", "2"])
        self.assertEqual(result.returncode, 2)
        self.assertIn("does not run across MPI processes", error_lines(result.stderr)[0])

    def test_a_process_out_of_memory_fails_the_job_with_one_line(self):
        # Rank 1 may use 400 MB of address space: about 300 MB to start, so about a
        # sixth of its half of a 1.2 GB raw image. Its share varies (a process takes
        # the next block when it asks, docs/SEMANTICS.md "MPI"): with 700 MB, a rank 1
        # slowed by other tests once took too few blocks to run out.
        wrapper = self.file("limit.sh")
        with open(wrapper, "w") as f:
            f.write('#!/bin/sh\n[ "$OMPI_COMM_WORLD_RANK" = 1 ] && ulimit -v 400000\nexec "$@"\n')
        os.chmod(wrapper, 0o755)
        out_dir = self.file("out")
        os.mkdir(out_dir)
        result = mpirun(2, [wrapper, MANDELBROT, "--width", "30000", "--height", "10000",
                            "--iter", "10", "-o", os.path.join(out_dir, "big.raw")])
        self.assertEqual(result.returncode, 1, result.stderr.decode())
        lines = error_lines(result.stderr)
        self.assertEqual(lines, ["mandelbrot: error: rank 1: out of memory while rendering "
                                 "30000x10000"])
        self.assertEqual(os.listdir(out_dir), [])

    def test_a_process_killed_part_way_leaves_nothing(self):
        out = self.file("out.png")
        # About 2 s of work for each of two processes.
        job = subprocess.Popen([MPIRUN, "--oversubscribe", "-n", "2", MANDELBROT, "--size", "800",
                                "--iter", "200000", "--no-shortcuts", "--threads", "1", "-o", out],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
        deadline = time.time() + 30
        while not os.listdir(self.path) and time.time() < deadline:
            time.sleep(0.02)
        self.assertTrue(os.listdir(self.path), "the temporary appears while rendering")
        victim = None
        while victim is None and time.time() < deadline:
            victim = rank_process(1, out)
        self.assertIsNotNone(victim)
        os.kill(victim, signal.SIGKILL)
        job.communicate(timeout=60)
        self.assertNotEqual(job.returncode, 0)
        self.assertEqual(os.listdir(self.path), [], "no output and no temporary")


ZOOM = ["zoom", "--start", "-0.5,0,1.5", "--end", "-0.743643887,0.131825904,1e-5",
        "--width", "96", "--height", "64", "--iter", "600"]


def frames_of(directory):
    """The frame files of a directory: name to bytes (the manifest aside)."""
    frames = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith(".png"):
            with open(os.path.join(directory, name), "rb") as f:
                frames[name] = f.read()
    return frames


def manifest_lines(directory):
    """The manifest's records, in any order (processes append as they finish)."""
    with open(os.path.join(directory, "%03d.png.zoom.jsonl")) as f:
        return sorted(f.read().splitlines())


class Zoom(ScratchTestCase):
    """Frames spread over processes: whole frames apart when there are at least as
    many frames as processes, every process on each frame otherwise."""

    def render_single(self, frames):
        single = self.file(f"single{frames}")
        os.mkdir(single)
        run([*ZOOM, "--frames", str(frames), "-o", os.path.join(single, "%03d.png"), "-q"],
            check=True)
        return single

    def mpi_zoom(self, processes, directory, frames, *extra):
        import json
        result = mpirun(processes, [MANDELBROT, *ZOOM, "--frames", str(frames), "-o",
                                    os.path.join(directory, "%03d.png"), "--json", *extra])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return json.loads(result.stdout)

    def test_frames_and_manifest_equal_the_single_process_ones(self):
        single = self.render_single(9)
        for processes in [2, 3, 4]:
            out = self.file(f"mpi{processes}")
            os.mkdir(out)
            report = self.mpi_zoom(processes, out, 9)
            self.assertEqual(frames_of(out), frames_of(single), f"{processes} processes")
            self.assertEqual(manifest_lines(out), manifest_lines(single))
            self.assertEqual(report["rendered"], 9)
            shares = [r["frames"] for r in report["ranks"]]
            self.assertEqual(len(shares), processes)
            self.assertEqual(sum(shares), 9, "each frame rendered by exactly one process")
            print(f"9 frames over {processes} processes: shares {shares}, same bytes")

    def test_fewer_frames_than_processes_share_each_frame(self):
        single = self.render_single(2)
        out = self.file("mpi")
        os.mkdir(out)
        report = self.mpi_zoom(3, out, 2)
        self.assertEqual(frames_of(out), frames_of(single))
        self.assertEqual(manifest_lines(out), manifest_lines(single))
        self.assertEqual(report["rendered"], 2)
        self.assertEqual([r["frames"] for r in report["ranks"]], [0, 0, 0])

    def test_resuming_keeps_the_matching_frames(self):
        single = self.render_single(8)
        out = self.file("mpi")
        os.mkdir(out)
        self.mpi_zoom(3, out, 8)
        os.remove(os.path.join(out, "002.png"))
        with open(os.path.join(out, "005.png"), "r+b") as f:
            f.seek(100)
            f.write(b"changed")
        report = self.mpi_zoom(2, out, 8)
        self.assertEqual((report["kept"], report["rendered"]), (6, 2))
        self.assertEqual(frames_of(out), frames_of(single))
        self.assertEqual(manifest_lines(out), manifest_lines(single))

    def test_a_process_that_cannot_write_fails_the_job_and_a_rerun_finishes(self):
        single = self.render_single(24)
        out = self.file("mpi")
        os.mkdir(out)
        # Rank 1 may write files of 2 blocks at most (a frame is 2-4 KB): its
        # first frame fails with EFBIG; the others stop after their current frame
        # (24 frames: rank 1 takes one long before the others could finish them all).
        wrapper = self.file("limit.sh")
        with open(wrapper, "w") as f:
            f.write('#!/bin/sh\nif [ "$OMPI_COMM_WORLD_RANK" = 1 ]; then trap "" XFSZ; '
                    'ulimit -f 2; fi\nexec "$@"\n')
        os.chmod(wrapper, 0o755)
        result = mpirun(3, [wrapper, MANDELBROT, *ZOOM, "--frames", "24", "-o",
                            os.path.join(out, "%03d.png"), "-q"])
        self.assertEqual(result.returncode, 1, result.stderr.decode())
        lines = error_lines(result.stderr)
        self.assertEqual(len(lines), 1, result.stderr.decode())
        self.assertRegex(lines[0], r"^mandelbrot: error: rank 1: cannot write '.*\.png': "
                                   r"File too large$")
        names = os.listdir(out)
        self.assertLess(len([n for n in names if n.endswith(".png")]), 24, "the job stopped")
        self.assertEqual([n for n in names if not n.endswith(".png") and "zoom" not in n], [],
                         "no temporary left")
        report = self.mpi_zoom(3, out, 24)
        self.assertEqual(report["kept"] + report["rendered"], 24)
        self.assertGreaterEqual(report["rendered"], 1)
        self.assertEqual(frames_of(out), frames_of(single))
        self.assertEqual(manifest_lines(out), manifest_lines(single))

    def test_a_stream_on_standard_output_is_refused(self):
        result = mpirun(2, [MANDELBROT, *ZOOM, "--frames", "3", "--format", "ppm", "-o", "-"])
        self.assertEqual(result.returncode, 2)
        lines = error_lines(result.stderr)
        self.assertEqual(len(lines), 1, result.stderr.decode())
        self.assertIn("numbered frame files", lines[0])
        self.assertEqual(result.stdout, b"")


def rank_process(rank, output):
    """The pid of the process of MPI rank `rank` writing `output`, or None."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if output.encode() not in f.read():
                    continue
            with open(f"/proc/{pid}/environ", "rb") as f:
                if f"OMPI_COMM_WORLD_RANK={rank}".encode() in f.read().split(b"\0"):
                    return int(pid)
        except OSError:
            continue
    return None


if __name__ == "__main__":
    unittest.main()
