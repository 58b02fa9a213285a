#!/usr/bin/env bash
# The `alliance` command line contract: outputs, JSON, exit codes, and that rejected input
# leaves the database file byte-for-byte unchanged.
# usage: cli_test.sh PATH/TO/alliance EXPECTED_DIR
set -u
ALLIANCE=$1
EXPECTED=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
WAI() { # items for a WAI-SR total (12 items of 1..5)
    local total=$1 items="" rest i add
    rest=$((total - 12))
    for i in $(seq 12); do
        add=$(( rest > 4 ? 4 : rest )); rest=$((rest - add))
        items="$items${items:+,}$((1 + add))"
    done
    echo "$items"
}

# ---- score: no database ----------------------------------------------------------------
run score --instrument wai-sr --items 4,3,5,4,5,3,4,4,5,3,4,4
expect_rc 0 "score wai-sr"
expect_out '{"bond":19,"goal":15,"instrument":"wai-sr","items":[4,3,5,4,5,3,4,4,5,3,4,4],"lowest_item":"item 2","mean":{"bond":4.75,"goal":3.75,"task":3.5,"total":4.0},"task":14,"total":48}' "score wai-sr json"
run score --instrument srs --items 8.5,7.0,9.5,8.0
expect_contains "$out" '"below_cutoff":true' "srs 33 below cutoff"
expect_contains "$out" '"total":33.0' "srs total"
expect_contains "$out" '"overall":8.0' "srs overall"
expect_contains "$out" '"lowest_item":"Goals and topics"' "srs lowest item"
run score --instrument srs --items 9.2,8.7,9.0,9.1
expect_contains "$out" '"below_cutoff":false' "srs 36.0 not below with <"
expect_contains "$out" '"total":36.0' "srs 36.0 exact"
run score --instrument srs --items 9.2,8.7,9.0,9.1 --comparator '<='
expect_contains "$out" '"below_cutoff":true' "srs 36.0 flagged with <="
for items in 0,3,5,4,5,3,4,4,5,3,4,4 6,3,5,4,5,3,4,4,5,3,4,4 3.5,3,5,4,5,3,4,4,5,3,4,4; do
    run score --instrument wai-sr --items "$items"
    expect_rc 3 "score rejects $items"; expect_contains "$err" "item 1" "score names item 1 for $items"
done
run score --instrument wai-sr --items 4,3,5,4,,3,4,4,5,3,4,4
expect_rc 3 "missing item"; expect_contains "$err" "item 5" "missing item named"
run score --instrument wai-sr --items 4,3,5,4,5,3,4,4,5,3,4
expect_rc 3 "11 items"; expect_contains "$err" "exactly 12" "11 items message"
run score --instrument wai-sr --items 4,3,5,4,5,3,4,4,5,3,4,4,4
expect_rc 3 "13 items"
run score --instrument phq9 --items 1
expect_rc 3 "unknown instrument"; expect_contains "$err" "--instrument" "unknown instrument named"

# ---- usage errors: exit 2 --------------------------------------------------------------
run; expect_rc 2 "no command"
run --db "$DB" client; expect_rc 2 "client without subcommand"
run --db "$DB" score --instrument srs; expect_rc 2 "missing --items"
run --db "$DB" client list --bogus; expect_rc 2 "unknown option"
run --help; expect_rc 0 "help"; expect_contains "$out" "trajectory" "help lists commands"

# ---- a missing database is not created by ordinary commands -------------------------------
run --db "$WORK/none.db" client list
expect_rc 4 "missing database"; expect_contains "$err" "alliance init" "missing database hint"
[ ! -e "$WORK/none.db" ] && ok || bad "client list created a database"

# ---- init, counselors, clients ----------------------------------------------------------
run --db "$DB" init; expect_rc 0 "init"; expect_contains "$out" "schema version" "init reports version"
expect_contains "$out" "Recovery key" "init shows the recovery key once"
[ "$(stat -c %a "$DB")" = 600 ] && ok || bad "database mode is $(stat -c %a "$DB"), expected 600"
run --db "$DB" account add "Morgan Ellis" --role supervisor; expect_rc 0 "add supervisor"
run --db "$DB" account add "Alex Rivera" --supervisor "Morgan Ellis"; expect_rc 0 "add counselor"
HOSTILE="O'Brien \"Bobby\"; '; DROP TABLE client; --"
run --db "$DB" account add "$HOSTILE"; expect_rc 0 "add hostile counselor name"
run --db "$DB" client add "C-'; DROP TABLE session; --" --counselor "$HOSTILE" --name "Zoë 😀 \"Z\"" --start 2026-01-01
expect_rc 0 "add hostile client"
rejected 3 "--role" counselor add "Kim" --role boss
rejected 4 "--supervisor" counselor add "Kim" --supervisor "Nobody"
rejected 3 "NAME" counselor add "Alex Rivera"
# From here on the counselor works on their own caseload.
export ALLIANCE_USER="Alex Rivera" ALLIANCE_PASSWORD="$PW"
run --db "$DB" client add C-001 --counselor "Alex Rivera" --start 2026-01-01 --cadence-days 7
expect_rc 0 "add client"
rejected 3 "CODE" client add C-001 --counselor "Alex Rivera"
rejected 4 "--counselor" client add C-002 --counselor "Nobody"
rejected 3 "--start" client add C-002 --counselor "Alex Rivera" --start 2026-02-30
rejected 3 "--cadence-days" client add C-002 --counselor "Alex Rivera" --cadence-days 0
rejected 3 "--cadence-days" client add C-002 --counselor "Alex Rivera" --cadence-days seven

