#!/usr/bin/env bash
# Crash test: the real CLI writing, killed with SIGKILL at random moments. After the kills the
# database must pass integrity_check, hold every write the CLI acknowledged (exit 0), and hold no
# half-written session (a session without its rating, a rating whose parts do not add up).
# The demo is killed the same way: afterwards the file is absent, or a whole demo, never part.
# usage: crash_test.sh PATH/TO/alliance [--kills N] [--demo-kills N] [--long] [--seed S]
set -u
ALLIANCE=$1; shift
kills=200
demoKills=20
seed=$$
while [ $# -gt 0 ]; do
    case $1 in
    --kills) kills=$2; shift 2 ;;
    --demo-kills) demoKills=$2; shift 2 ;;
    --long) kills=10000; demoKills=500; shift ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "crash_test: unknown argument $1" >&2; exit 2 ;;
    esac
done
RANDOM=$seed
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/crash.db"
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# Sleeps a random 0..max-1 milliseconds (bash's own read timeout: no sleep process to start).
exec 9<> <(:)
pause() { read -r -t "$(printf '0.%03d' $((RANDOM % $1)))" -u 9 || true; }

check_database() { # label
    local integrity orphans mismatched
    integrity=$(sqlite3 "$DB" "PRAGMA integrity_check")
    [ "$integrity" = ok ] && ok || bad "$1: integrity_check says $integrity"
    orphans=$(sqlite3 "$DB" "SELECT count(*) FROM session s WHERE NOT EXISTS (SELECT 1 FROM rating r WHERE r.session_id = s.id)")
    [ "$orphans" = 0 ] && ok || bad "$1: $orphans sessions without their rating"
    mismatched=$(sqlite3 "$DB" "SELECT count(*) FROM rating WHERE total_tenths <> bond_tenths + goal_tenths + task_tenths")
    [ "$mismatched" = 0 ] && ok || bad "$1: $mismatched half-written ratings"
}

# The counselor is also the database's admin (a solo practice), signed in from the environment.
export ALLIANCE_USER="Alex Rivera" ALLIANCE_PASSWORD="crash test password"
"$ALLIANCE" --db "$DB" init --role counselor >/dev/null || { echo "crash_test: init failed" >&2; exit 1; }
# One client per 10,000 attempts keeps every session date in the past.
for c in $(seq 0 $((kills * 20 / 10000))); do
    "$ALLIANCE" --db "$DB" client add "C-$c" --counselor "Alex Rivera" --start 1990-01-01 >/dev/null
done

# ---- writes killed at random moments ------------------------------------------------------------
# Calibrate: how long one acknowledged write takes, so the kills land inside writes.
start=$(date +%s%N)
"$ALLIANCE" --db "$DB" session log C-0 --date 1990-01-01 --bgt 5,5,5 >/dev/null
echo "C-0 1990-01-01" > "$WORK/acked"
writeMs=$(( ($(date +%s%N) - start) / 1000000 + 2 ))
killed=0
i=0
# Until `kills` SIGKILLs have landed on a running writer (not on one that had already finished).
while [ "$killed" -lt "$kills" ] && [ "$i" -lt $((kills * 20)) ]; do
    i=$((i + 1))
    client="C-$((i / 10000))"
    day=$(date -d "1990-01-01 + $((i % 10000)) days" +%F)
    "$ALLIANCE" --db "$DB" session log "$client" --date "$day" --bgt "$((RANDOM % 10)),$((RANDOM % 10)),$((RANDOM % 10))" \
        --note "attempt $i" >/dev/null 2>&1 &
    writer=$!
    pause "$writeMs"
    kill -KILL "$writer" 2>/dev/null
    { wait "$writer"; status=$?; } 2>/dev/null
    if [ "$status" = 0 ]; then echo "$client $day" >> "$WORK/acked"; fi
    if [ "$status" = 137 ]; then killed=$((killed + 1)); fi
    if [ $((i % 100)) = 0 ]; then check_database "after $i attempts"; fi
done
[ "$killed" -ge "$kills" ] && ok || bad "only $killed of $kills kills landed during a write"
check_database "after all $i attempts"
acked=$(wc -l < "$WORK/acked")
sqlite3 -separator ' ' "$DB" "SELECT c.code, s.date FROM session s JOIN client c ON c.id = s.client_id" | sort > "$WORK/stored"
missing=$(sort "$WORK/acked" | comm -23 - "$WORK/stored" | wc -l)
[ "$missing" = 0 ] && ok || bad "$missing acknowledged writes are missing"
stored=$(wc -l < "$WORK/stored")
echo "crash: $i writes, $killed killed mid-flight, $acked acknowledged, $stored stored (write ~${writeMs} ms)"
# The database still takes writes after all that.
"$ALLIANCE" --db "$DB" session log C-0 --date 1989-12-31 --bgt 5,5,5 >/dev/null 2>&1
[ $? = 3 ] && ok || bad "validation after the crashes" # before the start date: refused, not broken
"$ALLIANCE" --db "$DB" counselor add "Sam Okafor" >/dev/null \
    && ok || bad "no write possible after the crashes"
# Killed writes never break the audit chain: each entry commits with its write, or neither does.
"$ALLIANCE" --db "$DB" audit verify >/dev/null && ok || bad "the audit chain does not verify after the crashes"

# ---- demo killed at random moments: all or nothing ------------------------------------------------
start=$(date +%s%N)
"$ALLIANCE" --db "$WORK/calibrate.db" demo --clients 200 --today 2026-11-20 >/dev/null
demoMs=$(( ($(date +%s%N) - start) / 1000000 + 2 ))
echo "crash: one 200-client demo takes ${demoMs} ms"
for i in $(seq 1 "$demoKills"); do
    demoDb="$WORK/demo-$i.db"
    "$ALLIANCE" --db "$demoDb" demo --clients 200 --today 2026-11-20 >/dev/null 2>&1 &
    writer=$!
    pause "$demoMs"
    kill -KILL "$writer" 2>/dev/null
    { wait "$writer"; } 2>/dev/null
    if [ ! -e "$demoDb" ]; then ok; continue; fi
    # Killed before a table was made (the schema commits migration by migration): none there.
    clients=$(sqlite3 "$demoDb" "SELECT count(*) FROM client" 2>/dev/null) || clients=0
    accounts=$(sqlite3 "$demoDb" "SELECT count(*) FROM account" 2>/dev/null) || accounts=0
    case "$clients/$accounts" in
    0/0 | 200/8) ok ;;
    *) bad "demo killed at random left $clients clients and $accounts accounts" ;;
    esac
    [ "$(sqlite3 "$demoDb" 'PRAGMA integrity_check')" = ok ] && ok || bad "demo $i: integrity"
    # A demo killed before it wrote a client can simply be run again.
    if [ "$clients" = 0 ]; then
        "$ALLIANCE" --db "$demoDb" demo --clients 200 --today 2026-11-20 >/dev/null 2>&1 && ok || bad "demo $i: cannot run again"
    fi
    rm -f "$demoDb" "$demoDb"-wal "$demoDb"-shm
done
leftovers=$(find "$WORK" -name '*.creating-*' | wc -l)
echo "crash: $demoKills demos killed; $leftovers temporary files left by kills during creation"

echo "crash: $passed passed, $failed failed"
[ "$failed" = 0 ]
