-- Alliance Tracker schema, version 10: comments and sign-off on repair and transition plans.
-- Released: never edit this file; add the next numbered one.

-- What a supervisor (or the plan's own counselor) wrote about a repair plan or a transition plan,
-- by whom and when, and whether the supervisor signed the plan off with it. Comments are added,
-- never changed; a comment may be long (a supervision note), up to 20,000 characters.
CREATE TABLE plan_review (
    id                 INTEGER PRIMARY KEY,
    repair_plan_id     INTEGER REFERENCES repair_plan (id),
    transition_plan_id INTEGER REFERENCES transition_plan (id),
    author_id          INTEGER NOT NULL REFERENCES counselor (id),
    written_on         TEXT    NOT NULL CHECK (date(written_on, '+0 days') = written_on),
    text               TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
    signed_off         INTEGER NOT NULL DEFAULT 0 CHECK (signed_off IN (0, 1)),
    CHECK ((repair_plan_id IS NULL) <> (transition_plan_id IS NULL))
) STRICT;
INSERT INTO plan_review (id, repair_plan_id, author_id, written_on, text)
    SELECT id, plan_id, author_id, written_on, text FROM plan_comment;
DROP TABLE plan_comment;
CREATE INDEX plan_review_repair ON plan_review (repair_plan_id, id) WHERE repair_plan_id IS NOT NULL;
CREATE INDEX plan_review_transition ON plan_review (transition_plan_id, id)
    WHERE transition_plan_id IS NOT NULL;