run --db "$DB" client list --json
expect_rc 0 "client list json"
expect_contains "$out" '{"cadence_days":7,"code":"C-001","counselor":"Alex Rivera","display_name":null,"last_session":null,"sessions":0,"start_date":"2026-01-01","status":"active"}' "client list json entry"
expect_not_contains "$out" 'DROP TABLE' "a counselor lists only their own clients"
as "$HOSTILE" run --db "$DB" client list --json
expect_contains "$out" '"code":"C-'"'"'; DROP TABLE session; --"' "hostile code listed exactly"
expect_contains "$out" '"display_name":"Zoë 😀 \"Z\""' "emoji and quotes returned exactly"
as "Morgan Ellis" run --db "$DB" client list --counselor "Morgan Ellis" --json
expect_out "[]" "supervisor has no clients"

# ---- sessions: the worked RR-1 series ------------------------------------------------------
day=5
for total in 44 46 47 41 45 48 42 43 44 45; do
    date=$(date -d "2026-01-05 + $(( (day - 5) )) days" +%F)
    run --db "$DB" session log C-001 --date "$date" --wai-sr "$(WAI $total)"
    expect_rc 0 "log $total on $date"
    day=$((day + 7))
done
expect_contains "$out" "session 10" "session number derived"
expect_contains "$out" "total 45" "total printed"

for bad_date in 2026-02-30 2026-13-01 yesterday ""; do
    rejected 3 "--date" session log C-001 --date "$bad_date" --bgt 5,5,5
done
rejected 3 "in the future" session log C-001 --date "$(date -d "+3 days" +%F)" --bgt 5,5,5
rejected 3 "item 3" session log C-001 --date 2026-04-01 --bgt 5,5,10.5
rejected 3 "item 12" session log C-001 --date 2026-04-01 --wai-sr 4,3,5,4,5,3,4,4,5,3,4,3.5
rejected 3 "items" session log C-001 --date 2026-04-01 --srs 8,8,8
rejected 3 "--rater" session log C-001 --date 2026-04-01 --bgt 5,5,5 --rater aunt
rejected 3 "duplicate" session log C-001 --date 2026-01-05 --wai-sr "$(WAI 44)" --note "must not be kept"
rejected 4 "C-404" session log C-404 --date 2026-04-01 --bgt 5,5,5
rejected 2 "exactly one" session log C-001 --date 2026-04-01 --bgt 5,5,5 --srs 5,5,5,5
rejected 2 "exactly one" session log C-001 --date 2026-04-01

LONG=$(head -c 10000 /dev/zero | tr '\0' 'n')
NOTE="it's \"fine\"; '; DROP TABLE rating; -- 😀 $LONG"
run --db "$DB" session log C-001 --date 2026-01-05 --bgt 7.5,8,9 --rater counselor --note "$NOTE"
expect_rc 0 "log counselor rating on existing session"
expect_contains "$out" "session 1" "added to session 1"
run --db "$DB" show C-001 --json
expect_contains "$out" "\"note\":\"it's \\\"fine\\\"; '; DROP TABLE rating; -- 😀 $LONG\"" "10,000-character note returned exactly"
expect_not_contains "$err" "fine" "nothing about the note on stderr"

# ---- trajectory ------------------------------------------------------------------------
run --db "$DB" trajectory C-001 --sd 5.0 --reliability 0.90 --window 3 --as-of 2026-03-20 --json
expect_rc 0 "trajectory json"
echo "$out" > "$WORK/trajectory.json"
# One line per JSON field, so a difference reads as a short diff.
if diff -u <(tr ',' '\n' < "$EXPECTED/trajectory-worked.json") <(tr ',' '\n' < "$WORK/trajectory.json") >&2; then ok; else bad "trajectory JSON differs from tests/cli/expected/trajectory-worked.json"; fi
expect_contains "$out" '"episodes":[{"baseline":47,"closed_at":6,"lowest":41,"onset":4,"repaired_at":6,"status":"repaired"},{"baseline":48,"closed_at":10,"lowest":42,"onset":7,"repaired_at":null,"status":"unrepaired"}]' "worked RR-1 episodes"
expect_contains "$out" '"rc":4.382693' "rc in params"
run --db "$DB" trajectory C-001 --rule v1 --json --as-of 2026-03-20
expect_contains "$out" '"rule":"v1"' "v1 rule"
expect_contains "$out" '"onset":4' "v1 finds the V at 4"
run --db "$DB" trajectory C-001 --rule v2 --json --as-of 2026-03-20
expect_contains "$out" '"episodes":[],"flags"' "v2 finds none"
rejected 3 "--rule" trajectory C-001 --rule v3 --json
rejected 3 "--sd" trajectory C-001 --sd -1 --json
rejected 3 "--reliability" trajectory C-001 --reliability 1.5 --json
rejected 3 "--as-of" trajectory C-001 --as-of 2026-02-30 --json
rejected 4 "C-404" trajectory C-404 --json
run --db "$DB" trajectory C-001 --sd 5 --reliability 0.9 --as-of 2026-03-10
expect_contains "$out" "RR-1" "text trajectory names the rule"

