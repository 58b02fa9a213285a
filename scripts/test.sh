#!/usr/bin/env bash
# Sets up a Debian 12 machine (as root), builds and runs every test: with the ci preset (warnings
# are errors in our targets) core (Catch2), CLI contract, hostile files and input, the crash test,
# benchmark, QML, the GUI self-test and batch modes; then the core and CLI tests again under
# AddressSanitizer + UBSan (asan-core); then each libFuzzer target briefly (fuzz, clang).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/setup-fhir-validator.sh
cmake --preset ci
cmake --build --preset ci
cmake --build --preset ci --target all_qmllint
# Headless: Qt renders offscreen; a private runtime dir keeps Qt from warning about it.
export QT_QPA_PLATFORM=offscreen
XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
ctest --preset ci

cmake --preset asan-core
cmake --build --preset asan-core
ctest --preset asan-core

cmake --preset fuzz
cmake --build --preset fuzz
ctest --preset fuzz --parallel 2
