#!/usr/bin/env bash
# bench/run.sh [BUILD_DIR] [N]
#
# Throughput and peak-memory benchmark of `newsgraph extract` over a synthetic
# corpus of N articles (default 4000) made by bench/gen-corpus.py.
#
#   BUILD_DIR  directory holding the newsgraph binary (default: build);
#              relative paths are tried from the current directory first,
#              then from the repository root.
#   N          number of articles (default: 4000).
#
# The corpus is generated once into bench/.corpus-N and reused afterwards
# (delete that directory to regenerate it).  The run is pinned to CPU 0 with
# taskset and measured with GNU time (/usr/bin/time -v) for peak RSS and with
# `date +%s.%N` for wall time.
#
# Environment:
#   BENCH_CPU=K          pin to CPU K instead of 0
#   BENCH_ARGS="..."     extra arguments passed to `newsgraph extract`
#   BENCH_KEEP=1         keep the output (N-Triples, stderr, time report)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-build}
n=${2:-4000}
cpu=${BENCH_CPU:-0}

die() { echo "bench: error: $*" >&2; exit 1; }

case $n in
    '' | *[!0-9]* | 0) die "N must be a positive integer (got '$n')" ;;
esac

# --- tools -----------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    die "/usr/bin/time (GNU time) is missing; it is needed for peak RSS.
  Install the 'time' package (Debian/Ubuntu: apt-get install time);
  the project's setup script installs it."
fi
if ! /usr/bin/time -v -o /dev/null true 2>/dev/null; then
    die "/usr/bin/time does not understand -v/-o; GNU time is required
  (Debian/Ubuntu package 'time')."
fi
command -v python3 >/dev/null 2>&1 || die "python3 is needed to generate the corpus"
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c "$cpu")
else
    echo "bench: warning: taskset not found (package util-linux); running unpinned" >&2
fi

# --- binary ----------------------------------------------------------------
if [ -x "$build/newsgraph" ]; then
    exe=$(cd "$build" && pwd)/newsgraph
elif [ "${build#/}" = "$build" ] && [ -x "$root/$build/newsgraph" ]; then
    exe=$(cd "$root/$build" && pwd)/newsgraph
else
    die "no executable newsgraph in '$build'; build it first"
fi

# --- corpus ----------------------------------------------------------------
corpus=$here/.corpus-$n
if [ -f "$corpus/.complete" ]; then
    echo "bench: reusing corpus $corpus" >&2
else
    echo "bench: generating $n articles into $corpus ..." >&2
    tmp=$(mktemp -d "$here/.corpus-$n.tmp.XXXXXX")
    if ! python3 "$here/gen-corpus.py" "$tmp" --articles "$n" >&2; then
        rm -rf -- "$tmp"
        die "corpus generation failed"
    fi
    chmod 755 "$tmp"
    touch "$tmp/.complete"
    # A directory without .complete is a leftover of an interrupted run.
    if [ -d "$corpus" ]; then rm -rf -- "$corpus"; fi
    mv -- "$tmp" "$corpus"
fi

files=()
while IFS= read -r -d '' f; do files+=("$f"); done \
    < <(find "$corpus" -maxdepth 1 -type f -name '*.txt' -print0 | LC_ALL=C sort -z)
[ "${#files[@]}" -eq "$n" ] ||
    die "$corpus holds ${#files[@]} articles, expected $n; delete it and rerun"

# 4000 paths are ~180 KB of argv; refuse clearly rather than fail with E2BIG.
argbytes=$(printf '%s\n' "${files[@]}" | wc -c)
argmax=$(getconf ARG_MAX 2>/dev/null || echo 131072)
if [ "$argbytes" -gt $((argmax / 2)) ]; then
    die "$n paths need $argbytes bytes of arguments (ARG_MAX $argmax); use a smaller N"
fi

# --- run -------------------------------------------------------------------
outdir=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "bench: keeping output in $outdir" >&2
else
    trap 'rm -rf -- "$outdir"' EXIT
fi
out=$outdir/out.nt
timef=$outdir/time.txt
errf=$outdir/stderr.txt

read -r -a extra <<< "${BENCH_ARGS:-}"

echo "bench: running ${pin[*]} $exe extract -f ntriples -o OUT.nt ${extra[*]} <$n files>" >&2
start=$(date +%s.%N)
set +e
"${pin[@]}" /usr/bin/time -v -o "$timef" \
    "$exe" extract -f ntriples -o "$out" "${extra[@]}" "${files[@]}" \
    >"$outdir/stdout.txt" 2>"$errf"
rc=$?
set -e
end=$(date +%s.%N)

if [ "$rc" -ne 0 ]; then
    echo "bench: warning: newsgraph exited with status $rc; last lines of its stderr:" >&2
    tail -n 20 "$errf" >&2
    [ -f "$out" ] || die "no output file was written"
fi

# --- measure ---------------------------------------------------------------
bytes=$(cat -- "${files[@]}" | wc -c)
words=$(cat -- "${files[@]}" | LC_ALL=C wc -w)
triples=$(grep -c -v -E '^[[:space:]]*(#|$)' "$out" || true)
rss_kb=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$timef")
user_s=$(awk -F': *' '/User time \(seconds\)/ { print $2 }' "$timef")
sys_s=$(awk -F': *' '/System time \(seconds\)/ { print $2 }' "$timef")

awk -v start="$start" -v end="$end" -v bytes="$bytes" -v words="$words" \
    -v arts="$n" -v triples="$triples" -v rss="${rss_kb:-0}" \
    -v user="${user_s:-0}" -v sys="${sys_s:-0}" -v exe="$exe" \
    -v corpus="$corpus" -v cpu="${pin[*]:-unpinned}" '
BEGIN {
    wall = end - start
    if (wall <= 0) wall = 1e-9
    printf "newsgraph:        %s\n", exe
    printf "corpus:           %s\n", corpus
    printf "pinning:          %s\n", cpu
    printf "articles:         %d\n", arts
    printf "input:            %.2f MB, %d words\n", bytes / 1e6, words
    printf "triples:          %d\n", triples
    printf "wall time:        %.3f s (user %.2f s, sys %.2f s)\n", wall, user, sys
    printf "MB/s:             %.3f\n", bytes / 1e6 / wall
    printf "words/s:          %.0f\n", words / wall
    printf "articles/s:       %.1f\n", arts / wall
    printf "triples/s:        %.0f\n", triples / wall
    printf "triples/article:  %.2f\n", triples / arts
    printf "peak RSS MB:      %.1f\n", rss / 1024
}'

exit "$rc"