# ALLIANCE.md section 7 through the CLI: the client's own SD, RCI with SD 8 / r .90, OLS trend.
run --db "$DB" trajectory C-001 --json --as-of 2026-03-20
expect_contains "$out" '"client_sd":2.173067' "client sample SD of the worked series"
run --db "$DB" client add C-RCI --counselor "Alex Rivera" --start 2026-01-01; expect_rc 0 "add C-RCI"
run --db "$DB" session log C-RCI --date 2026-01-05 --wai-sr "$(WAI 50)"
run --db "$DB" session log C-RCI --date 2026-01-12 --wai-sr "$(WAI 42)"
run --db "$DB" session log C-RCI --date 2026-01-19 --wai-sr "$(WAI 50)"
run --db "$DB" session log C-RCI --date 2026-01-26 --wai-sr "$(WAI 44)"
run --db "$DB" trajectory C-RCI --sd 8 --reliability 0.90 --json --as-of 2026-02-01
expect_contains "$out" '"s_diff":3.577709' "S_diff for SD 8, r .90"
expect_contains "$out" '"rc":7.012309' "RC for SD 8, r .90"
expect_contains "$out" '"number":2,"phase":"breach","rci":-2.236068' "50 -> 42 is a reliable drop"
expect_contains "$out" '"number":4,"phase":"development","rci":-1.677051' "50 -> 44 is not reliable"
# OLS: totals 40, 43, 45, 48 over sessions 1..4.
run --db "$DB" client add C-TREND --counselor "Alex Rivera" --start 2026-01-01; expect_rc 0 "add C-TREND"
day=0
for total in 40 43 45 48; do
    run --db "$DB" session log C-TREND --date "$(date -d "2026-01-05 + $day days" +%F)" --wai-sr "$(WAI $total)"
    day=$((day + 7))
done
run --db "$DB" trajectory C-TREND --json --as-of 2026-02-01
expect_contains "$out" '"intercept":37.5' "OLS intercept 37.5"
expect_contains "$out" '"slope":2.6' "OLS slope 2.6 per session"
# Sudden loss: a large drop that holds is found; RR-1 calls it unrepaired.
run --db "$DB" client add C-LOSS --counselor "Alex Rivera" --start 2026-01-01; expect_rc 0 "add C-LOSS"
day=0
for total in 48 47 48 30 31 30; do
    run --db "$DB" session log C-LOSS --date "$(date -d "2026-01-05 + $day days" +%F)" --wai-sr "$(WAI $total)"
    day=$((day + 7))
done
run --db "$DB" trajectory C-LOSS --rule sudden-loss --sd 5 --reliability 0.9 --json --as-of 2026-02-20
expect_contains "$out" '"episodes":[{"baseline":48,"closed_at":6,"lowest":30,"onset":4,"repaired_at":null,"status":"unrepaired"}]' "sudden loss found"
expect_contains "$out" '"losses":[{"drop":18,"onset":4}]' "the loss listed with its drop"
# Two losses in a row (60 -> 40 -> 20): both listed, as suddengains' identify_sg does; one episode.
run --db "$DB" client add C-LOSS2 --counselor "Alex Rivera" --start 2026-01-01
day=0
for total in 60 60 60 40 20 20 20; do
    run --db "$DB" session log C-LOSS2 --date "$(date -d "2026-01-05 + $day days" +%F)" --wai-sr "$(WAI $total)"
    day=$((day + 7))
done
run --db "$DB" trajectory C-LOSS2 --rule sudden-loss --json --as-of 2026-03-01
expect_contains "$out" '"losses":[{"drop":20,"onset":4},{"drop":20,"onset":5}]' "a second loss right after the first"
expect_contains "$out" '"episodes":[{"baseline":60,"closed_at":7,"lowest":20,"onset":4' "one episode for the chart"
run --db "$DB" trajectory C-LOSS2 --rule sudden-loss --as-of 2026-03-01
expect_contains "$out" "Sudden losses at sessions 4 (-20), 5 (-20)" "losses in the text output"

# ---- ruptures and repairs --------------------------------------------------------------
run --db "$DB" rupture flag C-001 --session 7 --kind withdrawal --marker minimal-response --marker denial \
    --salience 4 --noticed-by client-score --category broken-trust --note "Went quiet after the homework review"
