#!/usr/bin/env bash
# Puts redis-server and nats-server (>= 2.10) on PATH for the production profile, without Docker.
# Idempotent: a second run finds both and does nothing.
#   redis-server: this Debian release's package (apt-get install).
#   nats-server:  Debian 12 ships 2.9.10, too old for Orleans' NATS stream provider, so the newer Debian
#                 release's package is downloaded with a PRIVATE apt configuration (own sources list, state
#                 and cache under a temporary folder; the system's apt sources are left untouched) and
#                 unpacked with dpkg-deb into $NATS_PREFIX, linked into /usr/local/bin.
# Settings (environment): NATS_SUITE (default trixie), NATS_PREFIX (default /opt/orleans-sentiment/nats),
# BIN_DIR (default /usr/local/bin), DEBIAN_MIRROR (default: the Debian mirror this machine's apt already uses).
set -euo pipefail

NATS_SUITE="${NATS_SUITE:-trixie}"
NATS_PREFIX="${NATS_PREFIX:-/opt/orleans-sentiment/nats}"
BIN_DIR="${BIN_DIR:-/usr/local/bin}"
MIN_NATS="2.10.0"

say() { printf 'install-services: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# "2.10.27" >= "2.10.0"?
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

nats_version() { "$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt_updated=1
  fi
}

install_redis() {
  if command -v redis-server >/dev/null 2>&1; then
    say "redis-server present: $(redis-server --version | grep -oE 'v=[0-9.]+')"
    return
  fi
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends redis-server >/dev/null
  # The package starts a system service on 6379 where an init system runs; the project never relies on it.
  say "redis-server installed: $(redis-server --version | grep -oE 'v=[0-9.]+')"
}

# The Debian archive URI this machine's apt already uses (deb822 .sources or one-line lists).
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri=$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}';
           cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '$1=="deb" {for (i=2;i<=NF;i++) if ($i !~ /^\[/ && $i !~ /\]$/) {print $i; break}}'; } \
         | grep -E '/debian/?$' | head -n1)
  if [ -z "$uri" ]; then
    echo "install-services: no Debian archive found in this machine's apt sources; set DEBIAN_MIRROR" >&2
    exit 1
  fi
  echo "${uri%/}"
}

install_nats() {
  local found
  if command -v nats-server >/dev/null 2>&1; then
    found=$(nats_version "$(command -v nats-server)")
    if [ -n "$found" ] && version_at_least "$found" "$MIN_NATS"; then
      say "nats-server present: $found"
      return
    fi
    say "nats-server $found on PATH is older than $MIN_NATS; installing $NATS_SUITE's package"
  fi
  if [ -x "$NATS_PREFIX/usr/sbin/nats-server" ]; then
    found=$(nats_version "$NATS_PREFIX/usr/sbin/nats-server")
    if [ -n "$found" ] && version_at_least "$found" "$MIN_NATS"; then
      as_root ln -sf "$NATS_PREFIX/usr/sbin/nats-server" "$BIN_DIR/nats-server"
      say "nats-server $found linked into $BIN_DIR"
      return
    fi
  fi

  local work mirror keyring
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  mirror=$(debian_mirror)
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/parts" "$work/prefs"
  echo "deb [signed-by=$keyring] $mirror $NATS_SUITE main" > "$work/sources.list"
  : > "$work/status"
  local apt=(apt-get -qq
    -o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=$work/parts"
    -o "Dir::Etc::Preferences=$work/prefs/none" -o "Dir::Etc::PreferencesParts=$work/prefs"
    -o "Dir::State::Lists=$work/lists" -o "Dir::State::status=$work/status" -o "Dir::Cache=$work/cache"
    -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
  "${apt[@]}" update
  (cd "$work" && "${apt[@]}" download nats-server)
  local deb
  deb=$(ls "$work"/nats-server_*.deb | head -n1)
  as_root mkdir -p "$NATS_PREFIX"
  as_root dpkg-deb -x "$deb" "$NATS_PREFIX"
  found=$(nats_version "$NATS_PREFIX/usr/sbin/nats-server")
  if [ -z "$found" ] || ! version_at_least "$found" "$MIN_NATS"; then
    echo "install-services: $NATS_SUITE's nats-server is '$found', not >= $MIN_NATS" >&2
    exit 1
  fi
  as_root ln -sf "$NATS_PREFIX/usr/sbin/nats-server" "$BIN_DIR/nats-server"
  say "nats-server $found unpacked into $NATS_PREFIX and linked into $BIN_DIR"
}

install_redis
install_nats
hash -r
found=$(nats_version "$(command -v nats-server)")
if ! version_at_least "$found" "$MIN_NATS"; then
  echo "install-services: nats-server on PATH is $found, older than $MIN_NATS (check PATH order for $BIN_DIR)" >&2
  exit 1
fi
say "ready: $(command -v redis-server), $(command -v nats-server) ($found)"
