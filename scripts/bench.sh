#!/usr/bin/env bash
# The agency-scale benchmark (issue 9): builds with the ci preset (optimised), generates agencies
# S, M and L once into build/bench-data (kept for the next run), and prints a table of each
# operation's median against its floor in the same run. Pass --sizes S,M to skip L, --repeats N.
# The machine, commit and date are printed with the table, for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake --preset ci > /dev/null
cmake --build --preset ci --target alliance_bench
export QT_QPA_PLATFORM=offscreen
XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%F), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
build/ci/bench/alliance_bench --dir build/bench-data "$@"