expect_rc 0 "flag rupture"; expect_out "1" "rupture id printed"
rejected 3 "--kind" rupture flag C-001 --session 7 --kind sulking
rejected 3 "--marker" rupture flag C-001 --session 7 --kind withdrawal --marker complaint-therapist
rejected 3 "--salience" rupture flag C-001 --session 7 --kind withdrawal --salience 9
rejected 3 "--category" rupture flag C-001 --session 7 --kind withdrawal --category gossip
rejected 4 "--session" rupture flag C-001 --session 99 --kind withdrawal
run --db "$DB" repair plan 1 --strategy validate --strategy co-create-plan --step "Ask what felt unhelpful" --due 2027-01-15
expect_rc 0 "plan repair"; expect_out "1" "plan id printed"
rejected 3 "--strategy" repair plan 1 --strategy wishful-thinking
rejected 3 "--strategy" repair plan 1
rejected 4 "RUPTURE_ID" repair plan 9 --strategy validate
rejected 3 "--due" repair plan 1 --strategy validate --due 2026-13-01
rejected 3 "--outcome" repair close 1 --outcome fixed
run --db "$DB" repair close 1 --outcome partly --session 9
expect_rc 0 "close repair"
rejected 3 "already closed" repair close 1 --outcome resolved
run --db "$DB" show C-001 --json
expect_contains "$out" '"markers":["denial","minimal-response"]' "markers stored"
expect_contains "$out" '"follow_up_session":9' "follow-up session stored"
expect_contains "$out" '"outcome":"partly"' "outcome stored"
expect_contains "$out" '"strategies":["validate","co-create-plan"]' "strategies stored"
run --db "$DB" repair strategies
expect_contains "$out" "explore-pattern" "strategy catalogue"
expect_contains "$out" "clarify-misunderstanding" "immediate strategies"
run --db "$DB" rupture markers; expect_contains "$out" "avoidant-storytelling" "marker catalogue"
run --db "$DB" rupture categories; expect_contains "$out" "broken-trust" "category catalogue"
run --db "$DB" show C-001
expect_contains "$out" "Ruptures:" "text show"
expect_not_contains "$out$err" "Went quiet" "text show does not print rupture notes"

# ---- post-session report, referral list, transition plan ---------------------------------
run --db "$DB" session report C-001 --session 7 --tension yes --intensity 4 --resolution 2
expect_rc 0 "post-session report"
run --db "$DB" session report C-001 --session 7 --tension yes --intensity 4 --resolution 2
expect_rc 0 "the same report again changes nothing"
rejected 3 "--reason" session report C-001 --session 7 --tension no
run --db "$DB" session report C-001 --session 7 --tension no --reason "entered for the wrong session"
expect_rc 0 "a report replaced with a reason"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM post_session_report_revision')" = 1 ] && ok || bad "the replaced report is kept"
run --db "$DB" session report C-001 --session 7 --tension yes --intensity 4 --resolution 2 --reason "back: it was this session after all"
rejected 3 "--intensity" session report C-001 --session 7 --tension yes --resolution 2
rejected 3 "--tension" session report C-001 --session 7 --tension maybe
rejected 3 "--resolution" session report C-001 --session 7 --tension yes --intensity 4 --resolution 6
run --db "$DB" referral add "Northside \"Family\" Counseling" --services "family; couples"
expect_rc 0 "add referral agency"
rejected 3 "NAME" referral add "Northside \"Family\" Counseling"
run --db "$DB" referral list
expect_contains "$out" 'Northside "Family" Counseling' "referral listed exactly"
run --db "$DB" repair transition C-001 --rupture 1 --referral "Northside \"Family\" Counseling" \
    --policy-reviewed --dialogue-held --supervisor-invited --next-steps "Two joint sessions, then hand-over"
expect_rc 0 "transition plan"
rejected 4 "--referral" repair transition C-001 --referral "Nowhere"
rejected 4 "--rupture" repair transition C-001 --rupture 99
run --db "$DB" show C-001 --json
expect_contains "$out" '"post_session_report":{"intensity":4,"resolution":2,"tension":true}' "post-session report stored"
expect_contains "$out" '"transition_plans":[{"comments":[],"created_on":' "transition plan stored"
expect_contains "$out" '"referral_agency":"Northside \"Family\" Counseling"' "transition names the agency"
expect_contains "$out" '"supervisor_invited":true' "supervisor invited stored"
# Comments on the transition plan (id 1): quotes, emoji and 10,000 characters come back exactly;
# the supervisor signs off; 20,001 characters are refused and nothing changes.
LONG=$(python3 -c 'print(("She said \"no\" 🙂 " * 1000)[:9999] + ".", end="")')
run --db "$DB" repair comment 1 --transition --text "$LONG"
expect_rc 0 "a 10,000-character comment on a transition plan"
rejected 3 "--text" repair comment 1 --transition --text "$(python3 -c 'print("x" * 20001, end="")')"
rejected 3 "--sign-off" repair comment 1 --transition --text "done" --sign-off
as "Morgan Ellis" run --db "$DB" repair comment 1 --transition --text "Agreed." --sign-off
expect_rc 0 "the supervisor signs the transition plan off"; expect_contains "$out" "Signed off transition plan 1" "sign-off said"
run --db "$DB" repair comments 1 --transition --json; expect_rc 0 "transition comments"
echo "$out" > "$WORK/tcomments.json"
same=$(python3 - "$WORK/tcomments.json" "$LONG" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
ok = len(c) == 2 and c[0]["text"] == sys.argv[2] and len(c[0]["text"]) == 10000 and c[0]["author"] == "Alex Rivera" \
    and not c[0]["signed_off"] and c[1]["signed_off"] and c[1]["author"] == "Morgan Ellis"
print("same" if ok else "differs")
PY
)
[ "$same" = same ] && ok || bad "transition comments come back exactly ($same)"
rejected 4 "PLAN_ID" repair comments 99 --transition

