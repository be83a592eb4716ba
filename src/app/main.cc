#include "app/cli.h"

int main(int argc, char** argv) { return mandelbrot::run_command_line(argc, argv); }
