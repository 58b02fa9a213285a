#!/usr/bin/env bash
# alliance import / export / backup / restore, as a person at a terminal uses them (issue 12).
# Usage: exchange_test.sh ALLIANCE_BINARY
set -u
ALLIANCE=$1
. "$(dirname "$0")/lib.sh"

DEMO="$WORK/demo.db"
run --db "$DEMO" demo --clients 24 --seed 5 --today 2026-11-27
expect_rc 0 "demo"
export ALLIANCE_PASSWORD=alliance-demo

# ---- export: a counselor's own clients, files for the owner only, formulas neutralised --------
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" export all --out "$WORK/alex"
expect_rc 0 "export all"
expect_contains "$out" "rows of ratings" "export says what it wrote"
for kind in counselors clients ratings ruptures plans; do
    [ -f "$WORK/alex/$kind.csv" ] && ok || bad "export wrote $kind.csv"
    [ "$(stat -c %a "$WORK/alex/$kind.csv")" = 600 ] && ok || bad "$kind.csv is the owner's only"
done
[ "$(stat -c %a "$WORK/alex")" = 700 ] && ok || bad "the export folder is the owner's only"
head -1 "$WORK/alex/ratings.csv" | grep -q '^client,counselor,session,date,instrument,rater,item1,' && ok ||
    bad "ratings header"
others=$(awk -F, 'NR > 1 && $2 != "Alex Rivera"' "$WORK/alex/ratings.csv" | wc -l)
[ "$others" = 0 ] && ok || bad "a counselor's export holds only their clients ($others others)"
grep -q ',wai-sr,' "$WORK/alex/ratings.csv" && ok || bad "the export has WAI-SR ratings"
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" export ratings --counselor "Jordan Lee"
expect_rc 5 "a colleague's clients are refused"
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" export everything
expect_rc 3 "an unknown kind"; expect_contains "$err" "KIND" "the kind named"
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" export ratings
expect_rc 0 "export to standard output"; expect_contains "$out" "client,counselor,session" "CSV on stdout"

# ---- a round trip through an empty database gives the same bytes ---------------------------
NEW="$WORK/new.db"
export ALLIANCE_PASSWORD="$ADMIN_PW"
run --db "$NEW" init; expect_rc 0 "init an empty database"
files=()
for kind in counselors clients ratings ruptures plans; do files+=("$WORK/alex/$kind.csv"); done
run --db "$NEW" import "${files[@]}" --dry-run
expect_rc 0 "dry run"; expect_contains "$out" "nothing was written" "dry run says so"
[ "$(sqlite3 "$NEW" 'SELECT count(*) FROM rating')" = 0 ] && ok || bad "a dry run writes nothing"
run --db "$NEW" import "${files[@]}"
expect_rc 0 "import the export"; expect_contains "$out" "ratings: " "import reports each file"
run --db "$NEW" import "${files[@]}"
expect_rc 0 "the same files again"
case "$out" in *" 0 added"*) ok ;; *) bad "second import adds 0: $out" ;; esac
run --db "$NEW" account add "Alex Rivera"; expect_rc 0 "an account for Alex"
as "Alex Rivera" run --db "$NEW" export all --out "$WORK/again"
expect_rc 0 "export again"
diff -r "$WORK/alex" "$WORK/again" >/dev/null && ok || bad "round trip: the second export differs"

# ---- bad files: named by file, line and column; nothing written -----------------------------
DB="$NEW"
printf 'client,date,instrument,item1,item2,item3,item4\nC-001,2026-11-28,srs,9,9,9,9\nC-001,2026-02-30,srs,9,9,9,9\nC-001,2026-03-09,srs,9,12,9,9\nC-404,2026-03-09,srs,9,9,9,9\n"=cmd|x",2026-03-09,srs,9,9,9,9\n' >"$WORK/bad.csv"
rejected 3 "bad.csv line 3, date: invalid date" import "$WORK/bad.csv"
expect_contains "$err" "bad.csv line 4, item2" "an out-of-range item named"
expect_contains "$err" "bad.csv line 5, client: no client" "an unknown client named"
expect_contains "$err" "bad.csv line 6, client: starts with '='" "a formula cell named"
expect_contains "$err" "4 problems" "the count"
expect_contains "$err" "nothing was imported" "nothing imported, said"
head -c 3000 /dev/urandom >"$WORK/garbage.csv"
rejected 3 "garbage.csv line 1" import "$WORK/garbage.csv"
rejected 4 "no file" import "$WORK/missing.csv"
rejected 3 "not a regular file" import "$WORK"
# A counselor imports ratings of their own clients only; the line says whose client it is not.
DB="$DEMO"
export ALLIANCE_PASSWORD=alliance-demo
jordan=$(ALLIANCE_USER="Jordan Lee" "$ALLIANCE" --db "$DEMO" client list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["code"])')
printf 'client,date,instrument,rater,item1,item2,item3\n%s,2026-11-20,bgt,observer,8,8,8\n' "$jordan" >"$WORK/jordan.csv"
ALLIANCE_USER="Alex Rivera" rejected 3 "own counselor" import "$WORK/jordan.csv"
ALLIANCE_USER="Jordan Lee" run --db "$DEMO" import "$WORK/jordan.csv"
expect_rc 0 "Jordan imports a rating of his own client"

