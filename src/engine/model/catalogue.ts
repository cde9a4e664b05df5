/**
 * Every child entity of a save, declared once: the list it is in a
 * `ParsedSave`, the table it is stored in, its fields with their kinds, and
 * its natural key. The row types (`parsed-save.ts`), the table specs
 * (`tables.ts`), the codec's cell layout and sort keys, and the reader's
 * sinks all derive from this declaration; the committed migrations must
 * produce exactly this schema (a test checks it, `npm run draft-migration`
 * writes the step that is missing).
 *
 * Every entity belongs to one save (`parent: 'saves'`): its table carries a
 * `save_id` first, and the natural key is unique within a save. Field order
 * is the column order and the codec's cell order. A column is the field's
 * name in snake_case.
 */

export type ColumnKind = 'int' | 'text' | 'bool';

export interface FieldDecl {
  readonly kind: ColumnKind;
  /** Whether the save may leave the value out (null; see the conventions in parsed-save.ts). */
  readonly nullable: boolean;
  /** A closed set of texts: narrows the row type, stored as plain text. */
  readonly values?: readonly string[];
}

export interface EntityDecl {
  readonly table: string;
  readonly parent: 'saves';
  readonly fields: { readonly [field: string]: FieldDecl };
  /**
   * Natural key within the save, as fields: the primary key SQLite clusters
   * the table on and the order the codec sends rows in. Null when no set of
   * fields is unique; `lookup` then names the fields rows are found by.
   */
  readonly key: readonly string[] | null;
  readonly lookup?: readonly string[];
  /**
   * The mappers complete these rows after reading further (a player's ruler,
   * a family's head), so a sink holds them as an array, not a stream.
   */
  readonly completedLater?: true;
}

const int = { kind: 'int', nullable: false } as const;
const intOrNull = { kind: 'int', nullable: true } as const;
const text = { kind: 'text', nullable: false } as const;
const textOrNull = { kind: 'text', nullable: true } as const;
const bool = { kind: 'bool', nullable: false } as const;
const oneOf = <const V extends readonly string[]>(values: V) => ({ kind: 'text', nullable: false, values }) as const;
const oneOfOrNull = <const V extends readonly string[]>(values: V) => ({ kind: 'text', nullable: true, values }) as const;

export const playerValueKinds = [
  'yield_stockpile',
  'tech_progress',
  'tech_count',
  'units_produced',
  'projects_produced',
  'law_class_change_count',
  'resource_revealed',
] as const;

export const historySeries = [
  'points',
  'military_power',
  'legitimacy',
  'yield_rate',
  'yield_total',
  'family_opinion',
  'religion_opinion',
] as const;

export const memorySubjectKinds = ['player', 'family', 'religion', 'tribe', 'character', 'city'] as const;

export const cityValueKinds = ['yield_progress', 'project_count', 'unit_production', 'happiness_level'] as const;

export const diplomacyKinds = ['team', 'tribe'] as const;

