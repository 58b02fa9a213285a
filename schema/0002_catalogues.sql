-- Editable catalogues of repair strategies, rupture markers and challenge categories,
-- the "when repair is not possible" transition plans and the agency's referral list.

CREATE TABLE catalogue (
    kind     TEXT    NOT NULL CHECK (kind IN ('strategy', 'marker', 'category')),
    slug     TEXT    NOT NULL CHECK (slug GLOB '[a-z]*' AND slug NOT GLOB '*[^a-z-]*'),
    label    TEXT    NOT NULL,
    grp      TEXT    NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind, slug)
) STRICT;

INSERT INTO catalogue (kind, slug, label, grp, position) VALUES
    -- Immediate strategies (3RS / CAFT)
    ('strategy', 'give-rationale', 'Give a rationale for a task or goal', 'immediate', 1),
    ('strategy', 'change-task', 'Change a task', 'immediate', 2),
    ('strategy', 'change-goal', 'Change a goal', 'immediate', 3),
    ('strategy', 'clarify-misunderstanding', 'Clarify a misunderstanding', 'immediate', 4),
    -- Exploratory strategies (3RS / CAFT)
    ('strategy', 'metacommunicate', 'Invite the client to talk about the rupture', 'exploratory', 5),
    ('strategy', 'empathise', 'Empathise and stay non-defensive', 'exploratory', 6),
    ('strategy', 'validate', 'Validate the client''s experience', 'exploratory', 7),
    ('strategy', 'take-responsibility', 'Acknowledge and take responsibility for your part', 'exploratory', 8),
    ('strategy', 'explore-pattern', 'Explore the pattern with the client (wider relational patterns)', 'exploratory', 9),
    -- The training deck's repair steps
    ('strategy', 'listen', 'Listen: listening is not waiting for your chance to talk', 'deck', 10),
    ('strategy', 'check-defenses', 'Check yourself for defenses', 'deck', 11),
    ('strategy', 'explore-emotions', 'Explore the emotions', 'deck', 12),
    ('strategy', 'apologise', 'Offer an apology', 'deck', 13),
    ('strategy', 'co-create-plan', 'Co-create a plan: "How can we do this differently?"', 'deck', 14),
    ('strategy', 'take-break', 'Take a break', 'deck', 15),
    ('strategy', 'try-something-new', 'Try something new', 'deck', 16),
    ('strategy', 'rest-stop', 'Rest stop: room to process, fresh perspective, peer feedback', 'deck', 17),
    -- Withdrawal markers (moving away)
    ('marker', 'denial', 'Denial', 'withdrawal', 1),
    ('marker', 'minimal-response', 'Minimal response', 'withdrawal', 2),
    ('marker', 'abstract-communication', 'Abstract communication', 'withdrawal', 3),
    ('marker', 'avoidant-storytelling', 'Avoidant storytelling / shifting topic', 'withdrawal', 4),
    ('marker', 'deferential', 'Deferential or appeasing', 'withdrawal', 5),
    ('marker', 'content-affect-split', 'Content / affect split', 'withdrawal', 6),
    ('marker', 'self-criticism', 'Self-criticism / hopelessness', 'withdrawal', 7),
    -- Confrontation markers (moving against)
    ('marker', 'complaint-therapist', 'Complaints about the therapist', 'confrontation', 8),
    ('marker', 'complaint-activities', 'Complaints about activities of therapy', 'confrontation', 9),
    ('marker', 'complaint-parameters', 'Complaints about parameters (time, fees, schedule)', 'confrontation', 10),
    ('marker', 'complaint-progress', 'Complaints about progress', 'confrontation', 11),
    ('marker', 'rejecting-intervention', 'Rejecting an intervention', 'confrontation', 12),
    ('marker', 'defending-self', 'Defending self against the therapist', 'confrontation', 13),
    ('marker', 'control-pressure', 'Efforts to control or pressure the therapist', 'confrontation', 14),
    -- Challenges to the relationship (training deck)
    ('category', 'communication', 'Communication', 'deck', 1),
    ('category', 'drifting', 'Drifting', 'deck', 2),
    ('category', 'transference', 'Transference', 'deck', 3),
    ('category', 'countertransference', 'Countertransference', 'deck', 4),
    ('category', 'managing-expectations', 'Managing expectations', 'deck', 5),
    ('category', 'broken-trust', 'Broken trust', 'deck', 6),
    ('category', 'relapse', 'Relapse', 'deck', 7);

-- Similar agencies a client can be referred to when repair is not possible.
CREATE TABLE referral_agency (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    services TEXT,
    contact  TEXT
) STRICT;

-- "When repair is not possible": policy checked, dialogue held, supervisor invited, next steps.
CREATE TABLE transition_plan (
    id                  INTEGER PRIMARY KEY,
    client_id           INTEGER NOT NULL REFERENCES client (id),
    rupture_id          INTEGER REFERENCES rupture (id),
    created_on          TEXT    NOT NULL CHECK (date(created_on, '+0 days') = created_on),
    policy_reviewed     INTEGER NOT NULL DEFAULT 0 CHECK (policy_reviewed IN (0, 1)),
    dialogue_held       INTEGER NOT NULL DEFAULT 0 CHECK (dialogue_held IN (0, 1)),
    supervisor_invited  INTEGER NOT NULL DEFAULT 0 CHECK (supervisor_invited IN (0, 1)),
    referral_agency_id  INTEGER REFERENCES referral_agency (id),
    next_steps          TEXT
) STRICT;
