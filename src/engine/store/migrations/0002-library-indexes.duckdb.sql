-- library list indexes, ledger timings and attempts

ALTER TABLE import_ledger ADD COLUMN queued_at TEXT;
ALTER TABLE import_ledger ADD COLUMN started_at TEXT;
ALTER TABLE import_ledger ADD COLUMN finished_at TEXT;
ALTER TABLE import_ledger ADD COLUMN parse_ms DOUBLE;
ALTER TABLE import_ledger ADD COLUMN write_ms DOUBLE;
ALTER TABLE import_ledger ADD COLUMN attempts INTEGER DEFAULT 0;
UPDATE import_ledger SET attempts = 0 WHERE attempts IS NULL;
