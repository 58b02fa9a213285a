#!/usr/bin/env bash
# Sets up a Debian 12 machine (as root), builds with the ci preset (warnings are errors in our
# targets) and runs every test: core (Catch2), CLI contract, benchmark, QML and the GUI self-test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake --preset ci
cmake --build --preset ci
cmake --build --preset ci --target all_qmllint
# Headless: Qt renders offscreen; a private runtime dir keeps Qt from warning about it.
export QT_QPA_PLATFORM=offscreen
XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
ctest --preset ci
