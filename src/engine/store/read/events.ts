/** The read model of the game page's events tab: every log line and memory of the save, as columns. */
import type { GameEvents, MemorySubjectKind } from '../../../shared/views/events.js';
import { bool, num, numOrNull, str } from '../values.js';
import type { ReadContext } from './context.js';

export async function gameEvents({ db }: ReadContext, request: { saveId: number }): Promise<GameEvents | null> {
  const { saveId } = request;
  const [save] = await db.all('SELECT turn FROM saves WHERE id = ?', [saveId]);
  if (!save) return null;
  const players = await db.all('SELECT id, name, nation, is_human FROM players_v WHERE save_id = ? ORDER BY id', [saveId]);
  // Each list in its key's order (save_id, player_id, ordinal): a range scan of the primary key.
  const logRows = await db.all('SELECT player_id, turn, type, text, data1 FROM event_log_v WHERE save_id = ? ORDER BY player_id, ordinal', [
    saveId,
  ]);
  const memoryRows = await db.all(
    'SELECT player_id, turn, type, subject_kind, subject FROM memories_v WHERE save_id = ? ORDER BY player_id, ordinal',
    [saveId],
  );
  const characterRows = await db.all('SELECT id, first_name, cognomen FROM characters_v WHERE save_id = ? ORDER BY id', [saveId]);
  const cityRows = await db.all('SELECT id, name FROM cities_v WHERE save_id = ? ORDER BY id', [saveId]);

  const logTypes: string[] = [];
  const typeIndex = new Map<string, number>();
  const log: GameEvents['log'] = { playerId: [], turn: [], type: [], text: [], data1: [] };
  for (const r of logRows) {
    const type = String(r.type);
    let t = typeIndex.get(type);
    if (t === undefined) {
      t = logTypes.push(type) - 1;
      typeIndex.set(type, t);
    }
    log.playerId.push(num(r.player_id));
    log.turn.push(numOrNull(r.turn));
    log.type.push(t);
    log.text.push(String(r.text));
    log.data1.push(str(r.data1));
  }
  const memories: GameEvents['memories'] = { playerId: [], turn: [], type: [], subjectKind: [], subject: [] };
  for (const r of memoryRows) {
    memories.playerId.push(num(r.player_id));
    memories.turn.push(numOrNull(r.turn));
    memories.type.push(String(r.type));
    memories.subjectKind.push(str(r.subject_kind) as MemorySubjectKind | null);
    memories.subject.push(str(r.subject));
  }
  return {
    saveId,
    turn: num(save.turn),
    players: players.map((p) => ({ id: num(p.id), name: str(p.name), nation: str(p.nation), isHuman: bool(p.is_human) })),
    logTypes,
    log,
    memories,
    characters: {
      id: characterRows.map((c) => num(c.id)),
      firstName: characterRows.map((c) => str(c.first_name)),
      cognomen: characterRows.map((c) => str(c.cognomen)),
    },
    cities: { id: cityRows.map((c) => num(c.id)), name: cityRows.map((c) => str(c.name)) },
  };
}
