-- Staff broadcasts, and an anonymous count of forgotten contacts for the statistics.

-- One row per broadcast; its messages are outbox rows of kind 'broadcast' whose
-- dedupe_key is "broadcast:<id>:<contact id>", so progress and results are counted from
-- the outbox itself (a range scan of the dedupe_key index), never kept twice.
CREATE TABLE broadcasts (
    id INTEGER PRIMARY KEY,
    -- The staff member's contact id, NULL from the command line. No foreign key: the
    -- record outlives an author who asked to be forgotten (like the audit trail).
    author_contact_id INTEGER,
    author TEXT NOT NULL,        -- "chat" or "cli"
    text_fr TEXT,                -- NULL when there is no French version
    text_ar TEXT,                -- NULL when there is no Arabic version
    audience TEXT NOT NULL,      -- JSON: {"regions": [], "themes": [], "lang", "channel"}
    audience_size INTEGER NOT NULL,  -- subscribers matched at confirmation
    excluded TEXT NOT NULL,      -- JSON: {"stopped": n, "blocked": n, "window": n}
    enqueued INTEGER NOT NULL,   -- outbox rows written
    status TEXT NOT NULL DEFAULT 'sending',  -- sending | done | cancelled
    due_at TEXT NOT NULL,        -- UTC ISO: when the rows were due (after quiet hours)
    created_at TEXT NOT NULL,    -- UTC ISO
    finished_at TEXT,            -- UTC ISO: done or cancelled
    reported_at TEXT             -- UTC ISO: the final counts were sent to the author
);
CREATE INDEX broadcasts_by_status ON broadcasts (status);

-- Forgotten contacts are deleted with everything they own (law 09-08), so nothing about
-- them is left to count. This keeps only a number per day and channel — no id, no
-- address — for the "lost this week" statistic. The day is the contact's last message
-- (local date), which is the day they confirmed /oublier.
CREATE TABLE forgotten_counts (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, channel)
) WITHOUT ROWID;
CREATE TRIGGER contacts_forgotten AFTER DELETE ON contacts BEGIN
    INSERT INTO forgotten_counts (day, channel, n)
    VALUES (substr(old.last_seen_at, 1, 10), old.channel, 1)
    ON CONFLICT (day, channel) DO UPDATE SET n = n + 1;
END;
