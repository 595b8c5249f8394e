#!/usr/bin/env bash
# The long fuzzing run (outside CI): runs each Jazzer fuzz target in fuzzing mode for the duration
# its @FuzzTest states (10 minutes), one target per Maven run, and prints one summary line each.
# The normal build replays every target's seeds and past findings (regression mode) in seconds.
#
#   bash scripts/fuzz.sh                  # every target
#   bash scripts/fuzz.sh TarLayerFuzzTest # one target
#
# A finding makes the run fail and leaves its reproducer next to the target's seeds
# (src/test/resources/.../<Target>Inputs/<method>/crash-*), so the build replays it from then on.
# The corpus grown while fuzzing stays in <module>/.cifuzz-corpus/ (not committed).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(grep -rl '@FuzzTest' --include='*FuzzTest.java' . | xargs -n1 basename | sed 's/\.java$//' | sort)
fi
mkdir -p target/fuzz
status=0
for t in "${targets[@]}"; do
  file="$(grep -rl --include="$t.java" '@FuzzTest' . | head -1)"
  module="${file#./}"; module="${module%%/*}"
  log="target/fuzz/$t.log"
  start=$(date +%s)
  JAZZER_FUZZ=1 ./mvnw -B -q -pl "$module" -am test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Djazzer.instrument=dev.vigil.**" >"$log" 2>&1
  rc=$?
  [ $rc -eq 0 ] || status=1
  last="$(grep -E '^#[0-9]+' "$log" | tail -1)"
  runs="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)"
  printf '%-24s %-8s %4ss  %s | %s\n' "$t" "$([ $rc -eq 0 ] && echo ok || echo FINDING)" \
    "$(( $(date +%s) - start ))" "${runs:-?}" "$(echo "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+')"
done
exit $status
