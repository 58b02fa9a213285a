-- Trajectory analysis: per-instrument, per-dimension parameters with their sources, and
-- acknowledged or snoozed alerts.

CREATE TABLE analysis_param (
    instrument  TEXT    NOT NULL CHECK (instrument IN ('wai-sr', 'srs', 'bgt')),
    dimension   TEXT    NOT NULL CHECK (dimension IN ('total', 'bond', 'goal', 'task')),
    sd          REAL    NOT NULL CHECK (sd > 0),
    reliability REAL    NOT NULL CHECK (reliability > 0 AND reliability < 1),
    z           REAL    NOT NULL CHECK (z > 0),
    window_sessions INTEGER NOT NULL CHECK (window_sessions BETWEEN 1 AND 20),
    cutoff      REAL,
    comparator  TEXT    NOT NULL DEFAULT '<' CHECK (comparator IN ('<', '<=')),
    confirmed   INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
    source      TEXT    NOT NULL,
    PRIMARY KEY (instrument, dimension)
) STRICT;

INSERT INTO analysis_param VALUES
    ('wai-sr', 'total', 8.0, 0.90, 1.96, 3, NULL, '<', 0,
     'Placeholder: SD not confirmed; reliability from WAI-SR alpha around .90 (unconfirmed). Replace with your agency''s norms.'),
    ('wai-sr', 'bond', 3.0, 0.85, 1.96, 3, NULL, '<', 0,
     'Placeholder: subscale SD and reliability not confirmed.'),
    ('wai-sr', 'goal', 3.0, 0.85, 1.96, 3, NULL, '<', 0,
     'Placeholder: subscale SD and reliability not confirmed.'),
    ('wai-sr', 'task', 3.0, 0.85, 1.96, 3, NULL, '<', 0,
     'Placeholder: subscale SD and reliability not confirmed.'),
    ('srs', 'total', 5.0, 0.88, 1.96, 3, 36.0, '<', 0,
     'Cutoff 36 with "below" (Duncan, Miller et al. 2003, confirmed); SD not confirmed; reliability from SRS alpha around .88 (unconfirmed).'),
    ('srs', 'bond', 1.5, 0.80, 1.96, 3, NULL, '<', 0,
     'Placeholder: single-item SD and reliability not confirmed.'),
    ('srs', 'goal', 1.5, 0.80, 1.96, 3, NULL, '<', 0,
     'Placeholder: single-item SD and reliability not confirmed.'),
    ('srs', 'task', 1.5, 0.80, 1.96, 3, NULL, '<', 0,
     'Placeholder: single-item SD and reliability not confirmed.'),
    ('bgt', 'total', 4.0, 0.85, 1.96, 3, NULL, '<', 0,
     'Product default for its own quick rating; no published norms exist.'),
    ('bgt', 'bond', 1.5, 0.80, 1.96, 3, NULL, '<', 0,
     'Product default for its own quick rating; no published norms exist.'),
    ('bgt', 'goal', 1.5, 0.80, 1.96, 3, NULL, '<', 0,
     'Product default for its own quick rating; no published norms exist.'),
    ('bgt', 'task', 1.5, 0.80, 1.96, 3, NULL, '<', 0,
     'Product default for its own quick rating; no published norms exist.');

-- An alert the counselor acknowledged (or snoozed). It stays hidden while its evidence is
-- unchanged (same fingerprint) and, for a snooze, until snooze_until.
CREATE TABLE alert_ack (
    alert_key    TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (length(reason) >= 1),
    acked_on     TEXT NOT NULL CHECK (date(acked_on, '+0 days') = acked_on),
    snooze_until TEXT CHECK (snooze_until IS NULL OR date(snooze_until, '+0 days') = snooze_until)
) STRICT;
