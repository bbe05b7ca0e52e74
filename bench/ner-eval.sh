#!/usr/bin/env bash
# bench/ner-eval.sh [BUILD_DIR]
#
# Scores the entity models on held-out files, conlleval-style (a name counts
# when its first token, last token and class are all right):
#   es  ancora-ner-test.tsv (PER, ORG, LOC, MISC; DATE and NUM scored as O)
#   en  uner-en_ewt-test.iob2 (PER, ORG, LOC; a predicted MISC counts as O)
#   en  the names of en_gum-cc-test.conllu (PER, ORG, LOC, MISC; converted by
#       scripts/ner-data.py as the training names of GUM are)
# It runs `newsgraph mentions --conll`, the whole extractor: the gazetteer
# decides where it knows a name, the tagger elsewhere.
# NEWSGRAPH_NLP=DIR: the shared nlp/ folder (default ../shared/nlp).
# EVAL_KEEP=1 keeps the predictions (their folder is printed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
exe=$build/newsgraph
nlp=${NEWSGRAPH_NLP:-$root/../shared/nlp}
[ -x "$exe" ] || { echo "ner-eval: $exe is missing (build first)" >&2; exit 1; }
[ -d "$nlp" ] || { echo "ner-eval: no corpus folder at $nlp" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-ner-eval.XXXXXX")
if [ "${EVAL_KEEP:-0}" = 1 ]; then echo "ner-eval: keeping $work" >&2; else trap 'rm -rf -- "$work"' EXIT; fi

score() { # name pred-file awk-filter
    local name=$1 pred=$2 filter=$3
    awk -F'\t' 'BEGIN { OFS = "\t" } '"$filter"' { print }' "$pred" > "$work/scored.tsv"
    printf '%-22s ' "$name"
    python3 "$here/conlleval.py" "$work/scored.tsv" | tail -n 1
    python3 "$here/conlleval.py" "$work/scored.tsv" | grep -E '^ *(PER|ORG|LOC|MISC):' | sed 's/^/    /'
}

"$exe" mentions --conll --lang es -o "$work/es.tsv" "$nlp/ner/es/ancora-ner-test.tsv"
score "es ancora-ner-test" "$work/es.tsv" 'NF >= 3 { if ($2 ~ /-(DATE|NUM)$/) $2 = "O" }'

python3 "$root/scripts/ner-data.py" uner "$nlp/ner/en/uner-en_ewt-test.iob2" > "$work/uner.bio" 2>/dev/null
"$exe" mentions --conll --lang en -o "$work/uner.tsv" "$work/uner.bio"
score "en uner-en_ewt-test" "$work/uner.tsv" 'NF >= 3 { if ($3 ~ /MISC$/) $3 = "O" }'

python3 "$root/scripts/ner-data.py" gum "$nlp/ud/en/en_gum-cc-test.conllu" > "$work/gum.bio" 2>/dev/null
"$exe" mentions --conll --lang en -o "$work/gum.tsv" "$work/gum.bio"
score "en en_gum-cc-test" "$work/gum.tsv" ''
