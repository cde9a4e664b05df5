/** The game-centric library: one row per game. */
import type { GameListQuery, GamePage } from '../../../shared/views/games.js';
import { num, str } from '../values.js';
import type { ReadContext } from './context.js';

export async function listGames({ db }: ReadContext, query: GameListQuery): Promise<GamePage> {
  const limit = Math.min(1000, query.limit ?? 100);
  const offset = query.offset ?? 0;
  const [total] = await db.all('SELECT count(DISTINCT game_id) AS n FROM saves');
  const rows = await db.all(
    `SELECT game_id, max(game_name) AS game_name, count(*) AS saves, min(turn) AS first_turn, max(turn) AS last_turn,
       (SELECT s2.id FROM saves s2 WHERE s2.game_id = s.game_id ORDER BY s2.turn DESC, s2.id DESC LIMIT 1) AS latest
     FROM saves s GROUP BY game_id ORDER BY max(id) DESC LIMIT ? OFFSET ?`,
    [limit, offset],
  );
  return {
    total: num(total!.n),
    items: rows.map((r) => ({
      gameId: String(r.game_id),
      gameName: str(r.game_name),
      latestSaveId: num(r.latest),
      saves: num(r.saves),
      firstTurn: num(r.first_turn),
      lastTurn: num(r.last_turn),
    })),
  };
}
