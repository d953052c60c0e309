#!/usr/bin/env bash
# Installs what redline needs beyond the Swift toolchain, only when it is missing:
# the C libraries libgit2 (1.5), libcurl and libxml2 (each loaded at run time; their headers read
# at build time), and libdeflate (loaded when present, to compress packs; zlib otherwise).
set -euo pipefail

missing=()
for package in libgit2-dev libxml2-dev libcurl4-openssl-dev libdeflate0; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v git >/dev/null || missing+=(git)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: the Swift toolchain (swift) is not on PATH" >&2; exit 2; }
