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
-- Covering indexes for listings: `data` (the call's JSON, source text included) is large,
-- so listing and counting must never have to read the rows themselves.
CREATE INDEX calls_listing
    ON calls (published, closed_manually, deadline_utc, last_key_date, kind, id);
CREATE INDEX calls_closed ON calls (
    published, COALESCE(deadline_utc, last_key_date), closed_manually, deadline_utc,
    last_key_date, kind, id
);

CREATE TABLE call_regions (
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    region TEXT NOT NULL,
    PRIMARY KEY (call_id, region)
) WITHOUT ROWID;
CREATE INDEX call_regions_by_region ON call_regions (region, call_id);

CREATE TABLE call_themes (
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (call_id, theme)
) WITHOUT ROWID;
CREATE INDEX call_themes_by_theme ON call_themes (theme, call_id);

-- Folded names users call a call by (organisation, acronyms, reference, title words).
CREATE TABLE call_names (
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (call_id, name)
) WITHOUT ROWID;

-- One row per source line: the original for quoting, the folded text for matching.
-- `owner` is a one-token tag of the call ("k" + hash of its id) so that FTS5 itself
-- restricts a search to one call instead of scanning every call's matches.
CREATE TABLE call_lines (
    id INTEGER PRIMARY KEY,
    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    line TEXT NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX call_lines_by_call ON call_lines (call_id);
CREATE VIRTUAL TABLE call_lines_fts USING fts5 (
    folded,
    owner,
    content = 'call_lines',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER call_lines_ins AFTER INSERT ON call_lines BEGIN
    INSERT INTO call_lines_fts (rowid, folded, owner) VALUES (new.id, new.folded, new.owner);
END;
CREATE TRIGGER call_lines_del AFTER DELETE ON call_lines BEGIN
    INSERT INTO call_lines_fts (call_lines_fts, rowid, folded, owner)
    VALUES ('delete', old.id, old.folded, old.owner);
END;

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
