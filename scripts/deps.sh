#!/usr/bin/env bash
# Install the Debian packages newsgraph needs to build, test and benchmark,
# only those that are missing. Needs root (or sudo) when something is missing.
set -euo pipefail
pkgs=(build-essential cmake pkg-config python3
      libraptor2-dev libxml2-dev libgraphviz-dev graphviz libhunspell-dev hunspell-es
      hunspell-en-us libutf8proc-dev libsqlite3-dev libcmocka-dev unicode-cldr-core
      iso-codes raptor2-utils valgrind time libcurl4-gnutls-dev librasqal3-dev
      virtuoso-opensource-7-bin chromium)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
