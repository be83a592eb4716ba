#include "app/cli.h"
#include "app/mpi_launch.h"

int main(int argc, char** argv) {
  if (int code = mandelbrot::run_mpi_build_if_launched(argv); code != 0) return code;
  return mandelbrot::run_command_line(argc, argv);
}
