#!/usr/bin/env bash
# Load benchmark of the server (docs/BENCHMARKS.md, "Server"), all on loopback: a combo `vigil
# serve` on SQLite with the Alpine SecDB fixture (v3.10 files, from a file: mirror), fixture pair
# P1's layer uploaded through Vigil's upload endpoint and indexed, then Debian's `wrk` on
# GET vulnerability_report for that manifest: CONNECTIONS connections (default 32), THREADS wrk
# threads (2), DURATION (30s), after a 5 s warm-up. Prints wrk's latency distribution and the
# load average before and after (the machine may be shared).
# Needs wrk (apt-get install -y wrk), curl, python3 and the shared fixtures (VIGIL_SHARED or
# ../shared).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${VIGIL_SHARED:-$root/../shared}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
duration="${DURATION:-30s}"
work="$(mktemp -d /tmp/vigil-bench-server.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cd "$root"
echo "bench: building the jar" >&2
./mvnw -B -q -pl vigil-cli -am package -DskipTests -Dspotless.check.skip=true >&2

mkdir -p "$work/secdb/v3.10"
cp "$shared/fixtures/feeds/alpine-secdb/v3.10/main.json" "$shared/fixtures/feeds/alpine-secdb/v3.10/community.json" "$work/secdb/v3.10/"
tar -xzf "$shared/fixtures/images/docker-archive/alpine-3.10.4-docker-save.tar.gz" -C "$work" --wildcards '*/layer.tar'
layer="$(find "$work" -name layer.tar | head -1)"
digest="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
manifest="sha256:$(printf 'bench-server %s' "$digest" | sha256sum | cut -d' ' -f1)"
api_port=$(free_port); intro_port=$(free_port)
cat > "$work/vigil.yaml" <<YAML
http_listen_addr: 127.0.0.1:$api_port
introspection_addr: 127.0.0.1:$intro_port
indexer:
  connstring: $work/vigil.db
  layer_cache: $work/layers
updaters:
  sets: [alpine]
  config:
    alpine:
      url: file://$work/secdb/
YAML

java ${VIGIL_JAVA_OPTS:-} -jar vigil-cli/target/vigil.jar serve -c "$work/vigil.yaml" > "$work/server.log" 2>&1 &
server_pid=$!
api="http://127.0.0.1:$api_port"
for _ in $(seq 600); do
  if curl -fsS -m 2 "http://127.0.0.1:$intro_port/readyz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -fsS -m 10 "http://127.0.0.1:$intro_port/readyz" >/dev/null
curl -fsS -m 60 -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$layer" \
  "$api/indexer/api/v1/vigil/layer/$digest" -o /dev/null
curl -fsS -m 60 -H 'Content-Type: application/json' \
  -d "{\"hash\":\"$manifest\",\"layers\":[{\"hash\":\"$digest\"}]}" \
  "$api/indexer/api/v1/index_report" -o /dev/null
url="$api/matcher/api/v1/vulnerability_report/$manifest"
vulns=$(curl -fsS -m 10 "$url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["vulnerabilities"]))')
echo "report: $vulns vulnerabilities, $(curl -fsS -m 10 "$url" | wc -c) bytes"

wrk -t"$threads" -c"$connections" -d5s "$url" > /dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url" | tee "$work/wrk.txt"
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^Requests\/sec/ {rps=$2}
  END {printf "summary: %s connections: p50 %s, p99 %s, %s req/s\n", "'"$connections"'", p50, p99, rps}' "$work/wrk.txt"
