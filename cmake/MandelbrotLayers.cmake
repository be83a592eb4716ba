# One static library per folder of src/, stacked in layers. A layer may include
# only its own headers and those of the layers it names (and theirs, in turn):
# its include root is a folder of links to exactly those folders, so an
# #include "render/..." from the kernel layer does not compile.
#
#   mandelbrot_layer(kernel
#     SOURCES kernel.cc ...       # relative to the folder
#     LAYERS base buffer          # the layers it builds on
#     LIBS hwy::hwy               # private third-party libraries
#     PUBLIC_LIBS fmt::fmt        # third-party libraries its headers use
#     TESTS kernel_test.cc)       # unit tests beside the code
#
# SHARED makes a shared library instead of a static one (the C library).
# The library is mandelbrot_<folder>, with "/" as "_" (formats/png -> mandelbrot_formats_png).

function(mandelbrot_layer folder)
  cmake_parse_arguments(ARG "SHARED" "" "SOURCES;LAYERS;LIBS;PUBLIC_LIBS;TESTS" ${ARGN})
  string(REPLACE "/" "_" name "${folder}")
  set(target mandelbrot_${name})
  list(TRANSFORM ARG_SOURCES PREPEND "${PROJECT_SOURCE_DIR}/src/${folder}/")
  if(ARG_SHARED)
    add_library(${target} SHARED ${ARG_SOURCES})
  else()
    add_library(${target} STATIC ${ARG_SOURCES})
  endif()
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)

  # The folders this layer sees: its own, and what its layers see.
  set(visible ${folder})
  foreach(layer IN LISTS ARG_LAYERS)
    if(NOT TARGET mandelbrot_${layer})
      message(FATAL_ERROR "layer ${folder} builds on ${layer}, which is not declared before it")
    endif()
    get_property(below GLOBAL PROPERTY MANDELBROT_VISIBLE_${layer})
    list(APPEND visible ${below})
  endforeach()
  list(REMOVE_DUPLICATES visible)
  set_property(GLOBAL PROPERTY MANDELBROT_VISIBLE_${name} "${visible}")

  set(root "${PROJECT_BINARY_DIR}/layers/${name}")
  file(REMOVE_RECURSE "${root}")
  foreach(v IN LISTS visible)
    get_filename_component(parent "${root}/${v}" DIRECTORY)
    file(MAKE_DIRECTORY "${parent}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/src/${v}" "${root}/${v}" SYMBOLIC)
  endforeach()
  target_include_directories(${target} PUBLIC "${root}")

  list(TRANSFORM ARG_LAYERS PREPEND mandelbrot_)
  string(REPLACE "/" "_" layer_targets "${ARG_LAYERS}")
  target_link_libraries(${target} PUBLIC ${layer_targets} ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_LIBS})

  list(TRANSFORM ARG_TESTS PREPEND "${PROJECT_SOURCE_DIR}/src/${folder}/")
  set_property(GLOBAL APPEND PROPERTY MANDELBROT_UNIT_TESTS ${ARG_TESTS})
endfunction()
