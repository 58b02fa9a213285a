-- Alliance Tracker schema, version 5: corrections keep what they replace.
-- Released: never edit this file; add the next numbered one.

-- A rating is amended or voided, never silently overwritten or deleted: each revision keeps the
-- version it replaced, the day and the reason. The rating row holds the current version; the
-- analysis uses current, non-voided ratings only.
ALTER TABLE rating ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1));

CREATE TABLE rating_revision (
    id             INTEGER PRIMARY KEY,
    rating_id      INTEGER NOT NULL REFERENCES rating (id),
    revised_on     TEXT    NOT NULL CHECK (date(revised_on, '+0 days') = revised_on),
    action         TEXT    NOT NULL CHECK (action IN ('amend', 'void')),
    reason         TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    -- The version before this revision.
    items          TEXT    NOT NULL,
    total_tenths   INTEGER NOT NULL CHECK (total_tenths BETWEEN 0 AND 600),
    bond_tenths    INTEGER NOT NULL CHECK (bond_tenths BETWEEN 0 AND 200),
    goal_tenths    INTEGER NOT NULL CHECK (goal_tenths BETWEEN 0 AND 200),
    task_tenths    INTEGER NOT NULL CHECK (task_tenths BETWEEN 0 AND 200),
    overall_tenths INTEGER CHECK (overall_tenths IS NULL OR overall_tenths BETWEEN 0 AND 100),
    was_voided     INTEGER NOT NULL CHECK (was_voided IN (0, 1))
) STRICT;
CREATE INDEX rating_revision_rating ON rating_revision (rating_id, id);
