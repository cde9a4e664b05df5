/**
 * One row per game, computed in SQL over the whole library: the game's
 * latest save (highest turn), its save count and turn range, the save's
 * owner and the result from the owner's side. The library list and the
 * statistics filter, sort and tally on it without loading any player in JS.
 *
 * The owner and the result follow shared/result.ts (`ownerPlayer`,
 * `gameResult`) rule for rule; test/store/read-games.test.ts checks that
 * both agree on every winner form.
 */

/** A `WITH` clause defining `games`; written once for SQLite and DuckDB alike. */
export const gamesCte = `
WITH game_span AS (
  SELECT game_id, count(*) AS saves, min(turn) AS first_turn, max(turn) AS last_turn
  FROM saves GROUP BY game_id
),
latest AS (
  SELECT s.id, s.game_id, s.game_name, s.save_date, s.save_day, s.file_mtime_ms, s.map_class, s.map_size, s.difficulty,
    s.game_over, s.winner_team, s.winner_player_id, s.winner_victory, s.active_player,
    g.saves, g.first_turn, g.last_turn,
    -- ownerPlayer: the active player when the save has them, else the only human.
    coalesce(
      (SELECT p.id FROM players p WHERE p.save_id = s.id AND p.id = s.active_player),
      (SELECT min(p.id) FROM players p WHERE p.save_id = s.id AND p.is_human HAVING count(*) = 1)
    ) AS owner_id
  FROM game_span g JOIN saves s ON s.game_id = g.game_id AND s.turn = g.last_turn
),
games AS (
  SELECT l.*, op.name AS owner_name, op.nation AS owner_nation,
    -- gameResult: without an owner or without a known winner, a finished game is only "over".
    CASE
      WHEN NOT l.game_over THEN 'inProgress'
      WHEN l.owner_id IS NULL THEN 'over'
      WHEN l.winner_player_id IS NOT NULL THEN CASE
        WHEN NOT EXISTS (SELECT 1 FROM players w WHERE w.save_id = l.id AND w.id = l.winner_player_id) THEN 'over'
        WHEN l.winner_player_id = l.owner_id THEN 'victory'
        ELSE 'defeat' END
      WHEN l.winner_team IS NOT NULL THEN CASE
        WHEN NOT EXISTS (SELECT 1 FROM players w WHERE w.save_id = l.id AND w.team = l.winner_team) THEN 'over'
        WHEN op.team = l.winner_team THEN 'victory'
        ELSE 'defeat' END
      ELSE 'over'
    END AS result
  FROM latest l LEFT JOIN players op ON op.save_id = l.id AND op.id = l.owner_id
)`;
