/** The game a save belongs to, its saves in turn order (the turn selector) and the facts of the header's result. */
import type { GamePlayerBrief, GameTurns, GameWinner } from '../../../shared/views/game.js';
import { bool, num, numOrNull, str, type Row } from '../values.js';
import type { ReadContext } from './context.js';

export async function gameTurns({ db }: ReadContext, request: { saveId: number }): Promise<GameTurns | null> {
  const [save] = await db.all(
    `SELECT game_id, game_name, turn, game_over, winner_team, winner_player_id, winner_victory, active_player
     FROM saves WHERE id = ?`,
    [request.saveId],
  );
  if (!save) return null;
  const saves = await db.all('SELECT id, turn, save_date FROM saves WHERE game_id = ? ORDER BY turn, id', [String(save.game_id)]);
  return {
    gameId: String(save.game_id),
    gameName: str(save.game_name),
    saveId: request.saveId,
    turn: num(save.turn),
    gameOver: bool(save.game_over),
    winner: winnerOf(save),
    activePlayer: numOrNull(save.active_player),
    players: await playerBriefs({ db }, request.saveId),
    saves: saves.map((s) => ({ saveId: num(s.id), turn: num(s.turn), saveDate: str(s.save_date) })),
  };
}

/** A game over without a winning player or team still names its victory. */
export function winnerOf(r: Row): GameWinner | null {
  const team = numOrNull(r.winner_team);
  const playerId = numOrNull(r.winner_player_id);
  const victory = str(r.winner_victory);
  if (playerId !== null || team !== null) return { team, playerId, victory };
  return bool(r.game_over) && victory ? { team: null, playerId: null, victory } : null;
}

export async function playerBriefs({ db }: Pick<ReadContext, 'db'>, saveId: number): Promise<GamePlayerBrief[]> {
  const rows = await db.all('SELECT id, name, nation, team, is_human FROM players_v WHERE save_id = ? ORDER BY id', [saveId]);
  return rows.map((p) => ({
    playerId: num(p.id),
    name: str(p.name),
    nation: str(p.nation),
    team: numOrNull(p.team),
    isHuman: bool(p.is_human),
  }));
}

/** Whether the save exists: a view of a deleted save answers null. */
export async function saveExists({ db }: ReadContext, saveId: number): Promise<boolean> {
  return (await db.all('SELECT 1 AS x FROM saves WHERE id = ?', [saveId])).length > 0;
}
