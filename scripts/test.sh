#!/usr/bin/env bash
# Runs every test: makes sure the services and the registry rig the tests use are up, builds Vigil's
# container base image (cached) and the kubectl of Debian's kubernetes-client package, then runs the
# Maven build with the `image` profile (unit + integration tests, format check, architecture rules,
# the container image and its tests).
# Needs ../shared beside the project root. Safe to run again: every step is idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${VIGIL_SHARED:-$root/../shared}"
export VIGIL_RIG_IMAGES="${VIGIL_RIG_IMAGES:-/tmp/vigil-rig-images}"

need() { command -v "$1" >/dev/null 2>&1; }
# rpm: Debian's rpm is the oracle of the rpm database and version-ordering tests
# chromium: the HTML report test renders the report headless
# wrk, time: the benchmark harness's smoke run (server load, peak RSS)
if ! need java || ! need javac || ! need curl || ! need dpkg-query || ! need rpm || ! need chromium \
   || ! need wrk || [ ! -x /usr/bin/time ]; then
  apt-get update -q >/dev/null \
    && apt-get install -y -q openjdk-17-jdk-headless curl dpkg rpm chromium wrk time >/dev/null
fi

bash "$shared/rig/services-up.sh"
bash "$shared/rig/registry-up.sh"
bash "$shared/rig/build-images.sh" "$VIGIL_RIG_IMAGES" >/dev/null
echo "rig: registries up, images in $VIGIL_RIG_IMAGES"

# Jib's base image (debootstrap + openjdk-17-jre-headless), built once and cached, then served by the rig
base=$(bash "$root/scripts/base-image.sh")
echo "image: base $base"

# kubectl 1.20 from Debian's kubernetes-client package, unpacked beside (not over) any other kubectl:
# the kustomize test renders deploy/kubernetes with the oldest kustomize a user may have
tools="${VIGIL_TOOLS_DIR:-/var/cache/vigil-tools}"
export VIGIL_KUBECTL="$tools/kubernetes-client/usr/bin/kubectl"
if [ ! -x "$VIGIL_KUBECTL" ]; then
  mkdir -p "$tools" && rm -rf "$tools/kubernetes-client" "$tools"/kubernetes-client_*.deb
  # (apt warns that root downloads outside its sandbox: expected here)
  (cd "$tools" && { apt-get download -q kubernetes-client >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get download -q kubernetes-client >/dev/null; }; })
  dpkg-deb -x "$tools"/kubernetes-client_*.deb "$tools/kubernetes-client"
fi
echo "kubectl: $("$VIGIL_KUBECTL" version --client --short 2>/dev/null || "$VIGIL_KUBECTL" version --client)"

cd "$root"
./mvnw -B -ntp verify -Pimage -Dvigil.shared="$shared" "$@"

# smoke run of the benchmark harness (seconds; the full run is outside CI, docs/BENCHMARKS.md)
VIGIL_SHARED="$shared" bash "$root/bench/run" --quick
