#!/usr/bin/env bash
# Builds the base of opsbot's container image without pulling from any container registry (none is reachable
# from the build machines): a minimal Debian 12 glibc userland from Debian's own packages and a JRE made by jlink
# from the build's JDK, written as a `docker save`-style tarball that Jib uses as its base image
# (`tar://.../opsbot-base.tar`). Jib then adds the shaded jar and the container configuration (app/pom.xml,
# profile `image`; docs/image.md).
#
# Why a base tarball rather than Jib's extraDirectories on `scratch`: Jib copies extra directories file by file,
# following symbolic links (absolute ones such as /lib64/ld-linux-x86-64.so.2 would resolve on the build host)
# and giving every file to root. A layer written by tar keeps the links, the modes and the owners (the data
# directory belongs to uid 65532).
#
# Usage: build-rootfs.sh OUT_DIR JAVA_HOME JRE_MODULES
#   OUT_DIR      working directory, e.g. app/target/image-root; the result is OUT_DIR/opsbot-base.tar
#   JAVA_HOME    the JDK whose jlink builds the JRE (21 or newer; with jmods, or a JDK 24+ linkable runtime)
#   JRE_MODULES  comma-separated modules for jlink --add-modules
# Needs apt-get, dpkg-deb, GNU tar and sha256sum; no root. Environment (all optional):
#   OPSBOT_IMAGE_DEBIAN_MIRROR    default http://deb.debian.org/debian (its -security sibling is derived)
#   OPSBOT_IMAGE_DEBIAN_KEYRING   default /usr/share/keyrings/debian-archive-keyring.gpg
#   SOURCE_DATE_EPOCH             timestamp of every file in the layers (default 1, as Jib's own files)
set -euo pipefail

