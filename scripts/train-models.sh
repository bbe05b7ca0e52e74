#!/usr/bin/env bash
# scripts/train-models.sh [NLP_DIR [OUT_DIR]]
#
# Retrains the shipped parse models, models/es.ngm and models/en.ngm, from the
# Universal Dependencies treebanks in ../shared/nlp (see ../shared/nlp/README.md
# and models/README.md). The two languages train in parallel, one process
# each (2 cores). `newsgraph train` is deterministic: the same treebanks and
# settings give the same bytes.
#
#   NLP_DIR  the shared nlp/ folder (default: $NEWSGRAPH_NLP, else ../shared/nlp
#            beside the repository)
#   OUT_DIR  where es.ngm and en.ngm are written (default: $MODELS_OUT, else
#            models/ in the repository). Both models are trained into a
#            temporary folder first and moved there only if both succeed.
#
# Environment:
#   BUILD_DIR=DIR   the build holding newsgraph (default: build); built as a
#                   Release build first if DIR/newsgraph is missing
#   TAGGER_EPOCHS, PARSER_EPOCHS, SEED, MIN_COUNT, PARSERS, ES_CLUSTERS override
#                   the settings below
#   TRAIN_KEEP=1    keep the training logs (their folder is printed)
#   CONLLU_EVAL=F   the scorer (default: NLP_DIR/../eval/conllu_eval.py)
#
# Spanish trains on es_ancora-ud-dev, es_gsd-ud-dev, es_gsd-ud-test and
# es_pud-ud-test (AnCora first); it has no separate dev split, so none is
# given. English trains on en_ewt-ud-train then en_gum-cc-train and is scored
# on en_ewt-ud-dev (`--dev`) by `newsgraph train`; en_gum-cc-dev is scored
# afterwards with `newsgraph parse --conllu`. Held-out test scores:
# bench/parse-eval.sh.
#
# The Spanish model also learns word classes (--clusters) from the words of
# its treebanks and the running text of the AnCora entity files (train and
# dev), leaving out every sentence of es_ancora-ud-test, which that text
# partly repeats. English has no text beyond its treebanks, and classes
# learnt from those alone did not help on en_ewt-ud-dev, so it has none.
set -euo pipefail

# --- settings (the values the shipped models were trained with) ------------
TAGGER_EPOCHS=${TAGGER_EPOCHS:-12}
PARSER_EPOCHS=${PARSER_EPOCHS:-15}
SEED=${SEED:-1}
MIN_COUNT=${MIN_COUNT:-3}
PARSERS=${PARSERS:-2}
ES_CLUSTERS=${ES_CLUSTERS:-1024}

ES_TRAIN=(ud/es/es_ancora-ud-dev.conllu ud/es/es_gsd-ud-dev.conllu
          ud/es/es_gsd-ud-test.conllu ud/es/es_pud-ud-test.conllu)
ES_TEXT=(ner/es/ancora-ner-train.tsv ner/es/ancora-ner-dev.tsv)
ES_HELD_OUT=(ud/es/es_ancora-ud-test.conllu)
EN_TRAIN=(ud/en/en_ewt-ud-train.conllu ud/en/en_gum-cc-train.conllu)
EN_DEV=ud/en/en_ewt-ud-dev.conllu
EN_DEV2=ud/en/en_gum-cc-dev.conllu  # scored after training, never trained on

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

die() { echo "train-models: error: $*" >&2; exit 1; }

for v in TAGGER_EPOCHS PARSER_EPOCHS SEED MIN_COUNT PARSERS ES_CLUSTERS; do
    case ${!v} in
        '' | *[!0-9]*) die "$v must be a non-negative integer (got '${!v}')" ;;
    esac
