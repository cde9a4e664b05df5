-- history series packed into one row each (SQLite)
-- A series (player, series, key) becomes one row, its points one JSON object
-- {"<turn>":<value>,...} in turn order (store/packing.ts); the view reads a
-- row per point as before. On a library with saves this runs in steps
-- (stepped-migration.ts): the INSERT a batch of saves at a time.

CREATE TABLE history_points__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  series INTEGER NOT NULL,
  key INTEGER NOT NULL,
  points TEXT NOT NULL,
  PRIMARY KEY (save_id, player_id, series, key)
) WITHOUT ROWID;
INSERT INTO history_points__new (save_id, player_id, series, key, points)
  SELECT o.save_id, o.player_id, o.series, o.key, json_group_object(o.turn, o.value ORDER BY o.turn)
  FROM history_points AS o
  GROUP BY o.save_id, o.player_id, o.series, o.key;
DROP VIEW history_points_v;
DROP TABLE history_points;
ALTER TABLE history_points__new RENAME TO history_points;
CREATE VIEW history_points_v AS
  SELECT
    t.save_id,
    t.player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.series) AS series,
    (SELECT k.key FROM dictionary k WHERE k.id = t.key) AS key,
    CAST(p.key AS INTEGER) AS turn,
    CAST(p.value AS INTEGER) AS value
  FROM history_points t, json_each(t.points) p;
