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
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The SHACL validator the tests use (npm's rdf-validate-shacl), at the
# versions package-lock.json pins, into tests/shacl/node_modules.
shacl=$(cd "$(dirname "$0")/../tests/shacl" && pwd)
if [ ! -d "$shacl/node_modules/rdf-validate-shacl" ]; then
    echo "installing the SHACL validator (npm ci in tests/shacl)"
    (cd "$shacl" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
