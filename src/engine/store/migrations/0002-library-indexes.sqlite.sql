-- library list indexes, ledger timings and attempts

ALTER TABLE import_ledger ADD COLUMN queued_at TEXT;
ALTER TABLE import_ledger ADD COLUMN started_at TEXT;
ALTER TABLE import_ledger ADD COLUMN finished_at TEXT;
ALTER TABLE import_ledger ADD COLUMN parse_ms DOUBLE;
ALTER TABLE import_ledger ADD COLUMN write_ms DOUBLE;
ALTER TABLE import_ledger ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
UPDATE import_ledger SET attempts = 0 WHERE attempts IS NULL;

CREATE INDEX import_ledger_by_status ON import_ledger (status, queued_at);
CREATE INDEX import_ledger_by_sha256 ON import_ledger (sha256);
CREATE INDEX import_ledger_by_save ON import_ledger (save_id);
CREATE INDEX import_ledger_by_update ON import_ledger (updated_at);
CREATE INDEX saves_by_date ON saves (save_day, file_mtime_ms);
CREATE INDEX saves_by_game_over ON saves (game_over, save_day, file_mtime_ms);
CREATE INDEX saves_by_game_name ON saves (game_name COLLATE NOCASE, turn);
CREATE INDEX players_by_nation ON players (nation, save_id);
CREATE INDEX players_by_name ON players (name COLLATE NOCASE, save_id);
