#!/usr/bin/env bash
# Builds the example image as a `docker save` archive from the files in examples/alpine-3.18/rootfs
# (a real Alpine package database, see examples/README.md). Reproducible: sorted entries, fixed
# owner and mtime. Usage: bash examples/build-image.sh OUT.tar
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar --sort=name --mtime='2023-05-09 00:00Z' --owner=0 --group=0 --numeric-owner \
    -C "$here/alpine-3.18/rootfs" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"2023-05-09T00:00:00Z","config":{"Cmd":["/bin/sh"]},"rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
config="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
mv "$work/config.json" "$work/$config.json"
printf '[{"Config":"%s.json","RepoTags":["vigil-example/alpine:3.18"],"Layers":["layer.tar"]}]\n' "$config" \
  > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar --sort=name --mtime='2023-05-09 00:00Z' --owner=0 --group=0 --numeric-owner \
    -C "$work" -cf "$out.tmp" manifest.json "$config.json" layer.tar
mv "$out.tmp" "$out"
echo "built $out"
