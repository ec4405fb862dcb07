#!/usr/bin/env bash
# Runs opsbot's image tarball (app/target/jib-image.tar) the way the Kubernetes Deployment runs it, on a machine
# with neither Docker nor a registry: the layers unpacked into a directory, the root filesystem read-only, a
# tmpfs on /tmp and on the data directory (the pod's emptyDirs), the image's user, working directory,
# environment and entrypoint, and the arguments given here. The host's network, /dev, /sys, /etc/hosts and
# /etc/resolv.conf are shared, as `docker run --network host` would.
#
# Usage: run-image.sh IMAGE_TAR [ARGS...]     e.g.  run-image.sh app/target/jib-image.tar demo --port 18080
#   OPSBOT_IMAGE_ENV adds (or replaces) environment variables, one NAME=value per line, as `docker run -e` does.
# Needs root (mount and chroot), util-linux (unshare, nsenter), procps (pgrep), GNU tar and jq.
set -euo pipefail

tarball=${1:?usage: run-image.sh IMAGE_TAR [ARGS...]}
shift
[ "$(id -u)" = 0 ] || { echo "run-image.sh: needs root (mounts and chroot)" >&2; exit 1; }
for tool in unshare nsenter pgrep tar jq; do
  command -v "$tool" >/dev/null || { echo "run-image.sh: needs $tool" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/opsbot-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xf "$tarball" -C "$work" manifest.json
config=$(jq -r '.[0].Config' "$work/manifest.json")
tar -xf "$tarball" -C "$work" "$config"
root="$work/rootfs"
mkdir "$root"
for layer in $(jq -r '.[0].Layers[]' "$work/manifest.json"); do
  tar -xOf "$tarball" "$layer" | tar -xz --warning=no-unknown-keyword --same-owner -p -C "$root"
done
# mount points a container runtime provides
mkdir -p "$root/proc" "$root/dev" "$root/sys" "$root/etc"
touch "$root/etc/hosts" "$root/etc/resolv.conf"

user=$(jq -r '.config.User // "0:0"' "$work/$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$work/$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$work/$config")
mapfile -t environment < <(jq -r '.config.Env[]' "$work/$config")
extra_env=()
[ -z "${OPSBOT_IMAGE_ENV:-}" ] || mapfile -t extra_env <<< "$OPSBOT_IMAGE_ENV"
data_dirs=$(jq -r '[.config.WorkingDir // empty] | join(" ")' "$work/$config")

# In a private mount and PID namespace (gone when the process ends): the mounts, then the entrypoint as the
# image's user, chrooted, in its working directory, with only the image's environment, as PID 1.
unshare --mount --pid --fork --kill-child=TERM --propagation private bash -euo pipefail -c '
  root=$1 user=$2 workdir=$3 data_dirs=$4 nsenter=$5 env_count=$6
  shift 6
  environment=("${@:1:env_count}")
  shift "$env_count"
  mount --bind "$root" "$root"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  # the JVM reads its memory limit and CPU quota from the cgroup files under /sys/fs/cgroup
  mount --rbind /sys "$root/sys"
  mount --bind /etc/hosts "$root/etc/hosts"
  mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  for dir in $data_dirs; do
    mount -t tmpfs -o "mode=755,uid=${user%%:*},gid=${user##*:}" tmpfs "$root$dir"
  done
  mount -o remount,bind,ro "$root"
  # env -i: the image environment only; nsenter (a host binary, run before the chroot) execs the entrypoint
  exec env -i "${environment[@]}" "$nsenter" --root="$root" --wd="$root$workdir" -S "${user%%:*}" -G "${user##*:}" -- "$@"
' run-image "$root" "$user" "$workdir" "$data_dirs" "$(command -v nsenter)" \
  "$(( ${#environment[@]} + ${#extra_env[@]} ))" "${environment[@]}" "${extra_env[@]}" "${entrypoint[@]}" "$@" &
child=$!
# Stopping this script stops opsbot as the kubelet does: SIGTERM to the entrypoint (unshare itself ignores it).
stop() { kill -TERM $(pgrep -P "$child") 2>/dev/null || true; }
trap stop TERM INT
status=0
wait "$child" || status=$?
while kill -0 "$child" 2>/dev/null; do wait "$child" || status=$?; done
exit "$status"