# ---- corrections: amend and void with a reason; the history keeps each earlier version ---------
run --db "$DB" client add C-FIX --counselor "Alex Rivera" --start 2026-01-01
run --db "$DB" session log C-FIX --date 2026-01-05 --bgt 9,9,9
run --db "$DB" session log C-FIX --date 2026-01-12 --bgt 2,2,2
run --db "$DB" alerts --as-of 2026-01-13 --json
expect_contains "$out" '"id":"C-FIX/breach-pending/2026-01-12"' "a typing slip looks like a breach"
rejected 3 "--reason" session amend C-FIX --session 2026-01-12 --bgt 8,9,9 --reason " "
rejected 3 "item 2" session amend C-FIX --session 2026-01-12 --bgt 8,11,9 --reason "typo"
rejected 3 "items" session amend C-FIX --session 2026-01-12 --bgt 2,2,2 --reason "same"
rejected 4 "no srs rating" session amend C-FIX --session 2026-01-12 --srs 8,9,9,9 --reason "typo"
rejected 4 "no session" session amend C-FIX --session 2026-01-13 --bgt 8,9,9 --reason "typo"
rejected 2 "exactly one" session amend C-FIX --session 2 --reason "typo"
run --db "$DB" session amend c-fix --session 2026-01-12 --bgt 8,9,9 --reason "typed the wrong row"
expect_rc 0 "amend"; expect_contains "$out" "total 26.0" "amended total"
run --db "$DB" alerts --as-of 2026-01-13 --json
expect_not_contains "$out" '"id":"C-FIX/breach-pending' "the analysis uses the amended rating"
run --db "$DB" session history C-FIX --session 2 --instrument bgt --json
expect_contains "$out" '"action":"amend"' "history: the amendment"
expect_contains "$out" '"reason":"typed the wrong row"' "history: its reason"
expect_contains "$out" '"total":6.0' "history: the replaced version"
run --db "$DB" session void C-FIX --session 1 --instrument bgt --reason "rated the wrong client"
expect_rc 0 "void"
rejected 3 "already void" session void C-FIX --session 1 --instrument bgt --reason "again"
run --db "$DB" show C-FIX --json
expect_contains "$out" '"ratings":[],"voided_ratings":[{' "the voided rating is kept, not analysed"
expect_contains "$out" '"revisions":1' "the amended rating says it was revised"
run --db "$DB" show C-FIX
expect_contains "$out" "bgt/client void" "show marks the void"
expect_contains "$out" "26.0 (amended)" "show marks the amendment"
rejected 3 "amend it" session log C-FIX --date 2026-01-05 --bgt 9,9,9

# ---- corrections of ruptures and repair plans ------------------------------------------------
run --db "$DB" rupture flag C-FIX --session 2 --kind withdrawal --marker denial --salience 2 --note "went quiet"
expect_rc 0 "flag a rupture to correct"; FIXR=$out
run --db "$DB" repair plan "$FIXR" --strategy validate --step "Name the silence" --due 2099-01-01
expect_rc 0 "plan a repair to correct"; FIXP=$out
rejected 3 "--marker" rupture amend "$FIXR" --kind confrontation --reason "misread"
rejected 3 "--salience" rupture amend "$FIXR" --salience 9 --reason "misread"
rejected 3 "--reason" rupture amend "$FIXR" --salience 4 --reason " "
rejected 3 "RUPTURE_ID" rupture amend "$FIXR" --salience 2 --reason "no change"
rejected 4 "RUPTURE_ID" rupture amend 9999 --salience 4 --reason "misread"
rejected 2 "--reason" rupture amend "$FIXR" --salience 4
run --db "$DB" rupture amend "$FIXR" --kind confrontation --marker complaint-progress --salience 4 \
    --no-note --reason 'it was a "complaint", not silence'
