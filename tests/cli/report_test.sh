#!/usr/bin/env bash
# alliance report CLIENT --pdf: the supervision pack, full and de-identified. Every page is rendered
# to an image with pdftoppm and must not be blank; the text is read back with pdftotext.
# Usage: report_test.sh ALLIANCE_BINARY
set -u
ALLIANCE=$1
. "$(dirname "$0")/lib.sh"
for tool in pdftoppm pdftotext; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (poppler-utils)" >&2; exit 1; }
done
DEMO="$WORK/demo.db"
run --db "$DEMO" demo --clients 24 --seed 5 --today 2026-11-27; expect_rc 0 "demo"
export ALLIANCE_PASSWORD=alliance-demo ALLIANCE_USER="Alex Rivera"
# A client of Alex's with a rupture, a plan with steps and a supervisor's comment (the demo has some).
code=$(sqlite3 "$DEMO" "SELECT c.code FROM plan_review m JOIN repair_plan p ON p.id = m.repair_plan_id
    JOIN rupture r ON r.id = p.rupture_id JOIN session s ON s.id = r.session_id JOIN client c ON c.id = s.client_id
    JOIN counselor k ON k.id = c.counselor_id WHERE k.name = 'Alex Rivera' LIMIT 1")
[ -n "$code" ] && ok || bad "the demo has a client of Alex's with a commented plan"
run --db "$DEMO" report "$code" --pdf "$WORK/full.pdf" --as-of 2026-11-27
expect_rc 0 "the full pack"
run --db "$DEMO" report "$code" --pdf "$WORK/deid.pdf" --deidentified --as-of 2026-11-27
expect_rc 0 "the de-identified pack"
run --db "$DEMO" report "$code" --pdf "$WORK/deid-text.pdf" --deidentified --with-text --as-of 2026-11-27
expect_rc 0 "the de-identified pack with text"

for pack in full deid deid-text; do
    [ "$(stat -c %a "$WORK/$pack.pdf")" = 600 ] && ok || bad "$pack.pdf is the owner's only"
    mkdir -p "$WORK/$pack"
    pdftoppm -r 50 -gray "$WORK/$pack.pdf" "$WORK/$pack/page" || bad "pdftoppm renders $pack.pdf"
    pages=$(ls "$WORK/$pack" | wc -l)
    [ "$pages" -ge 2 ] && ok || bad "$pack.pdf has its pages ($pages)"
    # Each page: more than 2% of its pixels are ink (a blank page has none).
    python3 - "$WORK/$pack"/page-*.pgm <<'PY' && ok || bad "no page of $pack.pdf is blank"
import sys
for path in sys.argv[1:]:
    data = open(path, 'rb').read()
    parts = data.split(b'\n', 3)  # P5, width height, maxval, pixels
    width, height = map(int, parts[1].split())
    pixels = parts[3][:width * height]
    ink = sum(1 for p in pixels if p < 200) / len(pixels)
    assert ink > 0.02, (path, ink)
    print(path.rsplit('/', 1)[1], f"{ink:.1%} ink")
PY
    pdftotext "$WORK/$pack.pdf" "$WORK/$pack.txt"
done
full=$(cat "$WORK/full.txt"); deid=$(cat "$WORK/deid.txt"); deidText=$(cat "$WORK/deid-text.txt")
expect_contains "$full" "Supervision pack: client $code" "the title names the client"
expect_contains "$full" "Alex Rivera" "the full pack names the counselor"
expect_contains "$full" "Breach episodes" "the episode table"
expect_contains "$full" "Ruptures and repairs" "the rupture and repair log"
expect_contains "$full" "Comment by" "a supervisor's comment"
expect_contains "$full" "Step 1: " "the plan's steps"
expect_not_contains "$deid" "Alex Rivera" "the de-identified pack names no counselor"
expect_not_contains "$deid" "Morgan Ellis" "the de-identified pack names no supervisor"
expect_contains "$deid" "(withheld)" "free text withheld"
expect_contains "$deid" "De-identi" "the pack says it is de-identified (pdftotext reads fi as a ligature)"
step=$(grep -m1 -o 'Step 1: .*' "$WORK/full.txt")
expect_not_contains "$deid" "$step" "no step text in the de-identified pack"
expect_contains "$deidText" "$step" "step text when chosen"
expect_not_contains "$deidText" "Alex Rivera" "never names, even with text"

# Someone else's client: refused, no file.
other=$(sqlite3 "$DEMO" "SELECT c.code FROM client c JOIN counselor k ON k.id = c.counselor_id WHERE k.name <> 'Alex Rivera' LIMIT 1")
run --db "$DEMO" report "$other" --pdf "$WORK/other.pdf"
expect_rc 5 "a colleague's client is refused"
run --db "$DEMO" report "C-404" --pdf "$WORK/none.pdf"
expect_rc 4 "an unknown client"
[ -e "$WORK/other.pdf" ] && bad "no pack of a colleague's client" || ok
ALLIANCE_PASSWORD=wrong run --db "$DEMO" report "$code" --pdf "$WORK/wrong.pdf"
expect_rc 5 "a wrong password"
run --db "$DEMO" report "$code" --pdf "$WORK/x.pdf" --with-text
expect_rc 2 "--with-text is for a de-identified pack"
ALLIANCE_USER="Robin Admin" run --db "$DEMO" audit list
expect_contains "$out" "supervision pack, de-identified" "the pack is in the audit trail"
echo "report: $passed passed, $failed failed"
[ "$failed" = 0 ]
