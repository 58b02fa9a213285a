#!/usr/bin/env bash
# Runs the libFuzzer targets for a long time (default one hour each; as root on Debian 12 it
# installs what it needs). Corpora grow in build/fuzz/corpus/<target> (seeded from
# tests/fuzz/corpus); crashing inputs land in build/fuzz/crashes/<target>. Reproduce one with
#   build/fuzz/tests/fuzz/fuzz_<target> build/fuzz/crashes/<target>/crash-...
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [items|dates|text|cli|csv ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(items dates text cli csv)
bash scripts/setup-debian.sh
cmake --preset fuzz
cmake --build --preset fuzz
status=0
for target in "${targets[@]}"; do
    corpus=build/fuzz/corpus/$target
    crashes=build/fuzz/crashes/$target
    mkdir -p "$corpus" "$crashes"
    cp -n tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    echo "fuzz: $target for $seconds s"
    build/fuzz/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" || status=1
done
exit $status