expect_rc 0 "rupture amend"
run --db "$DB" show C-FIX --json
expect_contains "$out" '"kind":"confrontation","markers":["complaint-progress"]' "amended rupture stored"
expect_contains "$out" '"note":null,"noticed_by":"counselor","revisions":1' "amended rupture: note taken away, revision counted"
run --db "$DB" rupture history "$FIXR" --json
expect_contains "$out" '"previous":{"category":null,"kind":"withdrawal","markers":["denial"],"note":"went quiet"' "rupture history keeps the replaced version"
expect_contains "$out" '"reason":"it was a \"complaint\", not silence"' "rupture history keeps the reason"
rejected 3 "--outcome" repair amend "$FIXP" --outcome resolved --reason "x"
rejected 3 "--due" repair amend "$FIXP" --due 2020-01-01 --reason "x"
rejected 3 "--strategy" repair amend "$FIXP" --strategy no-such --reason "x"
rejected 3 "PLAN_ID" repair amend "$FIXP" --due 2099-01-01 --reason "no change"
run --db "$DB" repair amend "$FIXP" --strategy apologise --step "Own the missed call" --step "Agree a check-in" --no-due --reason "supervision"
expect_rc 0 "repair amend"
run --db "$DB" repair history "$FIXP"
expect_contains "$out" "replaced strategies: validate; 1 step(s); due 2099-01-01" "plan history, in words"
expect_contains "$out" "- Name the silence" "plan history lists the replaced steps"
run --db "$DB" show C-FIX
expect_contains "$out" "strategies: apologise (amended)" "show marks the amended plan"
# Comments on a plan: the client's counselor, their supervisor or an admin writes one; only the
# supervisor (or an admin) signs off. Shown with the plan.
as "Robin Admin" run --db "$DB" account add "Dana O'Neil" --role supervisor
expect_rc 0 "add a supervisor (of no one here)"
as "Dana O'Neil" rejected 5 "access denied" repair comment "$FIXP" --text "looks good"
rejected 3 "--sign-off" repair comment "$FIXP" --text "done" --sign-off
as "Morgan Ellis" rejected 3 "--text" repair comment "$FIXP" --text "  "
as "Morgan Ellis" rejected 4 "PLAN_ID" repair comment 9999 --text "looks good"
as "Morgan Ellis" rejected 5 "access denied" session log C-FIX --date 2026-03-01 --bgt 5,5,5
as "Nobody Here" rejected 5 "sign-in refused" show C-FIX
as "Morgan Ellis" run --db "$DB" repair comment "$FIXP" --text 'Good: "own the missed call" first'
expect_rc 0 "supervisor comment"
run --db "$DB" show C-FIX --json
expect_contains "$out" '"comments":[{"author":"Morgan Ellis","id":' "the comment is stored with its author"
expect_contains "$out" '"signed_off":false,"text":"Good: \"own the missed call\" first"' "the comment is stored exactly"
run --db "$DB" repair comment "$FIXP" --text "Asked her what felt unhelpful"
expect_rc 0 "the counselor comments on their own plan"
as "Morgan Ellis" run --db "$DB" repair comment "$FIXP" --text "Followed through" --sign-off
expect_rc 0 "the supervisor signs off"; expect_contains "$out" "Signed off repair plan $FIXP" "sign-off said"
run --db "$DB" repair comments "$FIXP" --json
expect_contains "$out" '"author":"Alex Rivera","id":' "comments list the counselor's"
expect_contains "$out" '"signed_off":true,"text":"Followed through"' "comments list the sign-off"
rejected 4 "PLAN_ID" repair comments 9999
run --db "$DB" rupture void "$FIXR" --reason "flagged on the wrong client"
expect_rc 0 "rupture void"
rejected 3 "already void" rupture void "$FIXR" --reason "again"
run --db "$DB" show C-FIX --json
expect_contains "$out" '"repair_plans":[],"ruptures":[]' "a voided rupture and its plan leave the analysis"
expect_contains "$out" '"voided_ruptures":[{"date":"2026-01-12"' "the voided rupture is kept"

# ---- alerts ----------------------------------------------------------------------------
run --db "$DB" alerts --as-of 2026-03-20 --json
expect_rc 0 "alerts json"
expect_not_contains "$out" '"id":"C-001/drift/last"' "no drift 11 days after the last session"
run --db "$DB" alerts --as-of 2026-06-01 --json
expect_contains "$out" '"id":"C-001/drift/last"' "drift alert listed 12 weeks later"
rejected 3 "--snooze-days" alert ack "C-001/drift/last" --reason "x" --snooze-days 0 --as-of 2026-06-01
rejected 3 "--reason" alert ack "C-001/drift/last" --reason "" --as-of 2026-06-01
rejected 4 "ID" alert ack "C-001/unrepaired/s1" --reason "x" --as-of 2026-06-01
run --db "$DB" alert ack "C-001/drift/last" --reason "Called; client returns next week" --snooze-days 14 --as-of 2026-06-01
expect_rc 0 "snooze alert"
# The snooze counts from the day it was really given, not from --as-of.
run --db "$DB" alerts --as-of "$(date -d '+13 days' +%F)" --json
expect_not_contains "$out" '"id":"C-001/drift/last"' "snoozed alert hidden"
run --db "$DB" alerts --as-of "$(date -d '+14 days' +%F)" --json
expect_contains "$out" '"id":"C-001/drift/last"' "snoozed alert back when the snooze ends"

