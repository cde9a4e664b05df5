/** The read model of the game page's Overview tab: ranking, settings and timeline of one save. */
import type { GameOverview, OverviewPlayer } from '../../../shared/views/overview.js';
import { ownerPlayer } from '../../../shared/result.js';
import { bool, num, numOrNull, parseJson, str } from '../values.js';
import type { ReadContext } from './context.js';
import { winnerOf } from './game.js';
import { timeline } from './timeline.js';

const gameOptionPrefix = 'GameOptions.';

export async function gameOverview(ctx: ReadContext, request: { saveId: number }): Promise<GameOverview | null> {
  const { db } = ctx;
  const id = request.saveId;
  const [s] = await db.all('SELECT * FROM saves WHERE id = ?', [id]);
  if (!s) return null;
  const playerRows = await db.all(
    `SELECT p.id, p.name, p.nation, p.dynasty, p.team, p.is_human, p.legitimacy, c.first_name, c.cognomen
     FROM players_v p LEFT JOIN characters_v c ON c.save_id = p.save_id AND c.id = p.ruler_character_id
     WHERE p.save_id = ? ORDER BY p.id`,
    [id],
  );
  const p = db.historyPointsSql('h');
  const points = await db.all(
    // The table, not its view: the points series is found through the table's key (sql-runner.ts).
    `SELECT h.player_id, ${p.value} AS value FROM history_points h ${p.join}
     WHERE h.save_id = ? AND ${db.keyEqualsSql('h.series')} AND ${db.keyEqualsSql('h.key')} ORDER BY h.player_id, ${p.turn}`,
    [id, 'points', ''],
  );
  // Every list in a set order: the timeline keeps it among entries of one turn, and DuckDB's joins with the
  // key dictionary give a view's rows in no order of their own.
  const cities = await db.all('SELECT player_id, first_player_id, founded_turn, name FROM cities_v WHERE save_id = ? ORDER BY id', [id]);
  const leaders = await db.all(
    `SELECT l.player_id, l.ordinal, c.first_name, c.cognomen, c.death_turn
     FROM player_leaders_v l LEFT JOIN characters_v c ON c.save_id = l.save_id AND c.id = l.character_id
     WHERE l.save_id = ? ORDER BY l.player_id, l.ordinal`,
    [id],
  );
  const religions = await db.all('SELECT religion, founder_player_id, founded_turn FROM religions_v WHERE save_id = ? ORDER BY religion', [
    id,
  ]);
  const goals = await db.all(
    'SELECT player_id, type, finished_turn, failed FROM player_goals_v WHERE save_id = ? ORDER BY player_id, ordinal',
    [id],
  );
  const diplomacy = await db.all(`SELECT a, b, state FROM diplomacy_v WHERE save_id = ? AND kind = 'team'`, [id]);

  const latest = new Map<number, number>();
  for (const p of points) latest.set(num(p.player_id), num(p.value));
  const held = new Map<number, number>();
  for (const c of cities) if (c.player_id !== null) held.set(num(c.player_id), (held.get(num(c.player_id)) ?? 0) + 1);
  const players: OverviewPlayer[] = playerRows.map((p) => ({
    playerId: num(p.id),
    name: str(p.name),
    nation: str(p.nation),
    dynasty: str(p.dynasty),
    team: numOrNull(p.team),
    isHuman: bool(p.is_human),
    rulerName: str(p.first_name),
    rulerCognomen: str(p.cognomen),
    legitimacy: numOrNull(p.legitimacy),
    points: latest.get(num(p.id)) ?? null,
    cities: held.get(num(p.id)) ?? 0,
  }));
  const settings = parseJson<Record<string, string>>(s.settings, {});
  const owner = ownerPlayer({ activePlayer: numOrNull(s.active_player), players });
  const turn = num(s.turn);
  const ownTeam = owner ? (owner.team ?? null) : null;

  return {
    saveId: id,
    turn,
    gameOver: bool(s.game_over),
    winner: winnerOf(s),
    activePlayer: numOrNull(s.active_player),
    gameName: str(s.game_name),
    saveDate: str(s.save_date),
    sourcePath: String(s.source_path),
    importedAt: String(s.imported_at),
    isSample: ctx.isSample(String(s.source_path)),
    players: rank(players),
    settings: {
      difficulty: str(s.difficulty),
      mapClass: str(s.map_class),
      mapSize: str(s.map_size),
      mapWidth: num(s.map_width),
      gameMode: str(s.game_mode),
      turnStyle: str(s.turn_style),
      gameOptions: Object.entries(settings)
        .filter(([k, v]) => k.startsWith(gameOptionPrefix) && v !== 'false' && v !== '0')
        .map(([k]) => k.slice(gameOptionPrefix.length))
        .sort(),
      victoryEnabled: parseJson<string[]>(s.victory_enabled, []),
      dlc: parseJson<string[]>(s.dlc, []),
      mods: parseJson<string[]>(s.mods, []),
      version: str(s.version),
    },
    timeline: timeline({
      turn,
      gameOver: bool(s.game_over),
      players: owner ? [owner.playerId] : players.map((p) => p.playerId),
      // A captured city still counts for the one who founded it.
      cities: cities.map((c) => ({
        playerId: numOrNull(c.first_player_id) ?? numOrNull(c.player_id),
        foundedTurn: numOrNull(c.founded_turn),
        name: str(c.name),
      })),
      leaders: leaders.map((l) => ({
        playerId: num(l.player_id),
        ordinal: num(l.ordinal),
        firstName: str(l.first_name),
        cognomen: str(l.cognomen),
        deathTurn: numOrNull(l.death_turn),
      })),
      religions: religions.map((r) => ({
        religion: String(r.religion),
        founderPlayerId: numOrNull(r.founder_player_id),
        foundedTurn: numOrNull(r.founded_turn),
      })),
      goals: goals.map((g) => ({
        playerId: num(g.player_id),
        type: String(g.type),
        finishedTurn: numOrNull(g.finished_turn),
        failed: bool(g.failed),
      })),
    }),
    relations:
      ownTeam === null
        ? []
        : diplomacy
            .filter((d) => String(d.a) === String(ownTeam) && String(d.b) !== String(ownTeam) && /^\d+$/.test(String(d.b)))
            .map((d) => ({ team: Number(d.b), state: String(d.state) }))
            .sort((x, y) => x.team - y.team),
  };
}

/** Highest points first; a player without points after every player with them, in player order. */
export function rank(players: readonly OverviewPlayer[]): OverviewPlayer[] {
  return [...players].sort((a, b) => (b.points ?? -Infinity) - (a.points ?? -Infinity) || a.playerId - b.playerId);
}
