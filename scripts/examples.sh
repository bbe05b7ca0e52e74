#!/usr/bin/env bash
# Install what is missing, build, and run newsgraph on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
for f in examples/*.txt; do
    b=${f%.txt}
    ./build/newsgraph extract -f turtle -o "$b.ttl" "$f"
    ./build/newsgraph extract -f svg -o "$b.svg" "$f"
    echo "$f -> $b.ttl, $b.svg"
done
./build/newsgraph extract -f turtle -o examples/graph.ttl examples/*.txt
./build/newsgraph extract -f svg -o examples/graph.svg examples/*.txt
echo "all examples as one graph -> examples/graph.ttl, examples/graph.svg"
