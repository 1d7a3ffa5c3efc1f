-- The call catalog, contacts and their conversation state.
CREATE TABLE calls (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,                 -- the Call as JSON (public field names)
    kind TEXT NOT NULL,
    deadline_utc TEXT,                  -- ISO UTC, sortable; NULL when the text gives none
    last_key_date TEXT,                 -- latest key date (ISO), for calls without a deadline
    published INTEGER NOT NULL DEFAULT 0,
    closed_manually INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX calls_by_deadline ON calls (published, deadline_utc);

CREATE TABLE call_regions (
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    region TEXT NOT NULL,
    PRIMARY KEY (region, call_id)
) WITHOUT ROWID;

CREATE TABLE call_themes (
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (theme, call_id)
) WITHOUT ROWID;

-- Folded names users call a call by (organisation, acronyms, reference, title words).
CREATE TABLE call_names (
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (call_id, name)
) WITHOUT ROWID;

-- One row per source line: the original for quoting, the folded text for matching.
CREATE VIRTUAL TABLE call_lines USING fts5 (
    call_id UNINDEXED,
    line UNINDEXED,
    folded,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Bumped on every catalog change so in-process caches know when to reload.
CREATE TABLE catalog_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO catalog_version VALUES (1, 0);
CREATE TRIGGER calls_ins AFTER INSERT ON calls
    BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER calls_upd AFTER UPDATE ON calls
    BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER calls_del AFTER DELETE ON calls
    BEGIN UPDATE catalog_version SET version = version + 1; END;

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    lang TEXT,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    UNIQUE (channel, address)
);

CREATE TABLE conversations (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
