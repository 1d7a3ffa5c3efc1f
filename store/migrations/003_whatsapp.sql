-- WhatsApp (Twilio): webhook dedupe, numbered choices, delivery tracking.

-- Provider message ids already taken in hand. Twilio retries a webhook it got no timely
-- answer to: the same MessageSid twice is processed once. Holds no personal data (ids
-- only); rows older than a few days are pruned at start.
CREATE TABLE inbound_messages (
    provider TEXT NOT NULL,      -- "twilio"
    message_id TEXT NOT NULL,    -- MessageSid
    received_at TEXT NOT NULL,   -- UTC ISO
    PRIMARY KEY (provider, message_id)
) WITHOUT ROWID;
CREATE INDEX inbound_messages_by_time ON inbound_messages (received_at);

-- The numbered choices last offered to a contact (WhatsApp has no inline buttons), so
-- that "2" or a choice's words map back to its payload, across restarts. Hangs from the
-- contact: /oublier deletes it with everything else.
CREATE TABLE offered_choices (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    choices TEXT NOT NULL,       -- JSON list of [label, payload], in the order numbered
    offered_at TEXT NOT NULL     -- UTC ISO
);

-- What the provider said happened to a sent row after it accepted it (status callbacks).
-- `status` stays the sender's verdict (sent = handed to the provider); these columns add
-- the delivery: queued | sent | delivered | read | failed | undelivered.
ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
ALTER TABLE outbox ADD COLUMN delivery_error_code TEXT;  -- e.g. Twilio's "63024"
ALTER TABLE outbox ADD COLUMN delivery_updated_at TEXT;  -- UTC ISO
-- Status callbacks find their row by the provider's message id; only sent rows have one.
CREATE INDEX outbox_by_provider_id ON outbox (provider_id) WHERE provider_id IS NOT NULL;
