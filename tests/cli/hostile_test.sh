#!/usr/bin/env bash
# Hostile files and hostile input, as a table: for every file state the CLI may meet and every
# kind of bad value, the exit code, what the message names, and that the file's bytes (and its
# folder) are exactly as before.
# usage: hostile_test.sh PATH/TO/alliance
set -u
ALLIANCE=$1
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

listing() { ls -A "$1" | tr '\n' ' '; }
digest() { if [ -f "$1" ]; then sha256sum "$1" | cut -d' ' -f1; else echo "(no file)"; fi; }

# refused_file CODE NEEDLE PATH ARGS...: exit CODE, stderr has NEEDLE, PATH and its folder unchanged
refused_file() {
    local code=$1 needle=$2 path=$3; shift 3
    local before folder
    before=$(digest "$path"); folder=$(listing "$(dirname "$path")")
    run --db "$path" "$@"
    expect_rc "$code" "$(basename "$path"): $*"
    expect_contains "$err" "$needle" "$(basename "$path"): message for $*"
    [ "$before" = "$(digest "$path")" ] && ok || bad "$(basename "$path") changed by: $*"
    [ "$folder" = "$(listing "$(dirname "$path")")" ] && ok || bad "files appeared next to $(basename "$path") after: $*"
}

# ---- item 1: only our own files --------------------------------------------------------------
mkdir -p "$WORK/files"
F="$WORK/files"
: > "$F/empty.db"
printf 'a counselor%s notes, not a database\n' "'s" > "$F/notes.db"
sqlite3 "$F/photos.db" "CREATE TABLE photos (id INTEGER, path TEXT); INSERT INTO photos VALUES (1, 'a.jpg')"
sqlite3 "$F/crm.db" "CREATE TABLE client (id INTEGER); PRAGMA user_version = 2"
sqlite3 "$F/other-app.db" "PRAGMA application_id = 42; CREATE TABLE t (x)"
mkdir "$F/folder.db"
"$ALLIANCE" --db "$F/newer.db" init >/dev/null && sqlite3 "$F/newer.db" "PRAGMA user_version = 99"
for state in "empty.db:empty file" "notes.db:not an SQLite database" "photos.db:without Alliance Tracker" \
             "crm.db:without Alliance Tracker" "other-app.db:another program" "newer.db:newer" \
             "folder.db:not a regular file"; do
    file=${state%%:*}; needle=${state#*:}
    for command in "init" "demo --clients 2" "counselor add Kim" "client list" "alerts --json" "show C-001"; do
        # shellcheck disable=SC2086
        refused_file 1 "$needle" "$F/$file" $command
        expect_contains "$err" "$file" "$file: the message names the path ($command)"
    done
done
for command in "init" "client list" "counselor add Kim"; do
    # shellcheck disable=SC2086
    run --db /dev/null $command
    expect_rc 1 "/dev/null: $command"; expect_contains "$err" "not a regular file" "/dev/null: $command"
done
[ -c /dev/null ] && ok || bad "/dev/null is no longer a character device"

# Only init and demo create; the rest report a missing file and make nothing.
for command in "counselor add Kim" "client list" "alerts" "show C-001"; do
    # shellcheck disable=SC2086
    refused_file 4 "no database at" "$F/missing.db" $command
done

# A demo with a bad argument creates nothing.
refused_file 3 "--clients" "$F/demo-bad.db" demo --clients 0
refused_file 3 "--today" "$F/demo-bad.db" demo --today 1899-12-31
refused_file 3 "--today" "$F/demo-bad.db" demo --today 2999-01-01
refused_file 3 "--seed" "$F/demo-bad.db" demo --seed -4

# Our own file: recognised by its application id; a file readable by others is made private.
run --db "$DB" init
expect_rc 0 "init"
[ "$(sqlite3 "$DB" 'PRAGMA application_id')" = 1095521362 ] && ok || bad "no application id"
chmod 644 "$DB"
run --db "$DB" client list
expect_rc 0 "group-readable database opens"
[ "$(stat -c %a "$DB")" = 600 ] && ok || bad "database left at mode $(stat -c %a "$DB")"

# Read-only: every command, reading too, records itself in the audit trail, so a read-only file is
# refused with the reason, and left as it was.
cp "$DB" "$F/readonly.db"; chmod 400 "$F/readonly.db"
as_user() { "$@"; }
USER_ALLIANCE=$ALLIANCE
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    # root reads everything: look at permissions as an ordinary user would, with a copy of the
    # program that user may run wherever the build folder is.
    chmod 755 "$WORK" "$F"; chown -R 65534:65534 "$F/readonly.db"
    cp "$ALLIANCE" "$WORK/alliance"; chmod 755 "$WORK/alliance"; USER_ALLIANCE=$WORK/alliance
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    [ "$(as_user id -u)" = 65534 ] && ok || bad "could not run as an ordinary user"
fi
run_as() { out=$(as_user "$USER_ALLIANCE" "$@" 2>"$WORK/stderr"); rc=$?; err=$(cat "$WORK/stderr"); }
before=$(digest "$F/readonly.db")
run_as --db "$F/readonly.db" client list
expect_rc 1 "read-only file: client list"; expect_contains "$err" "permission denied" "read-only file: a read's reason"
run_as --db "$F/readonly.db" counselor add Kim
expect_rc 1 "read-only file: a write"; expect_contains "$err" "permission denied" "read-only file: reason"
[ "$before" = "$(digest "$F/readonly.db")" ] && ok || bad "read-only file changed"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    cp "$DB" "$F/private.db"; chmod 600 "$F/private.db" # root's, unreadable for the user
    run_as --db "$F/private.db" client list
    expect_rc 1 "permission denied"; expect_contains "$err" "permission denied" "permission denied is said"
    expect_not_contains "$err" "alliance init" "permission denied is not 'run init'"
fi

# ---- items 2-4: clean text, one client one code, numbers mean what was typed ----------------------
run --db "$DB" account add "Alex Rivera"
export ALLIANCE_USER="Alex Rivera" ALLIANCE_PASSWORD="$PW" # the counselor works on their own clients
run --db "$DB" client add C-001 --counselor "alex rivera" --start 2026-01-01
expect_rc 0 "counselor lookup ignores case"
ESC=$'\e'; BEL=$'\a'
rejected 3 "CODE" client add "C-002${ESC}[31m" --counselor "Alex Rivera"
rejected 3 "CODE" client add $'C-00\xff' --counselor "Alex Rivera"
rejected 3 "CODE" client add "c-001" --counselor "Alex Rivera"
rejected 3 "CODE" client add " C-001 " --counselor "Alex Rivera"
rejected 3 "CODE" client add $'\uff23-001' --counselor "Alex Rivera"         # full-width C
rejected 3 "CODE" client add $'C-\u200b001' --counselor "Alex Rivera"        # zero-width space
rejected 3 "CODE" client add $'C-001\u200e' --counselor "Alex Rivera"        # LRM
rejected 3 "CODE" client add $'\u202eC-009' --counselor "Alex Rivera"        # RLO
rejected 3 "CODE" client add $'\u2066C-009\u2069' --counselor "Alex Rivera"  # isolates
rejected 3 "--name" client add C-009 --counselor "Alex Rivera" --name $'Two\nLines'
rejected 3 "--name" client add C-009 --counselor "Alex Rivera" --name "Ding${BEL}"
as "Robin Admin" rejected 3 "NAME" counselor add "ALEX RIVERA"
as "Robin Admin" rejected 3 "NAME" counselor add $'Alex\u00a0Rivera'
rejected 3 "--start" client add C-009 --counselor "Alex Rivera" --start "$(date -d '+30 days' +%F)"
rejected 3 "--note" session log C-001 --date 2026-01-05 --bgt 7,8,9 --note "bell${BEL}"
rejected 3 "--note" session log C-001 --date 2026-01-05 --bgt 7,8,9 --note $'bad\xc3'
rejected 3 "item 3" session log C-001 --date 2026-01-05 --bgt "7,8,1 0"
rejected 3 "item 2" session log C-001 --date 2026-01-05 --bgt "7,+8,9"
rejected 3 "item 1" session log C-001 --date 2026-01-05 --bgt "0x7,8,9"
rejected 3 "--duration" session log C-001 --date 2026-01-05 --bgt 7,8,9 --duration +50
run --db "$DB" session log c-001 --date 2026-01-05 --bgt " 7 , 08,9.0 " --duration 050 --note "first"
expect_rc 0 "items trimmed at their ends, leading zeros read as typed"
expect_contains "$out" "total 24" "7 + 8 + 9"
rejected 3 "--duration" session log C-001 --date 2026-01-05 --bgt 7,8,9 --rater counselor --duration 45
rejected 4 "no client" show "C-0O1"
run --db "$DB" show "c-001" --json
expect_contains "$out" '"code":"C-001"' "any case finds the one client"
for option in "--sd 0x10" "--sd +4" "--sd inf" "--sd nan" "--sd 1e3" "--z -1.96" "--reliability .9" "--sd 99999999999999999"; do
    # shellcheck disable=SC2086
    rejected 3 "${option%% *}" trajectory C-001 $option
done
rejected 3 "--as-of" alerts --as-of 1899-12-31
rejected 3 "--as-of" alerts --as-of 10000-01-01
rejected 3 "--as-of" trajectory C-001 --as-of 0999-01-01
run --db "$DB" alerts --as-of 9999-12-31 --json
expect_rc 0 "the last representable day works"

# --session as a number or a date
run --db "$DB" session log C-001 --date 2026-01-12 --bgt 3,3,3
run --db "$DB" rupture flag C-001 --session 2026-01-12 --kind withdrawal
expect_rc 0 "rupture flagged on a session named by its date"
rejected 4 "2026-01-13" rupture flag C-001 --session 2026-01-13 --kind withdrawal
rejected 3 "--session" rupture flag C-001 --session 2026-13-01 --kind withdrawal

# A mistyped option never echoes the values around it.
run --db "$DB" session log C-001 --date 2026-01-19 --bgt 7,8,9 --notes "client disclosed abuse at home"
expect_rc 2 "mistyped option"
expect_contains "$err" "--notes" "the unknown option is named"
expect_not_contains "$err" "disclosed" "the value after it is not shown"

# ---- terminal output and JSON of text that older versions let in ----------------------------------
sqlite3 "$DB" "INSERT INTO client (code, counselor_id, start_date, cadence_days, code_key)
               VALUES (char(27) || '[2J' || char(7) || 'X', 1, '2026-01-01', 7, 'legacy');
               UPDATE session SET note = CAST(X'6E6F7465FF' AS TEXT) WHERE id = 1;"
as "Robin Admin" run --db "$DB" client list
expect_rc 0 "client list with a legacy control character"
case "$out" in *"$ESC"* | *"$BEL"*) bad "a control character reached the terminal" ;; *) ok ;; esac
# A note written into the file around the program is not sealed: it is refused, never shown.
run --db "$DB" show C-001 --json
expect_rc 1 "a note changed outside the program"; expect_contains "$err" "changed outside" "tampering said"
expect_not_contains "$out$err" "$(printf "note\xff")" "the stored bytes are not shown"

# ---- clocks: a system clock behind the newest record is reported ---------------------------------
sqlite3 "$DB" "INSERT INTO session (client_id, date) VALUES (1, '2999-01-01')"
run --db "$DB" client list
expect_rc 0 "client list with a future record"
expect_contains "$err" "warning: the system clock" "clock warning"
sqlite3 "$DB" "DELETE FROM session WHERE date = '2999-01-01'"

# ---- locked: another program is writing -----------------------------------------------------------
( printf 'BEGIN IMMEDIATE;\nINSERT INTO referral_agency (name) VALUES (%s);\n' "'held'"; sleep 8 ) | sqlite3 "$DB" &
sleep 1
rejected 1 "is locked: another program is writing" counselor add "Sam Okafor"
expect_contains "$err" "$DB" "locked names the file"
wait

echo "hostile: $passed passed, $failed failed"
[ "$failed" = 0 ]
