#!/usr/bin/env bash
# bench/store-bench.sh [BUILD_DIR] N...   (default: build 1000 10000)
# Adds N generated articles (bench/gen-corpus.py) to a fresh store and reports
# articles/s, store size, peak RSS of the add, and the time and size of an
# N-Triples export, and the time and peak RSS of a Turtle export (Raptor's
# Turtle writer holds what it writes until the end). Not a test: figures only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
tool=$root/$build/newsgraph
[ -x "$tool" ] || tool=$build/newsgraph
[ -x "$tool" ] || { echo "store-bench: no newsgraph in $build" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "store-bench: needs /usr/bin/time (package time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%8s %9s %11s %9s %8s %9s %10s %10s %8s %10s\n' articles add_s articles/s store_MB rss_MB export_s export_MB triples ttl_s ttl_MB
for n in "${sizes[@]}"; do
    corpus=$here/.corpus-$n
    [ -d "$corpus" ] || python3 "$here/gen-corpus.py" "$corpus" --articles "$n" >/dev/null
    db=$work/kg-$n.db
    t0=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$tool" add -q --store "$db" "$corpus"
    t1=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss-nt" "$tool" export --store "$db" -f ntriples -o "$work/out.nt"
    t2=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss-ttl" "$tool" export --store "$db" -f turtle -o "$work/out.ttl"
    t3=$(date +%s.%N)
    size=$(stat -c %s "$db")
    triples=$(wc -l <"$work/out.nt")
    awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v s="$size" -v r="$(cat "$work/rss")" \
        -v re="$(cat "$work/rss-nt")" -v rt="$(cat "$work/rss-ttl")" -v t="$triples" \
        'BEGIN { printf "%8d %9.2f %11.0f %9.1f %8.1f %9.2f %10.1f %10d %8.2f %10.1f\n", n, b - a, n / (b - a), s / 1e6, r / 1024, c - b, re / 1024, t, d - c, rt / 1024 }'
    rm -f "$db" "$db-wal" "$db-shm" "$work/out.nt" "$work/out.ttl"
done
