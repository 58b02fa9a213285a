-- Alliance Tracker schema, version 6: replacing a client's post-session report keeps the old one.
-- Released: never edit this file; add the next numbered one.

-- A post-session report is the client's own account: it is replaced only with a reason, and the
-- version it replaced is kept here.
CREATE TABLE post_session_report_revision (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id),
    revised_on TEXT    NOT NULL CHECK (date(revised_on, '+0 days') = revised_on),
    reason     TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    tension    INTEGER NOT NULL CHECK (tension IN (0, 1)),
    intensity  INTEGER CHECK (intensity IS NULL OR intensity BETWEEN 1 AND 5),
    resolution INTEGER CHECK (resolution IS NULL OR resolution BETWEEN 1 AND 5)
) STRICT;
CREATE INDEX post_session_report_revision_session ON post_session_report_revision (session_id, id);
