# mandelbrot_find_python(VAR MODULES...): sets VAR to the first Python 3
# interpreter that imports every one of MODULES (CMake's own find first, then
# Debian's /usr/bin/python3, which has the packages scripts/setup installs), or
# to "" when none does. The tests and the package find theirs this way: the
# python3 on PATH may be one without NumPy.
function(mandelbrot_find_python var)
  find_package(Python3 COMPONENTS Interpreter)
  string(JOIN ", " imports ${ARGN})
  set(found "")
  foreach(candidate ${Python3_EXECUTABLE} /usr/bin/python3)
    execute_process(COMMAND ${candidate} -c "import ${imports}" RESULT_VARIABLE failed
                    OUTPUT_QUIET ERROR_QUIET)
    if(failed EQUAL 0)
      set(found ${candidate})
      break()
    endif()
  endforeach()
  set(${var} "${found}" PARENT_SCOPE)
endfunction()
