#!/usr/bin/env bash
# scripts/train-entity-models.sh [NLP_DIR [OUT_DIR]]
#
# Retrains the shipped entity models, models/es.ner.ngm and models/en.ner.ngm,
# from the entity corpora in ../shared/nlp (see ../shared/nlp/README.md and
# models/README.md). The entity tagger reads the parse, so the parse models
# (models/es.ngm, models/en.ngm) must be there first (scripts/train-models.sh).
# `newsgraph train-entities` is deterministic: the same files and settings
# give the same bytes.
#
#   NLP_DIR  the shared nlp/ folder (default: $NEWSGRAPH_NLP, else ../shared/nlp
#            beside the repository)
#   OUT_DIR  where the models are written (default: $MODELS_OUT, else models/);
#            both are trained into a temporary folder and moved there only if
#            both succeed
#
# Environment: BUILD_DIR=DIR (default build; built as Release if missing),
# EPOCHS, SEED, MIN_COUNT, MEMBERS, HEADLINE_EVERY override the settings below;
# TRAIN_ONLY=1 leaves Spanish dev out (to score on it).
#
# Spanish trains on ancora-ner-train and ancora-ner-dev: the settings were
# chosen on dev with models trained on train alone (TRAIN_ONLY=1 trains so),
# and the shipped model then learns from both. English trains on
# Universal NER over en_ewt-dev and on the names of en_gum-cc-train (GUM's
# Entity= mentions whose head is a proper noun, converted by
# scripts/ner-data.py), as one corpus. Test sets are never trained on.
# Held-out scores: bench/ner-eval.sh.
set -euo pipefail

EPOCHS=${EPOCHS:-10}
SEED=${SEED:-1}
MIN_COUNT=${MIN_COUNT:-1}
MEMBERS=${MEMBERS:-2}
HEADLINE_EVERY=${HEADLINE_EVERY:-6}

ES_TRAIN=ner/es/ancora-ner-train.tsv
ES_DEV=ner/es/ancora-ner-dev.tsv
EN_UNER=ner/en/uner-en_ewt-dev.iob2
EN_GUM=ud/en/en_gum-cc-train.conllu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
die() { echo "train-entity-models: error: $*" >&2; exit 1; }

for v in EPOCHS SEED MIN_COUNT MEMBERS HEADLINE_EVERY; do
    case ${!v} in '' | *[!0-9]*) die "$v must be a non-negative integer (got '${!v}')" ;; esac
done
[ $# -le 2 ] || die "usage: scripts/train-entity-models.sh [NLP_DIR [OUT_DIR]]"

nlp=${1:-${NEWSGRAPH_NLP:-$root/../shared/nlp}}
[ -d "$nlp" ] || die "no corpus folder at '$nlp' (see ../shared/nlp/README.md; pass it as the first argument or set NEWSGRAPH_NLP)"
nlp=$(cd "$nlp" && pwd)
for f in "$ES_TRAIN" "$ES_DEV" "$EN_UNER" "$EN_GUM"; do
    [ -r "$nlp/$f" ] || die "missing or unreadable: $nlp/$f"
done
out=${2:-${MODELS_OUT:-$root/models}}
mkdir -p -- "$out" || die "cannot create '$out'"
out=$(cd "$out" && pwd)
for l in es en; do
    [ -r "$root/models/$l.ngm" ] || die "the parse model $root/models/$l.ngm is missing (scripts/train-models.sh)"
done
command -v python3 >/dev/null 2>&1 || die "python3 is needed to convert the English corpora"

build=${BUILD_DIR:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
exe=$build/newsgraph
if [ ! -x "$exe" ]; then
    echo "train-entity-models: $exe is missing; building it (Release) ..." >&2
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null || die "cmake configure failed"
    cmake --build "$build" -j2 >/dev/null || die "build failed"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-ner.XXXXXX")
trap 'rm -rf -- "$work"' EXIT

python3 "$here/ner-data.py" uner "$nlp/$EN_UNER" > "$work/en-uner.bio" 2> "$work/en-uner.log" ||
    die "converting $EN_UNER failed: $(cat "$work/en-uner.log")"
python3 "$here/ner-data.py" gum "$nlp/$EN_GUM" > "$work/en-gum.bio" 2> "$work/en-gum.log" ||
    die "converting $EN_GUM failed: $(cat "$work/en-gum.log")"

settings=(--epochs "$EPOCHS" --seed "$SEED" --min-count "$MIN_COUNT" --members "$MEMBERS"
          --headline-every "$HEADLINE_EVERY" --models "$root/models")
train() {
    local lang=$1
    shift
    "$exe" train-entities --lang "$lang" -o "$work/$lang.ner.ngm" "${settings[@]}" "$@" 2>&1 |
        sed -u "s/^/[$lang] /" >&2
}

echo "train-entity-models: es <- $ES_TRAIN + $ES_DEV" >&2
echo "train-entity-models: en <- $EN_UNER + names of $EN_GUM" >&2
start=$SECONDS
if [ "${TRAIN_ONLY:-0}" = 1 ]; then es_files=("$nlp/$ES_TRAIN"); else es_files=("$nlp/$ES_TRAIN" "$nlp/$ES_DEV"); fi
# news capitalises its names: common lower-case words need few features
train es --quick-common "${es_files[@]}" &
es_pid=$!
train en "$work/en-uner.bio" "$work/en-gum.bio" &
en_pid=$!
es_rc=0 en_rc=0
wait "$es_pid" || es_rc=$?
wait "$en_pid" || en_rc=$?
[ "$es_rc" -eq 0 ] && [ -s "$work/es.ner.ngm" ] || die "Spanish training failed; $out was not changed"
[ "$en_rc" -eq 0 ] && [ -s "$work/en.ner.ngm" ] || die "English training failed; $out was not changed"

for l in es en; do
    cp -- "$work/$l.ner.ngm" "$out/.$l.ner.ngm.tmp$$" && mv -f -- "$out/.$l.ner.ngm.tmp$$" "$out/$l.ner.ngm" ||
        die "cannot write $out/$l.ner.ngm"
done
echo
echo "trained in $((SECONDS - start)) s"
for l in es en; do printf '%-40s %s bytes\n' "$out/$l.ner.ngm" "$(wc -c < "$out/$l.ner.ngm")"; done
echo "held-out scores: bench/ner-eval.sh"
