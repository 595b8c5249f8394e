#!/usr/bin/env bash
# Generates the large benchmark image once, as an OCI layout in $1 (default
# /var/cache/vigil-bench/large-image): the rig's Debian bookworm-base layer (a real dpkg status,
# 50.9 MB gzip) under LAYERS generated layers (default 4) of FILES files each (default 26,000)
# holding SIZE bytes of random data in total per layer (default 270 MB), gzip -1 compressed:
# > 1 GB of layers, > 100,000 files. Reused while the layout's stamp matches the parameters.
# Needs the rig images (VIGIL_RIG_IMAGES, built by /work/shared/rig/build-images.sh).
set -euo pipefail
out="${1:-/var/cache/vigil-bench/large-image}"
layers="${LAYERS:-4}"; files="${FILES:-26000}"; size="${SIZE:-270000000}"
rig="${VIGIL_RIG_IMAGES:-/tmp/vigil-rig-images}/oci-layout"
stamp="layers=$layers files=$files size=$size"
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ]; then echo "$out"; exit 0; fi
rm -rf "$out"; mkdir -p "$out/blobs/sha256"
blob() { local d; d=$(sha256sum "$1" | cut -d' ' -f1); mv "$1" "$out/blobs/sha256/$d"; echo "$d"; }
# the Debian base: the rig's bookworm-base manifest names one layer
base_manifest=$(python3 -c 'import json,sys; i=json.load(open(sys.argv[1]+"/index.json"))
print(next(m["digest"] for m in i["manifests"] if m["annotations"]["org.opencontainers.image.ref.name"]=="debian-minbase-bookworm-base").split(":")[1])' "$rig")
read -r base_layer base_diff < <(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]+"/blobs/sha256/"+sys.argv[2]))
c=json.load(open(sys.argv[1]+"/blobs/sha256/"+m["config"]["digest"].split(":")[1]))
print(m["layers"][0]["digest"].split(":")[1], c["rootfs"]["diff_ids"][0].split(":")[1])' "$rig" "$base_manifest")
cp "$rig/blobs/sha256/$base_layer" "$out/blobs/sha256/$base_layer"
layer_digests=("$base_layer"); diff_ids=("$base_diff")
for n in $(seq "$layers"); do
  echo "large image: generating layer $n of $layers" >&2
  python3 - "$n" "$files" "$size" > "$out/layer.tar" <<'PY'
import io, os, random, sys, tarfile
n, files, size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(n)
pool = os.urandom(8 << 20)
with tarfile.open(fileobj=sys.stdout.buffer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
    for i in range(files):
        info = tarfile.TarInfo(f"opt/gen{n}/d{i // 500:03d}/f{i:06d}.bin")
        info.size = min(len(pool), max(0, int(rnd.expovariate(files / size))))
        info.mtime = 1700000000
        start = rnd.randrange(0, len(pool) - info.size + 1)
        tar.addfile(info, io.BytesIO(pool[start:start + info.size]))
PY
  diff_ids+=("$(sha256sum "$out/layer.tar" | cut -d' ' -f1)")
  gzip -1 "$out/layer.tar"
  layer_digests+=("$(blob "$out/layer.tar.gz")")
done
python3 - "$out" "${layer_digests[*]}" "${diff_ids[*]}" <<'PY'
import hashlib, json, os, sys
out, layers, diffs = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
def put(obj):
    data = json.dumps(obj).encode()
    d = hashlib.sha256(data).hexdigest()
    open(f"{out}/blobs/sha256/{d}", "wb").write(data)
    return {"digest": "sha256:" + d, "size": len(data)}
config = put({"architecture": "amd64", "os": "linux", "config": {},
              "rootfs": {"type": "layers", "diff_ids": ["sha256:" + d for d in diffs]}})
manifest = put({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": dict(config, mediaType="application/vnd.oci.image.config.v1+json"),
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + l,
                "size": os.path.getsize(f"{out}/blobs/sha256/{l}")} for l in layers]})
json.dump({"schemaVersion": 2, "manifests": [dict(manifest,
    mediaType="application/vnd.oci.image.manifest.v1+json",
    annotations={"org.opencontainers.image.ref.name": "large"})]}, open(f"{out}/index.json", "w"))
open(f"{out}/oci-layout", "w").write('{"imageLayoutVersion":"1.0.0"}')
PY
echo "$stamp" > "$out/.stamp"
echo "$out"
