-- Alliance Tracker schema, version 11: accounts, the wrapped data key, the audit trail, and room
-- for sealed (encrypted) text.
-- Released: never edit this file; add the next numbered one.

-- One sign-in per person (a counselor row): the clinical role stays on the person; an account
-- may also administer. The data key is stored wrapped under a key derived from the account's
-- password with Argon2id (salt and cost kept with it); a wrong password does not unwrap it.
CREATE TABLE account (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL UNIQUE REFERENCES counselor (id),
    is_admin        INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    key_salt        TEXT    NOT NULL CHECK (length(key_salt) = 32),
    passes          INTEGER NOT NULL CHECK (passes >= 1),
    memory_bytes    INTEGER NOT NULL CHECK (memory_bytes >= 8192),
    wrapped_key     TEXT    NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    -- Seconds since 1970 (UTC) before which no sign-in is tried; 0 when not waiting.
    locked_until    INTEGER NOT NULL DEFAULT 0,
    -- 1 after an admin's reset: the person chooses a new password at the next sign-in.
    must_change     INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1))
) STRICT;

-- One row once the database's text is sealed: the data key wrapped under the recovery key, and
-- the audit chain's tip (the keyed hash of the last entry's id and hash) so a cut tail is seen.
CREATE TABLE keyring (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    recovery_wrapped TEXT,
    audit_tip        TEXT
) STRICT;

-- The audit trail: ids, actions and reasons, never clinical text. Each entry's mac is the keyed
-- hash of the previous entry's mac and this entry's fields (AuditTrail.cpp).
CREATE TABLE audit_entry (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    account_id  INTEGER REFERENCES account (id),
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    client_code TEXT,
    target      TEXT,
    detail      TEXT,
    mac         TEXT    NOT NULL
) STRICT;
CREATE INDEX audit_client ON audit_entry (client_code, id) WHERE client_code IS NOT NULL;
CREATE INDEX audit_account ON audit_entry (account_id, id);

-- Failed sign-ins: written without any key (the password was wrong), so they cannot be chained
-- when they happen; the next signed-in write moves them into the chain.
CREATE TABLE audit_pending (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL
) STRICT;

-- Sealed text is longer than its plain form and is not JSON: the length and shape checks move
-- into the core (which checks the plain text before sealing it). DROP COLUMN keeps each table's
-- rows and ids, so nothing that refers to them changes.
ALTER TABLE client ADD COLUMN sealed_name TEXT;
UPDATE client SET sealed_name = display_name;
ALTER TABLE client DROP COLUMN display_name;
ALTER TABLE client RENAME COLUMN sealed_name TO display_name;

ALTER TABLE plan_review ADD COLUMN sealed_text TEXT NOT NULL DEFAULT '';
UPDATE plan_review SET sealed_text = text;
ALTER TABLE plan_review DROP COLUMN text;
ALTER TABLE plan_review RENAME COLUMN sealed_text TO text;

ALTER TABLE repair_plan_revision ADD COLUMN sealed_steps TEXT NOT NULL DEFAULT '';
UPDATE repair_plan_revision SET sealed_steps = steps;
ALTER TABLE repair_plan_revision DROP COLUMN steps;
ALTER TABLE repair_plan_revision RENAME COLUMN sealed_steps TO steps;
