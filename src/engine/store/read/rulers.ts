/** The read models of the game page's Rulers and characters tab, and of one character's page. */
import type { CharacterDetail, CharacterRef, GameCharacter, GameRulers, PlayerRulers } from '../../../shared/views/rulers.js';
import type { SqlRunner } from '../sql-runner.js';
import { bool, num, numOrNull, str, type Row } from '../values.js';
import type { ReadContext } from './context.js';

const refColumns = 'id, first_name, cognomen, gender, birth_turn, death_turn, family';

function ref(r: Row): CharacterRef {
  return {
    id: num(r.id),
    firstName: str(r.first_name),
    cognomen: str(r.cognomen),
    gender: str(r.gender),
    birthTurn: numOrNull(r.birth_turn),
    deathTurn: numOrNull(r.death_turn),
    family: str(r.family),
  };
}

/** The named characters of the save, by id, in one query (`IN` over a short list). */
async function people(db: SqlRunner, saveId: number, ids: Iterable<number | null>): Promise<CharacterRef[]> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null && id >= 0))].sort((a, b) => a - b);
  if (wanted.length === 0) return [];
  const rows = await db.all(
    `SELECT ${refColumns} FROM characters_v WHERE save_id = ? AND id IN (${wanted.map(() => '?').join(', ')}) ORDER BY id`,
    [saveId, ...wanted],
  );
  return rows.map(ref);
}

export async function gameRulers({ db }: ReadContext, request: { saveId: number }): Promise<GameRulers | null> {
  const { saveId } = request;
  const [save] = await db.all('SELECT turn FROM saves WHERE id = ?', [saveId]);
  if (!save) return null;
  const playerRows = await db.all(
    'SELECT id, name, nation, dynasty, is_human, chosen_heir_id, ruler_character_id FROM players_v WHERE save_id = ? ORDER BY id',
    [saveId],
  );
  const leaders = await db.all('SELECT player_id, character_id FROM player_leaders_v WHERE save_id = ? ORDER BY player_id, ordinal', [
    saveId,
  ]);
  const council = await db.all(
    'SELECT player_id, position, character_id FROM player_council_v WHERE save_id = ? ORDER BY player_id, position',
    [saveId],
  );
  const families = await db.all(
    'SELECT player_id, family, head_character_id, seat_city_id FROM player_families_v WHERE save_id = ? ORDER BY player_id, family',
    [saveId],
  );
  const rulerIds = playerRows.map((p) => numOrNull(p.ruler_character_id)).filter((id): id is number => id !== null && id >= 0);
  // The rulers' children: characters is keyed by (save_id, id), so this reads the save's characters once, not the library's.
  const children =
    rulerIds.length === 0
      ? []
      : await db.all(
          `SELECT id, father_id, mother_id FROM characters_v WHERE save_id = ? AND death_turn IS NULL
             AND (father_id IN (${rulerIds.map(() => '?').join(', ')}) OR mother_id IN (${rulerIds.map(() => '?').join(', ')}))
           ORDER BY birth_turn, id`,
          [saveId, ...rulerIds, ...rulerIds],
        );

  const players: PlayerRulers[] = [];
  for (const p of playerRows) {
    const playerId = num(p.id);
    const ruler = numOrNull(p.ruler_character_id);
    // One range of the history's key (save, player, series) per player.
    const opinion = await db.all(
      `SELECT key, turn, value FROM history_points_v WHERE save_id = ? AND player_id = ? AND series = 'family_opinion' ORDER BY key, turn`,
      [saveId, playerId],
    );
    const heir = numOrNull(p.chosen_heir_id);
    players.push({
      playerId,
      name: str(p.name),
      nation: str(p.nation),
      dynasty: str(p.dynasty),
      isHuman: bool(p.is_human),
      reigns: leaders.filter((l) => num(l.player_id) === playerId).map((l) => num(l.character_id)),
      chosenHeirId: heir !== null && heir >= 0 ? heir : null,
      heirs:
        ruler === null
          ? []
          : children.filter((c) => numOrNull(c.father_id) === ruler || numOrNull(c.mother_id) === ruler).map((c) => num(c.id)),
      council: council
        .filter((c) => num(c.player_id) === playerId)
        .map((c) => ({ position: String(c.position), characterId: num(c.character_id) })),
      families: families
        .filter((f) => num(f.player_id) === playerId)
        .map((f) => ({
          family: String(f.family),
          headCharacterId: numOrNull(f.head_character_id),
          seatCityId: numOrNull(f.seat_city_id),
          opinion: opinion.filter((o) => o.key === f.family).map((o) => ({ turn: num(o.turn), value: num(o.value) })),
        })),
    });
  }
  const named = players.flatMap((p) => [
    ...p.reigns,
    p.chosenHeirId,
    ...p.heirs,
    ...p.council.map((c) => c.characterId),
    ...p.families.map((f) => f.headCharacterId),
  ]);
  const cities = await db.all('SELECT id, name FROM cities_v WHERE save_id = ? ORDER BY id', [saveId]);
  return {
    saveId,
    turn: num(save.turn),
    players,
    people: await people(db, saveId, named),
    cities: cities.map((c) => ({ id: num(c.id), name: str(c.name) })),
  };
}

