/**
 * Deterministic `ParsedSave` builder for the store's tests and bench.
 *
 * `typical` mirrors the shape of a real five-player, year-120 save (see
 * docs in /work/shared/old-world-save-format.md): 5 players, ~450 characters,
 * a 74 x 74 map with ~2,700 owned tiles, ~43 cities, ~300 units, sparse
 * histories over ~120 turns, several hundred log and memory entries per
 * player: about 25,000 rows in all. `small` fills every list with a few rows
 * so round trips cover every table quickly.
 *
 * Same seed => same object, field for field; no clock, no Math.random.
 */
import { entity, listKeys, type ListKey, type Row } from '../../src/engine/model/catalogue.js';
import { emptySave } from '../../src/engine/reader/map/save.js';
import {
  countRows,
  type CharacterRow,
  type CityRow,
  type HistoryPointRow,
  type LogEntryRow,
  type MemoryRow,
  type ParsedSave,
  type PlayerRow,
  type PlayerValueRow,
  type TileRow,
  type UnitRow,
} from '../../src/engine/model/parsed-save.js';

export interface MakeSaveOptions {
  seed: number;
  scale: 'small' | 'typical';
  gameId?: string;
  turn?: number;
}

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
];
const YIELDS = [
  'YIELD_GROWTH',
  'YIELD_CIVICS',
  'YIELD_TRAINING',
  'YIELD_SCIENCE',
  'YIELD_MONEY',
  'YIELD_ORDERS',
  'YIELD_HAPPINESS',
  'YIELD_DISCONTENT',
  'YIELD_FOOD',
  'YIELD_IRON',
  'YIELD_STONE',
  'YIELD_WOOD',
  'YIELD_MAINTENANCE',
  'YIELD_CULTURE',
];
const FAMILIES = [
  'FAMILY_SARGONID',
  'FAMILY_TUDIYA',
  'FAMILY_ADASI',
  'FAMILY_ERISHUM',
  'FAMILY_BARCID',
  'FAMILY_MAGONID',
  'FAMILY_HANNONID',
  'FAMILY_DIDONIAN',
  'FAMILY_AMARNA',
  'FAMILY_THEBES',
  'FAMILY_SAITE',
  'FAMILY_RAMESSIDE',
  'FAMILY_ARGEAD',
  'FAMILY_CYPSELID',
  'FAMILY_ALCMAEONID',
  'FAMILY_HELLENE',
  'FAMILY_ACHAEMENID',
  'FAMILY_TIRIDATES',
  'FAMILY_ARSACID',
  'FAMILY_SASANID',
];
const FAMILY_CLASSES = [
  'FAMILYCLASS_CHAMPIONS',
  'FAMILYCLASS_HUNTERS',
  'FAMILYCLASS_PATRONS',
  'FAMILYCLASS_CLERICS',
  'FAMILYCLASS_SAGES',
  'FAMILYCLASS_STATESMEN',
  'FAMILYCLASS_LANDOWNERS',
  'FAMILYCLASS_TRADERS',
];
const RELIGIONS = [
  'RELIGION_PAGAN_ASSYRIA',
  'RELIGION_PAGAN_EGYPT',
  'RELIGION_ZOROASTRIANISM',
  'RELIGION_JUDAISM',
  'RELIGION_CHRISTIANITY',
  'RELIGION_MANICHAEISM',
];
const TRIBES = [
  'TRIBE_REBELS',
  'TRIBE_ANARCHY',
  'TRIBE_GAULS',
  'TRIBE_SCYTHIANS',
  'TRIBE_THRACIANS',
  'TRIBE_NUMIDIANS',
  'TRIBE_VANDALS',
  'TRIBE_DANES',
];
const TECHS = [
  'TECH_IRONWORKING',
  'TECH_STONECUTTING',
  'TECH_TRAPPING',
  'TECH_ADMINISTRATION',
  'TECH_RHETORIC',
  'TECH_DRAMA',
  'TECH_FORESTRY',
  'TECH_STEEL',
  'TECH_CITIZENSHIP',
  'TECH_COINAGE',
  'TECH_ARISTOCRACY',
  'TECH_LABOR_FORCE',
  'TECH_MILITARY_DRILL',
  'TECH_SPOKED_WHEEL',
  'TECH_METAPHYSICS',
  'TECH_PHALANX',
  'TECH_ARCHITECTURE',
  'TECH_HUSBANDRY',
  'TECH_POLIS',
  'TECH_NAVIGATION',
  'TECH_SOVEREIGNTY',
  'TECH_SCHOLARSHIP',
  'TECH_MONASTICISM',
  'TECH_LAND_CONSOLIDATION',
  'TECH_JURISPRUDENCE',
  'TECH_MARTIAL_CODE',
  'TECH_MANOR',
  'TECH_COHORTS',
  'TECH_BALLISTICS',
  'TECH_PORTCULLIS',
  'TECH_CARTOGRAPHY',
  'TECH_VAULTING',
  'TECH_BATTLELINE',
  'TECH_INFANTRY_SQUARE',
  'TECH_MILITARY_DRILL_II',
  'TECH_HYDRAULICS',
  'TECH_CONSTRUCTION',
  'TECH_ENGINEERING',
  'TECH_WINDLASS',
  'TECH_BODKIN_ARROW',
];
const UNIT_TYPES = [
  'UNIT_SETTLER',
  'UNIT_WORKER',
  'UNIT_SCOUT',
  'UNIT_WARRIOR',
  'UNIT_SPEARMAN',
  'UNIT_ARCHER',
  'UNIT_AXEMAN',
  'UNIT_SWORDSMAN',
  'UNIT_CHARIOT',
  'UNIT_HORSEMAN',
  'UNIT_CATAPULT',
  'UNIT_BALLISTA',
  'UNIT_LIGHT_CHARIOT',
  'UNIT_CROSSBOWMAN',
  'UNIT_HOPLITE',
  'UNIT_BIREME',
];
const PROJECTS = [
  'PROJECT_FESTIVAL',
  'PROJECT_ARCHIVE_1',
  'PROJECT_ARCHIVE_2',
  'PROJECT_TREASURY_1',
  'PROJECT_WALLS',
  'PROJECT_FORUM_1',
  'PROJECT_HUNT',
  'PROJECT_ROYAL_VISIT',
];
const LAW_CLASSES = [
  'LAWCLASS_ORDER',
  'LAWCLASS_EPICS_EXPLORATION',
  'LAWCLASS_SLAVERY_FREEDOM',
  'LAWCLASS_CENTRALIZATION_VASSALAGE',
  'LAWCLASS_TYRANNY_CONSTITUTION',
  'LAWCLASS_LABOR_FORCE',
  'LAWCLASS_COIN_DEBASEMENT',
  'LAWCLASS_MONOTHEISM_POLYTHEISM',
  'LAWCLASS_DIVINE_RULE',
  'LAWCLASS_PHILOSOPHY',
];
const RESOURCES = [
  'RESOURCE_HORSE',
  'RESOURCE_IRON',
  'RESOURCE_WINE',
  'RESOURCE_INCENSE',
  'RESOURCE_FUR',
  'RESOURCE_SILVER',
  'RESOURCE_GOLD',
  'RESOURCE_SALT',
  'RESOURCE_OLIVES',
  'RESOURCE_SHEEP',
  'RESOURCE_CATTLE',
  'RESOURCE_CAMEL',
  'RESOURCE_DYE',
  'RESOURCE_IVORY',
  'RESOURCE_FISH',
  'RESOURCE_CRABS',
  'RESOURCE_GAME',
  'RESOURCE_MARBLE',
  'RESOURCE_WHEAT',
  'RESOURCE_BARLEY',
  'RESOURCE_FIGS',
  'RESOURCE_PIGS',
  'RESOURCE_HONEY',
  'RESOURCE_POMEGRANATE',
  'RESOURCE_LAPIS',
];
const COUNCIL = ['COUNCIL_CHANCELLOR', 'COUNCIL_AMBASSADOR', 'COUNCIL_SPYMASTER', 'COUNCIL_GRAND_VIZIER', 'COUNCIL_TREASURER'];
const GOALS = [
  'GOAL_SIX_WONDERS',
  'GOAL_FOUR_CITIES',
  'GOAL_TEN_UNITS',
  'GOAL_CONVERT_CITY',
  'GOAL_LEGENDARY_CITY',
  'GOAL_HUNDRED_MONEY',
  'GOAL_STATE_RELIGION',
  'GOAL_TWO_LAWS',
];
const LOG_TYPES = [
  'TECH_DISCOVERED',
  'LAW_ADOPTED',
  'CITY_FOUNDED',
  'CHARACTER_BIRTH',
  'CHARACTER_DEATH',
  'GOAL_FINISHED',
  'GOAL_STARTED',
  'WONDER_COMPLETED',
  'UNIT_KILLED',
  'CITY_CAPTURED',
  'RELIGION_FOUNDED',
  'OCCURRENCE_STARTED',
  'OCCURENCE_ENDED',
];
const MEMORY_TYPES = [
  'MEMORYPLAYER_ATTACKED_CITY',
  'MEMORYPLAYER_GIFTED',
  'MEMORYFAMILY_FOUNDED_CITY',
  'MEMORYFAMILY_ANGERED',
  'MEMORYRELIGION_ADOPTED',
  'MEMORYTRIBE_RAIDED',
  'MEMORYCHARACTER_MARRIED',
  'MEMORYCHARACTER_INSULTED',
  'MEMORYCITY_CAPTURED',
];
const TRAITS = [
  'TRAIT_AMBITIOUS',
  'TRAIT_HUMBLE',
  'TRAIT_BOLD',
  'TRAIT_BRAVE',
  'TRAIT_CRUEL',
  'TRAIT_DECEITFUL',
  'TRAIT_ELOQUENT',
  'TRAIT_FRUGAL',
  'TRAIT_GENEROUS',
  'TRAIT_PIOUS',
  'TRAIT_SCHOLAR_ARCHETYPE',
  'TRAIT_COMMANDER_ARCHETYPE',
  'TRAIT_HERO_ARCHETYPE',
  'TRAIT_BUILDER_ARCHETYPE',
  'TRAIT_TACTICIAN_ARCHETYPE',
  'TRAIT_HEALTHY',
  'TRAIT_DRUNKARD',
  'TRAIT_SCARRED',
  'TRAIT_ROBUST',
  'TRAIT_SCHEMER_ARCHETYPE',
];
const RATINGS = ['RATING_STRENGTH', 'RATING_WISDOM', 'RATING_CHARISMA', 'RATING_DISCIPLINE'];
const RELATIONSHIPS = [
  'RELATIONSHIP_LOVES',
  'RELATIONSHIP_HATES',
  'RELATIONSHIP_PLOTTING_AGAINST',
  'RELATIONSHIP_TUTORED_BY',
  'RELATIONSHIP_FRIENDS',
  'RELATIONSHIP_RIVALS',
];
const FIRST_NAMES = [
  'Tiglath',
  'Hatshepsut',
  'Ashur',
  'Dido',
  'Hanno',
  'Cyrus',
  'Darius',
  'Nefertiti',
  'Ramesses',
  'Philip',
  'Olympias',
  'Atossa',
  'Semiramis',
  'Sargon',
  'Ishtar',
  'Hamilcar',
  'Sophonisba',
  'Xerxes',
  'Roxana',
  'Pericles',
  'Aspasia',
  'Themistocles',
  'Merneith',
  'Khufu',
  'Tanit',
  'Baal',
  'Elissa',
  'Mago',
];
const COGNOMENS = [
  'COGNOMEN_GREAT',
  'COGNOMEN_WISE',
  'COGNOMEN_CRUEL',
  'COGNOMEN_BOLD',
  'COGNOMEN_JUST',
  'COGNOMEN_BUILDER',
  'COGNOMEN_CONQUEROR',
  null,
  null,
  null,
];
const DEATH_REASONS = [
  'DEATHREASON_OLD_AGE',
  'DEATHREASON_BATTLE',
  'DEATHREASON_ILLNESS',
  'DEATHREASON_ASSASSINATED',
  'DEATHREASON_EXECUTED',
];
const TERRAINS = [
  'TERRAIN_TEMPERATE',
  'TERRAIN_ARID',
  'TERRAIN_LUSH',
  'TERRAIN_WATER',
  'TERRAIN_MARSH',
  'TERRAIN_TUNDRA',
  'TERRAIN_SAND',
  'TERRAIN_URBAN',
];
const HEIGHTS = ['HEIGHT_FLAT', 'HEIGHT_HILL', 'HEIGHT_MOUNTAIN', 'HEIGHT_OCEAN', 'HEIGHT_COAST', 'HEIGHT_LAKE'];
const VEGETATION = ['VEGETATION_TREES', 'VEGETATION_SCRUB', 'VEGETATION_THICKET', null, null];
const IMPROVEMENTS = [
  'IMPROVEMENT_FARM',
  'IMPROVEMENT_MINE',
  'IMPROVEMENT_QUARRY',
  'IMPROVEMENT_LUMBERMILL',
  'IMPROVEMENT_PASTURE',
  'IMPROVEMENT_GARRISON_1',
  'IMPROVEMENT_SHRINE_ZEUS',
  'IMPROVEMENT_HAMLET',
  'IMPROVEMENT_VILLAGE',
  'IMPROVEMENT_NETS',
];
const SPECIALISTS = [
  'SPECIALIST_FARMER',
  'SPECIALIST_MINER',
  'SPECIALIST_STONECUTTER',
  'SPECIALIST_WOODCUTTER',
  'SPECIALIST_RANCHER',
  'SPECIALIST_POET_1',
  'SPECIALIST_SCHOLAR_1',
];
const CULTURE = ['CULTURE_WEAK', 'CULTURE_DEVELOPING', 'CULTURE_STRONG', 'CULTURE_ESTABLISHED', 'CULTURE_LEGENDARY'];
const PROMOTIONS = [
  'PROMOTION_FIERCE',
  'PROMOTION_GUARD',
  'PROMOTION_STRIKE1',
  'PROMOTION_STRIKE2',
  'PROMOTION_FORTIFY',
  'PROMOTION_ROUT',
  'PROMOTION_MARCH',
  'PROMOTION_HEALER',
];
const FACINGS = ['DIRECTION_NE', 'DIRECTION_E', 'DIRECTION_SE', 'DIRECTION_SW', 'DIRECTION_W', 'DIRECTION_NW'];
const CITY_NAMES = [
  'CITYNAME_NINEVEH',
  'CITYNAME_ASSUR',
  'CITYNAME_NIMRUD',
  'CITYNAME_CARTHAGE',
  'CITYNAME_UTICA',
  'CITYNAME_THEBES',
  'CITYNAME_MEMPHIS',
  'CITYNAME_PERSEPOLIS',
  'CITYNAME_SUSA',
  'CITYNAME_ATHENS',
  'CITYNAME_SPARTA',
  'CITYNAME_ROME',
];
const DIPLOMACY = ['DIPLOMACY_WAR', 'DIPLOMACY_PEACE', 'DIPLOMACY_TRUCE', 'DIPLOMACY_TEAM', 'DIPLOMACY_ALLIANCE'];
const PLAYER_NAMES = ['Tiglath', 'Hatshepsut', 'Mirela', 'Otto der Große', 'Zhōu 周', 'Ana-Lúcia', "O'Brien", 'Mehmet'];