# ---- accounts and the audit trail ------------------------------------------------------------
# An admin's reset: the person reads nothing until they chose their own password.
ALLIANCE_NEW_PASSWORD="a reset password" as "Robin Admin" run --db "$DB" account reset "Dana O'Neil"
expect_rc 0 "an admin resets a password"
ALLIANCE_USER="Dana O'Neil" ALLIANCE_PASSWORD="a reset password" run --db "$DB" client list
expect_rc 5 "a reset account reads nothing"; expect_contains "$err" "choose your own" "says why"
ALLIANCE_USER="Dana O'Neil" ALLIANCE_PASSWORD="a reset password" ALLIANCE_NEW_PASSWORD="dana's own one" \
    run --db "$DB" account passwd
expect_rc 0 "the person chooses their own"
ALLIANCE_USER="Dana O'Neil" ALLIANCE_PASSWORD="dana's own one" run --db "$DB" client list --json
expect_rc 0 "then signs in"; expect_out "[]" "a supervisor of no one sees no client"
rejected 5 "access denied" account add "Eve Intruder"   # a counselor adds no account
rejected 5 "access denied" audit list                   # nor reads the trail
as "Robin Admin" run --db "$DB" account list --json
expect_contains "$out" '"name":"Alex Rivera"' "accounts listed"; expect_not_contains "$out" "wrapped" "no key listed"; expect_not_contains "$out" "salt" "no salt listed"
as "Robin Admin" run --db "$DB" audit list --client C-FIX --json
expect_contains "$out" '"action":"void-rupture"' "the trail names the void"
expect_contains "$out" '"detail":"flagged on the wrong client"' "with its reason"
expect_not_contains "$out" "Name the silence" "and no clinical text"
as "Robin Admin" run --db "$DB" audit verify; expect_rc 0 "the chain verifies"
for text in "Name the silence" "own the missed call" "Zoë"; do
    if grep -aq "$text" "$DB" "$DB-wal" 2>/dev/null; then bad "'$text' is in the file in plain form"; else ok; fi
done
cp "$DB" "$WORK/tampered.db"; [ -f "$DB-wal" ] && cp "$DB-wal" "$WORK/tampered.db-wal"
sqlite3 "$WORK/tampered.db" "UPDATE audit_entry SET detail = 'nothing happened' WHERE action = 'void-rupture'"
as "Robin Admin" run --db "$WORK/tampered.db" audit verify
expect_rc 6 "an edited entry breaks the chain"; expect_contains "$out" "BROKEN at entry" "the first broken entry is named"

# ---- default database location -----------------------------------------------------------
run init
expect_rc 0 "init at default location"
[ -f "$HOME/.local/share/alliance-tracker/alliance.db" ] && ok || bad "default database not in the XDG data dir"
XDG_DATA_HOME="$WORK/xdg" run init
[ -f "$WORK/xdg/alliance-tracker/alliance.db" ] && ok || bad "XDG_DATA_HOME not honoured"
ALLIANCE_DB="$WORK/env.db" run init
[ -f "$WORK/env.db" ] && ok || bad "\$ALLIANCE_DB not honoured"

# ---- demo, newer schema, not a database -----------------------------------------------------
run --db "$WORK/demo.db" demo --clients 16 --seed 3 --today 2026-11-27
expect_rc 0 "demo"; expect_contains "$out" "16 clients" "demo summary"
run --db "$WORK/demo.db" demo --clients 16
expect_rc 3 "demo refuses a database with clients"
ALLIANCE_USER="Alex Rivera" ALLIANCE_PASSWORD=alliance-demo run --db "$WORK/demo.db" alerts --as-of 2026-11-27 --json
expect_contains "$out" '"kind":"unrepaired"' "demo has unrepaired breaches"
sqlite3 "$WORK/demo.db" "PRAGMA user_version = 99"
run --db "$WORK/demo.db" client list
expect_rc 1 "newer schema refused"; expect_contains "$err" "newer" "newer schema message"
echo "not a database" > "$WORK/text.db"
run --db "$WORK/text.db" client list
expect_rc 1 "not a database refused"
[ "$(cat "$WORK/text.db")" = "not a database" ] && ok || bad "text file was changed"

# ---- the supervisor's review: caseload and trends ----------------------------------------------
RDB="$WORK/review.db"
export ALLIANCE_USER="Robin Admin" ALLIANCE_PASSWORD=alliance-demo # the demo's documented account
run --db "$RDB" demo --today 2026-11-27; expect_rc 0 "review demo"
run --db "$RDB" caseload --supervisor "Morgan Ellis" --as-of 2026-11-27 --json; expect_rc 0 "caseload --json"
echo "$out" > "$WORK/caseload.json"
# The JSON's shape, and its counts against the database itself (sqlite3, not the product's code).
sessions=$(sqlite3 "$RDB" "SELECT count(*) FROM session s JOIN client c ON c.id = s.client_id JOIN counselor k ON k.id = c.counselor_id LEFT JOIN counselor v ON v.id = k.supervisor_id WHERE (k.name = 'Morgan Ellis' OR v.name = 'Morgan Ellis') AND s.date BETWEEN '2026-09-04' AND '2026-11-27'")
rated=$(sqlite3 "$RDB" "SELECT count(*) FROM session s JOIN client c ON c.id = s.client_id JOIN counselor k ON k.id = c.counselor_id LEFT JOIN counselor v ON v.id = k.supervisor_id WHERE (k.name = 'Morgan Ellis' OR v.name = 'Morgan Ellis') AND s.date BETWEEN '2026-09-04' AND '2026-11-27' AND EXISTS (SELECT 1 FROM rating r WHERE r.session_id = s.id AND r.rater = 'client' AND r.voided = 0)")
checks=$(python3 - "$WORK/caseload.json" "$sessions" "$rated" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); t = d["team"]; bad = []
def need(cond, what):
    if not cond: bad.append(what)
