/**
 * One row per game, computed in SQL over the whole library: the game's
 * latest save (highest turn), its save count and turn range, the save's
 * owner and the result from the owner's side. The library list and the
 * statistics filter, sort and tally on it without loading any player in JS.
 *
 * The owner and the result follow shared/result.ts (`ownerPlayer`,
 * `gameResult`) rule for rule; test/store/read/games.test.ts checks that
 * both agree on every winner form. The latest saves' players are read in
 * one grouped pass rather than a subquery per save: DuckDB runs the
 * correlated form several times slower.
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
    g.saves, g.first_turn, g.last_turn
  FROM game_span g JOIN saves s ON s.game_id = g.game_id AND s.turn = g.last_turn
),
seats AS (
  SELECT l.id AS save_id,
    max(CASE WHEN p.id = l.active_player THEN p.id END) AS active_id,
    min(CASE WHEN p.is_human THEN p.id END) AS first_human,
    sum(CASE WHEN p.is_human THEN 1 ELSE 0 END) AS humans,
    max(CASE WHEN p.id = l.winner_player_id THEN 1 ELSE 0 END) AS winner_seated,
    max(CASE WHEN p.team = l.winner_team THEN 1 ELSE 0 END) AS winning_team_seated
  FROM latest l JOIN players_v p ON p.save_id = l.id
  GROUP BY l.id
),
owned AS (
  -- ownerPlayer: the active player when the save has them, else the only human.
  SELECT l.*, coalesce(st.active_id, CASE WHEN st.humans = 1 THEN st.first_human END) AS owner_id,
    coalesce(st.winner_seated, 0) AS winner_seated, coalesce(st.winning_team_seated, 0) AS winning_team_seated
  FROM latest l LEFT JOIN seats st ON st.save_id = l.id
),
games AS (
  SELECT o.*, op.name AS owner_name, op.nation AS owner_nation,
    -- gameResult: without an owner or without a known winner, a finished game is only "over".
    CASE
      WHEN NOT o.game_over THEN 'inProgress'
      WHEN o.owner_id IS NULL THEN 'over'
      WHEN o.winner_player_id IS NOT NULL THEN CASE
        WHEN o.winner_seated = 0 THEN 'over'
        WHEN o.winner_player_id = o.owner_id THEN 'victory'
        ELSE 'defeat' END
      WHEN o.winner_team IS NOT NULL THEN CASE
        WHEN o.winning_team_seated = 0 THEN 'over'
        WHEN op.team = o.winner_team THEN 'victory'
        ELSE 'defeat' END
      ELSE 'over'
    END AS result
  FROM owned o LEFT JOIN players_v op ON op.save_id = o.id AND op.id = o.owner_id
)`;
