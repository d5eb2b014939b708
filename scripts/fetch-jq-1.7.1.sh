#!/usr/bin/env bash
# Prints the path of a `jq` that runs Debian trixie's jq 1.7.1, the jq of today's distributions
# (Debian trixie, Ubuntu 24.04, Azure Cloud Shell), whatever jq the machine has.
# The packages jq, libjq1, libonig5 and libc6 are fetched once with `apt-get download` from
# deb.debian.org through a private apt state, unpacked with dpkg-deb (nothing is installed), and
# run through trixie's own loader so that trixie's libc is the one jq links against, under the
# name a reader types (`jq`, which its usage messages print).
# They are cached under $TMPDIR/aro-labs-jq-1.7.1 (set JQ171_CACHE to use another directory).
#   scripts/fetch-jq-1.7.1.sh            -> prints the wrapper's path (CACHE/bin/jq)
set -euo pipefail
CACHE="${JQ171_CACHE:-${TMPDIR:-/tmp}/aro-labs-jq-1.7.1}"
# Trixie keeps one revision of each; the jq package's version is checked after unpacking.
PACKAGES=(jq libjq1 libonig5 libc6)
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
wrapper="$CACHE/bin/jq"
stamp="$CACHE/root.stamp"
if [ -x "$wrapper" ] && [ "$(cat "$stamp" 2>/dev/null)" = "${PACKAGES[*]}" ]; then
  echo "$wrapper"; exit 0
fi
apt="$CACHE/apt"
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d" "$apt/preferences.d" "$CACHE/debs"
echo "deb [signed-by=$KEYRING] http://deb.debian.org/debian trixie main" >"$apt/sources.list"
options=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/sources.list.d"
  -o "Dir::Etc::Preferences=$apt/preferences" -o "Dir::Etc::PreferencesParts=$apt/preferences.d"
  -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o APT::Architecture=amd64 -o Debug::NoLocking=1)
if ! ls "$CACHE"/debs/jq_*.deb >/dev/null 2>&1 || [ "$(cat "$stamp" 2>/dev/null)" != "${PACKAGES[*]}" ]; then
  rm -f "$CACHE"/debs/*.deb
  apt-get "${options[@]}" update >&2
  (cd "$CACHE/debs" && apt-get "${options[@]}" download "${PACKAGES[@]}" >&2)
fi
rm -rf "$CACHE/root"
for deb in "$CACHE"/debs/*.deb; do dpkg-deb -x "$deb" "$CACHE/root"; done
mkdir -p "$CACHE/bin"
lib="$CACHE/root/usr/lib/x86_64-linux-gnu"
cat >"$wrapper" <<SH
#!/bin/sh
exec "$lib/ld-linux-x86-64.so.2" --argv0 jq --library-path "$lib" "$CACHE/root/usr/bin/jq" "\$@"
SH
chmod +x "$wrapper"
# (Debian's build reports `jq-1.7` to --version;
# the package is upstream 1.7.1.)
version="$(dpkg-deb -f "$CACHE"/debs/jq_*.deb Version)"
case "$version" in 1.7.1-*) ;; *) echo "trixie's jq is $version, not 1.7.1" >&2; exit 1 ;; esac
echo "${PACKAGES[*]}" >"$stamp"
echo "$wrapper"
