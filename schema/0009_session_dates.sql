-- Alliance Tracker schema, version 9: sessions found by date across clients.
-- Released: never edit this file; add the next numbered one.

-- The newest session on record (checked against the clock at every start: a scan of every
-- session without it, ~11 ms at 200,000 sessions) and the sessions of a period across a caseload.
CREATE INDEX session_date ON session (date);
