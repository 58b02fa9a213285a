#!/usr/bin/env bash
# Sets up a Debian 12 machine (as root), builds, makes a demo database and shows the product on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake --preset dev
cmake --build --preset dev
bin=build/dev/app
demo_db=build/dev/demo.db
rm -f "$demo_db" "$demo_db-wal" "$demo_db-shm"
"$bin/cli/alliance" --db "$demo_db" demo
# The demo's people sign in with the password alliance-demo; here the supervisor reads her team.
export ALLIANCE_USER="Morgan Ellis" ALLIANCE_PASSWORD=alliance-demo
echo
echo "== Alerts for Alex Rivera =="
# Read whole, then cut: a pipe into head would end alliance with SIGPIPE (exit 141) under pipefail.
alerts=$("$bin/cli/alliance" --db "$demo_db" alerts --counselor "Alex Rivera")
head -n 12 <<<"$alerts"
echo
echo "== A client whose alliance broke and was not repaired =="
"$bin/cli/alliance" --db "$demo_db" trajectory C-003
echo
echo "== The supervisor's review: Morgan Ellis's team, the last 12 weeks =="
"$bin/cli/alliance" --db "$demo_db" caseload --supervisor "Morgan Ellis"
echo
echo "== What leaves the room: Alex Rivera's FHIR bundle and a de-identified supervision pack =="
ALLIANCE_USER="Alex Rivera" "$bin/cli/alliance" --db "$demo_db" export fhir --out build/dev/alex-bundle.json
if [ -x "$bin/gui/alliance-tracker" ]; then
  ALLIANCE_USER="Alex Rivera" "$bin/cli/alliance" --db "$demo_db" report C-001 --deidentified \
    --pdf build/dev/C-001-supervision-pack.pdf
fi
if [ -x "$bin/gui/alliance-tracker" ]; then
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo
    echo "Sign in as Alex Rivera (counselor), Morgan Ellis (supervisor) or Robin Admin (admin);"
    echo "every demo password is alliance-demo."
    unset ALLIANCE_USER ALLIANCE_PASSWORD
    exec "$bin/gui/alliance-tracker" --db "$demo_db"
  fi
  shots=build/dev/screenshots
  if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    XDG_RUNTIME_DIR=$(mktemp -d)
    export XDG_RUNTIME_DIR
  fi
  # Each page as the demo person whose work it is (Alex Rivera, Morgan Ellis, Robin Admin).
  unset ALLIANCE_USER ALLIANCE_PASSWORD
  QT_QPA_PLATFORM=offscreen "$bin/gui/alliance-tracker" --db "$demo_db" --screenshots "$shots"
  echo
  echo "No display here: the app's pages were rendered to $(realpath "$shots")/*.png"
fi
echo
echo "Try more: $bin/cli/alliance --db $demo_db --help"
