/**
 * Deterministic Old World save generator: the app's sample saves, and the
 * fixtures of the tests and the bench (which re-export it from
 * test/fixtures/generate.ts).
 *
 *   const { xml, expected } = generateSave({ seed: 1, scale: 'typical' });
 *
 * The generator builds the *truth* first (a complete `ParsedSave`, exactly
 * what a correct reader must return) and serializes it the way the game does,
 * including the awkward parts of the format (see old-world-save-format.md):
 * optional BOM, CRLF, one attribute per line, `<?ActivePlayer N?>`, sparse
 * `T{turn}` histories, escaped rich text and character references in log
 * text, `LastSeenUnits` decoys that are not real units, duplicated traits /
 * spouses / relationships where the last copy wins, both memory shapes, all
 * three winner forms, older element names (`UnitProductionCount`,
 * `TeamDiscontentLevel`, `Name`, `FounderID`, `Trait`) and fields a reader
 * should ignore. `expected.save` is that truth; `expected.counts` its row
 * counts (`countRows`).
 *
 * The truth also holds the value of elements the generator writes that the
 * reader does not read yet, under the field name a column reading them
 * would have (a character's `Portrait` as `portrait`); `expected.save` keeps
 * only the catalogue's fields. So the column that starts reading such an
 * element changes the catalogue, its mapper and a migration, and nothing
 * here: its expected value was already recorded.
 *
 * Same options + same seed => byte-identical XML.
 */
import {
  countRows,
  type ParsedSave,
  type SaveCounts,
  type SaveMeta,
  type PlayerRow,
  type HistorySeries,
  type MemorySubjectKind,
  type PlayerValueKind,
  type CityValueKind,
} from '../model/parsed-save.js';
import { entity, listKeys, type ListKey, type Row } from '../model/catalogue.js';
import { XmlWriter, escapeText, type Attrs } from './xml-writer.js';

export type Scale = 'small' | 'typical' | 'huge';
/** How the save names its winner: `TeamVictories`, legacy `WinnerTeam`, oldest root `<Victory>`. */
export type WinnerForm = 'none' | 'teamVictories' | 'legacy' | 'victoryElement';
/** 2025+ `MemoryList/MemoryData` or 2024 per-kind `Memory*List` lists. */
export type MemoryShape = 'list' | 'split';

export interface GenerateOptions {
  seed: number;
  scale: Scale;
  /** UTF-8 byte-order mark first. Default true (the game writes one). */
  bom?: boolean;
  /** CRLF line endings. Default true (the game runs on Windows). */
  crlf?: boolean;
  /** `<?ActivePlayer N?>`; null leaves it out like older saves. Default 0. */
  activePlayer?: number | null;
  memoryShape?: MemoryShape;
  /** Default 'none'. Any other form also marks the game over. */
  winner?: WinnerForm;
  /** Size overrides on top of the scale's defaults. */
  players?: number;
  mapWidth?: number;
  mapHeight?: number;
  characters?: number;
  cities?: number;
  units?: number;
  turns?: number;
  logsPerPlayer?: number;
  memoriesPerPlayer?: number;
  gameId?: string;
  gameName?: string;
  /** `GameMode` root attribute. Default 'NETWORK'. */
  gameMode?: string;
  /** How many of the first players are human. Default 2. */
  humans?: number;
}

export interface ExpectedSave {
  /** `countRows(save)`: every list's length. */
  counts: SaveCounts;
  meta: SaveMeta;
  players: PlayerRow[];
  /** The complete parse a correct reader returns. */
  save: ParsedSave;
}

export interface GeneratedSave {
  xml: string;
  expected: ExpectedSave;
}

interface ScaleConfig {
  players: number;
  mapWidth: number;
  mapHeight: number;
  characters: number;
  cities: number;
  units: number;
  turns: number;
  logsPerPlayer: number;
  memoriesPerPlayer: number;
  tribes: number;
}

/** Sizes per scale. typical ~ 9 MB of XML, huge ~ 50 MB. */
export const scales: Record<Scale, ScaleConfig> = {
  small: {
    players: 2,
    mapWidth: 12,
    mapHeight: 10,
    characters: 30,
    cities: 4,
    units: 12,
    turns: 20,
    logsPerPlayer: 15,
    memoriesPerPlayer: 10,
    tribes: 2,
  },
  typical: {
    players: 5,
    mapWidth: 74,
    mapHeight: 74,
    characters: 450,
    cities: 43,
    units: 300,
    turns: 120,
    logsPerPlayer: 400,
    memoriesPerPlayer: 250,
    tribes: 6,
  },
  huge: {
    players: 10,
    mapWidth: 152,
    mapHeight: 152,
    characters: 2600,
    cities: 200,
    units: 1600,
    turns: 260,
    logsPerPlayer: 1400,
    memoriesPerPlayer: 700,
    tribes: 10,
  },
};

// ---------------------------------------------------------------- randomness

