#!/usr/bin/env bash
# Every FHIR bundle the program exports is valid HL7 FHIR R4 to an independent validator: the npm
# package `fhir` (tests/fhir/validate.js; installed by scripts/setup-fhir-validator.sh).
# Usage: fhir_test.sh ALLIANCE_BINARY GOLDEN_BUNDLE
set -u
ALLIANCE=$1
GOLDEN=$2
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../cli/lib.sh"
VALIDATE=(node "$HERE/validate.js")
if ! command -v node >/dev/null || [ ! -d "$HERE/node_modules/fhir" ]; then
    echo "FAIL: the FHIR validator is not installed: run scripts/setup-fhir-validator.sh" >&2
    exit 1
fi

# The validator itself refuses a broken bundle (so a pass below means something).
printf '%s' '{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:0b1c7a8e-1111-4a2b-9c3d-123456789abc","resource":{"resourceType":"Observation","code":{"text":"x"},"valueQuantity":{"value":"high"}}}]}' >"$WORK/broken.json"
"${VALIDATE[@]}" "$WORK/broken.json" >"$WORK/broken.out" 2>&1 && bad "the validator accepted a broken bundle" || ok
grep -q "Missing property" "$WORK/broken.out" && ok || bad "the validator named the missing status"

"${VALIDATE[@]}" "$GOLDEN" && ok || bad "the golden bundle is valid FHIR R4"

DEMO="$WORK/demo.db"
run --db "$DEMO" demo --clients 40 --seed 9 --today 2026-11-27; expect_rc 0 "demo"
export ALLIANCE_PASSWORD=alliance-demo
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" export fhir --out "$WORK/alex.json"; expect_rc 0 "a counselor's bundle"
ALLIANCE_USER="Morgan Ellis" run --db "$DEMO" export fhir --out "$WORK/team.json"; expect_rc 0 "a supervisor's bundle"
ALLIANCE_USER="Robin Admin" run --db "$DEMO" export fhir --out "$WORK/agency.json"; expect_rc 0 "the agency's bundle"
# The demo's clients have codes only: one with a name, rated.
code="C-900"
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" client add "$code" --counselor "Alex Rivera" \
    --name "Zoë \"Z\" O'Brien, Jr." --start 2026-11-01; expect_rc 0 "a named client"
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" session log "$code" --srs 9,8.5,9,9 --date 2026-11-20
expect_rc 0 "a rating of the named client"
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" export fhir --out "$WORK/alex.json"; expect_rc 0 "again, with the named client"
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" export fhir --client "$code" --with-names --out "$WORK/named.json"
expect_rc 0 "one client's bundle with the name"
for f in alex team agency named; do
    "${VALIDATE[@]}" "$WORK/$f.json" && ok || bad "$f.json is valid FHIR R4"
    [ "$(stat -c %a "$WORK/$f.json")" = 600 ] && ok || bad "$f.json is the owner's only"
done
# Codes only unless names are asked for; a name where it was.
names=$(ALLIANCE_USER="Alex Rivera" "$ALLIANCE" --db "$DEMO" client list --json |
    python3 -c 'import json,sys; print("\n".join(c["display_name"] for c in json.load(sys.stdin) if c["display_name"]))')
[ -n "$names" ] && ok || bad "the demo has display names to look for"
while IFS= read -r name; do
    grep -qF "$name" "$WORK/alex.json" && bad "a de-identified bundle holds a name" || ok
done <<<"$names"
python3 - "$WORK/named.json" "$WORK/alex.json" <<'PY' && ok || bad "the named bundle has one named Patient, the plain one none"
import json, sys
named = [e["resource"] for e in json.load(open(sys.argv[1]))["entry"] if e["resource"]["resourceType"] == "Patient"]
plain = [e["resource"] for e in json.load(open(sys.argv[2]))["entry"] if e["resource"]["resourceType"] == "Patient"]
assert len(named) == 1 and "name" in named[0], named
assert plain and all("name" not in p for p in plain)
PY
# Every rating is one QuestionnaireResponse and one Observation, linked.
python3 - "$WORK/agency.json" <<'PY' && ok || bad "responses and observations pair up"
import json, sys
entries = json.load(open(sys.argv[1]))["entry"]
kinds = [e["resource"]["resourceType"] for e in entries]
responses = {e["fullUrl"] for e in entries if e["resource"]["resourceType"] == "QuestionnaireResponse"}
derived = [e["resource"]["derivedFrom"][0]["reference"] for e in entries if e["resource"]["resourceType"] == "Observation"]
assert kinds.count("Questionnaire") == 3
assert len(responses) == len(derived) > 100 and set(derived) == responses
PY
ALLIANCE_USER="Alex Rivera" run --db "$DEMO" export fhir --client "C-404-nobody"
expect_rc 4 "an unknown client"
echo "fhir: $passed passed, $failed failed"
[ "$failed" = 0 ]
