#!/usr/bin/env bash
# The exports of the fixtures conform to ontology/shapes.ttl, checked by a
# real SHACL validator (npm's rdf-validate-shacl, installed by
# scripts/deps.sh), and deliberately broken exports do not.
# Usage: shacl.sh TOOL FIXTURES_DIR SHAPES
set -uo pipefail
tool=$1
fx=$2
shapes=$3
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -d "$here/node_modules/rdf-validate-shacl" ] || fail "the SHACL validator is not installed (bash scripts/deps.sh)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
validate() { node "$here/validate.mjs" "$shapes" "$@"; }

db=$work/kg.db
"$tool" add -q --store "$db" "$fx/es-alianza.txt" "$fx/en-summit.txt" "$fx/en-business.txt" \
    "$fx/en-conflict.txt" "$fx/es-variantes.txt" "$fx/es-html.html" "$fx/en-html.html" || fail "add"
"$tool" export --store "$db" -f ntriples -o "$work/kg.nt" || fail "export nt"
"$tool" export --store "$db" -f turtle -o "$work/kg.ttl" || fail "export ttl"
"$tool" export --store "$db" -f nquads -o "$work/kg.nq" || fail "export nq"
"$tool" extract -f turtle -o "$work/extract.ttl" "$fx/es-alianza.txt" "$fx/en-summit.txt" || fail "extract"
validate "$work/kg.nt" "$work/kg.ttl" "$work/kg.nq" "$work/extract.ttl" || fail "an export does not conform"

# each kind of damage is caught
broken() { # name sed-or-grep-command
    local name=$1
    shift
    "$@" <"$work/kg.nt" >"$work/$name.nt"
    cmp -s "$work/kg.nt" "$work/$name.nt" && fail "$name: the damage changed nothing"
    if validate "$work/$name.nt" >"$work/$name.out"; then fail "$name: not caught"; fi
    echo "  caught $name: $(grep -c ': ' "$work/$name.out") line(s), e.g. $(head -1 "$work/$name.out" | cut -c1-140)"
}
broken confidence sed 's/#confidence> "[0-9.]*"/#confidence> "1.50"/'
broken no-source grep -v 'purl.org/dc/terms/source'
broken modality sed 's/#modality> "asserted"/#modality> "sure"/'
broken no-label grep -v 'rdf-schema#label'
broken date sed 's/\(#date> "[^"]*"\)^^<[^>]*>/\1/'
broken two-subjects sed 's|\(^<[^>]*claim/[^>]*>\) <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <\([^>]*\)> \.|&\n\1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <\2-other> .|'
echo "ok: shacl"