/** mulberry32: tiny, fast, deterministic. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)];
  }
  /** `n` distinct items in random order. */
  sample<T>(arr: readonly T[], n: number): T[] {
    const copy = arr.slice();
    const out: T[] = [];
    for (let i = 0; i < n && copy.length > 0; i++) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  digits(n: number): string {
    let s = String(this.int(1, 9));
    for (let i = 1; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  uuid(): string {
    const hex = (n: number) => Array.from({ length: n }, () => this.int(0, 15).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  }
}

// ---------------------------------------------------------------- vocabulary

const NATIONS = [
  'NATION_ASSYRIA',
  'NATION_BABYLONIA',
  'NATION_CARTHAGE',
  'NATION_EGYPT',
  'NATION_GREECE',
  'NATION_PERSIA',
  'NATION_ROME',
  'NATION_HITTITE',
  'NATION_KUSH',
  'NATION_AKSUM',
];
const FAMILY_NAMES = [
  'FAMILY_JULII',
  'FAMILY_CLAUDII',
  'FAMILY_CORNELII',
  'FAMILY_AEMILII',
  'FAMILY_FABII',
  'FAMILY_VALERII',
  'FAMILY_SARGONID',
  'FAMILY_TUDIYA',
  'FAMILY_ADASI',
  'FAMILY_ERISHUM',
  'FAMILY_BARCID',
  'FAMILY_MAGONID',
  'FAMILY_HANNONID',
  'FAMILY_DIDONIAN',
  'FAMILY_RAMESSIDE',
  'FAMILY_AMARNA',
  'FAMILY_THUTMOSID',
  'FAMILY_SAITE',
  'FAMILY_ARGEAD',
  'FAMILY_CYPSELID',
  'FAMILY_ALCMAEONID',
  'FAMILY_HERACLIDAE',
  'FAMILY_ACHAEMENID',
  'FAMILY_TEISPID',
  'FAMILY_ARSACID',
  'FAMILY_SASANID',
  'FAMILY_KUSHITE_A',
  'FAMILY_KUSHITE_B',
  'FAMILY_KUSHITE_C',
  'FAMILY_KUSHITE_D',
  'FAMILY_AKSUMITE_A',
  'FAMILY_AKSUMITE_B',
  'FAMILY_AKSUMITE_C',
  'FAMILY_AKSUMITE_D',
  'FAMILY_HITTITE_A',
  'FAMILY_HITTITE_B',
  'FAMILY_HITTITE_C',
  'FAMILY_HITTITE_D',
  'FAMILY_BABYLON_A',
  'FAMILY_BABYLON_B',
];
const FAMILY_CLASSES = [
  'FAMILYCLASS_LANDOWNERS',
  'FAMILYCLASS_CHAMPIONS',
  'FAMILYCLASS_STATESMEN',
  'FAMILYCLASS_PATRONS',
  'FAMILYCLASS_CLERICS',
  'FAMILYCLASS_SAGES',
  'FAMILYCLASS_TRADERS',
  'FAMILYCLASS_ARTISANS',
  'FAMILYCLASS_RIDERS',
  'FAMILYCLASS_HUNTERS',
];
const RELIGIONS = ['RELIGION_ZOROASTRIANISM', 'RELIGION_JUDAISM', 'RELIGION_CHRISTIANITY', 'RELIGION_MANICHAEISM'];
const TRIBES = [
  'TRIBE_GAULS',
  'TRIBE_VANDALS',
  'TRIBE_DANES',
  'TRIBE_THRACIANS',
  'TRIBE_SCYTHIANS',
  'TRIBE_NUMIDIANS',
  'TRIBE_HUNS',
  'TRIBE_ANARCHY',
  'TRIBE_RAIDERS',
  'TRIBE_REBELS',
];
const YIELDS = [
  'YIELD_CIVICS',
  'YIELD_TRAINING',
  'YIELD_SCIENCE',
  'YIELD_MONEY',
  'YIELD_ORDERS',
  'YIELD_GROWTH',
  'YIELD_CULTURE',
  'YIELD_HAPPINESS',
  'YIELD_DISCONTENT',
  'YIELD_FOOD',
  'YIELD_IRON',
  'YIELD_STONE',
  'YIELD_WOOD',
  'YIELD_MAINTENANCE',
];
const TECHS = [
  'TECH_IRONWORKING',
  'TECH_STONECUTTING',
  'TECH_TRAPPING',
  'TECH_ADMINISTRATION',
  'TECH_LABOR_FORCE',
  'TECH_MILITARY_DRILL',
  'TECH_POTTERY',
  'TECH_WRITING',
  'TECH_METAPHYSICS',
  'TECH_HUSBANDRY',
  'TECH_FORESTRY',
  'TECH_DIVINATION',
  'TECH_STEEL',
  'TECH_ARISTOCRACY',
  'TECH_MONASTICISM',
];
const LAW_CLASSES: [string, string[]][] = [
  ['LAWCLASS_ORDER', ['LAW_PRIMOGENITURE', 'LAW_SENIORITY']],
  ['LAWCLASS_SLAVERY_FREEDOM', ['LAW_SLAVERY', 'LAW_FREEDOM']],
  ['LAWCLASS_CENTRALIZATION_VASSALAGE', ['LAW_CENTRALIZATION', 'LAW_VASSALAGE']],
  ['LAWCLASS_TOLERANCE_ORTHODOXY', ['LAW_TOLERANCE', 'LAW_ORTHODOXY']],
  ['LAWCLASS_EPICS_EXPLORATION', ['LAW_EPICS', 'LAW_EXPLORATION']],
];
const COUNCIL = ['COUNCIL_CHANCELLOR', 'COUNCIL_SPYMASTER', 'COUNCIL_AMBASSADOR', 'COUNCIL_GRAND_VIZIER'];
const UNIT_TYPES = [
  'UNIT_WARRIOR',
  'UNIT_SLINGER',
  'UNIT_ARCHER',
  'UNIT_SPEARMAN',
  'UNIT_AXEMAN',
  'UNIT_HORSEMAN',
  'UNIT_CHARIOT',
  'UNIT_WORKER',
  'UNIT_SETTLER',
  'UNIT_SCOUT',
  'UNIT_HOPLITE',
  'UNIT_LEGIONARY',
  'UNIT_CATAPHRACT',
  'UNIT_DISCIPLE_ZOROASTRIANISM',
];
const PROMOTIONS = [
  'PROMOTION_FIERCE',
  'PROMOTION_DISCIPLINED',
  'PROMOTION_HARDY',
  'PROMOTION_GUARD',
  'PROMOTION_STRIKE1',
  'PROMOTION_RANGER',
  'PROMOTION_BRAVE',
];
const PROJECTS = ['PROJECT_INQUIRY', 'PROJECT_FESTIVAL', 'PROJECT_OFFER', 'PROJECT_WALLS', 'PROJECT_TREASURY_1', 'PROJECT_ARCHIVE_1'];
const TRAITS = [
  'TRAIT_EDUCATED',
  'TRAIT_COMMANDER_ARCHETYPE',
  'TRAIT_BRAVE',
  'TRAIT_HUMBLE',
  'TRAIT_SUPERSTITIOUS',
  'TRAIT_JUDGE_ARCHETYPE',
  'TRAIT_SCHOLAR_ARCHETYPE',
  'TRAIT_GLUTTON',
  'TRAIT_TALL',
  'TRAIT_CRUEL',
  'TRAIT_PIOUS',
  'TRAIT_SCHEMER_ARCHETYPE',
];
const RATINGS = ['RATING_WISDOM', 'RATING_CHARISMA', 'RATING_COURAGE', 'RATING_DISCIPLINE'];
const RELATIONSHIPS = [
  'RELATIONSHIP_FRIEND',
  'RELATIONSHIP_RIVAL',
  'RELATIONSHIP_LOVER',
  'RELATIONSHIP_PLOTTING_AGAINST',
  'RELATIONSHIP_SAVED_LIFE',
];
const COGNOMENS = ['COGNOMEN_GOOD', 'COGNOMEN_GREAT', 'COGNOMEN_WISE', 'COGNOMEN_CRUEL', 'COGNOMEN_BUILDER', 'COGNOMEN_CONQUEROR'];
const DEATH_REASONS = [
  'DEATHREASON_OLD_AGE',
  'DEATHREASON_BATTLE',
  'DEATHREASON_ILLNESS',
  'DEATHREASON_EXECUTED',
  'DEATHREASON_ASSASSINATED',
];
const TERRAINS = ['TERRAIN_WATER', 'TERRAIN_LUSH', 'TERRAIN_TEMPERATE', 'TERRAIN_ARID', 'TERRAIN_SAND', 'TERRAIN_TUNDRA', 'TERRAIN_MARSH'];
const HEIGHTS = ['HEIGHT_FLAT', 'HEIGHT_FLAT', 'HEIGHT_FLAT', 'HEIGHT_HILL', 'HEIGHT_MOUNTAIN', 'HEIGHT_COAST', 'HEIGHT_OCEAN'];
const VEGETATION = ['VEGETATION_FOREST', 'VEGETATION_SCRUB', 'VEGETATION_TREES'];
const RESOURCES = [
  'RESOURCE_IRON',
  'RESOURCE_WINE',
  'RESOURCE_INCENSE',
  'RESOURCE_HORSE',
  'RESOURCE_MARBLE',
  'RESOURCE_FISH',
  'RESOURCE_SILVER',
  'RESOURCE_GOLD',
];
const IMPROVEMENTS = [
  'IMPROVEMENT_FARM',
  'IMPROVEMENT_MINE',
  'IMPROVEMENT_QUARRY',
  'IMPROVEMENT_LUMBERMILL',
  'IMPROVEMENT_PASTURE',
  'IMPROVEMENT_NETS',
  'IMPROVEMENT_GARRISON_1',
  'IMPROVEMENT_SHRINE_NABU',
];
const SPECIALISTS = ['SPECIALIST_FARMER', 'SPECIALIST_MINER', 'SPECIALIST_STONECUTTER', 'SPECIALIST_WOODCUTTER', 'SPECIALIST_ACOLYTE_1'];
const CULTURES = ['CULTURE_WEAK', 'CULTURE_DEVELOPING', 'CULTURE_STRONG', 'CULTURE_ESTABLISHED', 'CULTURE_LEGENDARY'];
const DIPLOMACY = ['DIPLOMACY_WAR', 'DIPLOMACY_TRUCE', 'DIPLOMACY_PEACE', 'DIPLOMACY_ALLIANCE'];
const FACINGS = ['NE', 'E', 'SE', 'SW', 'W', 'NW'];
const GOALS = [
  'GOAL_SIX_CITIES',
  'GOAL_FOUR_LAWS',
  'GOAL_TEN_TECHS',
  'GOAL_WONDER',
  'GOAL_CONQUER_CITY',
  'GOAL_THREE_RELIGIONS',
  'GOAL_TRADE_NETWORK',
  'GOAL_LEGENDARY_CULTURE',
];
const CITY_NAMES = [
  'CITYNAME_NINEVEH',
  'CITYNAME_ASSUR',
  'CITYNAME_BABYLON',
  'CITYNAME_UR',
  'CITYNAME_CARTHAGE',
  'CITYNAME_UTICA',
  'CITYNAME_THEBES',
  'CITYNAME_MEMPHIS',
  'CITYNAME_ATHENS',
  'CITYNAME_SPARTA',
  'CITYNAME_PERSEPOLIS',
  'CITYNAME_SUSA',
  'CITYNAME_ROME',
  'CITYNAME_OSTIA',
];
const MEMORY_TYPES: Record<MemorySubjectKind, string[]> = {
  player: ['MEMORYPLAYER_ATTACKED_CITY', 'MEMORYPLAYER_GIFTED_YIELD', 'MEMORYPLAYER_DECLARED_WAR', 'MEMORYPLAYER_MADE_PEACE'],
  family: ['MEMORYFAMILY_FOUNDED_CITY', 'MEMORYFAMILY_LOST_SEAT', 'MEMORYFAMILY_GIFTED'],
  religion: ['MEMORYRELIGION_ADOPTED', 'MEMORYRELIGION_PERSECUTED'],
  tribe: ['MEMORYTRIBE_ATTACKED_UNIT', 'MEMORYTRIBE_GIFTED', 'MEMORYTRIBE_RAIDED'],
  character: ['MEMORYCHARACTER_MARRIED', 'MEMORYCHARACTER_IMPRISONED', 'MEMORYCHARACTER_UPGRADED'],
  city: ['MEMORYCITY_CAPTURED', 'MEMORYCITY_FOUNDED'],
};
/** Human-readable words for rich log text, some non-ASCII on purpose. */
const TECH_WORDS = [
  'Ironworking',
  'Stonecutting',
  'Trapping',
  'Administration',
  'Labor Force',
  'Military Drill',
  'Pottery',
  'Writing',
  'Metaphysics',
  'Husbandry',
  'Forestry',
  'Divination',
  'Steel',
  'Aristocracy',
  'Monasticism',
];

/** Names of the online humans after the first two (multiplayer samples). */
const HUMAN_NAMES = ['', '', 'Dido of Tyre', 'Cyrus', 'Kashta'];

const INT_MIN = -2147483648;
const AI_TURN = 2147483647;

// ---------------------------------------------------------------- the generator

export function generateSave(options: GenerateOptions): GeneratedSave {
  const cfg: ScaleConfig = { ...scales[options.scale] };
  for (const k of Object.keys(cfg) as (keyof ScaleConfig)[]) {
    const v = (options as unknown as Record<string, unknown>)[k];
    if (typeof v === 'number') cfg[k] = v;
  }
  return new Generator(options, cfg).run();
}

/** A row as the generator knows it: the catalogue's fields, and any it writes that no column reads yet. */
type TruthRow<L extends ListKey> = Row<L> & { readonly [unread: string]: unknown };
type Truth = { meta: SaveMeta } & { [L in ListKey]: TruthRow<L>[] };

function emptyTruth(): Truth {
  const truth: Record<string, unknown> = { meta: undefined };
  for (const list of listKeys) truth[list] = [];
  return truth as Truth;
}

/** The truth as the reader returns it: each row with exactly the catalogue's fields. */
function catalogueView(truth: Truth): ParsedSave {
  const save: Record<string, unknown> = { meta: truth.meta };
  for (const list of listKeys) {
    const fields = Object.keys(entity(list).fields);
    save[list] = (truth[list] as Record<string, unknown>[]).map((row) => Object.fromEntries(fields.map((f) => [f, row[f]])));
  }
  return save as ParsedSave;
}

interface PlayerPlan {
  id: number;
  team: number;
  nation: string;
  families: string[];
  leaders: number[];
  capitalCity: number | null;
}

class Generator {
  private readonly r: Rng;
  private readonly w: XmlWriter;
  private readonly s: Truth;
  private readonly turn: number;
  private readonly players: PlayerPlan[] = [];
  private readonly religions: string[];
  private readonly tribes: string[];
  private readonly cityOwners: (number | null)[] = [];
  private readonly cityTiles: number[] = [];
  private readonly cityFamilies: (string | null)[] = [];
  private readonly characterCount: number;
  private readonly humans: number;
  /** Real unit IDs, reused by the `LastSeenUnits` decoys. */
  private readonly unitIds: number[] = [];

  constructor(
    private readonly o: GenerateOptions,
    private readonly cfg: ScaleConfig,
  ) {
    this.r = new Rng(o.seed);
    this.w = new XmlWriter(o.crlf === false ? '\n' : '\r\n');
    this.turn = cfg.turns;
    this.characterCount = cfg.characters;
    this.humans = o.humans ?? 2;
    this.religions = RELIGIONS.slice(0, Math.min(RELIGIONS.length, 1 + Math.floor(cfg.turns / 40)));
    this.tribes = TRIBES.slice(0, cfg.tribes);
    this.s = emptyTruth();
  }

  run(): GeneratedSave {
    this.plan();
    const { w, o } = this;
    if (o.bom !== false) w.raw('\uFEFF');
    w.raw('<?xml version="1.0" encoding="utf-8"?>');
    const active = o.activePlayer === undefined ? 0 : o.activePlayer;
    if (active !== null) w.raw(`${o.crlf === false ? '\n' : '\r\n'}<?ActivePlayer ${active}?>`);
    const meta = this.root(active);
    this.config(meta);
    if ((o.winner ?? 'none') === 'victoryElement') {
      const winner = this.players[this.players.length - 1].id;
      w.open(
        'Victory',
        [
          ['winner', winner],
          ['type', 'VICTORY_CONQUEST'],
        ],
        true,
      );
      meta.winner = { team: null, playerId: winner, victory: 'VICTORY_CONQUEST' };
    }
    this.game(meta);
    for (const p of this.players) this.player(p);
    for (let id = 0; id < this.characterCount; id++) this.character(id);
    for (let id = 0; id < this.cityOwners.length; id++) this.city(id);
    for (const t of this.tribes) this.tribe(t);
    this.tiles();
    w.close('Root');
    w.raw(o.crlf === false ? '\n' : '\r\n');
    const xml = w.toString();
    meta.xmlBytes = Buffer.byteLength(xml, 'utf8');
    this.s.meta = meta;
    const save = catalogueView(this.s);
    return { xml, expected: { counts: countRows(save), meta, players: save.players, save } };
  }

  // -------------------------------------------------------------- planning

  private plan(): void {
    const { r, cfg } = this;
    const nations = r.sample(NATIONS, cfg.players);
    const families = r.sample(FAMILY_NAMES, Math.min(FAMILY_NAMES.length, cfg.players * 4));
    for (let id = 0; id < cfg.players; id++) {
      // Leaders are the first characters of each player's block, oldest first.
      const leaders: number[] = [];
      const nLeaders = Math.min(1 + Math.floor(cfg.turns / 50), 4);
      for (let k = 0; k < nLeaders; k++) leaders.push(id * nLeaders + k);
      this.players.push({
        id,
        team: id,
        nation: nations[id] ?? 'NATION_ROME',
        families: families.slice(id * 4, id * 4 + 4),
        leaders,
        capitalCity: null,
      });
    }
    const tileCount = cfg.mapWidth * cfg.mapHeight;
    const used = new Set<number>();
    for (let c = 0; c < cfg.cities; c++) {
      let tile = r.int(0, tileCount - 1);
      while (used.has(tile)) tile = (tile + 1) % tileCount;
      used.add(tile);
      this.cityTiles.push(tile);
      // One city in every twenty is in anarchy / held by a tribe: Player -1.
      const owner = c % 20 === 19 ? null : c % cfg.players;
      this.cityOwners.push(owner);
      this.cityFamilies.push(owner === null ? null : r.pick(this.players[owner].families));
      if (owner !== null && this.players[owner].capitalCity === null) this.players[owner].capitalCity = c;
    }
  }

  private character_(): number {
    return this.r.int(0, this.characterCount - 1);
  }

  // -------------------------------------------------------------- root + config

  private root(active: number | null): SaveMeta {
    const { r, o, cfg } = this;
    const gameId = o.gameId ?? r.uuid();
    const gameName = o.gameName ?? (o.scale === 'small' ? 'Small test' : 'Tiglath vs Hatshepsut 2.0 — Zoë’s rematch');
    const mods = o.scale === 'small' ? [] : ['BetterAI', 'Dynamic Units'];
    const attrs: Attrs = [
      ['GameId', gameId],
      ['GameName', gameName],
      ['SaveDate', '20 September 2025'],
      ['Version', `Version: 1.0.79513${mods.map((m) => `+${m}`).join('')}`],
      ['MapWidth', cfg.mapWidth],
      ['MapEdgesSafe', 'False'],
      ['MapPath', ''],
      ['MapClass', 'MAPCLASS_CoastalRainBasin'],
      ['MapSize', 'MAPSIZE_MEDIUM'],
      ['MapAspectRatio', 'MAPASPECTRATIO_SQUARE'],
      ['MinLatitude', 35],
      ['MaxLatitude', 60],
      ['FirstSeed', r.digits(9)],
      ['MapSeed', r.digits(9)],
      ['GameMode', o.gameMode ?? 'NETWORK'],
      ['TurnStyle', 'TURNSTYLE_TIGHT'],
      ['TurnTimer', 'TURNTIMER_NONE'],
      ['SimultaneousTurns', 'False'],
      ['OpponentLevel', 'OPPONENTLEVEL_STRONG'],
      ['TribeLevel', 'TRIBELEVEL_NORMAL'],
      ['Development', 'DEVELOPMENT_DEVELOPING'],
      ['Advantage', 'ADVANTAGE_NONE'],
      ['SuccessionGender', 'SUCCESSIONGENDER_ABSOLUTE_COGNATIC'],
      ['SuccessionOrder', 'SUCCESSIONORDER_PRIMOGENITURE'],
      ['Mortality', 'MORTALITY_STANDARD'],
      ['TurnScale', 'TURNSCALE_YEAR'],
      ['TeamNation', 'TEAMNATION_GAME_UNIQUE'],
      ['EventLevel', 'EVENTLEVEL_MODERATE'],
      ['VictoryPointModifier', 'VICTORYPOINT_NORMAL'],
    ];
    this.w.open('Root', attrs);
    const dedicated = new Set([
      'GameId',
      'GameName',
      'SaveDate',
      'Version',
      'MapWidth',
      'MapClass',
      'MapSize',
      'MapAspectRatio',
      'GameMode',
      'TurnStyle',
    ]);
    const settings: Record<string, string> = {};
    for (const [k, v] of attrs) if (!dedicated.has(k)) settings[k] = String(v);
    return {
      gameId,
      gameName,
      turn: this.turn,
      saveDate: '20 September 2025',
      version: '1.0.79513',
      mods,
      dlc: [],
      mapWidth: cfg.mapWidth,
      mapClass: 'MAPCLASS_CoastalRainBasin',
      mapSize: 'MAPSIZE_MEDIUM',
      mapAspectRatio: 'MAPASPECTRATIO_SQUARE',
      gameMode: o.gameMode ?? 'NETWORK',
      turnStyle: 'TURNSTYLE_TIGHT',
      difficulty: null,
      settings,
      victoryEnabled: [],
      gameOver: false,
      winner: null,
      activePlayer: active,
      xmlBytes: 0,
    };
  }

  private config(meta: SaveMeta): void {
    const { w, players } = this;
    const difficulties = players.map((p) => (p.id === 0 ? 'DIFFICULTY_NOBLE' : 'DIFFICULTY_GREAT'));
    const perPlayer = (section: string, child: string, values: (string | number)[]) => {
      w.open(section);
      for (const v of values) w.leaf(child, v);
      w.close(section);
    };
    perPlayer(
      'Team',
      'PlayerTeam',
      players.map((p) => p.team),
    );
    perPlayer('Difficulty', 'PlayerDifficulty', difficulties);
    perPlayer(
      'Development',
      'PlayerDevelopment',
      players.map(() => 'DEVELOPMENT_DEVELOPING'),
    );
    perPlayer(
      'Nation',
      'PlayerNation',
      players.map((p) => p.nation),
    );
    perPlayer(
      'Dynasty',
      'PlayerDynasty',
      players.map((p) => p.nation.replace('NATION_', 'DYNASTY_')),
    );
    perPlayer(
      'Archetype',
      'LeaderArchetype',
      players.map(() => 'TRAIT_COMMANDER_ARCHETYPE'),
    );
    perPlayer(
      'Humans',
      'PlayerHuman',
      players.map((p) => (p.id < this.humans ? 1 : 0)),
    );
    w.map('StartingPlayerOptions', [['PLAYEROPTION_NO_TUTORIAL', 0]]);
    meta.settings['StartingPlayerOptions.PLAYEROPTION_NO_TUTORIAL'] = '0';
    w.flags('GameOptions', ['GAMEOPTION_CRITICAL_HIT_PREVIEW', 'GAMEOPTION_NO_UNDO']);
    meta.settings['GameOptions.GAMEOPTION_CRITICAL_HIT_PREVIEW'] = 'true';
    meta.settings['GameOptions.GAMEOPTION_NO_UNDO'] = 'true';
    w.map('OccurrenceLevels', [['OCCURRENCECLASS_CALAMITIES', 'OCCURRENCELEVEL_CALAMITIES_NORMAL']]);
    meta.settings['OccurrenceLevels.OCCURRENCECLASS_CALAMITIES'] = 'OCCURRENCELEVEL_CALAMITIES_NORMAL';
    meta.victoryEnabled = ['VICTORY_POINTS', 'VICTORY_TIME', 'VICTORY_CONQUEST'];
    w.flags('VictoryEnabled', meta.victoryEnabled);
    meta.dlc = ['DLC_BEHIND_THE_THRONE', 'DLC_HEROES_OF_AEGEAN'];
    w.flags('GameContent', meta.dlc);
    w.open(
      'GameContentEnabled',
      [
        ['BASE_CONTENT.1', 1],
        ['PHARAOHS.1', 1],
      ],
      true,
    );
    meta.settings['GameContentEnabled.BASE_CONTENT.1'] = '1';
    meta.settings['GameContentEnabled.PHARAOHS.1'] = '1';
    // A multi-valued option (element children) is not a single-valued setting.
    w.open('MapMultiOptions');
    w.flags('MAPOPTIONS_RESOURCES', ['RESOURCE_HORSE', 'RESOURCE_IRON']);
    w.close('MapMultiOptions');
    w.map('MapSingleOptions', [['MAPOPTION_WATER_LEVEL', 'MAPOPTION_WATER_LEVEL_NORMAL']]);
    meta.settings['MapSingleOptions.MAPOPTION_WATER_LEVEL'] = 'MAPOPTION_WATER_LEVEL_NORMAL';
    // Difficulty of the first human: players 0 and 1 are human (see player()).
    meta.difficulty = difficulties[0];
  }

  // -------------------------------------------------------------- Game

  private game(meta: SaveMeta): void {
    const { w, r, s } = this;
    const form = this.o.winner ?? 'none';
    w.open('Game');
    w.leaf('Seed', r.digits(18));
    w.leaf('NextUnitID', this.cfg.units * 3);
    w.leaf('NextCityID', this.cfg.cities);
    w.leaf('NextCharacterID', this.characterCount);
    w.leaf('MapSize', 'MAPSIZE_MEDIUM');
    w.leaf('Turn', this.turn);
    w.leaf('TurnTime', 0);
    if (form !== 'none') {
      w.flag('GameOver');
      meta.gameOver = true;
    }
    w.leaf('TeamTurn', 0);
    w.leaf('PlayerTurn', 0);
    if (form === 'teamVictories') {
      w.open('TeamVictories');
      w.chunks.push(`${this.nlPad(2)}<Team${this.nlPad(3)}Victory="VICTORY_POINTS">1</Team>`);
      w.close('TeamVictories');
      meta.winner = { team: 1, playerId: null, victory: 'VICTORY_POINTS' };
    } else {
      w.flag('TeamVictories');
    }
    if (form === 'legacy') {
      w.leaf('WinnerTeam', 0);
      w.leaf('WinnerVictory', 'VICTORY_TIME');
      meta.winner = { team: 0, playerId: null, victory: 'VICTORY_TIME' };
    } else {
      w.leaf('WinnerTeam', -1);
    }
    w.map('YieldPrice', [
      ['YIELD_ORDERS', 2500],
      ['YIELD_FOOD', 800],
      ['YIELD_IRON', 1200],
      ['YIELD_STONE', 900],
      ['YIELD_WOOD', 700],
    ]);
    w.open('YieldPriceHistory');
    for (const y of ['YIELD_FOOD', 'YIELD_IRON', 'YIELD_STONE', 'YIELD_WOOD']) {
      w.open(y);
      for (let t = 1; t <= this.turn; t += 3) {
        const price = r.int(400, 2000);
        w.leaf(`T${t}`, price);
        s.yieldPrices.push({ yield: y, turn: t, price });
      }
      w.close(y);
    }
    w.close('YieldPriceHistory');

    // Religions: the first one is founded but has no head (-1).
    const rows = this.religions.map((religion, i) => ({
      religion,
      founderPlayerId: this.players[i % this.players.length].id,
      headCharacterId: i === 0 ? null : this.character_(),
      holyCityId: i % this.cityOwners.length,
      foundedTurn: 10 + i * 20,
    }));
    w.map(
      'ReligionFounded',
      rows.map((x) => [x.religion, x.foundedTurn]),
    );
    w.map(
      'ReligionFounder',
      rows.map((x) => [x.religion, x.founderPlayerId]),
    );
    w.map(
      'ReligionHeadID',
      rows.map((x) => [x.religion, x.headCharacterId ?? -1]),
    );
    w.map(
      'ReligionHolyCity',
      rows.map((x) => [x.religion, x.holyCityId]),
    );
    s.religions.push(...rows);

    const familyRows = this.players.flatMap((p) =>
      p.families.map((family, k) => ({
        family,
        playerId: p.id,
        familyClass: FAMILY_CLASSES[(p.id * 4 + k) % FAMILY_CLASSES.length],
        seatCityId: this.seatCity(p, k),
        headCharacterId: this.familyHead(p, k),
      })),
    );
    w.map(
      'FamilyClass',
      familyRows.map((f) => [f.family, f.familyClass]),
    );
    s.families.push(...familyRows);

    w.open('TeamContact');
    for (let a = 0; a < this.players.length; a++) for (let b = a + 1; b < this.players.length; b++) w.flag(`T.${a}.${b}`);
    w.close('TeamContact');
    w.open('TribeDiplomacy');
    for (const tribe of this.tribes) {
      for (const p of this.players) {
        const state = r.pick(DIPLOMACY);
        w.leaf(`${tribe}.${p.team}`, state);
        s.diplomacy.push({ kind: 'tribe', a: tribe, b: String(p.team), state });
      }
    }
    w.close('TribeDiplomacy');
    w.open('TeamDiplomacy');
    for (let a = 0; a < this.players.length; a++) {
      for (let b = 0; b < this.players.length; b++) {
        const state = a === b ? 'DIPLOMACY_TEAM' : r.pick(DIPLOMACY);
        w.leaf(`T.${a}.${b}`, state);
        s.diplomacy.push({ kind: 'team', a: String(a), b: String(b), state });
      }
    }
    w.close('TeamDiplomacy');
    w.close('Game');
  }

  private nlPad(depth: number): string {
    return (this.o.crlf === false ? '\n' : '\r\n') + '  '.repeat(depth);
  }

  /** Deterministic per (player, family) so Game and Player agree. */
  private seatCity(p: PlayerPlan, k: number): number | null {
    if (k === 3) return null;
    const owned = this.cityOwners.map((o, i) => (o === p.id ? i : -1)).filter((i) => i >= 0);
    return owned.length > k ? owned[k] : null;
  }

  private familyHead(p: PlayerPlan, k: number): number | null {
    if (k === 2) return null;
    return (p.id * 37 + k * 11) % this.characterCount;
  }

  // -------------------------------------------------------------- Player

  private player(p: PlayerPlan): void {
    const { w, r, s, turn } = this;
    // Player 0: local human (no OnlineID, AIControlledToTurn 0). Players 1
    // to humans-1: online humans currently AI-controlled (OnlineID set, AI
    // turn max). Others: AI. Checking only one of the two rules mislabels one of them.
    const name =
      p.id === 0 ? 'Tiglath' : p.id === 1 ? 'Hatshepsut ☥' : p.id < this.humans ? (HUMAN_NAMES[p.id] ?? `Human ${p.id}`) : `AI ${p.id}`;
    const onlineId = p.id >= 1 && p.id < this.humans ? `7656119${r.digits(10)}` : '';
    const aiTurn = p.id === 0 ? 0 : AI_TURN;
    const dynasty = p.nation.replace('NATION_', 'DYNASTY_');
    const legitimacy = r.int(20, 200);
    const timeStockpile = r.int(0, 600);
    const techResearching = p.id === 2 ? null : r.pick(TECHS);
    const stateReligion = p.id % 2 === 0 ? this.religions[0] : null;
    const founder = p.leaders[0];
    const chosenHeir = p.id === 0 ? null : this.character_();
    w.open('Player', [
      ['ID', p.id],
      ['Name', name],
      ['Email', ''],
      ['OnlineID', onlineId],
      ['CustomReminder', ''],
      ['Language', 'LANGUAGE_ENGLISH'],
      ['Nation', p.nation],
      ['Dynasty', dynasty],
      ['Team', p.team],
      ['AIControlledToTurn', aiTurn],
    ]);
    w.leaf('OriginalCapitalCityID', p.capitalCity ?? -1);
    // Older saves name it FounderID.
    w.leaf(p.id % 2 === 0 ? 'FounderCharacterID' : 'FounderID', founder);
    w.leaf('ChosenHeirID', chosenHeir ?? -1);
    w.leaf('LastDoTurn', turn);
    w.leaf('TimeStockpile', timeStockpile);
    w.leaf('Legitimacy', legitimacy);
    w.leaf('TechResearching', techResearching ?? 'NONE');
    w.leaf('StateReligion', stateReligion ?? 'NONE');
    w.flag('Founded');
    w.leaf('SuccessionGender', 'SUCCESSIONGENDER_ABSOLUTE_COGNATIC');
    w.open('StartingTileIDs');
    w.leaf('Tile', p.capitalCity === null ? 0 : this.cityTiles[p.capitalCity]);
    w.close('StartingTileIDs');

    const values = (element: string, kind: PlayerValueKind, entries: [string, number][]) => {
      w.map(element, entries);
      for (const [key, value] of entries) s.playerValues.push({ playerId: p.id, kind, key, value });
    };
    values(
      'YieldStockpile',
      'yield_stockpile',
      ['YIELD_CIVICS', 'YIELD_TRAINING', 'YIELD_MONEY', 'YIELD_ORDERS', 'YIELD_FOOD', 'YIELD_IRON', 'YIELD_STONE', 'YIELD_WOOD'].map(
        (y) => [y, r.int(-500, 20000)],
      ),
    );
    values(
      'TechProgress',
      'tech_progress',
      r.sample(TECHS, 2).map((t) => [t, r.int(0, 900)]),
    );
    values(
      'TechCount',
      'tech_count',
      r.sample(TECHS, r.int(3, 12)).map((t) => [t, r.int(1, 2)]),
    );
    values(
      'LawClassChangeCount',
      'law_class_change_count',
      r.sample(LAW_CLASSES, 3).map(([c]) => [c, r.int(1, 4)]),
    );
    values(
      'ResourceRevealed',
      'resource_revealed',
      r.sample(RESOURCES, 4).map((x) => [x, r.int(1, turn)]),
    );
    w.flag('GoalStartedCount');
    w.open('BonusCount');
    for (let i = 0; i < 12; i++) w.leaf(`BONUS_${i}`, r.int(1, 9));
    w.close('BonusCount');
    values(
      'UnitsProduced',
      'units_produced',
      r.sample(UNIT_TYPES, 5).map((u) => [u, r.int(1, 20)]),
    );
    values(
      'ProjectsProduced',
      'projects_produced',
      r.sample(PROJECTS, 3).map((x) => [x, r.int(1, 5)]),
    );

    const council = r.sample(COUNCIL, 3).map((pos, i): [string, number] => [pos, i === 2 ? -1 : this.character_()]);
    w.map('CouncilCharacter', council);
    for (const [position, characterId] of council) if (characterId >= 0) s.playerCouncil.push({ playerId: p.id, position, characterId });

    const seats = p.families.map((f, k) => [f, this.seatCity(p, k)] as const).filter(([, c]) => c !== null) as [string, number][];
    const heads = p.families.map((f, k) => [f, this.familyHead(p, k)] as const).filter(([, c]) => c !== null) as [string, number][];
    w.map('FamilySeatCityID', seats);
    w.map('FamilyHeadID', heads);
    const laws = LAW_CLASSES.slice(0, 4).map(([c, ls]): [string, string] => [c, r.pick(ls)]);
    w.map('ActiveLaw', laws);
    for (const [lawClass, law] of laws) s.playerLaws.push({ playerId: p.id, lawClass, law });
    w.open('Leaders');
    p.leaders.forEach((id, ordinal) => {
      w.leaf('ID', id);
      s.playerLeaders.push({ playerId: p.id, ordinal, characterId: id });
    });
    w.close('Leaders');
    // Real saves list families as empty children; some older ones as <Family>X</Family>.
    w.open('Families');
    for (const f of p.families) {
      if (p.id === 1) w.leaf('Family', f);
      else w.flag(f);
    }
    w.close('Families');
    for (let k = 0; k < p.families.length; k++) {
      s.playerFamilies.push({
        playerId: p.id,
        family: p.families[k],
        headCharacterId: this.familyHead(p, k),
        seatCityId: this.seatCity(p, k),
      });
    }

    w.open('GoalList');
    const nGoals = r.int(3, 8);
    for (let ordinal = 0; ordinal < nGoals; ordinal++) {
      const type = r.pick(GOALS);
      const started = r.int(1, turn);
      const done = r.int(0, 2); // 0 running, 1 finished, 2 failed
      const finished = done === 1 ? Math.min(turn, started + r.int(1, 30)) : null;
      w.open('Goal');
      w.leaf('ID', ordinal);
      w.leaf('Type', type);
      w.leaf('Started', started);
      w.leaf('Finished', finished ?? -1);
      if (done === 2) w.flag('Failed');
      w.close('Goal');
      s.playerGoals.push({ playerId: p.id, ordinal, type, startedTurn: started, finishedTurn: finished, failed: done === 2 });
    }
    w.close('GoalList');

    this.histories(p);
    this.logs(p);
    this.memories(p);
    // Fog-of-war copies of units: same IDs as real units, never real units.
    w.open('AI');
    w.leaf('WarPreparingTurns', 0);
    w.open('LastSeenUnits');
    for (let i = 0; i < 6; i++) {
      w.open(
        'Unit',
        [
          ['ID', i * 7],
          ['Type', r.pick(UNIT_TYPES)],
          ['Player', (p.id + 1) % this.players.length],
          ['TileID', r.int(0, this.cfg.mapWidth * this.cfg.mapHeight - 1)],
        ],
        true,
      );
    }
    w.close('LastSeenUnits');
    w.close('AI');
    w.close('Player');

    s.players.push({
      id: p.id,
      name,
      onlineId: onlineId === '' ? null : onlineId,
      nation: p.nation,
      dynasty,
      team: p.team,
      isHuman: p.id < this.humans,
      aiControlledToTurn: aiTurn,
      language: 'LANGUAGE_ENGLISH',
      legitimacy,
      timeStockpile,
      techResearching,
      stateReligion,
      founderCharacterId: founder,
      chosenHeirId: chosenHeir,
      originalCapitalCityId: p.capitalCity,
      rulerCharacterId: p.leaders[p.leaders.length - 1],
    });
  }

  /** Sparse: a point only where the value changed (never a fill). */
  private series(p: PlayerPlan, element: string, series: HistorySeries, key: string, lo: number, hi: number): void {
    const { w, r, s, turn } = this;
    w.open(element);
    let value = r.int(lo, hi);
    for (let t = 2; t <= turn; t++) {
      if (t > 2 && r.chance(0.35)) continue;
      value = Math.max(lo, Math.min(hi, value + r.int(-20, 30)));
      w.leaf(`T${t}`, value);
      s.history.push({ playerId: p.id, series, key, turn: t, value });
    }
    w.close(element);
  }

  private histories(p: PlayerPlan): void {
    const { w } = this;
    this.series(p, 'PointsHistory', 'points', '', 0, 400);
    this.series(p, 'MilitaryPowerHistory', 'military_power', '', 0, 5000);
    this.series(p, 'LegitimacyHistory', 'legitimacy', '', 0, 300);
    const keyed = (element: string, series: HistorySeries, keys: string[], lo: number, hi: number) => {
      w.open(element);
      for (const k of keys) this.series(p, k, series, k, lo, hi);
      w.close(element);
    };
    keyed('YieldRateHistory', 'yield_rate', YIELDS, -200, 900);
    keyed('YieldTotalHistory', 'yield_total', YIELDS.slice(0, 10), 0, 90000);
    keyed('FamilyOpinionHistory', 'family_opinion', p.families, -200, 200);
    keyed('ReligionOpinionHistory', 'religion_opinion', this.religions, -200, 200);
  }

  private logs(p: PlayerPlan): void {
    const { w, r, s, turn } = this;
    const n = this.cfg.logsPerPlayer;
    w.open('PermanentLogList');
    for (let ordinal = 0; ordinal < n; ordinal++) {
      const t = Math.max(1, Math.floor(((ordinal + 1) * turn) / n));
      const kind = r.int(0, 5);
      let type: string;
      let text: string;
      let raw: string;
      let data: (string | null)[];
      if (kind === 0) {
        const i = r.int(0, TECHS.length - 1);
        type = 'TECH_DISCOVERED';
        text = `Discovered <color=#e3c08c><link=HELP_LINK,HELP_TECH,${TECHS[i]}>${TECH_WORDS[i]}</link></color>`;
        raw = escapeText(text);
        data = [TECHS[i], null, null];
      } else if (kind === 1) {
        const [c, ls] = r.pick(LAW_CLASSES);
        const law = r.pick(ls);
        type = 'LAW_ADOPTED';
        text = `Adopted <color=#ac5996>${law}</color> & "${c}"`;
        // Quotes written as &quot; on purpose: a reader must decode them.
        raw = escapeText(text).replace(/"/g, '&quot;');
        data = [law, c, null];
      } else if (kind === 2) {
        type = 'CITY_FOUNDED';
        const city = r.int(0, this.cityOwners.length - 1);
        text = `Founded <link=HELP_LINK,HELP_CITY,${city}>Nineveh</link> — a new city’s dawn`;
        // Non-ASCII as numeric character references (decimal and hex).
        raw = escapeText(text).replace('—', '&#8212;').replace('’', '&#x2019;');
        data = [String(city), 'None', null];
      } else if (kind === 3) {
        type = 'CHARACTER_BIRTH';
        const id = this.character_();
        text = `<icon=ICON_BIRTH/> Zoë's child was born`;
        raw = escapeText(text).replace("'", '&apos;');
        data = [String(id), null, null];
      } else if (kind === 4) {
        type = r.chance(0.5) ? 'GOAL_FINISHED' : 'OCCURENCE_ENDED';
        text = '';
        raw = '';
        data = [r.pick(GOALS), String(r.int(0, 100)), String(r.int(-5, 5))];
      } else {
        type = 'OCCURRENCE_STARTED';
        text = 'A plague spreads';
        raw = text;
        data = [null, null, null];
      }
      const teamTurn = r.chance(0.2) ? null : r.int(0, 4);
      w.open('LogData');
      if (raw === '') w.flag('Text');
      else w.leaf('Text', '', raw);
      w.leaf('Type', type);
      // "None" and empty both mean no data; both spellings occur.
      for (let d = 0; d < 3; d++) {
        const v = data[d];
        if (v === null && (d + ordinal) % 2 === 0) w.leaf(`Data${d + 1}`, 'None');
        else if (v === null) w.flag(`Data${d + 1}`);
        else w.leaf(`Data${d + 1}`, v);
      }
      w.leaf('Turn', t);
      w.leaf('TeamTurn', teamTurn ?? -1);
      w.close('LogData');
      s.logEntries.push({
        playerId: p.id,
        ordinal,
        type,
        text,
        data1: nullNone(data[0]),
        data2: nullNone(data[1]),
        data3: nullNone(data[2]),
        turn: t,
        teamTurn,
      });
    }
    w.close('PermanentLogList');
    // Turn-only log (not permanent): ignored by the reader.
    w.open('TurnLogList');
    w.open('LogData');
    w.leaf('Text', 'ignored');
    w.leaf('Type', 'TURN_SUMMARY');
    w.close('LogData');
    w.close('TurnLogList');
  }

  private memories(p: PlayerPlan): void {
    const { w, r, s, turn } = this;
    const n = this.cfg.memoriesPerPlayer;
    const shape = this.o.memoryShape ?? 'list';
    type Mem = { kind: MemorySubjectKind; type: string; turn: number; subject: string; element: string };
    const mems: Mem[] = [];
    for (let i = 0; i < n; i++) {
      const kinds: MemorySubjectKind[] =
        shape === 'list'
          ? ['player', 'family', 'religion', 'tribe', 'character', 'city']
          : ['player', 'family', 'religion', 'tribe', 'character'];
      const kind = r.pick(kinds);
      const t = r.int(1, turn);
      let subject: string;
      let element: string;
      if (kind === 'player') {
        subject = String((p.id + 1 + r.int(0, this.players.length - 2)) % this.players.length);
        element = 'Player';
      } else if (kind === 'family') {
        // 2025 saves name the family; 2024 saves number it.
        subject = shape === 'list' ? r.pick(p.families) : String(r.int(0, 40));
        element = 'Family';
      } else if (kind === 'religion') {
        subject = r.pick(this.religions);
        element = 'Religion';
      } else if (kind === 'tribe') {
        subject = r.pick(this.tribes.length > 0 ? this.tribes : TRIBES);
        element = 'Tribe';
      } else if (kind === 'character') {
        subject = String(this.character_());
        element = 'CharacterID';
      } else {
        subject = String(r.int(0, this.cityOwners.length - 1));
        element = 'City';
      }
      mems.push({ kind, type: r.pick(MEMORY_TYPES[kind]), turn: t, subject, element });
    }
    const write = (m: Mem, tag: string) => {
      w.open(tag);
      w.leaf('Type', m.type);
      w.leaf(m.element, m.subject);
      w.leaf('Turn', m.turn);
      w.close(tag);
    };
    let ordinal = 0;
    const record = (m: Mem) =>
      s.memories.push({ playerId: p.id, ordinal: ordinal++, type: m.type, turn: m.turn, subjectKind: m.kind, subject: m.subject });
    if (shape === 'list') {
      w.open('MemoryList');
      for (const m of mems) {
        write(m, 'MemoryData');
        record(m);
      }
      w.close('MemoryList');
    } else {
      const lists: [MemorySubjectKind, string][] = [
        ['player', 'Player'],
        ['family', 'Family'],
        ['religion', 'Religion'],
        ['tribe', 'Tribe'],
        ['character', 'Character'],
      ];
      for (const [kind, name] of lists) {
        const of = mems.filter((m) => m.kind === kind);
        if (of.length === 0) {
          w.flag(`Memory${name}List`);
          continue;
        }
        w.open(`Memory${name}List`);
        for (const m of of) {
          write(m, `Memory${name}Data`);
          record(m);
        }
        w.close(`Memory${name}List`);
      }
    }
  }

  // -------------------------------------------------------------- Character

  private character(id: number): void {
    const { w, r, s, turn } = this;
    const nPlayers = this.players.length;
    const leaderOf = this.players.find((p) => p.leaders.includes(id));
    // Leaders belong to their player; others spread over players, some to tribes.
    const tribal = !leaderOf && id % 9 === 8 && this.tribes.length > 0;
    const playerId = leaderOf ? leaderOf.id : tribal ? null : id % nPlayers;
    const plan = playerId === null ? null : this.players[playerId];
    const gender = r.chance(0.5) ? 'GENDER_MALE' : 'GENDER_FEMALE';
    const firstName = id === 3 ? 'Ætheling' : `NAME_${gender === 'GENDER_MALE' ? 'M' : 'F'}_${r.int(1, 400)}`;
    const birthTurn = r.int(-40, turn - 1);
    const dead = r.chance(0.3) && birthTurn < turn - 5;
    const deathTurn = dead ? r.int(Math.max(1, birthTurn + 1), turn) : null;
    const deathReason = dead ? r.pick(DEATH_REASONS) : null;
    const cognomen = r.chance(0.3) ? r.pick(COGNOMENS) : null;
    const level = r.int(1, 6);
    const xp = r.int(0, 400);
    const family = plan && r.chance(0.8) ? r.pick(plan.families) : null;
    const tribe = tribal ? this.tribes[id % this.tribes.length] : null;
    const religion = r.chance(0.4) ? r.pick(this.religions) : null;
    const nation = plan ? plan.nation : null;
    const fatherId = r.chance(0.6) ? this.character_() : null;
    const motherId = r.chance(0.6) ? this.character_() : null;
    const birthCityId = r.chance(0.5) ? r.int(0, this.cityOwners.length - 1) : null;
    const infertile = r.chance(0.1);

    w.open('Character', [
      ['ID', id],
      ['BirthTurn', birthTurn],
      ['Player', playerId ?? -1],
      ['Character', 'NONE'],
      ['Gender', gender],
      ['FirstName', firstName],
      ['Seed', r.digits(17)],
    ]);
    const portrait = `CHARACTER_PORTRAIT_${r.int(1, 40)}`;
    w.leaf('Portrait', portrait);
    w.leaf('NameType', `${firstName}_TYPE`);
    if (cognomen) w.leaf('Cognomen', cognomen);
    w.leaf('XP', xp);
    w.leaf('Level', level);
    if (dead) {
      w.leaf('DeathTurn', deathTurn!);
      w.leaf('DeathReason', deathReason!);
    }
    w.leaf('LeaderTurn', leaderOf ? 1 : INT_MIN);
    w.leaf('AbdicateTurn', INT_MIN);
    if (nation) w.leaf('Nation', nation);
    if (family) w.leaf('Family', family);
    if (tribe) w.leaf('Tribe', tribe);
    if (religion) w.leaf('Religion', religion);
    if (fatherId !== null) w.leaf('FatherID', fatherId);
    if (motherId !== null) w.leaf('MotherID', motherId);
    if (birthCityId !== null) w.leaf('BirthCityID', birthCityId);
    if (infertile) w.flag('Infertile');

    const spouses = r.chance(0.4) ? [this.character_()] : [];
    if (spouses.length > 0 && r.chance(0.3)) spouses.push((spouses[0] + 1) % this.characterCount);
    w.open('Spouses');
    spouses.forEach((sp, i) => {
      // The first marriage is written twice: one row.
      if (i === 0 && r.chance(0.4)) w.leaf('ID', sp);
      w.leaf('ID', sp);
      s.characterSpouses.push({ characterId: id, spouseId: sp });
    });
    w.close('Spouses');

    w.open('Rating');
    for (const rating of RATINGS) {
      const value = r.int(0, 10);
      w.leaf(rating, value);
      s.characterRatings.push({ characterId: id, rating, value });
    }
    w.close('Rating');

    const traits = r.sample(TRAITS, r.int(1, 4)).map((trait) => ({ trait, turn: Math.max(birthTurn, r.int(1, turn)) }));
    const withFlagList = r.chance(0.3);
    if (withFlagList)
      w.flags(
        'Trait',
        traits.map((t) => t.trait),
      );
    w.open('TraitTurn');
    for (const t of traits) {
      // Duplicate trait: the stale copy first, the last one wins.
      if (r.chance(0.2)) w.leaf(t.trait, t.turn - 1);
      w.leaf(t.trait, t.turn);
      s.characterTraits.push({ characterId: id, trait: t.trait, turn: t.turn });
    }
    w.close('TraitTurn');

    const nRel = r.int(0, 3);
    w.open('RelationshipList');
    for (let k = 0; k < nRel; k++) {
      const type = RELATIONSHIPS[(id + k) % RELATIONSHIPS.length];
      const otherId = r.chance(0.8) ? this.character_() : null;
      const relTurn = r.int(1, turn);
      const emit = (t: number) => {
        w.open('RelationshipData');
        w.leaf('Type', type);
        if (otherId !== null) w.leaf('ID', otherId);
        w.leaf('Turn', t);
        w.close('RelationshipData');
      };
      if (r.chance(0.25)) emit(relTurn - 1);
      emit(relTurn);
      s.characterRelationships.push({ characterId: id, type, otherId, turn: relTurn });
    }
    w.close('RelationshipList');
    w.open('CognomenHistory');
    w.leaf(`T${Math.max(1, birthTurn + 20)}`, r.int(0, 5));
    w.close('CognomenHistory');
    w.close('Character');

    s.characters.push({
      id,
      playerId,
      firstName,
      gender,
      birthTurn,
      deathTurn,
      deathReason,
      nameType: `${firstName}_TYPE`,
      cognomen,
      level,
      xp,
      family,
      tribe,
      religion,
      nation,
      fatherId,
      motherId,
      birthCityId,
      infertile,
      portrait,
    });
  }

  // -------------------------------------------------------------- City

  private city(id: number): void {
    const { w, r, s, turn } = this;
    const owner = this.cityOwners[id];
    const family = this.cityFamilies[id];
    const plan = owner === null ? null : this.players[owner];
    const capital = plan !== null && plan.capitalCity === id;
    const legacy = id % 7 === 6;
    const customName = id % 5 === 4;
    const name = customName ? `Nouvelle Cité ${id}` : CITY_NAMES[id % CITY_NAMES.length];
    const founded = r.int(1, turn);
    const governorId = r.chance(0.5) ? this.character_() : null;
    const row = {
      id,
      tileId: this.cityTiles[id],
      playerId: owner,
      family,
      foundedTurn: founded,
      name,
      governorId,
      citizens: r.int(1, 20),
      growthCount: r.int(0, 30),
      capital,
      firstPlayerId: owner ?? id % this.players.length,
      lastPlayerId: owner,
      hurryCivicsCount: r.int(0, 5),
      hurryMoneyCount: r.int(0, 5),
      hurryTrainingCount: r.int(0, 5),
      hurryPopulationCount: r.int(0, 5),
      specialistProducedCount: r.int(0, 30),
    };
    w.open('City', [
      ['ID', id],
      ['TileID', row.tileId],
      ['Player', owner ?? -1],
      ['Family', family ?? 'NONE'],
      ['Founded', founded],
    ]);
    w.leaf(customName ? 'Name' : 'NameType', name);
    w.leaf('GovernorID', governorId ?? -1);
    w.leaf('Citizens', row.citizens);
    w.leaf('GrowthCount', row.growthCount);
    if (capital) w.flag('Capital');
    w.leaf('FirstPlayer', row.firstPlayerId);
    w.leaf('LastPlayer', owner ?? -1);
    w.leaf('HurryCivicsCount', row.hurryCivicsCount);
    w.leaf('HurryMoneyCount', row.hurryMoneyCount);
    w.leaf('HurryTrainingCount', row.hurryTrainingCount);
    w.leaf('HurryPopulationCount', row.hurryPopulationCount);
    w.leaf('SpecialistProducedCount', row.specialistProducedCount);
    const values = (element: string, kind: CityValueKind, entries: [string, number][]) => {
      w.map(element, entries);
      for (const [key, value] of entries) s.cityValues.push({ cityId: id, kind, key, value });
    };
    values('YieldProgress', 'yield_progress', [
      ['YIELD_GROWTH', r.int(0, 900)],
      ['YIELD_CULTURE', r.int(0, 900)],
      ['YIELD_HAPPINESS', r.int(-50, 50)],
    ]);
    w.map('YieldOverflow', [['YIELD_TRAINING', r.int(0, 90)]]);
    values(
      'ProjectCount',
      'project_count',
      r.sample(PROJECTS, r.int(0, 3)).map((x) => [x, r.int(1, 4)]),
    );
    if (legacy) {
      const total = r.int(0, 12);
      w.leaf('UnitProductionCount', total);
      s.cityValues.push({ cityId: id, kind: 'unit_production', key: '', value: total });
    } else {
      values(
        'UnitProductionCounts',
        'unit_production',
        r.sample(UNIT_TYPES, r.int(0, 4)).map((u) => [u, r.int(1, 6)]),
      );
    }
    const religions = r.sample(this.religions, r.int(0, this.religions.length));
    w.flags('Religion', religions);
    for (const religion of religions) s.cityReligions.push({ cityId: id, religion });
    w.open('TeamCulture');
    for (const p of this.players) {
      if (p.id > 0 && r.chance(0.5)) continue;
      const level = r.pick(CULTURES);
      w.leaf(`T.${p.team}`, level);
      s.cityCulture.push({ cityId: id, team: p.team, level });
    }
    w.close('TeamCulture');
    const happiness = this.players.filter((p) => p.id === 0 || r.chance(0.4)).map((p): [string, number] => [`T.${p.team}`, r.int(-3, 5)]);
    w.map(legacy ? 'TeamDiscontentLevel' : 'TeamHappinessLevel', happiness);
    for (const [k, value] of happiness) s.cityValues.push({ cityId: id, kind: 'happiness_level', key: k.slice(2), value });
    if (this.players.length > 1) {
      const agent = (this.players[(owner ?? 0) + 1] ?? this.players[0]).id;
      w.map('AgentTurn', [[`P.${agent}`, r.int(1, turn)]]);
      w.map('AgentCharacterID', [[`P.${agent}`, this.character_()]]);
      w.map('AgentTileID', [[`P.${agent}`, row.tileId]]);
    }
    w.map('PlayerFamily', owner === null || family === null ? [] : [[`P.${owner}`, family]]);
    w.open('BuildQueue');
    w.open('QueueInfo');
    w.leaf('Build', 'BUILD_UNIT');
    w.leaf('Type', r.pick(UNIT_TYPES));
    w.leaf('Progress', r.int(0, 100));
    w.close('QueueInfo');
    w.close('BuildQueue');
    w.close('City');
    s.cities.push(row);
  }

  // -------------------------------------------------------------- Tribe

  private tribe(tribe: string): void {
    const { w, r, s } = this;
    const leader = r.chance(0.7) ? this.character_() : null;
    const ally = r.chance(0.3) ? r.int(0, this.players.length - 1) : null;
    w.open('Tribe', [['ID', tribe]]);
    w.leaf('LeaderID', leader ?? -1);
    w.leaf('AlliedPlayer', ally ?? -1);
    w.leaf('Religion', 'NONE');
    w.open('AI');
    w.leaf('AttackTarget', -1);
    w.close('AI');
    w.close('Tribe');
    s.tribes.push({ tribe, leaderCharacterId: leader, alliedPlayerId: ally });
  }

  // -------------------------------------------------------------- Tile + Unit

  private tiles(): void {
    const { cfg, r } = this;
    const count = cfg.mapWidth * cfg.mapHeight;
    // Territory: each city claims tiles around it; about half the map is owned.
    const territory = new Int32Array(count).fill(-1);
    const radius = Math.max(1, Math.round(Math.sqrt(count / 2 / Math.max(1, cfg.cities) / 3)));
    this.cityTiles.forEach((tile, city) => {
      const cx = tile % cfg.mapWidth;
      const cy = Math.floor(tile / cfg.mapWidth);
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          if (x < 0 || y < 0 || x >= cfg.mapWidth || y >= cfg.mapHeight) continue;
          const t = y * cfg.mapWidth + x;
          if (territory[t] === -1) territory[t] = city;
        }
      }
    });
    // Units: spread over random tiles.
    const unitsAt = new Map<number, number>();
    for (let u = 0; u < cfg.units; u++) {
      const t = r.int(0, count - 1);
      unitsAt.set(t, (unitsAt.get(t) ?? 0) + 1);
    }
    let nextUnitId = 0;
    for (let id = 0; id < count; id++) {
      const n = unitsAt.get(id) ?? 0;
      const ids: number[] = [];
      for (let k = 0; k < n; k++) {
        nextUnitId += r.int(1, 3);
        ids.push(nextUnitId);
      }
      this.tile(id, territory[id], ids);
    }
  }

  private tile(id: number, city: number, unitIds: number[]): void {
    const { w, r, s, cfg, turn } = this;
    const water = r.chance(0.25);
    const terrain = water ? 'TERRAIN_WATER' : r.pick(TERRAINS.slice(1));
    const height = water ? r.pick(['HEIGHT_OCEAN', 'HEIGHT_COAST', 'HEIGHT_LAKE']) : r.pick(HEIGHTS.slice(0, 5));
    const vegetation = !water && r.chance(0.35) ? r.pick(VEGETATION) : null;
    const resource = r.chance(0.1) ? r.pick(RESOURCES) : null;
    const owned = city >= 0;
    const improvement = owned && !water && r.chance(0.4) ? r.pick(IMPROVEMENTS) : null;
    const pillaged = improvement !== null && r.chance(0.05);
    const specialist = improvement !== null && r.chance(0.2) ? r.pick(SPECIALISTS) : null;
    const road = owned && !water && r.chance(0.2);
    const riverW = !water && r.chance(0.08);
    const riverSW = !water && r.chance(0.08);
    const riverSE = !water && r.chance(0.08);
    const tribeSite = !owned && !water && r.chance(0.01) && this.tribes.length > 0 ? r.pick(this.tribes) : null;
    const religion = owned && r.chance(0.05) ? r.pick(this.religions) : null;

    w.open('Tile', [['ID', id]]);
    w.leaf('Terrain', terrain);
    w.leaf('Height', height);
    if (vegetation) w.leaf('Vegetation', vegetation);
    if (resource) w.leaf('Resource', resource);
    if (improvement) {
      w.leaf('Improvement', improvement);
      w.leaf('ImprovementBuildTurnsOriginal', r.int(2, 8));
      w.leaf('ImprovementBuildTurnsLeft', 0);
    }
    if (pillaged) w.flag('ImprovementPillaged');
    if (specialist) w.leaf('Specialist', specialist);
    if (road) w.flag('Road');
    if (riverW) w.leaf('RiverW', r.int(0, 2));
    if (riverSW) w.leaf('RiverSW', r.int(0, 2));
    if (riverSE) w.leaf('RiverSE', r.int(0, 2));
    w.leaf('InitSeed', r.digits(19));
    w.leaf('TurnSeed', r.digits(19));
    if (owned) w.leaf('CityTerritory', city);
    if (tribeSite) w.leaf('TribeSite', tribeSite);
    if (religion) w.leaf('Religion', religion);
    else w.flag('Religion');

    let ownerPlayerId: number | null = null;
    if (owned) {
      const finalOwner = this.cityOwners[city];
      const points: [number, number | null][] = [];
      let t = r.int(1, Math.max(1, turn - 10));
      if (r.chance(0.3)) {
        points.push([t, (finalOwner ?? 0) === 0 ? 1 % this.players.length : 0]);
        t = Math.min(turn, t + r.int(1, 9));
      }
      // A tile whose last owner is -1 is unowned now.
      points.push([t, r.chance(0.05) ? null : finalOwner]);
      w.open('OwnerHistory');
      for (const [pt, pl] of points) {
        w.leaf(`T${pt}`, pl ?? -1);
        s.tileOwnerHistory.push({ tileId: id, turn: pt, playerId: pl });
      }
      w.close('OwnerHistory');
      ownerPlayerId = points[points.length - 1][1];
    }
    w.open('TerrainHistory');
    w.leaf('T1', terrain);
    w.close('TerrainHistory');
    if (vegetation && r.chance(0.3)) {
      w.open('VegetationHistory');
      w.leaf('T1', vegetation);
      w.close('VegetationHistory');
    }
    // RevealedTurn: here T{n} is a team, the value a turn.
    const revealedTeams = this.players.filter((p) => p.id === 0 || r.chance(0.5));
    w.open('RevealedTurn');
    for (const p of revealedTeams) w.leaf(`T${p.team}`, r.int(1, turn));
    w.close('RevealedTurn');
    w.open('RevealedTerrain');
    for (const p of revealedTeams) w.chunks.push(`${this.nlPad(3)}<Team${this.nlPad(4)}Terrain="${terrain}">${p.team}</Team>`);
    w.close('RevealedTerrain');
    w.open('RevealedHeight');
    for (const p of revealedTeams) w.chunks.push(`${this.nlPad(3)}<Team${this.nlPad(4)}Height="${height}">${p.team}</Team>`);
    w.close('RevealedHeight');
    if (vegetation) {
      w.open('RevealedVegetation');
      for (const p of revealedTeams) w.chunks.push(`${this.nlPad(3)}<Team${this.nlPad(4)}Vegetation="${vegetation}">${p.team}</Team>`);
      w.close('RevealedVegetation');
    }
    if (owned) {
      w.open('RevealedOwner');
      for (const p of revealedTeams) w.chunks.push(`${this.nlPad(3)}<Team${this.nlPad(4)}Owner="${ownerPlayerId ?? -1}">${p.team}</Team>`);
      w.close('RevealedOwner');
    }
    w.open('WasVisibleThisTurn');
    for (const p of revealedTeams) w.leaf('Team', p.team);
    w.close('WasVisibleThisTurn');

    for (const unitId of unitIds) this.unit(id, unitId);
    w.close('Tile');

    s.tiles.push({
      id,
      x: id % cfg.mapWidth,
      y: Math.floor(id / cfg.mapWidth),
      terrain,
      height,
      vegetation,
      resource,
      improvement,
      improvementPillaged: pillaged,
      specialist,
      road,
      riverW,
      riverSW,
      riverSE,
      cityId: owned ? city : null,
      tribeSite,
      religion,
      ownerPlayerId,
    });
  }

  private unit(tileId: number, id: number): void {
    const { w, r, s, turn } = this;
    const barbarian = id % 11 === 10 && this.tribes.length > 0;
    const playerId = barbarian ? null : id % this.players.length;
    const tribe = barbarian ? this.tribes[id % this.tribes.length] : null;
    const type = r.pick(UNIT_TYPES);
    const xp = r.int(0, 300);
    const level = r.int(1, 5);
    const createTurn = r.int(1, turn);
    const facing = r.pick(FACINGS);
    const gender = type === 'UNIT_WORKER' ? null : r.pick(['GENDER_MALE', 'GENDER_FEMALE']);
    const family = playerId === null ? null : r.pick(this.players[playerId].families);
    const promotions = r.sample(PROMOTIONS, r.int(0, 3));
    w.open('Unit', [
      ['ID', id],
      ['Type', type],
      ['Player', playerId ?? -1],
      ['Tribe', tribe ?? 'NONE'],
      ['Seed', r.digits(19)],
    ]);
    w.leaf('Facing', facing);
    w.leaf('XP', xp);
    w.leaf('Level', level);
    w.leaf('CreateTurn', createTurn);
    w.leaf('TurnsSinceLastMove', r.int(0, 3));
    w.flags('Promotions', promotions);
    w.flag('PromotionsAvailable');
    w.leaf('OriginalPlayer', playerId ?? -1);
    if (gender) w.leaf('Gender', gender);
    w.map('PlayerFamily', playerId === null || family === null ? [] : [[`P.${playerId}`, family]]);
    w.flag('QueueList');
    w.flag('AI');
    w.close('Unit');
    this.unitIds.push(id);
    s.units.push({ id, tileId, type, playerId, tribe, xp, level, createTurn, facing, originalPlayerId: playerId, gender, family });
    for (const promotion of promotions) s.unitPromotions.push({ unitId: id, promotion });
  }
}

function nullNone(v: string | null): string | null {
  return v === null || v === '' || v === 'None' ? null : v;
}
