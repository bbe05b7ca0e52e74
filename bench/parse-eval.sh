#!/usr/bin/env bash
# bench/parse-eval.sh [BUILD_DIR]
#
# UPOS accuracy, UAS and LAS of the shipped parse models (models/es.ngm,
# models/en.ngm) on the held-out treebank files, never trained on:
# es_ancora-ud-test (Spanish), en_ewt-ud-test and en_gum-cc-test (English).
# Each file is re-parsed on its gold words with
# `newsgraph parse --lang L --conllu FILE` and scored by
# ../shared/eval/conllu_eval.py (punctuation counts; relations compared on
# their universal part).
#
#   BUILD_DIR  directory holding the newsgraph binary (default: build);
#              relative paths are tried from the current directory first,
#              then from the repository root.
#
# Environment:
#   NEWSGRAPH_SHARED=DIR  the shared folder (default: ../shared beside the
#                         repository); without it the script prints a skip
#                         message and exits 77
#   MODELS_DIR=DIR        the models to measure (default: models/)
#   EVAL_KEEP=1           keep the predicted CoNLL-U files
set -euo pipefail
# shellcheck source=bench/parse-lib.sh
. "$(dirname "$0")/parse-lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-build}

die() { echo "parse-eval: error: $*" >&2; exit 1; }

# lang:file, relative to NLP_DIR
tests=(es:ud/es/es_ancora-ud-test.conllu
       en:ud/en/en_ewt-ud-test.conllu
       en:ud/en/en_gum-cc-test.conllu)

# --- shared data (skip, not fail, when absent) ------------------------------
shared=${NEWSGRAPH_SHARED:-$root/../shared}
nlp=$shared/nlp
scorer=$shared/eval/conllu_eval.py
if [ ! -d "$nlp" ] || [ ! -r "$scorer" ]; then
    echo "parse-eval: skipped: no treebanks at '$nlp' or no scorer at '$scorer'" \
         "(set NEWSGRAPH_SHARED=DIR)" >&2
    exit 77
fi
for t in "${tests[@]}"; do
    [ -r "$nlp/${t#*:}" ] || die "missing test file $nlp/${t#*:}"
done
command -v python3 >/dev/null 2>&1 || die "python3 is needed to run $scorer"
shared=$(cd "$shared" && pwd)
nlp=$shared/nlp
scorer=$shared/eval/conllu_eval.py

# --- binary and models ------------------------------------------------------
if [ -x "$build/newsgraph" ]; then
    exe=$(cd "$build" && pwd)/newsgraph
elif [ "${build#/}" = "$build" ] && [ -x "$root/$build/newsgraph" ]; then
    exe=$(cd "$root/$build" && pwd)/newsgraph
else
    die "no executable newsgraph in '$build'; build it first
  (cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2)"
fi
models=${MODELS_DIR:-$root/models}
for l in es en; do
    [ -r "$models/$l.ngm" ] || die "no model $models/$l.ngm (scripts/train-models.sh makes it)"
done
models=$(cd "$models" && pwd)

new_workdir parse-eval "${EVAL_KEEP:-0}"
snapshot_models

# --- parse and score --------------------------------------------------------
rows=()
for t in "${tests[@]}"; do
    lang=${t%%:*}
    gold=$nlp/${t#*:}
    name=$(basename "$gold" .conllu)
    pred=$work/$name.conllu
    echo "parse-eval: $name ($lang) ..." >&2
    "$exe" parse --lang "$lang" --models "$models" --conllu -o "$pred" "$gold" ||
        die "newsgraph parse --conllu failed on $gold"
    # "upos X uas Y las Z words N"
    score=$(python3 "$scorer" "$gold" "$pred" | tail -n 1) ||
        die "conllu_eval.py failed on $name"
    case $score in upos\ *) ;; *) die "unexpected scorer output for $name: $score" ;; esac
    rows+=("$lang $name $score")
done

echo "newsgraph: $exe"
echo "models:    $models_src/es.ngm ($(wc -c < "$models/es.ngm") bytes), $models_src/en.ngm ($(wc -c < "$models/en.ngm") bytes)"
echo "scorer:    $scorer (gold tokenization; punctuation counts)"
echo
printf '%s\n' "${rows[@]}" | awk '
BEGIN {
    print "| language | held-out file | words | UPOS | UAS | LAS |"
    print "|---|---|---:|---:|---:|---:|"
}
# lang name upos X uas Y las Z words N
{
    w = $10; s = ""
    while (length(w) > 3) { s = "," substr(w, length(w) - 2) s; w = substr(w, 1, length(w) - 3) }
    printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, w s, $4, $6, $8
}'