export async function gameCharacter({ db }: ReadContext, request: { saveId: number; characterId: number }): Promise<GameCharacter | null> {
  const { saveId, characterId } = request;
  const [save] = await db.all('SELECT turn FROM saves WHERE id = ?', [saveId]);
  if (!save) return null;
  const [c] = await db.all(
    `SELECT ${refColumns}, player_id, nation, tribe, religion, death_reason, level, xp, father_id, mother_id, birth_city_id, infertile
     FROM characters_v WHERE save_id = ? AND id = ?`,
    [saveId, characterId],
  );
  if (!c) return null;
  const character: CharacterDetail = {
    ...ref(c),
    playerId: numOrNull(c.player_id),
    nation: str(c.nation),
    tribe: str(c.tribe),
    religion: str(c.religion),
    deathReason: str(c.death_reason),
    level: numOrNull(c.level),
    xp: numOrNull(c.xp),
    fatherId: numOrNull(c.father_id),
    motherId: numOrNull(c.mother_id),
    birthCityId: numOrNull(c.birth_city_id),
    infertile: bool(c.infertile),
  };
  const [player] =
    character.playerId === null
      ? []
      : await db.all('SELECT id, name, nation FROM players_v WHERE save_id = ? AND id = ?', [saveId, character.playerId]);
  const [city] =
    character.birthCityId === null
      ? []
      : await db.all('SELECT name FROM cities_v WHERE save_id = ? AND id = ?', [saveId, character.birthCityId]);
  const reigned = await db.all(
    'SELECT player_id, ordinal FROM player_leaders_v WHERE save_id = ? AND character_id = ? ORDER BY player_id',
    [saveId, characterId],
  );
  const traits = await db.all('SELECT trait, turn FROM character_traits_v WHERE save_id = ? AND character_id = ? ORDER BY turn, trait', [
    saveId,
    characterId,
  ]);
  const ratings = await db.all('SELECT rating, value FROM character_ratings_v WHERE save_id = ? AND character_id = ? ORDER BY rating', [
    saveId,
    characterId,
  ]);
  const relationships = await db.all(
    'SELECT type, other_id, turn FROM character_relationships_v WHERE save_id = ? AND character_id = ? ORDER BY turn, type, other_id',
    [saveId, characterId],
  );
  const spouses = await db.all('SELECT spouse_id FROM character_spouses_v WHERE save_id = ? AND character_id = ? ORDER BY spouse_id', [
    saveId,
    characterId,
  ]);
  const children = await db.all(
    'SELECT id FROM characters_v WHERE save_id = ? AND (father_id = ? OR mother_id = ?) ORDER BY birth_turn, id',
    [saveId, characterId, characterId],
  );
  const answer: Omit<GameCharacter, 'people'> = {
    saveId,
    turn: num(save.turn),
    character,
    player: player ? { id: num(player.id), name: str(player.name), nation: str(player.nation) } : null,
    birthCityName: city ? str(city.name) : null,
    reignedFor: reigned.map((r) => ({ playerId: num(r.player_id), ordinal: num(r.ordinal) })),
    traits: traits.map((t) => ({ trait: String(t.trait), turn: numOrNull(t.turn) })),
    ratings: ratings.map((r) => ({ rating: String(r.rating), value: num(r.value) })),
    relationships: relationships.map((r) => ({ type: String(r.type), otherId: numOrNull(r.other_id), turn: numOrNull(r.turn) })),
    spouses: spouses.map((s) => num(s.spouse_id)),
    children: children.map((ch) => num(ch.id)),
  };
  const named = [
    character.fatherId,
    character.motherId,
    ...answer.spouses,
    ...answer.children,
    ...answer.relationships.map((r) => r.otherId),
  ];
  return { ...answer, people: await people(db, saveId, named) };
}