out=${1:?usage: build-rootfs.sh OUT_DIR JAVA_HOME JRE_MODULES}
java_home=${2:?usage: build-rootfs.sh OUT_DIR JAVA_HOME JRE_MODULES}
modules=${3:?usage: build-rootfs.sh OUT_DIR JAVA_HOME JRE_MODULES}
suite=bookworm
mirror=${OPSBOT_IMAGE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=${OPSBOT_IMAGE_DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
epoch=${SOURCE_DATE_EPOCH:-1}
uid=65532

# The userland, and why each package is in it. Dependencies are listed by hand (dpkg -x resolves none); left out
# on purpose: debconf and ucf (for maintainer scripts, never run here), ca-certificates (the JRE brings its own
# trust store, lib/security/cacerts), tzdata (Java has its own time-zone database).
packages=(
  libc6             # glibc and its loader: the JVM, the ONNX runtime, the tokenizer and JNA link against it
  libgcc-s1         # stack unwinding for the JVM's and the C++ libraries' exceptions
  libstdc++6        # the embedding model's ONNX runtime and its tokenizer are C++
  gcc-12-base       # the copyright of libgcc-s1 and libstdc++6 (their /usr/share/doc links to it)
  libfontconfig1    # the JDK's font manager finds fonts through fontconfig (chart titles, axes, legends)
  fontconfig-config # fontconfig's configuration, /etc/fonts
  fonts-dejavu-core # the one font family the charts are drawn with
  libfreetype6      # fontconfig reads the fonts with FreeType (the JDK renders with its own copy)
  libpng16-16       # FreeType's dependencies ...
  libbrotli1
  zlib1g
  libexpat1         # ... and fontconfig's XML parser
)

case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "build-rootfs.sh: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
for tool in apt-get dpkg-deb tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "build-rootfs.sh: needs $tool (Debian or Ubuntu build machine)" >&2; exit 1; }
done
[ -r "$keyring" ] || { echo "build-rootfs.sh: no Debian archive keyring at $keyring (apt-get install debian-archive-keyring, or set OPSBOT_IMAGE_DEBIAN_KEYRING)" >&2; exit 1; }
[ -x "$java_home/bin/jlink" ] || { echo "build-rootfs.sh: no jlink in $java_home/bin (needs a JDK, not a JRE)" >&2; exit 1; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
apt_dir="$out/apt"
rootfs="$out/os"
jre="$out/jre"
base="$out/base"

# --- Debian packages: a private apt state (Debian 12 whatever the build machine runs), no root needed ---
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs" "$apt_dir/etc/preferences.d"
: > "$apt_dir/status"
cat > "$apt_dir/sources.list" <<EOF
deb [signed-by=$keyring] $mirror $suite main
deb [signed-by=$keyring] $mirror $suite-updates main
deb [signed-by=$keyring] ${mirror%/debian}/debian-security $suite-security main
EOF
apt_opts=(
  -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/etc"
  -o "Dir::Etc::Preferences=$apt_dir/etc/preferences" -o "Dir::Etc::PreferencesParts=$apt_dir/etc/preferences.d"
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::State::status=$apt_dir/status" -o "Dir::Cache=$apt_dir/cache"
  -o "APT::Architecture=$arch" -o "APT::Architectures=$arch" -o "Acquire::Languages=none" -o "Debug::NoLocking=1"
)
# as root apt downloads as the user _apt, which may not write under target/
[ "$(id -u)" = 0 ] && apt_opts+=(-o "APT::Sandbox::User=root")

echo "build-rootfs.sh: Debian $suite package lists ($mirror)"
apt-get -qq "${apt_opts[@]}" update
(
  cd "$apt_dir/debs"
  # keep the .deb files of the current versions only: a second build downloads nothing new
  wanted=()
  while read -r pkg version; do
    if ! compgen -G "${pkg}_${version//:/%3a}_*.deb" >/dev/null; then wanted+=("$pkg"); fi
  done < <(apt-cache "${apt_opts[@]}" show --no-all-versions "${packages[@]}" \
    | sed -n -e 's/^Package: //p' -e 's/^Version: //p' | paste -d' ' - -)
  if [ "${#wanted[@]}" -gt 0 ]; then
    rm -f -- $(printf '%s_*.deb ' "${wanted[@]}")
    apt-get -qq "${apt_opts[@]}" download "${wanted[@]}"
  fi
)

debs=()
versions=()
for pkg in "${packages[@]}"; do
  deb=$(ls -t "$apt_dir/debs/${pkg}"_*.deb | head -n1)
  debs+=("$deb")
  versions+=("$pkg=$(dpkg-deb -f "$deb" Version)")
done

# The same packages, JDK, modules and script as last time: the base tarball is up to date.
key=$( { printf '%s\n' "${versions[@]}" "$modules" "$epoch"; "$java_home/bin/java" -version 2>&1; cat "$0"; } | sha256sum)
if [ -f "$out/opsbot-base.tar" ] && [ "$(cat "$out/opsbot-base.key" 2>/dev/null)" = "$key" ]; then
  echo "build-rootfs.sh: $out/opsbot-base.tar is up to date"
  exit 0
fi
rm -f "$out/opsbot-base.key"

echo "build-rootfs.sh: unpacking ${#packages[@]} packages"
rm -rf "$rootfs"
mkdir -p "$rootfs/var/lib/dpkg/status.d" "$rootfs/etc"
for index in "${!packages[@]}"; do
  dpkg-deb -x "${debs[$index]}" "$rootfs"
  # distroless's convention: vulnerability scanners (Trivy, Grype) read the installed packages here
  dpkg-deb -f "${debs[$index]}" > "$rootfs/var/lib/dpkg/status.d/${packages[$index]}"
done
printf '%s\n' "${versions[@]}" > "$out/packages.txt"

# Nothing at run time reads documentation, man pages, gdb helpers or the iconv converters (the JVM converts
# charsets itself); the copyright files stay, as Debian's licences ask.
rm -rf "$rootfs/usr/share/man" "$rootfs/usr/share/info" "$rootfs/usr/share/lintian" "$rootfs/usr/share/gdb" \
  "$rootfs/usr/share/gcc" "$rootfs/usr/share/bug" "$rootfs/usr/lib/$(uname -m)-linux-gnu/gconv" \
  "$rootfs/usr/libexec/getconf"
find "$rootfs/usr/share/doc" -mindepth 2 -not -type d -not -name copyright -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete

# Debian's release files, for the scanners: the distribution is recognised by /etc/os-release
cat > "$rootfs/usr/lib/os-release" <<'EOF'
PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
EOF
ln -s ../usr/lib/os-release "$rootfs/etc/os-release"

# The user opsbot runs as (the Deployment's runAsUser); its home is the data directory, the one place besides
# /tmp that the pod can write to.
cat > "$rootfs/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
opsbot:x:$uid:$uid:opsbot:/var/lib/opsbot:/sbin/nologin
EOF
cat > "$rootfs/etc/group" <<EOF
root:x:0:
opsbot:x:$uid:
EOF
# /etc/hosts before DNS: Kubernetes writes the pod's own names there, and without this file glibc would ask the
# cluster's DNS (with its search domains) for localhost first
cat > "$rootfs/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
hosts: files dns
EOF
chmod 644 "$rootfs/etc/passwd" "$rootfs/etc/group" "$rootfs/etc/nsswitch.conf" "$rootfs/usr/lib/os-release"
mkdir -p "$rootfs/tmp" "$rootfs/var/lib/opsbot" "$rootfs/root"
chmod 1777 "$rootfs/tmp"
chmod 755 "$rootfs/var/lib/opsbot"
chmod 700 "$rootfs/root"

# --- the JRE: only the modules opsbot uses (JRE_MODULES, app/pom.xml) ---
echo "build-rootfs.sh: jlink $modules"
rm -rf "$jre"
mkdir -p "$jre/opt"
# --generate-cds-archive: the JDK's own classes pre-parsed, as in a full JDK (a faster start)
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$jre/opt/java"
# the archive for heaps over 32 GB (no compressed pointers): such a JVM starts without it
rm -f "$jre/opt/java/lib/server/classes_nocoops.jsa"

# --- the base image: two layers (userland, JRE) and a config, as `docker save` writes them ---
# Same inputs, same bytes: names sorted, one timestamp, numeric owners.
layer() { # layer DIR TAR [tar options]: every file owned by root
  local dir=$1 tarfile=$2
  shift 2
  tar --format=gnu --sort=name --mtime="@$epoch" --numeric-owner --owner=0 --group=0 \
    -C "$dir" -cf "$tarfile" "$@" .
}
rm -rf "$base"
mkdir -p "$base"
layer "$rootfs" "$base/os.tar" --exclude=./var/lib/opsbot
# the data directory (and home) belongs to opsbot, the image's user: appended with that owner
tar --format=gnu --mtime="@$epoch" --numeric-owner --owner="$uid" --group="$uid" --no-recursion \
  -C "$rootfs" -rf "$base/os.tar" ./var/lib/opsbot
layer "$jre" "$base/jre.tar"

os_diff=sha256:$(sha256sum "$base/os.tar" | cut -d' ' -f1)
jre_diff=sha256:$(sha256sum "$base/jre.tar" | cut -d' ' -f1)
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
jdk_version=$("$jre/opt/java/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')
cat > "$base/config.json" <<EOF
{"architecture":"$arch","os":"linux","created":"$created","config":{},
 "rootfs":{"type":"layers","diff_ids":["$os_diff","$jre_diff"]},
 "history":[
  {"created":"$created","created_by":"build-rootfs.sh: Debian $suite ${versions[*]}"},
  {"created":"$created","created_by":"build-rootfs.sh: jlink $jdk_version --add-modules $modules"}]}
EOF
cat > "$base/manifest.json" <<'EOF'
[{"Config":"config.json","RepoTags":["opsbot-base:local"],"Layers":["os.tar","jre.tar"]}]
EOF
tar --format=gnu --sort=name --mtime="@$epoch" --numeric-owner --owner=0 --group=0 \
  -C "$base" -cf "$out/opsbot-base.tar" manifest.json config.json os.tar jre.tar
echo "$key" > "$out/opsbot-base.key"
echo "build-rootfs.sh: $out/opsbot-base.tar (userland $(du -sh "$rootfs" | cut -f1), JRE $(du -sh "$jre" | cut -f1))"
# the tarball holds all of it
rm -rf "$base" "$rootfs" "$jre"