need((d["as_of"], d["from"], d["to"]) == ("2026-11-27", "2026-09-04", "2026-11-27"), "default period: 12 weeks to the as-of date")
need(d["scope"] == {"kind": "supervisor", "name": "Morgan Ellis", "counselors": ["Alex Rivera", "Jordan Lee", "Sam Okafor"]}, "scope")
need([c["name"] for c in d["counselors"]] == sorted(c["name"] for c in d["counselors"]), "counselors by name")
need(t["sessions"] == int(sys.argv[2]), "team sessions = sqlite3 count %s" % sys.argv[2])
need(t["rated_sessions"] == int(sys.argv[3]), "team rated sessions = sqlite3 count %s" % sys.argv[3])
for key in ("active_clients", "sessions", "rated_sessions", "drifting", "below_cutoff", "at_ceiling", "ruptures_flagged", "plans_open", "plans_overdue"):
    need(t[key] == sum(c[key] for c in d["counselors"]), "team %s is the sum of the counselors'" % key)
b = t["breaches"]; r = t["repair_rate"]
need(b["opened"] == b["repaired"] + b["unrepaired"] + b["pending"], "breaches add up")
need(r["repaired"] == b["repaired"] and r["closed"] == b["repaired"] + b["unrepaired"], "repair rate counts")
need(r["low"] <= r["value"] <= r["high"], "the rate inside its interval")
need(set(t["direction"]) == {"improved", "same", "worsened"}, "direction keys")
need(all(set(m) == {"instrument", "n", "mean", "low", "high", "small_n"} and m["small_n"] == (m["n"] < 15) for m in t["latest"]), "latest")
need(d["funnel"]["centre"] == r["value"], "the funnel centres on the team's rate")
need(all(l["low998"] <= l["low95"] <= d["funnel"]["centre"] <= l["high95"] <= l["high998"] for l in d["funnel"]["limits"]), "funnel limits nest")
need(all(c["funnel"] in ("inside", "above-95", "below-95", "above-99.8", "below-99.8", None) for c in d["counselors"]), "funnel bands")
jordan = [c for c in d["counselors"] if c["name"] == "Jordan Lee"][0]
need(jordan["rated_sessions"] < jordan["sessions"], "Jordan Lee's unrated sessions show")
print("\n".join(bad))
PY
)
[ -z "$checks" ] && ok || bad "caseload --json: $checks"
run --db "$RDB" trends --counselor "Taylor Brooks" --as-of 2026-11-27 --from 2026-11-16 --json; expect_rc 0 "trends --json"
expect_contains "$out" '"week":"2026-W47"' "ISO week labels"
expect_contains "$out" '"start":"2026-11-16"' "weeks start on Monday"
expect_contains "$out" '"mean":{"bgt":' "means per instrument"
run --db "$RDB" trends --as-of 2027-01-03 --from 2026-12-28 --json; expect_rc 0 "trends in week 53"
expect_contains "$out" '"week":"2026-W53"' "ISO week 53 of 2026"
expect_contains "$out" '"ratings":0' "an empty week"
expect_contains "$out" '"mean":{"bgt":null,"srs":null,"wai-sr":null}' "an empty week has null means"
run --db "$RDB" caseload --as-of 2026-11-27; expect_rc 0 "caseload in words"
expect_contains "$out" "Taylor Brooks" "every counselor listed"
expect_contains "$out" "fewer than 15 clients: not dependable" "small numbers said"
export ALLIANCE_PASSWORD="$ADMIN_PW" # back to the test database's admin
rejected 4 "--supervisor" caseload --supervisor "Alex Rivera"
rejected 4 "--counselor" caseload --counselor "No'body \"here\""
rejected 4 "--supervisor" trends --supervisor "Nobody"
rejected 3 "--from" caseload --from 2026-11-20 --to 2026-11-01 --as-of 2026-11-27
rejected 3 "--to" trends --to 2026-12-01 --as-of 2026-11-27
rejected 3 "--from" caseload --from 2026-02-30
rejected 3 "--from" trends --from 1900-01-01 --as-of 9999-12-31
ALLIANCE_PASSWORD=alliance-demo run --db "$RDB" caseload --supervisor "morgan ellis" --as-of 2026-11-27 --json
expect_rc 0 "a name found as every lookup finds it"; expect_contains "$out" '"name":"Morgan Ellis"' "the name as on record"
ALLIANCE_PASSWORD=alliance-demo run --db "$RDB" caseload --counselor "Alex Rivera" --supervisor "Morgan Ellis"; expect_rc 2 "one scope at a time"

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
