/**
 * The read model of the game page's laws tab: per player, the laws in force
 * (`ActiveLaw`), the techs discovered (`TechCount`: a tech with a count has
 * been discovered) and the ambitions (`GoalList`). The turns come from the
 * event log where it still holds the entry (the game trims some types).
 */
import type { GameLaws, PlayerGoal, PlayerLaw, PlayerTech } from '../../../shared/views/laws.js';
import { bool, num, numOrNull, str } from '../values.js';
import type { ReadContext } from './context.js';
import { saveFacts, studyPlayers } from './study-players.js';

export async function gameLaws(ctx: ReadContext, request: { saveId: number }): Promise<GameLaws | null> {
  const { db } = ctx;
  const { saveId } = request;
  const facts = await saveFacts(ctx, saveId);
  if (!facts) return null;
  const players = await studyPlayers(ctx, saveId);
  const researching = new Map(
    // The save writes NONE when nothing is being researched.
    (await db.all('SELECT id, tech_researching FROM players_v WHERE save_id = ?', [saveId])).map((r) => {
      const tech = str(r.tech_researching);
      return [num(r.id), tech === 'NONE' ? null : tech];
    }),
  );
  const laws = await db.all('SELECT player_id, law_class, law FROM player_laws_v WHERE save_id = ? ORDER BY player_id, law_class', [
    saveId,
  ]);
  const techs = await db.all(
    `SELECT player_id, key FROM player_values_v WHERE save_id = ? AND kind = 'tech_count' AND value > 0 ORDER BY player_id, key`,
    [saveId],
  );
  const goals = await db.all(
    'SELECT player_id, type, started_turn, finished_turn, failed FROM player_goals_v WHERE save_id = ? ORDER BY player_id, ordinal',
    [saveId],
  );
  const logged = await db.all(
    `SELECT player_id, type, data1, min(turn) AS first_turn, max(turn) AS last_turn FROM event_log_v
     WHERE save_id = ? AND type IN ('TECH_DISCOVERED', 'LAW_ADOPTED') AND data1 IS NOT NULL AND turn IS NOT NULL
     GROUP BY player_id, type, data1`,
    [saveId],
  );
  const loggedKey = (player: number, type: string, key: string) => `${player}\u0000${type}\u0000${key}`;
  const turns = new Map(logged.map((r) => [loggedKey(num(r.player_id), String(r.type), String(r.data1)), r]));

  return {
    saveId,
    turn: facts.turn,
    players: players.map((p) => {
      const techTurn = (tech: string) => numOrNull(turns.get(loggedKey(p.id, 'TECH_DISCOVERED', tech))?.first_turn);
      const lawTurn = (law: string) => numOrNull(turns.get(loggedKey(p.id, 'LAW_ADOPTED', law))?.last_turn);
      return {
        ...p,
        researching: researching.get(p.id) ?? null,
        laws: laws
          .filter((r) => num(r.player_id) === p.id)
          .map((r): PlayerLaw => ({ lawClass: String(r.law_class), law: String(r.law), adoptedTurn: lawTurn(String(r.law)) })),
        techs: techs
          .filter((r) => num(r.player_id) === p.id)
          .map((r): PlayerTech => ({ tech: String(r.key), discoveredTurn: techTurn(String(r.key)) })),
        goals: goals
          .filter((r) => num(r.player_id) === p.id)
          .map((r): PlayerGoal => ({
            type: String(r.type),
            startedTurn: numOrNull(r.started_turn),
            finishedTurn: numOrNull(r.finished_turn),
            failed: bool(r.failed),
          })),
      };
    }),
  };
}
