// mandelbrot-mpi: the program as started by mpirun (docs/SEMANTICS.md, "MPI").
// `mandelbrot` itself runs this one when it finds it was started by mpirun
// (app/mpi_launch.h), so that the plain program does not load MPI's
// libraries at every start. Rank 0 speaks for all: the others' standard
// output and error go to /dev/null, and every failure reaches rank 0 (agree()).
#include <fcntl.h>
#include <unistd.h>

#include "app/cli.h"
#include "mpi/mpi_render.h"
#include "mpi/mpi_world.h"
#include "mpi/mpi_zoom.h"

int main(int argc, char** argv) {
  mandelbrot::MpiWorld world(&argc, &argv);
  if (world.rank() != 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0) {
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::close(null);
    }
  }
  mandelbrot::Runtime runtime;
  runtime.processes = world.size();
  runtime.renderer = [&world](const mandelbrot::RenderPlan& plan,
                              mandelbrot::RenderReport* report) {
    return mandelbrot::mpi_render_to_output(world, plan, report);
  };
  runtime.zoom = [&world](const mandelbrot::ZoomPlan& plan, mandelbrot::ZoomReport* report) {
    return mandelbrot::mpi_run_zoom(world, plan, report);
  };
  return mandelbrot::run_command_line(argc, argv, runtime);
}
