#!/usr/bin/env bash
# Runs every test: makes sure the services and the registry rig the tests use are up, then runs the
# Maven build (unit + integration tests, format check, architecture rules).
# Needs ../shared beside the project root. Safe to run again: every step is idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${VIGIL_SHARED:-$root/../shared}"
export VIGIL_RIG_IMAGES="${VIGIL_RIG_IMAGES:-/tmp/vigil-rig-images}"

need() { command -v "$1" >/dev/null 2>&1; }
# rpm: Debian's rpm is the oracle of the rpm database and version-ordering tests
# chromium: the HTML report test renders the report headless
if ! need java || ! need javac || ! need curl || ! need dpkg-query || ! need rpm || ! need chromium; then
  apt-get update -q >/dev/null && apt-get install -y -q openjdk-17-jdk-headless curl dpkg rpm chromium >/dev/null
fi

bash "$shared/rig/services-up.sh"
bash "$shared/rig/registry-up.sh"
bash "$shared/rig/build-images.sh" "$VIGIL_RIG_IMAGES" >/dev/null
echo "rig: registries up, images in $VIGIL_RIG_IMAGES"

cd "$root"
./mvnw -B -ntp verify -Dvigil.shared="$shared" "$@"
