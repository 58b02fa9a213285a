-- Alliance Tracker schema, version 7: ruptures and repair plans are corrected, never overwritten.
-- Released: never edit this file; add the next numbered one.

-- JSON arrays are written by the store (json_group_array); json_valid() cannot be used in a CHECK
-- with trusted_schema off, so the CHECKs only test the shape.

-- A rupture flagged by mistake is voided (kept, never analysed; its plans go with it); a wrong
-- detail is amended. Each revision keeps the version it replaced, the day and the reason.
ALTER TABLE rupture ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1));

CREATE TABLE rupture_revision (
    id          INTEGER PRIMARY KEY,
    rupture_id  INTEGER NOT NULL REFERENCES rupture (id),
    revised_on  TEXT    NOT NULL CHECK (date(revised_on, '+0 days') = revised_on),
    action      TEXT    NOT NULL CHECK (action IN ('amend', 'void')),
    reason      TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    -- The version before this revision.
    kind        TEXT    NOT NULL CHECK (kind IN ('withdrawal', 'confrontation')),
    salience    INTEGER NOT NULL CHECK (salience BETWEEN 1 AND 5),
    noticed_by  TEXT    NOT NULL
                        CHECK (noticed_by IN ('client-score', 'counselor', 'client-report', 'supervisor')),
    category    TEXT,
    note        TEXT,
    markers     TEXT    NOT NULL CHECK (markers LIKE '[%]'),
    was_voided  INTEGER NOT NULL CHECK (was_voided IN (0, 1))
) STRICT;
CREATE INDEX rupture_revision_rupture ON rupture_revision (rupture_id, id);

-- A repair plan's strategies, steps, due date, note (and, once closed, its outcome) are amended
-- with a reason; the version replaced is kept here.
CREATE TABLE repair_plan_revision (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES repair_plan (id),
    revised_on  TEXT    NOT NULL CHECK (date(revised_on, '+0 days') = revised_on),
    reason      TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    -- The version before this revision.
    due_date    TEXT    CHECK (due_date IS NULL OR date(due_date, '+0 days') = due_date),
    note        TEXT,
    outcome     TEXT    CHECK (outcome IS NULL
                            OR outcome IN ('resolved', 'partly', 'unresolved', 'transferred')),
    strategies  TEXT    NOT NULL CHECK (strategies LIKE '[%]'),
    -- [{"text": ..., "done": 0|1}] in step order.
    steps       TEXT    NOT NULL CHECK (steps LIKE '[%]')
) STRICT;
CREATE INDEX repair_plan_revision_plan ON repair_plan_revision (plan_id, id);
