-- Alliance Tracker schema, version 8: a supervisor's comments on a repair plan.
-- Released: never edit this file; add the next numbered one.

-- What a supervisor wrote about a plan, by whom and when; comments are added, never changed.
CREATE TABLE plan_comment (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES repair_plan (id),
    author_id  INTEGER NOT NULL REFERENCES counselor (id),
    written_on TEXT    NOT NULL CHECK (date(written_on, '+0 days') = written_on),
    text       TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 4000)
) STRICT;
CREATE INDEX plan_comment_plan ON plan_comment (plan_id, id);
