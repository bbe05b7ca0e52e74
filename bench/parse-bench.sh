#!/usr/bin/env bash
# bench/parse-bench.sh [BUILD_DIR]
#
# Throughput and peak memory of the parse stage: `newsgraph parse` alone and
# `newsgraph extract -f ntriples` end to end, on
#   (a) the real Spanish articles, ../shared/corpus/es-news/articles/*.txt
#       (one process over all the files);
#   (b) the held-out treebank files es_ancora-ud-test, en_ewt-ud-test and
#       en_gum-cc-test: `parse --conllu` on their gold words, and `parse` and
#       `extract` on plain text made from their `# text =` lines (one sentence
#       a line, a blank line at each `# newdoc` / `# newpar`);
# and the peak RSS of one process holding both language models (a Spanish and
# an English article from examples/ in the same run, languages detected),
# next to each article alone.
#
# It prints numbers and never asserts them. Every case runs BENCH_RUNS times
# (default 3) pinned to one CPU (taskset -c 0) under GNU time; the fastest run
# gives the time, the largest "Maximum resident set size" the peak RSS.
#
#   words (parse)    word lines of the CoNLL-U output (syntactic words:
#                    "del" counts as "de" + "el"; multiword lines not counted)
#   words (extract)  `wc -w` of the input text
#   MB               10^6 bytes of input text; for `parse --conllu` the bytes
#                    of the plain text of the same sentences (not of the
#                    CoNLL-U file), so that the rows compare
#
#   BUILD_DIR  the build to measure (default: build-release; configured with
#              -DCMAKE_BUILD_TYPE=Release if it does not exist, and brought up
#              to date with `cmake --build` before measuring). Relative paths
#              are taken from the repository root.
#
# Environment:
#   BENCH_CPU=K           pin to CPU K instead of 0
#   BENCH_RUNS=N          runs per case (default 3)
#   NEWSGRAPH_SHARED=DIR  the shared folder (default: ../shared beside the
#                         repository); without it: a skip message, exit 77
#   MODELS_DIR=DIR        the models (default: models/)
#   BENCH_KEEP=1          keep outputs, stderr and time reports
#   BENCH_NO_BUILD=1      measure BUILD_DIR as it is, without `cmake --build`
set -euo pipefail
# shellcheck source=bench/parse-lib.sh
. "$(dirname "$0")/parse-lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-build-release}
cpu=${BENCH_CPU:-0}
runs=${BENCH_RUNS:-3}

die() { echo "parse-bench: error: $*" >&2; exit 1; }
note() { echo "parse-bench: $*" >&2; }

case $runs in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive integer (got '$runs')" ;; esac

tests=(es:ud/es/es_ancora-ud-test.conllu
       en:ud/en/en_ewt-ud-test.conllu
       en:ud/en/en_gum-cc-test.conllu)
pair_es=$root/examples/es-cumbre.txt
pair_en=$root/examples/en-ceasefire.txt

# --- shared data (skip, not fail, when absent) ------------------------------
shared=${NEWSGRAPH_SHARED:-$root/../shared}
news=$shared/corpus/es-news/articles
if [ ! -d "$shared/nlp" ] || [ ! -d "$news" ]; then
    echo "parse-bench: skipped: no treebanks or es-news corpus under '$shared'" \
         "(set NEWSGRAPH_SHARED=DIR)" >&2
    exit 77
fi
shared=$(cd "$shared" && pwd)
news=$shared/corpus/es-news/articles
for t in "${tests[@]}"; do
    [ -r "$shared/nlp/${t#*:}" ] || die "missing test file $shared/nlp/${t#*:}"
done
for f in "$pair_es" "$pair_en"; do [ -r "$f" ] || die "missing $f"; done

# --- tools -----------------------------------------------------------------
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v -o /dev/null true 2>/dev/null; then
    die "GNU time is needed at /usr/bin/time for peak RSS
  (Debian/Ubuntu package 'time'; scripts/deps.sh installs it)"
fi
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c "$cpu")
else
    note "warning: taskset not found (package util-linux); running unpinned"
fi

