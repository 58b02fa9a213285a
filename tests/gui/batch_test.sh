#!/usr/bin/env bash
# The GUI's batch modes tell the truth: --self-test and --screenshots exit non-zero when the
# database cannot be opened (not ours, newer, locked) and leave it byte for byte; screenshots
# are written 0600 into a 0700 folder.
# usage: batch_test.sh PATH/TO/alliance-tracker PATH/TO/alliance
set -u
APP=$1
CLI=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen QT_QUICK_CONTROLS_STYLE=Basic
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

echo "a counselor's notes, not a database" > "$WORK/notes.txt"
sqlite3 "$WORK/foreign.db" "CREATE TABLE photos (id INTEGER); INSERT INTO photos VALUES (1)"
# The CLI makes its databases signed in as their first admin; the app's runs are not given it.
cli() { ALLIANCE_USER="Robin Admin" ALLIANCE_PASSWORD="batch test password" "$CLI" "$@"; }
cli --db "$WORK/newer.db" init >/dev/null && sqlite3 "$WORK/newer.db" "PRAGMA user_version = 99"
for file in notes.txt foreign.db newer.db; do
    for mode in --self-test "--screenshots $WORK/shots-$file"; do
        before=$(sha256sum "$WORK/$file")
        # shellcheck disable=SC2086
        "$APP" --db "$WORK/$file" $mode >"$WORK/out" 2>&1; rc=$?
        [ "$rc" -ne 0 ] && ok || bad "$mode on $file exited 0"
        grep -q "cannot open the database" "$WORK/out" && ok || bad "$mode on $file: no reason given"
        [ "$before" = "$(sha256sum "$WORK/$file")" ] && ok || bad "$mode changed $file"
    done
done

# A database another program holds a write lock on.
cli --db "$WORK/busy.db" init >/dev/null
sqlite3 "$WORK/busy.db" "PRAGMA journal_mode=DELETE" >/dev/null
( printf 'BEGIN EXCLUSIVE;\nCREATE TABLE hold (x);\n'; sleep 9 ) | sqlite3 "$WORK/busy.db" &
sleep 1
"$APP" --db "$WORK/busy.db" --self-test >"$WORK/out" 2>&1; rc=$?
[ "$rc" -ne 0 ] && ok || bad "--self-test on a locked database exited 0"
grep -q "locked" "$WORK/out" && ok || bad "locked database: the reason does not say locked"
wait

# Screenshots of the demo: a private folder, private files.
mkdir -m 755 "$WORK/shots"
"$APP" --demo --as-of 2026-11-27 --screenshots "$WORK/shots" >/dev/null 2>&1 && ok || bad "demo screenshots failed"
[ "$(stat -c %a "$WORK/shots")" = 700 ] && ok || bad "screenshot folder is $(stat -c %a "$WORK/shots"), not 700"
count=$(find "$WORK/shots" -name '*.png' | wc -l)
[ "$count" -ge 5 ] && ok || bad "only $count screenshots"
loose=$(find "$WORK/shots" -name '*.png' ! -perm 600 | wc -l)
[ "$loose" = 0 ] && ok || bad "$loose screenshots readable by others"

echo "gui batch: $passed passed, $failed failed"
[ "$failed" = 0 ]
