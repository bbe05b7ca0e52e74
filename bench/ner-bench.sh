#!/usr/bin/env bash
# bench/ner-bench.sh [BUILD_DIR]
#
# What the entity tagger costs: `newsgraph extract -f ntriples` end to end on
# the real Spanish articles (../shared/corpus/es-news/articles/*.txt, one
# process over all of them) and on English text (the sentences of
# en_gum-cc-test), with the entity models and with --name-rules (the
# capitalisation rules the tagger replaces). Prints words/s, MB/s and peak
# RSS; asserts nothing. Each case runs BENCH_RUNS times (default 3) pinned to
# one CPU (taskset -c ${BENCH_CPU:-0}) under GNU time; the fastest run counts.
# NEWSGRAPH_SHARED=DIR: the shared folder (default ../shared); without it the
# script says so and exits 77.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-build-release}
case $build in /*) ;; *) build=$root/$build ;; esac
exe=$build/newsgraph
shared=${NEWSGRAPH_SHARED:-$root/../shared}
[ -x "$exe" ] || { echo "ner-bench: $exe is missing (build it first)" >&2; exit 1; }
[ -d "$shared/corpus/es-news/articles" ] || { echo "ner-bench: no $shared/corpus: skipped"; exit 77; }
runs=${BENCH_RUNS:-3}
cpu=${BENCH_CPU:-0}
work=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-ner-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT

grep '^# text = ' "$shared/nlp/ud/en/en_gum-cc-test.conllu" | sed 's/^# text = //' > "$work/en.txt"

# run NAME WORDS BYTES -- command...
run() {
    local name=$1 words=$2 bytes=$3 best= rss=0
    shift 4
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/t" taskset -c "$cpu" "$@" > /dev/null 2> "$work/err" ||
            { cat "$work/err" >&2; exit 1; }
        read -r s m < "$work/t"
        if [ -z "$best" ] || awk "BEGIN { exit !($s < $best) }"; then best=$s; fi
        [ "$m" -gt "$rss" ] && rss=$m
    done
    awk -v n="$name" -v s="$best" -v w="$words" -v b="$bytes" -v r="$rss" 'BEGIN {
        if (s < 0.01) s = 0.01
        printf "%-36s %7.2f s %10.0f words/s %6.2f MB/s %7.1f MiB\n", n, s, w / s, b / s / 1e6, r / 1024 }'
}

es=("$shared"/corpus/es-news/articles/*.txt)
es_words=$(cat "${es[@]}" | wc -w)
es_bytes=$(cat "${es[@]}" | wc -c)
en_words=$(wc -w < "$work/en.txt")
en_bytes=$(wc -c < "$work/en.txt")
printf '%-36s %9s %18s %11s %11s\n' case time throughput "" "peak RSS"
run "es-news, entity models" "$es_words" "$es_bytes" -- "$exe" extract -f ntriples "${es[@]}"
run "es-news, --name-rules" "$es_words" "$es_bytes" -- "$exe" extract -f ntriples --name-rules "${es[@]}"
run "en_gum-cc-test text, entity models" "$en_words" "$en_bytes" -- "$exe" extract -f ntriples --lang en "$work/en.txt"
run "en_gum-cc-test text, --name-rules" "$en_words" "$en_bytes" -- "$exe" extract -f ntriples --lang en --name-rules "$work/en.txt"