/** In write order (also the delete order in DuckDB, reversed). */
export const catalogue = {
  players: {
    table: 'players',
    parent: 'saves',
    key: ['id'],
    completedLater: true,
    fields: {
      id: int,
      name: textOrNull,
      onlineId: textOrNull,
      nation: textOrNull,
      dynasty: textOrNull,
      team: intOrNull,
      /** OnlineID non-empty, or AIControlledToTurn = 0. */
      isHuman: bool,
      aiControlledToTurn: intOrNull,
      language: textOrNull,
      legitimacy: intOrNull,
      timeStockpile: intOrNull,
      techResearching: textOrNull,
      stateReligion: textOrNull,
      founderCharacterId: intOrNull,
      chosenHeirId: intOrNull,
      originalCapitalCityId: intOrNull,
      /** The last of `Leaders`. */
      rulerCharacterId: intOrNull,
    },
  },
  /** Keyed numeric maps of a player: stockpiles, tech progress, units produced... */
  playerValues: {
    table: 'player_values',
    parent: 'saves',
    key: ['playerId', 'kind', 'key'],
    fields: { playerId: int, kind: oneOf(playerValueKinds), key: text, value: int },
  },
  playerLaws: {
    table: 'player_laws',
    parent: 'saves',
    key: ['playerId', 'lawClass'],
    fields: { playerId: int, lawClass: text, law: text },
  },
  /** `Leaders` in order; the last one rules. */
  playerLeaders: {
    table: 'player_leaders',
    parent: 'saves',
    key: ['playerId', 'ordinal'],
    fields: { playerId: int, ordinal: int, characterId: int },
  },
  playerCouncil: {
    table: 'player_council',
    parent: 'saves',
    key: ['playerId', 'position'],
    fields: { playerId: int, position: text, characterId: int },
  },
  /** Families of a player with `FamilyHeadID` / `FamilySeatCityID`. */
  playerFamilies: {
    table: 'player_families',
    parent: 'saves',
    key: ['playerId', 'family'],
    completedLater: true,
    fields: { playerId: int, family: text, headCharacterId: intOrNull, seatCityId: intOrNull },
  },
  playerGoals: {
    table: 'player_goals',
    parent: 'saves',
    key: ['playerId', 'ordinal'],
    fields: { playerId: int, ordinal: int, type: text, startedTurn: intOrNull, finishedTurn: intOrNull, failed: bool },
  },
  /**
   * Sparse turn-keyed histories, exactly the points the save wrote (no fill).
   * Keyed in the order a save writes them (player, series, key, turn), so
   * inserts stay nearly sequential.
   */
  history: {
    table: 'history_points',
    parent: 'saves',
    key: ['playerId', 'series', 'key', 'turn'],
    fields: {
      playerId: int,
      series: oneOf(historySeries),
      /** YIELD_*, FAMILY_*, RELIGION_*; '' for the single-valued series. */
      key: text,
      turn: int,
      value: int,
    },
  },
  logEntries: {
    table: 'event_log',
    parent: 'saves',
    key: ['playerId', 'ordinal'],
    fields: {
      playerId: int,
      ordinal: int,
      type: text,
      text: text,
      data1: textOrNull,
      data2: textOrNull,
      data3: textOrNull,
      turn: intOrNull,
      teamTurn: intOrNull,
    },
  },
  memories: {
    table: 'memories',
    parent: 'saves',
    key: ['playerId', 'ordinal'],
    fields: {
      playerId: int,
      ordinal: int,
      type: text,
      turn: intOrNull,
      subjectKind: oneOfOrNull(memorySubjectKinds),
      /** The subject as the save wrote it (name or number, as a string). */
      subject: textOrNull,
    },
  },
  characters: {
    table: 'characters',
    parent: 'saves',
    key: ['id'],
    fields: {
      id: int,
      playerId: intOrNull,
      firstName: textOrNull,
      gender: textOrNull,
      birthTurn: intOrNull,
      deathTurn: intOrNull,
      deathReason: textOrNull,
      nameType: textOrNull,
      cognomen: textOrNull,
      level: intOrNull,
      xp: intOrNull,
      family: textOrNull,
      tribe: textOrNull,
      religion: textOrNull,
      nation: textOrNull,
      fatherId: intOrNull,
      motherId: intOrNull,
      birthCityId: intOrNull,
      infertile: bool,
    },
  },
  characterTraits: {
    table: 'character_traits',
    parent: 'saves',
    key: ['characterId', 'trait'],
    fields: { characterId: int, trait: text, turn: intOrNull },
  },
  characterRatings: {
    table: 'character_ratings',
    parent: 'saves',
    key: ['characterId', 'rating'],
    fields: { characterId: int, rating: text, value: int },
  },
  /** `otherId` may be null: no natural key. */
  characterRelationships: {
    table: 'character_relationships',
    parent: 'saves',
    key: null,
    lookup: ['characterId'],
    fields: { characterId: int, type: text, otherId: intOrNull, turn: intOrNull },
  },
  characterSpouses: {
    table: 'character_spouses',
    parent: 'saves',
    key: ['characterId', 'spouseId'],
    fields: { characterId: int, spouseId: int },
  },
  cities: {
    table: 'cities',
    parent: 'saves',
    key: ['id'],
    fields: {
      id: int,
      tileId: int,
      playerId: intOrNull,
      family: textOrNull,
      foundedTurn: intOrNull,
      name: textOrNull,
      governorId: intOrNull,
      citizens: intOrNull,
      growthCount: intOrNull,
      capital: bool,
      firstPlayerId: intOrNull,
      lastPlayerId: intOrNull,
      hurryCivicsCount: intOrNull,
      hurryMoneyCount: intOrNull,
      hurryTrainingCount: intOrNull,
      hurryPopulationCount: intOrNull,
      specialistProducedCount: intOrNull,
    },
  },
  cityReligions: {
    table: 'city_religions',
    parent: 'saves',
    key: ['cityId', 'religion'],
    fields: { cityId: int, religion: text },
  },
  /** `TeamCulture`: key is a team. */
  cityCulture: {
    table: 'city_culture',
    parent: 'saves',
    key: ['cityId', 'team'],
    fields: { cityId: int, team: int, level: text },
  },
  cityValues: {
    table: 'city_values',
    parent: 'saves',
    key: ['cityId', 'kind', 'key'],
    fields: {
      cityId: int,
      kind: oneOf(cityValueKinds),
      /** Yield, project or unit type; the team (as a string) for happiness; '' for the older single total. */
      key: text,
      value: int,
    },
  },
  tiles: {
    table: 'tiles',
    parent: 'saves',
    key: ['id'],
    fields: {
      id: int,
      x: int,
      y: int,
      terrain: textOrNull,
      height: textOrNull,
      vegetation: textOrNull,
      resource: textOrNull,
      improvement: textOrNull,
      improvementPillaged: bool,
      specialist: textOrNull,
      road: bool,
      riverW: bool,
      riverSW: bool,
      riverSE: bool,
      /** City ID owning the tile (`CityTerritory`). */
      cityId: intOrNull,
      tribeSite: textOrNull,
      religion: textOrNull,
      /** Value of `OwnerHistory` at its highest turn. */
      ownerPlayerId: intOrNull,
    },
  },
  tileOwnerHistory: {
    table: 'tile_owner_history',
    parent: 'saves',
    key: ['tileId', 'turn'],
    fields: { tileId: int, turn: int, playerId: intOrNull },
  },
  units: {
    table: 'units',
    parent: 'saves',
    key: ['id'],
    fields: {
      id: int,
      tileId: int,
      type: text,
      playerId: intOrNull,
      tribe: textOrNull,
      xp: intOrNull,
      level: intOrNull,
      createTurn: intOrNull,
      facing: textOrNull,
      originalPlayerId: intOrNull,
      gender: textOrNull,
      /** From `PlayerFamily`. */
      family: textOrNull,
    },
  },
  unitPromotions: {
    table: 'unit_promotions',
    parent: 'saves',
    key: ['unitId', 'promotion'],
    fields: { unitId: int, promotion: text },
  },
  families: {
    table: 'families',
    parent: 'saves',
    key: ['family'],
    fields: { family: text, playerId: intOrNull, familyClass: textOrNull, seatCityId: intOrNull, headCharacterId: intOrNull },
  },
  religions: {
    table: 'religions',
    parent: 'saves',
    key: ['religion'],
    fields: { religion: text, founderPlayerId: intOrNull, headCharacterId: intOrNull, holyCityId: intOrNull, foundedTurn: intOrNull },
  },
  tribes: {
    table: 'tribes',
    parent: 'saves',
    key: ['tribe'],
    fields: { tribe: text, leaderCharacterId: intOrNull, alliedPlayerId: intOrNull },
  },
  diplomacy: {
    table: 'diplomacy',
    parent: 'saves',
    key: ['kind', 'a', 'b'],
    fields: {
      /** 'team': between two teams; 'tribe': between a tribe and a team. */
      kind: oneOf(diplomacyKinds),
      a: text,
      b: text,
      state: text,
    },
  },
  /**
   * The market's price of each yield over the game, from `Game`'s
   * `<YieldPriceHistory><YIELD_FOOD><T1>800</T1>...`: sparse like a player's
   * histories (only turns where it changed). The game's, not a player's.
   */
  yieldPrices: {
    table: 'yield_prices',
    parent: 'saves',
    key: ['yield', 'turn'],
    fields: { yield: text, turn: int, price: int },
  },
} as const satisfies { readonly [list: string]: EntityDecl };

export type Catalogue = typeof catalogue;
export type ListKey = keyof Catalogue;

type ValueOf<F> = F extends { readonly values: readonly (infer V)[] }
  ? V
  : F extends { readonly kind: 'int' }
    ? number
    : F extends { readonly kind: 'text' }
      ? string
      : boolean;
type ValueOrNull<F> = F extends { readonly nullable: true } ? ValueOf<F> | null : ValueOf<F>;

/** One row of an entity, as the mappers produce it and the store writes it. */
export type Row<L extends ListKey> = { -readonly [K in keyof Catalogue[L]['fields']]: ValueOrNull<Catalogue[L]['fields'][K]> };

/** The lists whose rows the mappers complete after the fact (see `EntityDecl.completedLater`). */
export type CompletedLaterList = { [L in ListKey]: Catalogue[L] extends { completedLater: true } ? L : never }[ListKey];
export type StreamedList = Exclude<ListKey, CompletedLaterList>;

export const listKeys = Object.keys(catalogue) as ListKey[];

/** The declaration of one entity, widened for code that walks the catalogue. */
export function entity(list: ListKey): EntityDecl {
  return catalogue[list];
}