/** mulberry32: small, fast, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A row whose nullable fields may be left out: they are null. A column added
 * to the catalogue then needs no edit here (fill it in when a test wants a
 * value in it).
 */
type Loose<R> = { [K in keyof R as null extends R[K] ? never : K]: R[K] } & { [K in keyof R as null extends R[K] ? K : never]?: R[K] };
type LooseSave = Pick<ParsedSave, 'meta'> & { [L in ListKey]: Loose<Row<L>>[] };

/** The save with every field a row left out set to null. */
function completed(save: LooseSave): ParsedSave {
  for (const list of listKeys) {
    const nullable = Object.entries(entity(list).fields)
      .filter(([, d]) => d.nullable)
      .map(([f]) => f);
    for (const row of save[list] as Record<string, unknown>[]) for (const f of nullable) if (row[f] === undefined) row[f] = null;
  }
  return save as ParsedSave;
}

export function makeParsedSave(opts: MakeSaveOptions): ParsedSave {
  const r = rng(opts.seed * 2654435761 + 17);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const typical = opts.scale === 'typical';

  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
  const gameId = opts.gameId ?? `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const turn = opts.turn ?? (typical ? int(110, 130) : int(10, 20));
  const nPlayers = typical ? 5 : 2;
  const mapWidth = typical ? 74 : 12;
  const nTiles = mapWidth * mapWidth;
  const nCharacters = typical ? 450 : 12;
  const nCities = typical ? 43 : 3;
  const nUnits = typical ? 300 : 6;

  const save: LooseSave = emptySave({
    gameId,
    gameName: `Game ${opts.seed} — ${pick(FIRST_NAMES)} vs ${pick(FIRST_NAMES)}`,
    turn,
    saveDate: `${int(1, 28)} September 2025`,
    version: `1.0.${int(70000, 80000)}`,
    mods: chance(0.5) ? ['name-every-child', 'dynamicUnits'] : [],
    dlc: ['DLC_BEHIND_THE_THRONE', 'DLC_HEROES_OF_AEGEAN', 'DLC_THE_SACRED_AND_THE_PROFANE'].slice(0, int(0, 3)),
    mapWidth,
    mapClass: 'MAPCLASS_CoastalRainBasin',
    mapSize: typical ? 'MAPSIZE_MEDIUM' : 'MAPSIZE_SMALLEST',
    mapAspectRatio: 'MAPASPECTRATIO_SQUARE',
    gameMode: chance(0.5) ? 'NETWORK' : 'SINGLE_PLAYER',
    turnStyle: 'TURNSTYLE_TIGHT',
    difficulty: pick(['DIFFICULTY_NOBLE', 'DIFFICULTY_MAGNIFICENT', 'DIFFICULTY_GREAT']),
    settings: {
      FirstSeed: String(int(1, 2 ** 31)),
      MapSeed: String(int(1, 2 ** 31)),
      OpponentLevel: 'OPPONENTLEVEL_PEACEFUL',
      TribeLevel: 'TRIBELEVEL_NORMAL',
      Development: 'DEVELOPMENT_NONE',
      Mortality: 'MORTALITY_NORMAL',
      VictoryPointModifier: 'VICTORYPOINT_NORMAL',
    },
    victoryEnabled: ['VICTORY_POINTS', 'VICTORY_DOUBLE', 'VICTORY_AMBITION'],
    gameOver: false,
    winner: null,
    activePlayer: 0,
    xmlBytes: typical ? int(20_000_000, 30_000_000) : int(100_000, 200_000),
  });
  if (chance(typical ? 0.3 : 0.5)) {
    save.meta.gameOver = true;
    save.meta.winner = { team: int(0, nPlayers - 1), playerId: null, victory: 'VICTORY_POINTS' };
  }

  // Characters first: players point at rulers, cities at governors.
  for (let id = 0; id < nCharacters; id++) {
    const dead = chance(0.35);
    const birthTurn = int(-30, turn);
    const c: Loose<CharacterRow> = {
      id,
      playerId: chance(0.9) ? id % nPlayers : null,
      firstName: pick(FIRST_NAMES),
      gender: chance(0.5) ? 'GENDER_MALE' : 'GENDER_FEMALE',
      birthTurn,
      deathTurn: dead ? Math.min(turn, birthTurn + int(1, 80)) : null,
      deathReason: dead ? pick(DEATH_REASONS) : null,
      nameType: chance(0.3) ? `NAME_${pick(FIRST_NAMES).toUpperCase()}` : null,
      cognomen: pick(COGNOMENS),
      level: int(1, 8),
      xp: int(0, 400),
      family: chance(0.8) ? pick(FAMILIES) : null,
      tribe: chance(0.05) ? pick(TRIBES) : null,
      religion: chance(0.6) ? pick(RELIGIONS) : null,
      nation: pick(NATIONS),
      fatherId: id > 10 && chance(0.7) ? int(0, nCharacters - 1) : null,
      motherId: id > 10 && chance(0.7) ? int(0, nCharacters - 1) : null,
      birthCityId: chance(0.6) ? int(0, nCities - 1) : null,
      infertile: chance(0.05),
    };
    save.characters.push(c);
    const traitCount = typical ? int(2, 4) : 2;
    const traits = new Set<string>();
    while (traits.size < traitCount) traits.add(pick(TRAITS));
    for (const trait of traits) save.characterTraits.push({ characterId: id, trait, turn: chance(0.8) ? int(birthTurn, turn) : null });
    for (const rating of RATINGS) save.characterRatings.push({ characterId: id, rating, value: int(0, 8) });
    const rels = new Set<string>();
    const relCount = typical ? int(0, 2) : 1;
    while (rels.size < relCount) rels.add(pick(RELATIONSHIPS));
    for (const type of rels)
      save.characterRelationships.push({
        characterId: id,
        type,
        otherId: chance(0.9) ? int(0, nCharacters - 1) : null,
        turn: chance(0.8) ? int(1, turn) : null,
      });
    if (chance(typical ? 0.33 : 0.5))
      save.characterSpouses.push({ characterId: id, spouseId: (id + 1 + int(0, nCharacters - 2)) % nCharacters });
  }

  const familiesByPlayer: string[][] = [];
  for (let p = 0; p < nPlayers; p++) {
    const human = p === 0 || (typical && p === 1);
    const leaders = Array.from({ length: typical ? int(2, 6) : 2 }, () => int(0, nCharacters - 1));
    const row: Loose<PlayerRow> = {
      id: p,
      name: human ? PLAYER_NAMES[(opts.seed + p) % PLAYER_NAMES.length]! : null,
      onlineId: human && save.meta.gameMode === 'NETWORK' ? String(76561197960265728n + BigInt(int(1, 1e9))) : null,
      nation: NATIONS[(opts.seed + p * 3) % NATIONS.length]!,
      dynasty: `DYNASTY_${pick(FIRST_NAMES).toUpperCase()}`,
      team: p,
      isHuman: human,
      aiControlledToTurn: human ? 0 : 2147483647,
      language: human ? 'LANGUAGE_ENGLISH' : null,
      legitimacy: int(20, 250),
      timeStockpile: chance(0.5) ? int(0, 600) : null,
      techResearching: pick(TECHS),
      stateReligion: chance(0.6) ? pick(RELIGIONS) : null,
      founderCharacterId: leaders[0]!,
      chosenHeirId: chance(0.7) ? int(0, nCharacters - 1) : null,
      originalCapitalCityId: p < nCities ? p : null,
      rulerCharacterId: leaders[leaders.length - 1]!,
    };
    save.players.push(row);
    leaders.forEach((characterId, ordinal) => save.playerLeaders.push({ playerId: p, ordinal, characterId }));

    const values: PlayerValueRow[] = [];
    for (const y of YIELDS) values.push({ playerId: p, kind: 'yield_stockpile', key: y, value: int(0, 50000) });
    const techs = typical ? TECHS : TECHS.slice(0, 4);
    for (const t of techs) values.push({ playerId: p, kind: 'tech_progress', key: t, value: int(0, 3000) });
    for (const t of techs) values.push({ playerId: p, kind: 'tech_count', key: t, value: int(0, 2) });
    for (const u of typical ? UNIT_TYPES : UNIT_TYPES.slice(0, 3))
      values.push({ playerId: p, kind: 'units_produced', key: u, value: int(0, 30) });
    for (const pr of typical ? PROJECTS : PROJECTS.slice(0, 2))
      values.push({ playerId: p, kind: 'projects_produced', key: pr, value: int(0, 9) });
    for (const lc of (typical ? LAW_CLASSES : LAW_CLASSES.slice(0, 2)).slice(0, 6))
      values.push({ playerId: p, kind: 'law_class_change_count', key: lc, value: int(0, 4) });
    for (const res of typical ? RESOURCES : RESOURCES.slice(0, 3))
      values.push({ playerId: p, kind: 'resource_revealed', key: res, value: int(0, turn) });
    save.playerValues.push(...values);

    for (const lawClass of typical ? LAW_CLASSES.slice(0, 8) : LAW_CLASSES.slice(0, 2)) {
      save.playerLaws.push({ playerId: p, lawClass, law: lawClass.replace('LAWCLASS_', 'LAW_') + (chance(0.5) ? '_A' : '_B') });
    }
    for (const position of typical ? COUNCIL : COUNCIL.slice(0, 2))
      save.playerCouncil.push({ playerId: p, position, characterId: int(0, nCharacters - 1) });

    const fams = FAMILIES.slice(p * 4, p * 4 + (typical ? 4 : 3));
    familiesByPlayer.push(fams);
    for (const family of fams) {
      save.playerFamilies.push({
        playerId: p,
        family,
        headCharacterId: int(0, nCharacters - 1),
        seatCityId: chance(0.8) ? int(0, nCities - 1) : null,
      });
    }
    const goals = typical ? 15 : 3;
    for (let g = 0; g < goals; g++) {
      const started = int(1, turn);
      const finished = chance(0.5) ? int(started, turn) : null;
      save.playerGoals.push({
        playerId: p,
        ordinal: g,
        type: pick(GOALS),
        startedTurn: started,
        finishedTurn: finished,
        failed: finished === null && chance(0.3),
      });
    }

    // Sparse histories: a point only where the value changed.
    const series: [HistoryPointRow['series'], string, number][] = [
      ['points', '', 0.65],
      ['military_power', '', 0.6],
      ['legitimacy', '', 0.4],
    ];
    for (const y of typical ? YIELDS : YIELDS.slice(0, 2)) series.push(['yield_rate', y, 0.3], ['yield_total', y, 0.3]);
    for (const f of fams) series.push(['family_opinion', f, 0.12]);
    for (const rel of typical ? RELIGIONS.slice(0, 3) : RELIGIONS.slice(0, 1)) series.push(['religion_opinion', rel, 0.1]);
    for (const [name, key, density] of series) {
      let value = int(0, 100);
      for (let t = 1; t <= turn; t++) {
        if (t > 1 && !chance(density)) continue;
        value += int(-5, 40);
        save.history.push({ playerId: p, series: name, key, turn: t, value });
      }
    }

    const logs = typical ? int(280, 320) : 4;
    for (let i = 0; i < logs; i++) {
      const type = pick(LOG_TYPES);
      const tech = pick(TECHS);
      const e: Loose<LogEntryRow> = {
        playerId: p,
        ordinal: i,
        type,
        text:
          type === 'TECH_DISCOVERED'
            ? `Discovered <link="HELP_LINK,HELP_TECH,${tech}">${tech.slice(5).toLowerCase()}</link>`
            : `<color=#e3c175><link="HELP_LINK,HELP_CHARACTER,${int(0, nCharacters - 1)}">${pick(FIRST_NAMES)}</link></color> ${type.toLowerCase().replace(/_/g, ' ')} in <link="HELP_LINK,HELP_CITY,${int(0, nCities - 1)}">${pick(CITY_NAMES).slice(9)}</link>`,
        data1: chance(0.7) ? tech : null,
        data2: chance(0.4) ? String(int(0, 500)) : null,
        data3: chance(0.1) ? pick(FAMILIES) : null,
        turn: Math.min(turn, Math.floor((i * turn) / logs) + 1),
        teamTurn: chance(0.5) ? int(0, 3) : null,
      };
      save.logEntries.push(e);
    }
    const mems = typical ? int(180, 220) : 3;
    for (let i = 0; i < mems; i++) {
      const kinds = ['player', 'family', 'religion', 'tribe', 'character', 'city'] as const;
      const subjectKind = chance(0.95) ? pick(kinds) : null;
      const m: Loose<MemoryRow> = {
        playerId: p,
        ordinal: i,
        type: pick(MEMORY_TYPES),
        turn: chance(0.95) ? int(1, turn) : null,
        subjectKind,
        subject:
          subjectKind === null
            ? null
            : subjectKind === 'family'
              ? pick(FAMILIES)
              : subjectKind === 'religion'
                ? pick(RELIGIONS)
                : subjectKind === 'tribe'
                  ? pick(TRIBES)
                  : subjectKind === 'player'
                    ? pick(NATIONS)
                    : String(int(0, subjectKind === 'city' ? nCities - 1 : nCharacters - 1)),
      };
      save.memories.push(m);
    }
  }

  // Map: ~half of the land owned, cities on owned tiles.
  const owner: (number | null)[] = [];
  for (let id = 0; id < nTiles; id++) {
    const x = id % mapWidth;
    const y = Math.floor(id / mapWidth);
    // Players own compact regions: a coarse grid of blocks, about half owned.
    const block = Math.floor(x / (mapWidth / 4)) + 4 * Math.floor(y / (mapWidth / 4));
    const ownedBlock = block % 2 === 0 || block % 5 === 0;
    const own = ownedBlock && chance(typical ? 0.82 : 0.9) ? block % nPlayers : null;
    owner.push(own);
  }
  const cityTiles: number[] = [];
  for (let c = 0; c < nCities; c++) {
    let tileId = int(0, nTiles - 1);
    while (owner[tileId] === null || cityTiles.includes(tileId)) tileId = (tileId + 7) % nTiles;
    cityTiles.push(tileId);
  }
  for (let id = 0; id < nTiles; id++) {
    const water = chance(0.18);
    const own = owner[id]!;
    const t: Loose<TileRow> = {
      id,
      x: id % mapWidth,
      y: Math.floor(id / mapWidth),
      terrain: water ? 'TERRAIN_WATER' : pick(TERRAINS),
      height: water ? 'HEIGHT_OCEAN' : pick(HEIGHTS),
      vegetation: water ? null : pick(VEGETATION),
      resource: chance(0.08) ? pick(RESOURCES) : null,
      improvement: own !== null && chance(0.35) ? pick(IMPROVEMENTS) : null,
      improvementPillaged: chance(0.01),
      specialist: own !== null && chance(0.05) ? pick(SPECIALISTS) : null,
      road: own !== null && chance(0.2),
      riverW: chance(0.06),
      riverSW: chance(0.06),
      riverSE: chance(0.06),
      cityId:
        own !== null
          ? cityTiles.findIndex((ct) => Math.abs(ct - id) < 3) >= 0
            ? cityTiles.findIndex((ct) => Math.abs(ct - id) < 3)
            : int(0, nCities - 1)
          : null,
      tribeSite: own === null && chance(0.01) ? pick(TRIBES) : null,
      religion: chance(0.03) ? pick(RELIGIONS) : null,
      ownerPlayerId: own,
    };
    save.tiles.push(t);
    // Owner history: owned tiles always have one point; some changed hands;
    // some unowned tiles were owned once.
    if (own !== null) {
      const first = int(1, turn);
      if (chance(0.2)) {
        const other = (own + 1) % nPlayers;
        save.tileOwnerHistory.push({ tileId: id, turn: first, playerId: other });
        save.tileOwnerHistory.push({ tileId: id, turn: int(first + 1, turn + 1), playerId: own });
      } else {
        save.tileOwnerHistory.push({ tileId: id, turn: first, playerId: own });
      }
    } else if (chance(0.05)) {
      const first = int(1, turn - 1);
      save.tileOwnerHistory.push({ tileId: id, turn: first, playerId: int(0, nPlayers - 1) });
      save.tileOwnerHistory.push({ tileId: id, turn: int(first + 1, turn), playerId: null });
    }
  }

  for (let id = 0; id < nCities; id++) {
    const playerId = chance(0.97) ? owner[cityTiles[id]!]! : null;
    const c: Loose<CityRow> = {
      id,
      tileId: cityTiles[id]!,
      playerId,
      family: playerId === null ? null : pick(familiesByPlayer[playerId]!),
      foundedTurn: int(1, turn),
      name: pick(CITY_NAMES),
      governorId: chance(0.5) ? int(0, nCharacters - 1) : null,
      citizens: int(1, 20),
      growthCount: int(0, 300),
      capital: id < nPlayers,
      firstPlayerId: playerId,
      lastPlayerId: chance(0.1) ? int(0, nPlayers - 1) : playerId,
      hurryCivicsCount: int(0, 5),
      hurryMoneyCount: int(0, 5),
      hurryTrainingCount: int(0, 5),
      hurryPopulationCount: int(0, 5),
      specialistProducedCount: int(0, 12),
    };
    save.cities.push(c);
    for (const rel of RELIGIONS.slice(0, typical ? int(0, 3) : 1)) save.cityReligions.push({ cityId: id, religion: rel });
    for (let team = 0; team < (typical ? int(1, 3) : 1); team++) save.cityCulture.push({ cityId: id, team, level: pick(CULTURE) });
    for (const y of YIELDS.slice(0, typical ? 6 : 2))
      save.cityValues.push({ cityId: id, kind: 'yield_progress', key: y, value: int(0, 2000) });
    for (const pr of PROJECTS.slice(0, typical ? 3 : 1))
      save.cityValues.push({ cityId: id, kind: 'project_count', key: pr, value: int(0, 4) });
    for (const u of UNIT_TYPES.slice(0, typical ? 4 : 1))
      save.cityValues.push({ cityId: id, kind: 'unit_production', key: u, value: int(0, 12) });
    for (let team = 0; team < (typical ? 2 : 1); team++)
      save.cityValues.push({ cityId: id, kind: 'happiness_level', key: String(team), value: int(-3, 5) });
  }

  for (let id = 0; id < nUnits; id++) {
    const tribal = chance(0.1);
    const playerId = tribal ? null : int(0, nPlayers - 1);
    const u: Loose<UnitRow> = {
      id: 1000 + id * 3,
      tileId: int(0, nTiles - 1),
      type: pick(UNIT_TYPES),
      playerId,
      tribe: tribal ? pick(TRIBES) : null,
      xp: int(0, 200),
      level: int(1, 5),
      createTurn: int(1, turn),
      facing: pick(FACINGS),
      originalPlayerId: playerId,
      gender: chance(0.1) ? 'GENDER_FEMALE' : null,
      family: playerId === null ? null : pick(familiesByPlayer[playerId]!),
    };
    save.units.push(u);
    const promos = new Set<string>();
    const n = typical ? (chance(0.5) ? int(1, 3) : 0) : 1;
    while (promos.size < n) promos.add(pick(PROMOTIONS));
    for (const promotion of promos) save.unitPromotions.push({ unitId: u.id, promotion });
  }

  familiesByPlayer.forEach((fams, p) => {
    for (const family of fams) {
      save.families.push({
        family,
        playerId: p,
        familyClass: pick(FAMILY_CLASSES),
        seatCityId: chance(0.8) ? int(0, nCities - 1) : null,
        headCharacterId: int(0, nCharacters - 1),
      });
    }
  });
  for (const religion of typical ? RELIGIONS : RELIGIONS.slice(0, 2)) {
    const founded = chance(0.7);
    save.religions.push({
      religion,
      founderPlayerId: founded ? int(0, nPlayers - 1) : null,
      headCharacterId: founded && chance(0.7) ? int(0, nCharacters - 1) : null,
      holyCityId: founded ? int(0, nCities - 1) : null,
      foundedTurn: founded ? int(1, turn) : null,
    });
  }
  for (const tribe of typical ? TRIBES : TRIBES.slice(0, 2)) {
    save.tribes.push({
      tribe,
      leaderCharacterId: chance(0.4) ? int(0, nCharacters - 1) : null,
      alliedPlayerId: chance(0.15) ? int(0, nPlayers - 1) : null,
    });
  }
  for (let a = 0; a < nPlayers; a++) {
    for (let b = a + 1; b < nPlayers; b++) save.diplomacy.push({ kind: 'team', a: String(a), b: String(b), state: pick(DIPLOMACY) });
  }
  for (const tribe of typical ? TRIBES : TRIBES.slice(0, 2)) {
    for (let team = 0; team < nPlayers; team++) save.diplomacy.push({ kind: 'tribe', a: tribe, b: String(team), state: pick(DIPLOMACY) });
  }
  // The market's prices: sparse like the histories, a point only where the price moved.
  for (const y of typical ? ['YIELD_FOOD', 'YIELD_IRON', 'YIELD_STONE', 'YIELD_WOOD'] : ['YIELD_FOOD']) {
    let price = int(400, 2000);
    for (let t = 1; t <= turn; t++) {
      if (t > 1 && !chance(0.4)) continue;
      price = Math.max(100, price + int(-150, 150));
      save.yieldPrices.push({ yield: y, turn: t, price });
    }
  }
  return completed(save);
}

/** Total rows of a save (every list), as the bench reports it. */
export function totalRows(save: ParsedSave): number {
  return Object.values(countRows(save)).reduce((a, b) => a + b, 0);
}
