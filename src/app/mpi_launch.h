// Started by mpirun? Then run mandelbrot-mpi, the build of this program with
// MPI, which sits beside it (docs/SEMANTICS.md, "MPI"). Linking MPI into
// `mandelbrot` itself would cost every start about 11 ms of loading
// (docs/PERFORMANCE.md, "MPI").
#pragma once

namespace mandelbrot {

// When the environment says an MPI launcher started this process
// (OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_RANK), replaces the process with
// mandelbrot-mpi from this program's directory, with the same arguments.
// Returns only when it did not: not under MPI (0); or under MPI with one
// process and no mandelbrot-mpi (0: the render runs here as usual); or with
// several processes and no mandelbrot-mpi, after printing one error line
// (the exit code, 2).
int run_mpi_build_if_launched(char** argv);

}  // namespace mandelbrot