# ---- backup while another process writes; restore checks before it replaces -----------------
export ALLIANCE_USER="Robin Admin"
(
    for day in $(seq 1 20); do
        ALLIANCE_USER="Jordan Lee" "$ALLIANCE" --db "$DEMO" session log "$jordan" --bgt 7,7,7 --rater observer \
            --date "2026-10-$(printf %02d "$day")" >/dev/null 2>&1
    done
) &
writer=$!
sleep 0.3
run --db "$DEMO" backup "$WORK/backup.db"
expect_rc 0 "backup while another process writes"
wait "$writer"
[ "$(sqlite3 "$WORK/backup.db" 'PRAGMA integrity_check')" = ok ] && ok || bad "the backup is whole"
[ "$(stat -c %a "$WORK/backup.db")" = 600 ] && ok || bad "the backup is the owner's only"
[ "$(sqlite3 "$WORK/backup.db" 'PRAGMA application_id')" = 1095521362 ] && ok || bad "the backup is ours"
ls "$WORK"/backup.db* | grep -q partial && bad "no partial file left" || ok
run --db "$DEMO" backup "$WORK/backup.db"
expect_rc 3 "a backup never replaces a file"
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" backup "$WORK/alex-backup.db"
expect_rc 5 "a counselor may not back up the agency"
[ -e "$WORK/alex-backup.db" ] && bad "no file from a refused backup" || ok

# The demo changes after the backup; a restore brings back exactly the backup's records.
ALLIANCE_USER="Jordan Lee" run --db "$DEMO" session log "$jordan" --bgt 6,6,6 --rater observer --date 2026-11-21
expect_rc 0 "a change after the backup"
expected=$(records "$WORK/backup.db")
printf 'not a database at all' >"$WORK/junk.db"
cp "$WORK/backup.db" "$WORK/damaged.db"
python3 - "$WORK/damaged.db" <<'PY'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
for at in range(8192, len(data), 4096):
    data[at + 100] ^= 0x5A
open(sys.argv[1], 'wb').write(bytes(data))
PY
before=$(sha256sum <"$DEMO")
for bad_file in junk.db damaged.db missing.db; do
    run --db "$DEMO" restore "$WORK/$bad_file"
    [ "$rc" != 0 ] && ok || bad "restore of $bad_file refused"
    [ "$(sha256sum <"$DEMO")" = "$before" ] && ok || bad "restore of $bad_file changed nothing"
    [ -e "$DEMO.previous" ] || [ -e "$DEMO.restoring" ] && bad "nothing left behind by $bad_file" || ok
done
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" restore "$WORK/backup.db"
expect_rc 5 "only an admin of the backup restores it"
[ "$(sha256sum <"$DEMO")" = "$before" ] && ok || bad "a refused restore changed nothing"
run --db "$DEMO" restore "$WORK/backup.db"
expect_rc 0 "restore"; expect_contains "$out" "Restored" "restore says so"
[ -e "$DEMO.previous" ] && bad "the previous copy goes once the restore succeeded" || ok
got=$(records "$DEMO")
[ "$got" = "$expected" ] && ok || bad "the restored database has the backup's records"
run --db "$DEMO" audit verify; expect_rc 0 "the restored audit trail verifies"
run --db "$DEMO" audit list
expect_contains "$out" "restore" "the restore is in the audit trail"
expect_contains "$out" "backup" "the backup is in the audit trail"
as "Robin Admin" run --db "$NEW" audit list
expect_contains "$out" "import" "imports are in the audit trail"
expect_contains "$out" "export" "exports are in the audit trail"

echo "exchange: $passed passed, $failed failed"
[ "$failed" = 0 ]