# --- binary (Release) -------------------------------------------------------
case $build in /*) ;; *) build=$root/$build ;; esac
if [ ! -f "$build/CMakeCache.txt" ]; then
    note "configuring a Release build in $build ..."
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null || die "cmake configure failed"
fi
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    # incremental: a stale binary would measure old code
    note "bringing $build up to date (cmake --build; BENCH_NO_BUILD=1 skips this) ..."
    cmake --build "$build" -j2 >/dev/null || die "build failed in $build"
fi
[ -x "$build/newsgraph" ] || die "no executable $build/newsgraph"
exe=$(cd "$build" && pwd)/newsgraph
btype=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
[ "$btype" = Release ] ||
    note "warning: $build is a '${btype:-unknown}' build, not Release; numbers are not comparable"
models=${MODELS_DIR:-$root/models}
for l in es en; do [ -r "$models/$l.ngm" ] || die "no model $models/$l.ngm"; done
models=$(cd "$models" && pwd)

new_workdir parse-bench "${BENCH_KEEP:-0}"
snapshot_models

# --- inputs ----------------------------------------------------------------
news_files=()
while IFS= read -r -d '' f; do news_files+=("$f"); done \
    < <(find "$news" -maxdepth 1 -type f -name '*.txt' -print0 | LC_ALL=C sort -z)
[ ${#news_files[@]} -gt 0 ] || die "no articles in $news"

# text_of CONLLU OUT: the sentences' `# text =` lines as plain text.
text_of() {
    awk '
    /^# (newdoc|newpar)( |$)/ { if (n) { print ""; n = 0 } next }
    /^# text = / { print substr($0, 10); n++ }' "$1" > "$2"
}

# --- measuring -------------------------------------------------------------
# measure OUTPUT CMD...: runs CMD $runs times pinned under GNU time; sets
# best (fastest wall seconds) and rss_kb (largest peak RSS). CMD writes OUTPUT.
measure() {
    local output=$1 i start end t r
    shift
    best='' rss_kb=0
    for ((i = 1; i <= runs; i++)); do
        rm -f -- "$output"
        start=$(date +%s.%N)
        if ! "${pin[@]}" /usr/bin/time -v -o "$work/time.txt" "$@" \
                >"$work/stdout.txt" 2>"$work/stderr.txt"; then
            tail -n 20 "$work/stderr.txt" >&2
            die "failed: $*"
        fi
        end=$(date +%s.%N)
        t=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')
        r=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
        if [ "${r:-0}" -gt "$rss_kb" ]; then rss_kb=${r:-0}; fi
    done
}

conllu_words() { awk -F'\t' '$1 ~ /^[0-9]+$/ { n++ } END { print n + 0 }' "$@"; }
text_words() { cat -- "$@" | LC_ALL=C wc -w; }
text_bytes() { cat -- "$@" | wc -c; }

rows=()
# row INPUT COMMAND BYTES WORDS HOW
row() { rows+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4"$'\t'"$5"$'\t'"$best"$'\t'"$rss_kb"); }

# text_cases INPUT LANG FILES...: parse (text) and extract on FILES.
text_cases() {
    local input=$1 lang=$2
    shift 2
    local bytes words
    bytes=$(text_bytes "$@")
    note "$input: parse ($runs runs) ..."
    measure "$work/out.conllu" "$exe" parse --lang "$lang" --models "$models" --text \
        -o "$work/out.conllu" "$@"
    row "$input" "parse" "$bytes" "$(conllu_words "$work/out.conllu")" "CoNLL-U word lines"
    words=$(text_words "$@")
    note "$input: extract -f ntriples ($runs runs) ..."
    measure "$work/out.nt" "$exe" extract --lang "$lang" --models "$models" --text -f ntriples \
        -o "$work/out.nt" "$@"
    row "$input" "extract -f ntriples" "$bytes" "$words" "wc -w of the input"
}

# (a) es-news, one process over all the articles
text_cases "es-news (${#news_files[@]} articles)" es "${news_files[@]}"

# (b) treebank test files
for t in "${tests[@]}"; do
    lang=${t%%:*}
    gold=$shared/nlp/${t#*:}
    name=$(basename "$gold" .conllu)
    txt=$work/$name.txt
    text_of "$gold" "$txt"
    note "$name: parse --conllu ($runs runs) ..."
    measure "$work/out.conllu" "$exe" parse --lang "$lang" --models "$models" --conllu \
        -o "$work/out.conllu" "$gold"
    row "$name" "parse --conllu" "$(text_bytes "$txt")" "$(conllu_words "$work/out.conllu")" \
        "CoNLL-U word lines"
    text_cases "$name (text)" "$lang" "$txt"
done

# (c) both languages in one process (languages detected, no --lang)
mem=()
# mem_case WHAT COMMAND FILES...
mem_case() {
    local what=$1 cmd=$2 out
    shift 2
    out=$work/mem.out
    note "memory: $cmd $what ..."
    if [ "$cmd" = parse ]; then
        measure "$out" "$exe" parse --models "$models" -o "$out" "$@"
    else
        measure "$out" "$exe" extract --models "$models" -f ntriples -o "$out" "$@"
    fi
    mem+=("$what"$'\t'"$cmd"$'\t'"$(text_words "$@")"$'\t'"$best"$'\t'"$rss_kb")
}
for cmd in parse extract; do
    mem_case "es article alone" "$cmd" "$pair_es"
    mem_case "en article alone" "$cmd" "$pair_en"
    mem_case "es + en articles" "$cmd" "$pair_es" "$pair_en"
done

# --- report ----------------------------------------------------------------
echo "newsgraph:  $exe ($btype build)"
echo "models:     $models_src (es.ngm $(wc -c < "$models/es.ngm") bytes, en.ngm $(wc -c < "$models/en.ngm") bytes, copied at the start)"
echo "pinning:    ${pin[*]:-unpinned}; best of $runs runs (time), largest peak RSS of the runs"
echo "words:      parse = word lines of its CoNLL-U output; extract = wc -w of its input"
echo "MB:         10^6 bytes of input text (parse --conllu: the plain text of its sentences)"
echo
printf '%s\n' "${rows[@]}" | awk -F'\t' '
function th(x,   s) {   # thousands separators
    x = sprintf("%.0f", x); s = ""
    while (length(x) > 3) { s = "," substr(x, length(x) - 2) s; x = substr(x, 1, length(x) - 3) }
    return x s
}
BEGIN {
    print "| input | command | MB | words | words counted as | best s | MB/s | words/s | peak RSS MiB |"
    print "|---|---|---:|---:|---|---:|---:|---:|---:|"
}
{
    t = $6 > 0 ? $6 : 1e-9
    printf "| %s | %s | %.2f | %s | %s | %.3f | %.3f | %s | %.1f |\n",
        $1, $2, $3 / 1e6, th($4), $5, $6, $3 / 1e6 / t, th($4 / t), $7 / 1024
}'
echo
echo "Peak RSS with one and with both language models loaded (examples/, languages detected):"
echo
printf '%s\n' "${mem[@]}" | awk -F'\t' '
BEGIN {
    print "| articles | command | words (wc -w) | best s | peak RSS MiB |"
    print "|---|---|---:|---:|---:|"
}
{ printf "| %s | %s | %d | %.3f | %.1f |\n", $1, $2, $3, $4, $5 / 1024 }'
