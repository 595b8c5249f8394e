#!/usr/bin/env bash
# Benchmark of the registry client (docs/BENCHMARKS.md, "Registry pulls"), all on loopback:
#  1. the rig's Debian image (3 layers, 58.8 MB) pulled into an empty layer cache by vigil's
#     RegistryClient, against `skopeo copy` of the same image to a directory, same registry, same
#     run, alternating, RUNS times each (default 5); medians and their ratio;
#  2. a 1 GiB layer pulled with -Xmx128m (peak heap printed), then `vigil scan` of that image with
#     -Xmx128m, from a throw-away registry on a free port that is removed afterwards.
# Needs the rig up and its images built (scripts/test.sh does both), skopeo and docker-registry.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
images="${VIGIL_RIG_IMAGES:-/tmp/vigil-rig-images}"
runs="${RUNS:-5}"
. "${RIG_STATE_DIR:-/tmp/scanner-rig}/rig.env"
. "$images/images.env"
work="$(mktemp -d /tmp/vigil-bench.XXXXXX)"
registry_pid=""
cleanup() {
  if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
echo "bench: building the classes and the jar" >&2
./mvnw -B -q -pl vigil-cli -am package -DskipTests -Dspotless.check.skip=true >&2
./mvnw -B -q -pl vigil-registry -am test-compile -Dspotless.check.skip=true \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
cp="$root/vigil-registry/target/test-classes:$root/vigil-registry/target/classes:$(cat "$work/cp.txt")"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

debian="$RIG_REGISTRY/$RIG_IMG_DEBIAN_MINBASE_BOOKWORM"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$work/vigil.ms"; : > "$work/skopeo.ms"
for i in $(seq "$runs"); do
  rm -rf "$work/cache" "$work/dir"
  t0=$(now_ms)
  out=$(java -cp "$cp" dev.vigil.registry.PullBenchmark "$debian" "$work/cache" 1)
  t1=$(now_ms)
  echo $((t1 - t0)) >> "$work/vigil.ms"
  t0=$(now_ms)
  skopeo copy -q --src-tls-verify=false "docker://$debian" "dir:$work/dir" >/dev/null
  t1=$(now_ms)
  echo $((t1 - t0)) >> "$work/skopeo.ms"
  echo "run $i: vigil $(tail -1 "$work/vigil.ms") ms ($(grep -o 'jvm_startup_ms=[0-9]*' <<<"$out")" \
    "$(grep -o 'setup_ms=[0-9]* pull_ms=[0-9]*' <<<"$out")), skopeo $(tail -1 "$work/skopeo.ms") ms" >&2
done
rm -rf "$work/cache"
warm=$(java -cp "$cp" dev.vigil.registry.PullBenchmark "$debian" "$work/cache" $((runs + 1)) \
  | sed -n 's/^pull=\([1-9][0-9]*\) .*pull_ms=\([0-9]*\).*/\2/p' | median)
v=$(median < "$work/vigil.ms"); s=$(median < "$work/skopeo.ms")
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "debian pull into an empty cache, median of $runs: vigil (new JVM) ${v} ms, skopeo copy ${s} ms; vigil in a warm JVM ${warm} ms"
awk -v v="$v" -v w="$warm" -v s="$s" 'BEGIN {printf "ratio vigil/skopeo: %.2f (new JVM), %.2f (warm JVM)\n", v/s, w/s}'

echo "bench: a 1 GiB layer in a throw-away registry" >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/storage" "$work/layout/blobs/sha256" "$work/root"
cat > "$work/config.yml" <<YML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $work/storage}}
http: {addr: 127.0.0.1:$port}
YML
docker-registry serve "$work/config.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
head -c 1G /dev/urandom > "$work/root/big.bin"
tar -C "$work/root" -cf "$work/layer.tar" big.bin
rm -f "$work/root/big.bin"
blob() { local d; d=$(sha256sum "$1" | cut -d' ' -f1); mv "$1" "$work/layout/blobs/sha256/$d"; echo "$d"; }
layer_size=$(stat -c %s "$work/layer.tar")
layer=$(blob "$work/layer.tar")
printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"config":{}}' "$layer" > "$work/config.json"
config_size=$(stat -c %s "$work/config.json"); config=$(blob "$work/config.json")
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%s}]}' \
  "$config" "$config_size" "$layer" "$layer_size" > "$work/manifest.json"
manifest_size=$(stat -c %s "$work/manifest.json"); manifest=$(blob "$work/manifest.json")
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"big"}}]}' \
  "$manifest" "$manifest_size" > "$work/layout/index.json"
echo '{"imageLayoutVersion":"1.0.0"}' > "$work/layout/oci-layout"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.1; done
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:big" "docker://127.0.0.1:$port/bench/big:1"
rm -rf "$work/layout"
big="127.0.0.1:$port/bench/big:1"
rm -rf "$work/cache"
t0=$(now_ms)
java -Xmx128m -cp "$cp" dev.vigil.registry.PullBenchmark "$big" "$work/pulls" 1 | grep -v INFO
t1=$(now_ms)
echo "1 GiB layer pull with -Xmx128m: $((t1 - t0)) ms (process)"
t0=$(now_ms)
VIGIL_JAVA_OPTS="-Xmx128m -Xlog:gc:file=$work/gc.log" ./vigil scan --db "$work/vigil.db" \
  --cache-dir "$work/cache" --format json "$big" > "$work/report.json" 2> "$work/scan.err"
t1=$(now_ms)
peak=$(grep -o '[0-9]*M->' "$work/gc.log" | sed 's/M->//' | sort -n | tail -1)
rm -rf "$work/pulls"
echo "vigil scan of the 1 GiB image with -Xmx128m (layer cached): exit 0 in $((t1 - t0)) ms, largest heap before a GC ${peak:-?} MB"
