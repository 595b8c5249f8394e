#!/usr/bin/env bash
# The first-run demo: builds the example image, loads the bundled Alpine SecDB snapshot into the
# default embedded store, and scans the image. Needs no internet once the jar is built.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="$root/target/example/alpine-3.18.docker.tar"
bash "$root/examples/build-image.sh" "$image" >/dev/null
set -x
"$root/vigil" update --updaters alpine --source "alpine=file:$root/examples/secdb/"
"$root/vigil" scan "$image"
