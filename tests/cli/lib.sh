# Shared by the CLI test scripts: a scratch folder (WORK, with HOME inside it and DB, the database
# under test), counters, running the CLI, expectations. The caller sets ALLIANCE (the binary).
WORK=$(mktemp -d)
trap 'chmod -R u+rwX "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
export HOME="$WORK/home"
unset ALLIANCE_DB XDG_DATA_HOME
mkdir -p "$HOME"
DB="$WORK/t.db"
# Who the commands sign in as: the first admin (made by init); every account added later gets
# PW (ALLIANCE_NEW_PASSWORD). as NAME CMD...: one command as another person.
ADMIN_PW="robin's password"
PW="test password 123"
export ALLIANCE_USER="Robin Admin" ALLIANCE_PASSWORD="$ADMIN_PW" ALLIANCE_NEW_PASSWORD="$PW"
as() {
    local who=$1 pw=$PW; shift
    [ "$who" = "Robin Admin" ] && pw=$ADMIN_PW
    ALLIANCE_USER="$who" ALLIANCE_PASSWORD="$pw" "$@"
}
# The records as stored, less what every signed-in command adds (its audit entries, the account's
# sign-in counters): equal before and after means a refused command changed nothing.
records() {
    sqlite3 "$1" .dump | grep -v -e '^INSERT INTO audit_' -e '^INSERT INTO keyring' -e '^INSERT INTO account'
}

passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# run CMD...: sets $out, $err, $rc
run() {
    out=$("$ALLIANCE" "$@" 2>"$WORK/stderr"); rc=$?
    err=$(cat "$WORK/stderr")
}
expect_rc() { # expected-rc description
    if [ "$rc" = "$1" ]; then ok; else bad "$2: exit $rc, expected $1 (stderr: $err)"; fi
}
expect_out() { # expected-stdout description
    if [ "$out" = "$1" ]; then ok; else bad "$2: got [$out] expected [$1]"; fi
}
expect_contains() { # haystack needle description
    case "$1" in *"$2"*) ok ;; *) bad "$3: [$2] not in [$1]" ;; esac
}
expect_not_contains() {
    case "$1" in *"$2"*) bad "$3: [$2] found in [$1]" ;; *) ok ;; esac
}
# rejected CODE FIELD ARGS...: exit CODE, stderr names FIELD, database bytes unchanged
rejected() {
    local code=$1 field=$2; shift 2
    local before after
    before=$(records "$DB" | sha256sum)
    run --db "$DB" "$@"
    after=$(records "$DB" | sha256sum)
    expect_rc "$code" "rejects: $*"
    expect_contains "$err" "$field" "error names $field for: $*"
    if [ "$before" = "$after" ]; then ok; else bad "database changed by rejected: $*"; fi
}
