#!/bin/sh
# Renders every line of assets/golden/commands.txt and compares it byte for byte
# with the golden file. With --update, rewrites the golden files instead.
#   MANDELBROT=path/to/mandelbrot tests/e2e/golden_test.sh [--update]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
golden="$here/../../assets/golden"
: "${MANDELBROT:?set MANDELBROT to the program to test}"
update=no
[ "${1:-}" = "--update" ] && update=yes

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
checked=0
failed=0
while read -r name args; do
  case "$name" in ''|'#'*) continue ;; esac
  # shellcheck disable=SC2086  # the arguments are meant to split
  "$MANDELBROT" $args --quiet -o "$scratch/$name"
  if [ "$update" = yes ]; then
    cp "$scratch/$name" "$golden/$name"
    echo "updated $name"
  elif cmp -s "$scratch/$name" "$golden/$name"; then
    echo "ok      $name"
  else
    echo "DIFFERS $name: mandelbrot $args"
    failed=$((failed + 1))
  fi
  checked=$((checked + 1))
done < "$golden/commands.txt"

[ "$checked" -gt 0 ] || { echo "no golden files checked"; exit 1; }
[ "$update" = no ] || exit 0
echo "$((checked - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
