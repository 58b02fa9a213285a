-- Alliance Tracker schema, version 1: people, sessions, ratings, ruptures and repairs.
-- Released: never edit this file; add the next numbered one.

CREATE TABLE counselor (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    role          TEXT    NOT NULL CHECK (role IN ('counselor', 'supervisor', 'admin')),
    supervisor_id INTEGER REFERENCES counselor (id)
) STRICT;

CREATE TABLE client (
    id            INTEGER PRIMARY KEY,
    code          TEXT    NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    display_name  TEXT    CHECK (display_name IS NULL OR length(display_name) <= 200),
    counselor_id  INTEGER NOT NULL REFERENCES counselor (id),
    start_date    TEXT    NOT NULL CHECK (date(start_date, '+0 days') = start_date),
    cadence_days  INTEGER NOT NULL CHECK (cadence_days BETWEEN 1 AND 365),
    status        TEXT    NOT NULL DEFAULT 'active'
                          CHECK (status IN ('active', 'closed', 'transferred'))
) STRICT;
CREATE INDEX client_counselor ON client (counselor_id, code);

-- One session per client and date; its number is derived from date order.
CREATE TABLE session (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES client (id),
    date             TEXT    NOT NULL CHECK (date(date, '+0 days') = date),
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 600),
    note             TEXT,
    UNIQUE (client_id, date)
) STRICT;

-- Scores are stored in tenths so that sums are exact.
CREATE TABLE rating (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES session (id),
    instrument     TEXT    NOT NULL CHECK (instrument IN ('wai-sr', 'srs', 'bgt')),
    rater          TEXT    NOT NULL CHECK (rater IN ('client', 'counselor', 'observer')),
    items          TEXT    NOT NULL,
    total_tenths   INTEGER NOT NULL CHECK (total_tenths BETWEEN 0 AND 600),
    bond_tenths    INTEGER NOT NULL CHECK (bond_tenths BETWEEN 0 AND 200),
    goal_tenths    INTEGER NOT NULL CHECK (goal_tenths BETWEEN 0 AND 200),
    task_tenths    INTEGER NOT NULL CHECK (task_tenths BETWEEN 0 AND 200),
    overall_tenths INTEGER CHECK (overall_tenths IS NULL OR overall_tenths BETWEEN 0 AND 100),
    UNIQUE (session_id, instrument, rater)
) STRICT;

-- The client's Post-Session Questionnaire answers (Muran et al. 2009).
CREATE TABLE post_session_report (
    session_id INTEGER PRIMARY KEY REFERENCES session (id),
    tension    INTEGER NOT NULL CHECK (tension IN (0, 1)),
    intensity  INTEGER CHECK (intensity IS NULL OR intensity BETWEEN 1 AND 5),
    resolution INTEGER CHECK (resolution IS NULL OR resolution BETWEEN 1 AND 5),
    CHECK ((tension = 0 AND intensity IS NULL AND resolution IS NULL)
        OR (tension = 1 AND intensity IS NOT NULL AND resolution IS NOT NULL))
) STRICT;

CREATE TABLE rupture (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id),
    kind       TEXT    NOT NULL CHECK (kind IN ('withdrawal', 'confrontation')),
    salience   INTEGER NOT NULL CHECK (salience BETWEEN 1 AND 5),
    noticed_by TEXT    NOT NULL
                       CHECK (noticed_by IN ('client-score', 'counselor', 'client-report', 'supervisor')),
    category   TEXT,
    note       TEXT
) STRICT;
CREATE INDEX rupture_session ON rupture (session_id);

CREATE TABLE rupture_marker (
    rupture_id INTEGER NOT NULL REFERENCES rupture (id),
    marker     TEXT    NOT NULL,
    PRIMARY KEY (rupture_id, marker)
) STRICT;

CREATE TABLE repair_plan (
    id                  INTEGER PRIMARY KEY,
    rupture_id          INTEGER NOT NULL REFERENCES rupture (id),
    created_on          TEXT    NOT NULL CHECK (date(created_on, '+0 days') = created_on),
    due_date            TEXT    CHECK (due_date IS NULL OR date(due_date, '+0 days') = due_date),
    status              TEXT    NOT NULL DEFAULT 'planned'
                                CHECK (status IN ('planned', 'in-progress', 'closed')),
    outcome             TEXT    CHECK (outcome IS NULL
                                    OR outcome IN ('resolved', 'partly', 'unresolved', 'transferred')),
    follow_up_session_id INTEGER REFERENCES session (id),
    closed_on           TEXT    CHECK (closed_on IS NULL OR date(closed_on, '+0 days') = closed_on),
    note                TEXT,
    CHECK ((status = 'closed') = (outcome IS NOT NULL))
) STRICT;
CREATE INDEX repair_plan_rupture ON repair_plan (rupture_id);

CREATE TABLE repair_plan_strategy (
    plan_id  INTEGER NOT NULL REFERENCES repair_plan (id),
    strategy TEXT    NOT NULL,
    PRIMARY KEY (plan_id, strategy)
) STRICT;

CREATE TABLE repair_plan_step (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES repair_plan (id),
    position INTEGER NOT NULL,
    text     TEXT    NOT NULL,
    done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    UNIQUE (plan_id, position)
) STRICT;
