#!/usr/bin/env bash
# Builds Vigil's container base image without a Docker engine and pushes it to the rig's open
# registry, where Jib (`./mvnw -Pimage`) takes it as `from.image`:
#   debootstrap --variant=minbase bookworm + openjdk-17-jre-headless + user vigil (10001)
#   -> an OCI layout (umoci) in $VIGIL_BASE_CACHE -> docker://$RIG_REGISTRY/vigil/base:bookworm-jre17
# Needs root (chroot, mount) and the rig registries up (../shared/rig/registry-up.sh). Cached: the
# layout is rebuilt only when missing or when the recipe changes (VIGIL_BASE_REBUILD=1 forces it),
# and the push is skipped when the registry already serves the layout's manifest.
# Prints the pushed reference (with its digest) on standard output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${VIGIL_SHARED:-$root/../shared}"
# shellcheck source=/dev/null
. "$shared/rig/lib.sh"   # rig_log, rig_die, rig_apt_install, rig_debian_mirror, rig_load_env
rig_need_root

recipe=1                 # bump when the recipe below changes
suite=bookworm
tag=bookworm-jre17
cache="${VIGIL_BASE_CACHE:-/var/cache/vigil-base-image}"
layout="$cache/oci"
rig_load_env
[ -n "${RIG_REGISTRY:-}" ] || rig_die "the rig's open registry is not up: bash $shared/rig/registry-up.sh"
ref="$RIG_REGISTRY/vigil/base:$tag"

rig_apt_install debootstrap debian-archive-keyring umoci skopeo jq util-linux
mirror=$(rig_debian_mirror)
key="rev=$recipe suite=$suite arch=$(dpkg --print-architecture) mirror=$mirror"

work="$cache/work"
unmount_all() {
  [ -d "$work" ] || return 0
  awk -v d="$work/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
}
trap unmount_all EXIT

build() {
  local bundle="$work/bundle" rootfs="$work/bundle/rootfs" security
  unmount_all
  rm -rf --one-file-system "$work" "$layout"
  mkdir -p "$work"
  umoci init --layout "$layout"
  umoci new --image "$layout:scratch"
  umoci config --image "$layout:scratch" --no-history \
    --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.env "LANG=C.UTF-8" \
    --author "vigil scripts/base-image.sh" \
    --config.label "org.opencontainers.image.title=vigil base: debian $suite minbase + openjdk-17-jre-headless"
  umoci unpack --image "$layout:scratch" "$bundle"

  rig_log "debootstrap --variant=minbase $suite from $mirror"
  debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; rig_die "debootstrap failed"; }
  unmount_all
  security=$(printf '%s' "$mirror" | sed -E 's#/debian/?$#/debian-security#')
  rm -f "$rootfs/etc/apt/sources.list"
  cat > "$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES

  rig_log "installing openjdk-17-jre-headless in the chroot"
  mount -t proc proc "$rootfs/proc"
  mount --bind /dev "$rootfs/dev"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' > "$rootfs/usr/sbin/policy-rc.d"
  chmod 755 "$rootfs/usr/sbin/policy-rc.d"
  in_chroot() { chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
  {
    in_chroot apt-get update -qq
    in_chroot apt-get upgrade -y -qq
    in_chroot apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless ca-certificates
    in_chroot groupadd --system --gid 10001 vigil
    in_chroot useradd --system --uid 10001 --gid vigil --home-dir /home/vigil --create-home \
      --shell /usr/sbin/nologin vigil
    in_chroot install -d -o vigil -g vigil -m 0750 /var/lib/vigil
    in_chroot apt-get clean
  } > "$work/install.log" 2>&1 || { tail -n 30 "$work/install.log" >&2; rig_die "apt-get in the chroot failed"; }
  unmount_all
  rm -f "$rootfs/etc/resolv.conf" "$rootfs/usr/sbin/policy-rc.d" "$rootfs/etc/hostname"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/var/log/bootstrap.log "$rootfs"/var/log/apt/* "$rootfs"/var/log/dpkg.log \
    "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/lib/dpkg/*-old "$rootfs"/tmp/* "$rootfs"/var/tmp/*
  mkdir -p "$rootfs/var/lib/apt/lists/partial"
  find "$rootfs/dev" -mindepth 1 -delete
  umoci repack --image "$layout:$tag" \
    --history.created_by "debootstrap --variant=minbase $suite; apt-get install openjdk-17-jre-headless; useradd vigil" \
    "$bundle"
  umoci rm --image "$layout:scratch"
  umoci gc --layout "$layout"
  rm -rf --one-file-system "$work"
}

if [ -z "${VIGIL_BASE_REBUILD:-}" ] && [ -f "$layout/index.json" ] \
   && [ "$(cat "$cache/key" 2>/dev/null)" = "$key" ]; then
  rig_log "vigil base image: cached in $layout (VIGIL_BASE_REBUILD=1 rebuilds it)"
else
  started=$(date +%s)
  build
  echo "$key" > "$cache/key"
  rig_log "vigil base image: built in $(($(date +%s) - started)) s"
fi

digest="sha256:$(skopeo inspect --raw "oci:$layout:$tag" | sha256sum | cut -d' ' -f1)"
served=$(skopeo inspect --raw --tls-verify=false "docker://$ref" 2>/dev/null | sha256sum | cut -d' ' -f1 || true)
if [ "sha256:$served" = "$digest" ]; then
  rig_log "vigil base image: $ref already served"
else
  skopeo copy -q --retry-times 2 --dest-tls-verify=false "oci:$layout:$tag" "docker://$ref"
  rig_log "vigil base image: pushed $ref"
fi
echo "$ref@$digest"
