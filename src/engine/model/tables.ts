/**
 * How each list of a `ParsedSave` maps onto a child table: table name and
 * one column per row field (column name = the field in snake_case).
 *
 * The maps are exhaustive at compile time: a list added to `ParsedSave`, or a
 * field added to a row type, fails the compile here until it gets a table or
 * column (and a migration adding it). At open, each store also checks that
 * the database has every column listed here, so a missing migration fails
 * loudly instead of dropping data.
 */
import type { ParsedSave } from './parsed-save.js';

export type ListKey = Exclude<keyof ParsedSave, 'meta'>;
export type RowOf<L extends ListKey> = ParsedSave[L][number];

export type ColumnKind = 'int' | 'text' | 'bool';
type KindOf<T> = [NonNullable<T>] extends [boolean]
  ? 'bool'
  : [NonNullable<T>] extends [number]
    ? 'int'
    : [NonNullable<T>] extends [string]
      ? 'text'
      : never;
type Columns<R> = { [K in keyof R]-?: KindOf<R[K]> };

export interface TableSpec {
  list: ListKey;
  table: string;
  /** Row fields, in insert order. */
  fields: readonly string[];
  /** snake_case column of each field. */
  columns: readonly string[];
  kinds: readonly ColumnKind[];
}

export function snakeCase(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function spec<L extends ListKey>(list: L, table: string, columns: Columns<RowOf<L>>): TableSpec {
  const fields = Object.keys(columns);
  return {
    list,
    table,
    fields,
    columns: fields.map(snakeCase),
    kinds: fields.map((f) => (columns as Record<string, ColumnKind>)[f]!),
  };
}

const specs: { [L in ListKey]: TableSpec } = {
  players: spec('players', 'players', {
    id: 'int',
    name: 'text',
    onlineId: 'text',
    nation: 'text',
    dynasty: 'text',
    team: 'int',
    isHuman: 'bool',
    aiControlledToTurn: 'int',
    language: 'text',
    legitimacy: 'int',
    timeStockpile: 'int',
    techResearching: 'text',
    stateReligion: 'text',
    founderCharacterId: 'int',
    chosenHeirId: 'int',
    originalCapitalCityId: 'int',
    rulerCharacterId: 'int',
  }),
  playerValues: spec('playerValues', 'player_values', { playerId: 'int', kind: 'text', key: 'text', value: 'int' }),
  playerLaws: spec('playerLaws', 'player_laws', { playerId: 'int', lawClass: 'text', law: 'text' }),
  playerLeaders: spec('playerLeaders', 'player_leaders', { playerId: 'int', ordinal: 'int', characterId: 'int' }),
  playerCouncil: spec('playerCouncil', 'player_council', { playerId: 'int', position: 'text', characterId: 'int' }),
  playerFamilies: spec('playerFamilies', 'player_families', { playerId: 'int', family: 'text', headCharacterId: 'int', seatCityId: 'int' }),
  playerGoals: spec('playerGoals', 'player_goals', {
    playerId: 'int',
    ordinal: 'int',
    type: 'text',
    startedTurn: 'int',
    finishedTurn: 'int',
    failed: 'bool',
  }),
  history: spec('history', 'history_points', { playerId: 'int', series: 'text', key: 'text', turn: 'int', value: 'int' }),
  logEntries: spec('logEntries', 'event_log', {
    playerId: 'int',
    ordinal: 'int',
    type: 'text',
    text: 'text',
    data1: 'text',
    data2: 'text',
    data3: 'text',
    turn: 'int',
    teamTurn: 'int',
  }),
  memories: spec('memories', 'memories', {
    playerId: 'int',
    ordinal: 'int',
    type: 'text',
    turn: 'int',
    subjectKind: 'text',
    subject: 'text',
  }),
  characters: spec('characters', 'characters', {
    id: 'int',
    playerId: 'int',
    firstName: 'text',
    gender: 'text',
    birthTurn: 'int',
    deathTurn: 'int',
    deathReason: 'text',
    nameType: 'text',
    cognomen: 'text',
    level: 'int',
    xp: 'int',
    family: 'text',
    tribe: 'text',
    religion: 'text',
    nation: 'text',
    fatherId: 'int',
    motherId: 'int',
    birthCityId: 'int',
    infertile: 'bool',
  }),
  characterTraits: spec('characterTraits', 'character_traits', { characterId: 'int', trait: 'text', turn: 'int' }),
  characterRatings: spec('characterRatings', 'character_ratings', { characterId: 'int', rating: 'text', value: 'int' }),
  characterRelationships: spec('characterRelationships', 'character_relationships', {
    characterId: 'int',
    type: 'text',
    otherId: 'int',
    turn: 'int',
  }),
  characterSpouses: spec('characterSpouses', 'character_spouses', { characterId: 'int', spouseId: 'int' }),
  cities: spec('cities', 'cities', {
    id: 'int',
    tileId: 'int',
    playerId: 'int',
    family: 'text',
    foundedTurn: 'int',
    name: 'text',
    governorId: 'int',
    citizens: 'int',
    growthCount: 'int',
    capital: 'bool',
    firstPlayerId: 'int',
    lastPlayerId: 'int',
    hurryCivicsCount: 'int',
    hurryMoneyCount: 'int',
    hurryTrainingCount: 'int',
    hurryPopulationCount: 'int',
    specialistProducedCount: 'int',
  }),
  cityReligions: spec('cityReligions', 'city_religions', { cityId: 'int', religion: 'text' }),
  cityCulture: spec('cityCulture', 'city_culture', { cityId: 'int', team: 'int', level: 'text' }),
  cityValues: spec('cityValues', 'city_values', { cityId: 'int', kind: 'text', key: 'text', value: 'int' }),
  tiles: spec('tiles', 'tiles', {
    id: 'int',
    x: 'int',
    y: 'int',
    terrain: 'text',
    height: 'text',
    vegetation: 'text',
    resource: 'text',
    improvement: 'text',
    improvementPillaged: 'bool',
    specialist: 'text',
    road: 'bool',
    riverW: 'bool',
    riverSW: 'bool',
    riverSE: 'bool',
    cityId: 'int',
    tribeSite: 'text',
    religion: 'text',
    ownerPlayerId: 'int',
  }),
  tileOwnerHistory: spec('tileOwnerHistory', 'tile_owner_history', { tileId: 'int', turn: 'int', playerId: 'int' }),
  units: spec('units', 'units', {
    id: 'int',
    tileId: 'int',
    type: 'text',
    playerId: 'int',
    tribe: 'text',
    xp: 'int',
    level: 'int',
    createTurn: 'int',
    facing: 'text',
    originalPlayerId: 'int',
    gender: 'text',
    family: 'text',
  }),
  unitPromotions: spec('unitPromotions', 'unit_promotions', { unitId: 'int', promotion: 'text' }),
  families: spec('families', 'families', {
    family: 'text',
    playerId: 'int',
    familyClass: 'text',
    seatCityId: 'int',
    headCharacterId: 'int',
  }),
  religions: spec('religions', 'religions', {
    religion: 'text',
    founderPlayerId: 'int',
    headCharacterId: 'int',
    holyCityId: 'int',
    foundedTurn: 'int',
  }),
  tribes: spec('tribes', 'tribes', { tribe: 'text', leaderCharacterId: 'int', alliedPlayerId: 'int' }),
  diplomacy: spec('diplomacy', 'diplomacy', { kind: 'text', a: 'text', b: 'text', state: 'text' }),
};

/** Every child table, in write order (also the delete order in DuckDB, reversed). */
export const tableSpecs: readonly TableSpec[] = Object.values(specs);

export const tableOfList: { readonly [L in ListKey]: string } = Object.fromEntries(tableSpecs.map((s) => [s.list, s.table])) as {
  [L in ListKey]: string;
};

/** `countRows(save)` keyed by table name, the shape of `SaveDetail.counts`. */
export function countsByTable(counts: { readonly [L in ListKey]: number }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of tableSpecs) out[s.table] = counts[s.list];
  return out;
}
