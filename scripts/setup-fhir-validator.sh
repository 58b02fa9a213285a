#!/usr/bin/env bash
# Installs the independent HL7 FHIR R4 validator the tests use (the npm package `fhir`, pinned in
# tests/fhir/package-lock.json) into tests/fhir/node_modules. Needs Node.js and npm (Debian's
# nodejs and npm are installed when no node is on the machine) and the npm registry.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: npm is missing; install Debian's nodejs and npm (as root)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends nodejs npm
fi
if [ -f "$here/tests/fhir/node_modules/fhir/package.json" ]; then
  echo "setup: the FHIR validator is installed"
  exit 0
fi
echo "setup: installing the FHIR validator (npm package fhir) into tests/fhir"
npm ci --prefix "$here/tests/fhir" --no-audit --no-fund
