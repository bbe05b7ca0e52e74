#!/usr/bin/env bash
# Install what is missing, build, and run every test: the suite as built
# (-Werror), the suite again under AddressSanitizer + UndefinedBehaviorSanitizer,
# and the CLI tests under valgrind. Exits non-zero if anything fails.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh || exit 1
jobs=$(nproc)
status=0

echo "== build and test (-Wall -Wextra -Werror)"
cmake -S . -B build -DNG_WERROR=ON >/dev/null && cmake --build build -j"$jobs" >/dev/null || exit 1
ctest --test-dir build --output-on-failure -j"$jobs" || status=1

echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DNG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null &&
    cmake --build build-asan -j"$jobs" >/dev/null || exit 1
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" || status=1

echo "== valgrind (CLI tests)"
NG_TOOL_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$PWD/tests/valgrind.supp" \
    ctest --test-dir build --output-on-failure -j"$jobs" -R '^cli_' -E 'es_news_corpus' || status=1

[ $status -eq 0 ] && echo "all test runs passed" || echo "some test runs FAILED"
exit $status
