-- Subscriptions, followed calls, opt-out, and the outbox of proactive messages.
ALTER TABLE contacts ADD COLUMN status TEXT NOT NULL DEFAULT 'active';  -- active | stopped | blocked
ALTER TABLE contacts ADD COLUMN status_reason TEXT;
ALTER TABLE contacts ADD COLUMN status_at TEXT;

ALTER TABLE calls ADD COLUMN published_at TEXT;  -- first publication (UTC ISO)
ALTER TABLE calls ADD COLUMN announced_at TEXT;  -- new-call alerts enqueued (UTC ISO)
CREATE INDEX calls_to_announce ON calls (published, announced_at);

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    regions TEXT NOT NULL,   -- JSON list of region ids; [] means all of Morocco
    themes TEXT NOT NULL,    -- JSON list of theme ids; [] means every theme
    frequency TEXT NOT NULL, -- instant | daily | weekly
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX subscriptions_by_contact ON subscriptions (contact_id);
CREATE INDEX subscriptions_by_frequency ON subscriptions (frequency);

CREATE TABLE follows (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (call_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX follows_by_contact ON follows (contact_id);

-- Which (call, reminder offset, deadline) already had its subscribers matched, so the
-- planner matches 100,000 subscribers once per reminder, not once a minute.
CREATE TABLE reminder_plans (
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    offset_days INTEGER NOT NULL,
    deadline_utc TEXT NOT NULL,
    planned_at TEXT NOT NULL,
    PRIMARY KEY (call_id, offset_days, deadline_utc)
) WITHOUT ROWID;

-- Every proactive message is a row here before anything is sent. `dedupe_key` is unique:
-- planning twice (or after a restart) never enqueues twice.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,          -- reminder | new_call | digest | broadcast | notice
    call_id TEXT,
    deadline_utc TEXT,           -- for reminders: the deadline they announce
    dedupe_key TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,          -- JSON list of replies, in the contact's language
    due_at TEXT NOT NULL,        -- UTC ISO, quiet hours already applied
    status TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | failed | skipped
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    provider_id TEXT,
    created_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, channel, due_at);
CREATE INDEX outbox_by_contact ON outbox (contact_id);

-- Periodic jobs already done for a period ("digest:daily", "2024-01-03"): a restart or
-- a second tick in the same period does nothing twice.
CREATE TABLE job_runs (
    job TEXT NOT NULL,
    period TEXT NOT NULL,
    done_at TEXT NOT NULL,
    PRIMARY KEY (job, period)
) WITHOUT ROWID;
