#!/bin/sh
# The layers of src/ may include only the layers below them (src/CMakeLists.txt).
# The build enforces it through each layer's include root (build/layers/<layer>);
# this test checks that the enforcement is in place: a header of a higher layer
# does not compile from a lower one, and no source reaches around its root with
# "../" includes. (base/version.h is generated into the build tree.)
#   LAYERS_DIR=build/ci/layers CXX=c++ SOURCE_DIR=. sh tests/layering_test.sh
set -eu
fail=0
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT

# A lower layer cannot see a higher one, and can see the ones below it.
printf '#include "render/render.h"\n' > "$probe/up.cc"
if "$CXX" -std=c++20 -fsyntax-only -I"$LAYERS_DIR/kernel" "$probe/up.cc" 2>/dev/null; then
  echo "FAIL: the kernel layer can include render/render.h"; fail=1
fi
printf '#include "base/status.h"\n#include "buffer/count_buffer.h"\n' > "$probe/down.cc"
if ! "$CXX" -std=c++20 -fsyntax-only -I"$LAYERS_DIR/kernel" "$probe/down.cc"; then
  echo "FAIL: the kernel layer cannot include base/status.h"; fail=1
fi

# Every quoted include of every layer names a folder its root holds.
for dir in "$SOURCE_DIR"/src/*/; do
  layer=$(basename "$dir")
  root="$LAYERS_DIR/$layer"
  # mpi is optional: built only where MPI is found.
  if [ "$layer" = mpi ] && [ ! -d "$root" ]; then continue; fi
  [ -d "$root" ] || { echo "FAIL: no include root for layer $layer"; fail=1; continue; }
  for file in $(find "$dir" -name '*.h' -o -name '*.cc' | grep -v '_test\.cc$'); do
    grep -o '^#include "[^"]*"' "$file" | sed 's/#include "//; s/"$//' | while read -r inc; do
      case "$inc" in
        ../*|*/../*) echo "FAIL: $file includes $inc (reaches around its root)"; exit 1 ;;
        mandelbrot/c_api.h) [ "$layer" = capi ] || { echo "FAIL: $file includes the C API"; exit 1; } ;;
        */*) [ -e "$root/$inc" ] || [ -e "$root/${inc%%/*}" -a -e "$LAYERS_DIR/../generated/$inc" ] ||
               { echo "FAIL: $file ($layer) includes $inc"; exit 1; } ;;
      esac
    done || fail=1
  done
done
[ "$fail" = 0 ] && echo "layering: every include is within its layer's root"
exit "$fail"
