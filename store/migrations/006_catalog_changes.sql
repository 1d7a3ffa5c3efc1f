-- Which call each catalog version changed, so the in-process name index can update the
-- calls that moved instead of rebuilding itself from every call (seconds at 10,000).
CREATE TABLE catalog_changes (
    version INTEGER PRIMARY KEY,
    call_id TEXT NOT NULL
);

DROP TRIGGER calls_ins;
DROP TRIGGER calls_upd;
DROP TRIGGER calls_del;

-- Only the latest 20,000 changes are kept: a cache older than that rebuilds whole.
CREATE TRIGGER calls_ins AFTER INSERT ON calls BEGIN
    UPDATE catalog_version SET version = version + 1;
    INSERT INTO catalog_changes VALUES ((SELECT version FROM catalog_version WHERE id = 1), NEW.id);
    DELETE FROM catalog_changes
     WHERE version <= (SELECT version FROM catalog_version WHERE id = 1) - 20000;
END;
CREATE TRIGGER calls_upd AFTER UPDATE ON calls BEGIN
    UPDATE catalog_version SET version = version + 1;
    INSERT INTO catalog_changes VALUES ((SELECT version FROM catalog_version WHERE id = 1), NEW.id);
    DELETE FROM catalog_changes
     WHERE version <= (SELECT version FROM catalog_version WHERE id = 1) - 20000;
END;
CREATE TRIGGER calls_del AFTER DELETE ON calls BEGIN
    UPDATE catalog_version SET version = version + 1;
    INSERT INTO catalog_changes VALUES ((SELECT version FROM catalog_version WHERE id = 1), OLD.id);
    DELETE FROM catalog_changes
     WHERE version <= (SELECT version FROM catalog_version WHERE id = 1) - 20000;
END;
