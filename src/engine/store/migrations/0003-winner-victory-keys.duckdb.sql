-- winner victory as a victory key

-- Older saves wrote the winner's victory as the index of its type in the
-- game's victory list; the reader now names it (reader/map/victory.ts), and
-- this maps the values stored before in the same way: an index to its key,
-- a key kept, anything else (no victory, an unknown index) to NULL.
UPDATE saves SET winner_victory = CASE
    WHEN substr(TRIM(winner_victory), 1, 8) = 'VICTORY_' AND length(TRIM(winner_victory)) > 8 THEN TRIM(winner_victory)
    WHEN TRIM(winner_victory) = '' THEN NULL
    ELSE CASE ltrim(TRIM(winner_victory), '0')
      WHEN '' THEN 'VICTORY_POINTS'
      WHEN '1' THEN 'VICTORY_DOUBLE'
      WHEN '2' THEN 'VICTORY_AMBITION'
      WHEN '3' THEN 'VICTORY_TIME'
      WHEN '4' THEN 'VICTORY_CONQUEST'
      WHEN '5' THEN 'VICTORY_ALLIANCE'
      ELSE NULL
    END
  END
WHERE winner_victory IS NOT NULL;