done
[ $# -le 2 ] || die "usage: scripts/train-models.sh [NLP_DIR [OUT_DIR]]"

# --- data ------------------------------------------------------------------
nlp=${1:-${NEWSGRAPH_NLP:-$root/../shared/nlp}}
if [ ! -d "$nlp" ]; then
    die "no treebank folder at '$nlp'.
  The UD treebanks are expected in ../shared/nlp beside the repository
  (see ../shared/nlp/README.md); pass another folder as the first argument
  or set NEWSGRAPH_NLP=DIR."
fi
nlp=$(cd "$nlp" && pwd)
missing=()
for f in "${ES_TRAIN[@]}" "${ES_TEXT[@]}" "${ES_HELD_OUT[@]}" "${EN_TRAIN[@]}" "$EN_DEV" "$EN_DEV2"; do
    [ -r "$nlp/$f" ] || missing+=("$nlp/$f")
done
[ ${#missing[@]} -eq 0 ] || die "treebank files missing or unreadable:$(printf '\n  %s' "${missing[@]}")"

out=${2:-${MODELS_OUT:-$root/models}}
mkdir -p -- "$out" || die "cannot create '$out'"
out=$(cd "$out" && pwd)

# --- binary ----------------------------------------------------------------
build=${BUILD_DIR:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
exe=$build/newsgraph
if [ ! -x "$exe" ]; then
    echo "train-models: $exe is missing; building it (Release) ..." >&2
    command -v cmake >/dev/null 2>&1 || die "cmake is needed to build newsgraph (scripts/deps.sh installs it)"
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null ||
        die "cmake configure failed"
    cmake --build "$build" -j2 >/dev/null || die "build failed"
    [ -x "$exe" ] || die "the build did not produce $exe"
fi

# --- train -----------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-train.XXXXXX")
if [ "${TRAIN_KEEP:-0}" = 1 ]; then
    echo "train-models: keeping logs in $work" >&2
    trap 'rm -f -- "$work"/*.ngm' EXIT
else
    trap 'rm -rf -- "$work"' EXIT
fi

settings=(--tagger-epochs "$TAGGER_EPOCHS" --parser-epochs "$PARSER_EPOCHS"
          --seed "$SEED" --min-count "$MIN_COUNT" --parsers "$PARSERS")

# train LANG [newsgraph train options and files...]: one language, its log in
# $work/LANG.log and, prefixed with [LANG], on stderr.
train() {
    local lang=$1
    shift
    (
        cd "$nlp"
        "$exe" train --lang "$lang" -o "$work/$lang.ngm" "${settings[@]}" "$@" 2>&1
    ) | tee "$work/$lang.log" | sed -u "s/^/[$lang] /" >&2
}

echo "train-models: newsgraph $exe" >&2
echo "train-models: treebanks $nlp" >&2
echo "train-models: tagger-epochs $TAGGER_EPOCHS, parser-epochs $PARSER_EPOCHS, seed $SEED, min-count $MIN_COUNT, parsers $PARSERS" >&2
echo "train-models: es <- ${ES_TRAIN[*]}; word classes $ES_CLUSTERS from them and ${ES_TEXT[*]} (without ${ES_HELD_OUT[*]})" >&2
echo "train-models: en <- ${EN_TRAIN[*]} (dev ${EN_DEV})" >&2

start=$SECONDS
es_classes=(--clusters "$ES_CLUSTERS")
for f in "${ES_TEXT[@]}"; do es_classes+=(--text "$f"); done
for f in "${ES_HELD_OUT[@]}"; do es_classes+=(--held-out "$f"); done
train es "${es_classes[@]}" "${ES_TRAIN[@]}" &
es_pid=$!
train en --dev "$EN_DEV" "${EN_TRAIN[@]}" &
en_pid=$!
es_rc=0 en_rc=0
wait "$es_pid" || es_rc=$?
wait "$en_pid" || en_rc=$?
elapsed=$((SECONDS - start))

failed=()
if [ "$es_rc" -ne 0 ] || [ ! -s "$work/es.ngm" ]; then failed+=("es (status $es_rc)"); fi
if [ "$en_rc" -ne 0 ] || [ ! -s "$work/en.ngm" ]; then failed+=("en (status $en_rc)"); fi
if [ ${#failed[@]} -gt 0 ]; then
    list=$(printf '%s, ' "${failed[@]}")
    die "training failed for ${list%, }; $out was not changed
  (TRAIN_KEEP=1 keeps the logs)"
fi

# --- dev scores ------------------------------------------------------------
# Scored from the temporary folder, before anything replaces the old models.
eval_py=${CONLLU_EVAL:-$nlp/../eval/conllu_eval.py}
gum_dev=
if [ -r "$eval_py" ] && command -v python3 >/dev/null 2>&1; then
    "$exe" parse --lang en --models "$work" --conllu -o "$work/gum-dev.conllu" "$nlp/$EN_DEV2" ||
        die "parse --conllu on $EN_DEV2 failed"
    gum_dev=$(python3 "$eval_py" "$nlp/$EN_DEV2" "$work/gum-dev.conllu" | tail -n 1)
fi

# Copied beside the target, then renamed: a reader never sees half a model.
for l in es en; do
    if ! { cp -- "$work/$l.ngm" "$out/.$l.ngm.tmp$$" && mv -f -- "$out/.$l.ngm.tmp$$" "$out/$l.ngm"; }; then
        rm -f -- "$out/.$l.ngm.tmp$$"
        die "cannot write $out/$l.ngm"
    fi
done

ewt_dev=$(grep -E '^ *dev: ' "$work/en.log" | tail -n 1 | sed 's/^ *dev: //')
echo
echo "trained in ${elapsed} s"
printf '%-30s %s\n' "model" "bytes"
for l in es en; do
    printf '%-30s %s\n' "$out/$l.ngm" "$(wc -c < "$out/$l.ngm")"
done
echo
echo "dev scores (gold tokenization):"
echo "  es  none: no Spanish dev split is kept back (all but es_ancora-ud-test is trained on)"
echo "  en  en_ewt-ud-dev:  ${ewt_dev:-(not reported by newsgraph train)}"
if [ -n "$gum_dev" ]; then
    # conllu_eval.py prints "upos X uas Y las Z words N"
    echo "$gum_dev" | awk '{ printf "  en  en_gum-cc-dev:  UPOS %s UAS %s LAS %s (%s words)\n", $2, $4, $6, $8 }'
else
    echo "  en  en_gum-cc-dev:  not scored (needs python3 and $eval_py)"
fi
echo "held-out test scores: bench/parse-eval.sh"
