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
  /** A closed set of texts: narrows the row type. */
  readonly values?: readonly string[];
  /**
   * A text the game repeats across rows and saves (a game key such as
   * TERRAIN_*, or one of a closed set): stored as the id of its text in the
   * library's `dictionary` table, and read back as the text through the
   * table's `<table>_v` view. Rows and the codec still carry the text.
   */
  readonly dictionary?: true;
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
  /**
   * Where the backend packs rows (SQLite, see store/packing.ts): the rows
   * that share every other key field are stored as one row, and these two
   * fields as one JSON object `{"<key>":<value>,...}` in the column
   * `column`, in key order. `key` is the natural key's last field, and both
   * are whole numbers. The table's view unpacks it: it reads as a row per
   * point, as every other backend stores it.
   */
  readonly packed?: { readonly key: string; readonly value: string; readonly column: string };
}

const int = { kind: 'int', nullable: false } as const;
const intOrNull = { kind: 'int', nullable: true } as const;
const text = { kind: 'text', nullable: false } as const;
const textOrNull = { kind: 'text', nullable: true } as const;
const bool = { kind: 'bool', nullable: false } as const;
/** A game key (`TERRAIN_*`, `YIELD_*`...): stored through the dictionary (see `FieldDecl.dictionary`). */
const key = { kind: 'text', nullable: false, dictionary: true } as const;
const keyOrNull = { kind: 'text', nullable: true, dictionary: true } as const;
const oneOf = <const V extends readonly string[]>(values: V) => ({ kind: 'text', nullable: false, values, dictionary: true }) as const;
const oneOfOrNull = <const V extends readonly string[]>(values: V) => ({ kind: 'text', nullable: true, values, dictionary: true }) as const;

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
      nation: keyOrNull,
      dynasty: keyOrNull,
      team: intOrNull,
      /** OnlineID non-empty, or AIControlledToTurn = 0. */
      isHuman: bool,
      aiControlledToTurn: intOrNull,
      language: keyOrNull,
      legitimacy: intOrNull,
      timeStockpile: intOrNull,
      techResearching: keyOrNull,
      stateReligion: keyOrNull,
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
    fields: { playerId: int, kind: oneOf(playerValueKinds), key, value: int },
  },
  playerLaws: {
    table: 'player_laws',
    parent: 'saves',
    key: ['playerId', 'lawClass'],
    fields: { playerId: int, lawClass: key, law: key },
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
    fields: { playerId: int, position: key, characterId: int },
  },
  /** Families of a player with `FamilyHeadID` / `FamilySeatCityID`. */
  playerFamilies: {
    table: 'player_families',
    parent: 'saves',
    key: ['playerId', 'family'],
    completedLater: true,
    fields: { playerId: int, family: key, headCharacterId: intOrNull, seatCityId: intOrNull },
  },
  playerGoals: {
    table: 'player_goals',
    parent: 'saves',
    key: ['playerId', 'ordinal'],
    fields: { playerId: int, ordinal: int, type: key, startedTurn: intOrNull, finishedTurn: intOrNull, failed: bool },
  },
  /**
   * Sparse turn-keyed histories, exactly the points the save wrote (no fill).
   * Keyed in the order a save writes them (player, series, key, turn), so
   * inserts stay nearly sequential. SQLite stores a series (player, series,
   * key) as one row of its points: over half of a save's rows are points.
   */
  history: {
    table: 'history_points',
    parent: 'saves',
    key: ['playerId', 'series', 'key', 'turn'],
    packed: { key: 'turn', value: 'value', column: 'points' },
    fields: {
      playerId: int,
      series: oneOf(historySeries),
      /** YIELD_*, FAMILY_*, RELIGION_*; '' for the single-valued series. */
      key,
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
      type: key,
      text: text,
      data1: keyOrNull,
      data2: keyOrNull,
      data3: keyOrNull,
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
      type: key,
      turn: intOrNull,
      subjectKind: oneOfOrNull(memorySubjectKinds),
      /** The subject as the save wrote it (name or number, as a string). */
      subject: keyOrNull,
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
      gender: keyOrNull,
      birthTurn: intOrNull,
      deathTurn: intOrNull,
      deathReason: keyOrNull,
      nameType: keyOrNull,
      cognomen: keyOrNull,
      level: intOrNull,
      xp: intOrNull,
      family: keyOrNull,
      tribe: keyOrNull,
      religion: keyOrNull,
      nation: keyOrNull,
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
    fields: { characterId: int, trait: key, turn: intOrNull },
  },
  characterRatings: {
    table: 'character_ratings',
    parent: 'saves',
    key: ['characterId', 'rating'],
    fields: { characterId: int, rating: key, value: int },
  },
  /** `otherId` may be null: no natural key. */
  characterRelationships: {
    table: 'character_relationships',
    parent: 'saves',
    key: null,
    lookup: ['characterId'],
    fields: { characterId: int, type: key, otherId: intOrNull, turn: intOrNull },
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
      family: keyOrNull,
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
    fields: { cityId: int, religion: key },
  },
  /** `TeamCulture`: key is a team. */
  cityCulture: {
    table: 'city_culture',
    parent: 'saves',
    key: ['cityId', 'team'],
    fields: { cityId: int, team: int, level: key },
  },
  cityValues: {
    table: 'city_values',
    parent: 'saves',
    key: ['cityId', 'kind', 'key'],
    fields: {
      cityId: int,
      kind: oneOf(cityValueKinds),
      /** Yield, project or unit type; the team (as a string) for happiness; '' for the older single total. */
      key,
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
      terrain: keyOrNull,
      height: keyOrNull,
      vegetation: keyOrNull,
      resource: keyOrNull,
      improvement: keyOrNull,
      improvementPillaged: bool,
      specialist: keyOrNull,
      road: bool,
      riverW: bool,
      riverSW: bool,
      riverSE: bool,
      /** City ID owning the tile (`CityTerritory`). */
      cityId: intOrNull,
      tribeSite: keyOrNull,
      religion: keyOrNull,
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
      type: key,
      playerId: intOrNull,
      tribe: keyOrNull,
      xp: intOrNull,
      level: intOrNull,
      createTurn: intOrNull,
      facing: keyOrNull,
      originalPlayerId: intOrNull,
      gender: keyOrNull,
      /** From `PlayerFamily`. */
      family: keyOrNull,
    },
  },
  unitPromotions: {
    table: 'unit_promotions',
    parent: 'saves',
    key: ['unitId', 'promotion'],
    fields: { unitId: int, promotion: key },
  },
  families: {
    table: 'families',
    parent: 'saves',
    key: ['family'],
    fields: { family: key, playerId: intOrNull, familyClass: keyOrNull, seatCityId: intOrNull, headCharacterId: intOrNull },
  },
  religions: {
    table: 'religions',
    parent: 'saves',
    key: ['religion'],
    fields: { religion: key, founderPlayerId: intOrNull, headCharacterId: intOrNull, holyCityId: intOrNull, foundedTurn: intOrNull },
  },
  tribes: {
    table: 'tribes',
    parent: 'saves',
    key: ['tribe'],
    fields: { tribe: key, leaderCharacterId: intOrNull, alliedPlayerId: intOrNull },
  },
  diplomacy: {
    table: 'diplomacy',
    parent: 'saves',
    key: ['kind', 'a', 'b'],
    fields: {
      /** 'team': between two teams; 'tribe': between a tribe and a team. */
      kind: oneOf(diplomacyKinds),
      a: key,
      b: key,
      state: key,
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
    fields: { yield: key, turn: int, price: int },
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
