/**
 * The read model of the game page's cities tab: each city with its owner,
 * governor, culture, religions, production counts and the owner changes of
 * its tile. One query per child table, each on the table's primary key
 * (save_id first), joined in JS: cheaper than one wide join that repeats
 * every city per religion and per production count.
 */
import type { CityProduction, CityRow, GameCities } from '../../../shared/views/cities.js';
import { bool, num, numOrNull, str } from '../values.js';
import type { ReadContext } from './context.js';
import { ownerChanges } from './owner-changes.js';
import { saveFacts, studyPlayers } from './study-players.js';

/** Culture levels, weakest first: an unowned city shows the highest any team sees. */
const cultureOrder = ['CULTURE_WEAK', 'CULTURE_DEVELOPING', 'CULTURE_STRONG', 'CULTURE_ESTABLISHED', 'CULTURE_LEGENDARY'];

function group<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export async function gameCities(ctx: ReadContext, request: { saveId: number }): Promise<GameCities | null> {
  const { db } = ctx;
  const { saveId } = request;
  const facts = await saveFacts(ctx, saveId);
  if (!facts) return null;
  const players = await studyPlayers(ctx, saveId);
  const teamOf = new Map(players.map((p) => [p.id, p.team]));

  const cityRows = await db.all(
    `SELECT c.id, c.name, c.tile_id, c.player_id, c.family, c.founded_turn, c.capital, c.citizens,
       c.governor_id, g.first_name AS governor_first_name, g.cognomen AS governor_cognomen
     FROM cities_v c LEFT JOIN characters_v g ON g.save_id = c.save_id AND g.id = c.governor_id
     WHERE c.save_id = ? ORDER BY c.id`,
    [saveId],
  );
  const religions = group(
    await db.all('SELECT city_id, religion FROM city_religions_v WHERE save_id = ? ORDER BY city_id, religion', [saveId]),
    (r) => num(r.city_id),
  );
  const culture = group(await db.all('SELECT city_id, team, level FROM city_culture_v WHERE save_id = ?', [saveId]), (r) => num(r.city_id));
  const production = group(
    await db.all(
      `SELECT city_id, kind, key, value FROM city_values_v
       WHERE save_id = ? AND kind IN ('unit_production', 'project_count') ORDER BY city_id, kind, key`,
      [saveId],
    ),
    (r) => num(r.city_id),
  );
  const history = group(
    await db.all(
      `SELECT h.tile_id, h.turn, h.player_id FROM tile_owner_history_v h
       WHERE h.save_id = ? AND h.tile_id IN (SELECT tile_id FROM cities_v WHERE save_id = ?) ORDER BY h.tile_id, h.turn`,
      [saveId, saveId],
    ),
    (r) => num(r.tile_id),
  );

  const cities = cityRows.map((r): CityRow => {
    const id = num(r.id);
    const playerId = numOrNull(r.player_id);
    const tileId = num(r.tile_id);
    const governorId = numOrNull(r.governor_id);
    const levels = culture.get(id) ?? [];
    const team = playerId === null ? null : (teamOf.get(playerId) ?? null);
    const own = levels.find((l) => numOrNull(l.team) === team);
    const best = levels.map((l) => String(l.level)).sort((a, b) => cultureOrder.indexOf(b) - cultureOrder.indexOf(a))[0];
    return {
      id,
      name: str(r.name),
      tileId,
      playerId,
      family: str(r.family),
      foundedTurn: numOrNull(r.founded_turn),
      capital: bool(r.capital),
      citizens: numOrNull(r.citizens),
      governor:
        governorId === null || governorId < 0
          ? null
          : { id: governorId, firstName: str(r.governor_first_name), cognomen: str(r.governor_cognomen) },
      culture: own ? String(own.level) : playerId === null ? (best ?? null) : null,
      religions: (religions.get(id) ?? []).map((x) => String(x.religion)),
      production: (production.get(id) ?? []).map((x): CityProduction => ({
        kind: String(x.kind) as CityProduction['kind'],
        key: String(x.key),
        value: num(x.value),
      })),
      ownerChanges: ownerChanges((history.get(tileId) ?? []).map((h) => ({ turn: num(h.turn), playerId: numOrNull(h.player_id) }))),
    };
  });
  return { saveId, turn: facts.turn, players, cities };
}
