-- Staff tools: who may publish, close and broadcast, and a trail of what was tried.

-- Staff added in chat by an admin. Staff named in the settings (FORSA_STAFF_*) are not
-- rows: they cannot be removed in chat, and a wiped database keeps its admins.
-- The address is kept in clear because it is how a staff member is recognised; a staff
-- member may be added before ever writing to the bot, so it cannot be a contact id.
CREATE TABLE staff (
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    added_by INTEGER,            -- contact id of the admin who added them
    added_at TEXT NOT NULL,      -- UTC ISO
    PRIMARY KEY (channel, address)
) WITHOUT ROWID;

-- Every staff command, allowed or refused. Who is the contact id (never an address);
-- no foreign key: the trail outlives a contact who asked to be forgotten.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,            -- UTC ISO
    contact_id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    role TEXT,                   -- the role held at the time; NULL for non-staff
    command TEXT NOT NULL,       -- e.g. "/fermer", "staff:pub:go"
    allowed INTEGER NOT NULL,    -- 1 done, 0 refused
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at);
