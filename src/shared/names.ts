/**
 * The names a player knows for the save's keys, one function per key family
 * (`NATION_EGYPT` -> "Egypt", `NAME_HELDICA` + `COGNOMEN_GREAT` -> "Heldica
 * the Great", `SINGLE_PLAYER` -> "Single player"). The generic rule strips
 * the family's prefix and title-cases the rest; the curated tables hold the
 * names that rule gets wrong. Pure, no Node: the renderer, the CLI and the
 * engine all use it.
 */

/** Words kept lower case inside a title ("Behind the Throne"). */
const smallWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/**
 * Markers the game's designers put inside keys for the DLC a variant came
 * with (`..._BTT` for Behind the Throne): not part of the name a player sees.
 */
const dlcMarkers = new Set(['btt']);

/** Every key family's prefix, so an unknown key loses only a prefix it is known to carry. */
export const keyPrefixes = [
  'NATION',
  'DYNASTY',
  'NAME',
  'COGNOMEN',
  'CITYNAME',
  'FAMILY',
  'FAMILYCLASS',
  'LAW',
  'LAWCLASS',
  'TECH',
  'YIELD',
  'VICTORY',
  'DIFFICULTY',
  'MAPSIZE',
  'MAPCLASS',
  'MAPASPECT',
  'DLC',
  'TRIBE',
  'RELIGION',
  'THEOLOGY',
  'TRAIT',
  'ARCHETYPE',
  'UNIT',
  'IMPROVEMENT',
  'RESOURCE',
  'TERRAIN',
  'HEIGHT',
  'VEGETATION',
  'SPECIALIST',
  'PROJECT',
  'GOAL',
  'CULTURE',
  'RATING',
  'GENDER',
  'DEVELOPMENT',
  'TURNSTYLE',
  'TURNSCALE',
  'MORTALITY',
  'GAMEOPTION',
  'OPINIONFAMILY',
  'OPINIONRELIGION',
  'PROMOTION',
  'COUNCIL',
  'JOB',
  'EFFECTUNIT',
  'LEVEL',
  'DIPLOMACY',
] as const;
const prefixSet = new Set<string>(keyPrefixes);

/**
 * Words of a key without its prefix: `MAPCLASS_CoastalRainBasin` ->
 * ["coastal", "rain", "basin"]; CamelCase split, DLC markers dropped.
 */
function words(key: string, prefix: string | null): string[] {
  let rest = key;
  if (prefix !== null && rest.startsWith(`${prefix}_`) && rest.length > prefix.length + 1) rest = rest.slice(prefix.length + 1);
  const all = rest
    .split(/[_\s]+/)
    .flatMap((w) => (/[a-z]/.test(w) && /[A-Z]/.test(w.slice(1)) ? w.split(/(?<=[a-z0-9])(?=[A-Z])/) : [w]))
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const kept = all.filter((w) => !dlcMarkers.has(w));
  // A key made only of a marker keeps it: a name is never left empty.
  return kept.length > 0 ? kept : all;
}

function titleCase(ws: string[]): string {
  return ws.map((w, i) => (i > 0 && smallWords.has(w) ? w : cap(w))).join(' ');
}

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The family's prefix stripped and the rest title-cased, or a curated name. */
function named(key: string | null | undefined, prefix: string, curated: Record<string, string> = {}, fallback = '—'): string {
  if (!key) return fallback;
  const exact = curated[key];
  if (exact !== undefined) return exact;
  if (!key.startsWith(`${prefix}_`)) return looksLikeKey(key) ? displayName(key) : key;
  return titleCase(words(key, prefix)) || key;
}

/** `SOME_KEY` rather than text a player typed ("New Carthage"). */
function looksLikeKey(value: string): boolean {
  return /^[A-Z0-9]+(?:_[A-Za-z0-9]+)+$/.test(value);
}

/**
 * Any key of a family not known at the call: strips the prefix only when it
 * is a known key family's (`NATION_PERSIA` -> "Persia"), so no meaningful
 * word is lost (`SINGLE_PLAYER` -> "Single Player", `NETWORK` -> "Network").
 */
export function displayName(value: string | null | undefined): string {
  if (!value) return '—';
  const head = /^([A-Z0-9]+)_./.exec(value)?.[1] ?? null;
  const ws = words(value, head !== null && prefixSet.has(head) ? head : null);
  return ws.length > 0 ? titleCase(ws) : value;
}

// ------------------------------------------------------------------ nations

/** Nations whose name or adjective the generic rule gets wrong. */
const nations: Record<string, { name: string; adjective: string }> = {
  NATION_ASSYRIA: { name: 'Assyria', adjective: 'Assyrian' },
  NATION_BABYLONIA: { name: 'Babylonia', adjective: 'Babylonian' },
  NATION_CARTHAGE: { name: 'Carthage', adjective: 'Carthaginian' },
  NATION_EGYPT: { name: 'Egypt', adjective: 'Egyptian' },
  NATION_GREECE: { name: 'Greece', adjective: 'Greek' },
  NATION_PERSIA: { name: 'Persia', adjective: 'Persian' },
  NATION_ROME: { name: 'Rome', adjective: 'Roman' },
  // The game calls the Hittite nation by its own name for its land.
  NATION_HITTITE: { name: 'Hatti', adjective: 'Hittite' },
  NATION_KUSH: { name: 'Kush', adjective: 'Kushite' },
  NATION_AKSUM: { name: 'Aksum', adjective: 'Aksumite' },
  NATION_MAURYA: { name: 'Maurya', adjective: 'Mauryan' },
  NATION_TAMIL: { name: 'Tamil', adjective: 'Tamil' },
  NATION_YUEZHI: { name: 'Yuezhi', adjective: 'Yuezhi' },
};

/** `NATION_EGYPT` -> "Egypt"; a missing nation reads "No nation" rather than a dash in sentences. */
export function nationName(nation: string | null | undefined): string {
  if (!nation) return 'No nation';
  return nations[nation]?.name ?? named(nation, 'NATION');
}

/** `NATION_EGYPT` -> "Egyptian"; an uncurated nation's adjective is its name ("Tamil"). */
export function nationAdjective(nation: string | null | undefined): string {
  if (!nation) return '—';
  return nations[nation]?.adjective ?? named(nation, 'NATION');
}

/** `DYNASTY_SARGONID` -> "Sargonid". */
export function dynastyName(dynasty: string | null | undefined): string {
  return named(dynasty, 'DYNASTY');
}

// --------------------------------------------------------------- characters

/**
 * A character's first name with the cognomen the save gives them:
 * `NAME_HELDICA` + `COGNOMEN_GREAT` -> "Heldica the Great". A first name the
 * save writes as text (a player-chosen one) is shown as it is.
 */
export function characterName(firstName: string | null | undefined, cognomen?: string | null): string {
  if (!firstName) return '—';
  const first = named(firstName, 'NAME');
  const title = cognomen ? cognomenName(cognomen) : null;
  return title ? `${first} ${title}` : first;
}

/** `COGNOMEN_GREAT` -> "the Great", as it follows a name. */
export function cognomenName(cognomen: string | null | undefined): string | null {
  if (!cognomen) return null;
  if (!cognomen.startsWith('COGNOMEN_')) return looksLikeKey(cognomen) ? displayName(cognomen) : cognomen;
  const ws = words(cognomen, 'COGNOMEN');
  return ws[0] === 'the' ? titleCase(ws).replace(/^The/, 'the') : `the ${titleCase(ws)}`;
}

// ---------------------------------------------------- places, groups, ideas

/** `CITYNAME_NINEVEH` -> "Nineveh"; a city the player renamed is its text. */
export function cityName(city: string | null | undefined): string {
  return named(city, 'CITYNAME');
}

/** `FAMILY_BARCID` -> "Barcid". */
export function familyName(family: string | null | undefined): string {
  return named(family, 'FAMILY');
}

/** `TRIBE_GAULS` -> "Gauls". */
export function tribeName(tribe: string | null | undefined): string {
  return named(tribe, 'TRIBE');
}

/** `RELIGION_ZOROASTRIANISM` -> "Zoroastrianism". */
export function religionName(religion: string | null | undefined): string {
  return named(religion, 'RELIGION');
}

/** `LAW_SLAVERY` -> "Slavery". */
export function lawName(law: string | null | undefined): string {
  return named(law, 'LAW');
}

/** `TECH_IRONWORKING` -> "Ironworking". */
export function techName(tech: string | null | undefined): string {
  return named(tech, 'TECH');
}

/** `YIELD_ORDERS` -> "Orders". */
export function yieldName(yieldKey: string | null | undefined): string {
  return named(yieldKey, 'YIELD');
}

// ----------------------------------------------------------------- victories

/** The victory's own word, as in "Victory (Conquest)" or "won by Conquest". */
const victories: Record<string, string> = {
  VICTORY_POINTS: 'Points',
  VICTORY_DOUBLE: 'Double points',
  VICTORY_AMBITION: 'Ambition',
  VICTORY_TIME: 'Time',
  VICTORY_CONQUEST: 'Conquest',
  VICTORY_ALLIANCE: 'Alliance',
};

/** `VICTORY_CONQUEST` -> "Conquest", for "Victory (Conquest)". */
export function victoryKind(victory: string | null | undefined): string {
  if (!victory) return '—';
  return victories[victory] ?? titleCase(words(victory, victory.startsWith('VICTORY_') ? 'VICTORY' : null));
}

/** `VICTORY_CONQUEST` -> "Conquest victory". */
export function victoryName(victory: string | null | undefined): string {
  if (!victory) return '—';
  return `${victoryKind(victory)} victory`;
}

// ------------------------------------------------------------------ settings

/** `GameMode` values: the game's own words for them. */
const gameModes: Record<string, string> = {
  SINGLE_PLAYER: 'Single player',
  NETWORK: 'Multiplayer',
  HOTSEAT: 'Hotseat',
  PLAY_BY_CLOUD: 'Play by cloud',
  CLOUD: 'Play by cloud',
  SERVER: 'Multiplayer (server)',
};

/** `SINGLE_PLAYER` -> "Single player", `NETWORK` -> "Multiplayer". */
export function gameModeName(mode: string | null | undefined): string {
  if (!mode) return '—';
  return gameModes[mode] ?? titleCase(words(mode, mode.startsWith('GAMEMODE_') ? 'GAMEMODE' : null));
}

/** `DIFFICULTY_THE_GREAT` -> "The Great". */
export function difficultyName(difficulty: string | null | undefined): string {
  return named(difficulty, 'DIFFICULTY');
}

/** `MAPSIZE_MEDIUM` -> "Medium". */
export function mapSizeName(size: string | null | undefined): string {
  return named(size, 'MAPSIZE');
}

/** `MAPCLASS_CoastalRainBasin` -> "Coastal Rain Basin". */
export function mapClassName(mapClass: string | null | undefined): string {
  return named(mapClass, 'MAPCLASS');
}

/** DLC whose title the generic rule gets wrong. */
const dlcs: Record<string, string> = {
  DLC_HEROES_OF_AEGEAN: 'Heroes of the Aegean',
  DLC_THE_SACRED_AND_THE_PROFANE: 'The Sacred and the Profane',
  DLC_PHARAOHS_OF_THE_NILE: 'Pharaohs of the Nile',
};

/** `DLC_BEHIND_THE_THRONE` -> "Behind the Throne". */
export function dlcName(dlc: string | null | undefined): string {
  return named(dlc, 'DLC', dlcs);
}

// ------------------------------------------------------- options, ambitions

/** `GAMEOPTION_NO_UNDO` -> "No Undo". */
export function gameOptionName(option: string | null | undefined): string {
  return named(option, 'GAMEOPTION');
}

// -------------------------------------------- cities, laws and the map

/** Law classes named for the choice they offer; the generic rule would run the two laws together. */
const lawClasses: Record<string, string> = {
  LAWCLASS_ORDER: 'Succession order',
  LAWCLASS_SLAVERY_FREEDOM: 'Slavery or Freedom',
  LAWCLASS_CENTRALIZATION_VASSALAGE: 'Centralization or Vassalage',
  LAWCLASS_TOLERANCE_ORTHODOXY: 'Tolerance or Orthodoxy',
  LAWCLASS_EPICS_EXPLORATION: 'Epics or Exploration',
  LAWCLASS_LANGUAGE: 'Language',
  LAWCLASS_LITANY_GUARDIANSHIP: 'Litany or Guardianship',
  LAWCLASS_TONNAGE_PHILOSOPHY: 'Tonnage or Philosophy',
  LAWCLASS_IRRIGATION_DIVINE_RULE: 'Irrigation or Divine Rule',
  LAWCLASS_ICONOGRAPHY_CALLIGRAPHY: 'Iconography or Calligraphy',
  LAWCLASS_MONOTHEISM_POLYTHEISM: 'Monotheism or Polytheism',
  LAWCLASS_TYRANNY_CONSTITUTION: 'Tyranny or Constitution',
  LAWCLASS_VOLUNTEERS_MERCENARIES: 'Volunteers or Mercenaries',
  LAWCLASS_PROFESSIONAL_ARMY_LEVIES: 'Professional Army or Levies',
};

/** `LAWCLASS_SLAVERY_FREEDOM` -> "Slavery or Freedom". */
export function lawClassName(lawClass: string | null | undefined): string {
  return named(lawClass, 'LAWCLASS', lawClasses);
}

/** `GOAL_SIX_CITIES` -> "Six Cities". */
export function goalName(goal: string | null | undefined): string {
  return named(goal, 'GOAL');
}

/** `TURNSTYLE_TIGHT` -> "Tight". */
export function turnStyleName(style: string | null | undefined): string {
  return named(style, 'TURNSTYLE');
}

// ------------------------------------------------------------------ history

/** The groups of the stored history series, as a chart's series picker shows them. */
const historyGroups: Record<string, string> = {
  points: 'Overall',
  military_power: 'Overall',
  legitimacy: 'Overall',
  yield_rate: 'Yields per turn',
  yield_total: 'Yields in total',
  family_opinion: 'Family opinion',
  religion_opinion: 'Religion opinion',
  yield_prices: 'Yield prices',
};

/** `yield_rate` -> "Yields per turn": the picker's group of a history series. */
export function historyGroupName(series: string): string {
  return historyGroups[series] ?? displayName(series.toUpperCase());
}

/**
 * One history series by its name and key: `points` -> "Points",
 * `yield_rate` + `YIELD_CIVICS` -> "Civics per turn", `family_opinion` +
 * `FAMILY_BARCID` -> "Barcid family opinion".
 */
export function historySeriesName(series: string, key = ''): string {
  switch (series) {
    case 'points':
      return 'Points';
    case 'military_power':
      return 'Military power';
    case 'legitimacy':
      return 'Legitimacy';
    case 'yield_rate':
      return `${yieldName(key)} per turn`;
    case 'yield_total':
      return `${yieldName(key)} in total`;
    case 'family_opinion':
      return `${familyName(key)} family opinion`;
    case 'religion_opinion':
      return `${religionName(key)} opinion`;
    case 'yield_prices':
      // The game's own series, one line per yield: the key, when given, is one of them.
      return key ? `${yieldName(key)} price` : 'Yield prices';
    default:
      return key ? `${displayName(series.toUpperCase())}: ${displayName(key)}` : displayName(series.toUpperCase());
  }
}

// --------------------------------------------------------------- diplomacy

/** `DIPLOMACY_WAR` -> "War". */
export function diplomacyName(state: string | null | undefined): string {
  return named(state, 'DIPLOMACY');
}

// ------------------------------------------------------------- nation search

/** Every nation the curated table knows, so a search finds them before the library has seen them. */
export const knownNations: readonly string[] = Object.keys(nations);

/**
 * The nations (of `candidates` and the known ones) whose name or adjective
 * contains `text`, ignoring case: "rom" and "Roman" find `NATION_ROME`.
 */
export function nationsMatching(text: string, candidates: readonly string[] = []): string[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const all = [...new Set([...knownNations, ...candidates])];
  return all.filter((n) => nationName(n).toLowerCase().includes(needle) || nationAdjective(n).toLowerCase().includes(needle)).sort();
}

// ------------------------------------------------------- characters' details

/** `TRAIT_COMMANDER_ARCHETYPE` -> "Commander": an archetype trait reads as the archetype. */
export function traitName(trait: string | null | undefined): string {
  if (!trait) return '—';
  return named(trait.replace(/_ARCHETYPE$/, ''), 'TRAIT');
}

/** `RATING_WISDOM` -> "Wisdom". */
export function ratingName(rating: string | null | undefined): string {
  return named(rating, 'RATING');
}

/** Relationships whose key the generic rule turns into a clumsy phrase. */
const relationships: Record<string, string> = {
  RELATIONSHIP_PLOTTING_AGAINST: 'Plotting against',
  RELATIONSHIP_SAVED_LIFE: 'Saved the life of',
};

/** `RELATIONSHIP_FRIEND` -> "Friend". */
export function relationshipName(relationship: string | null | undefined): string {
  if (!relationship) return '—';
  const curated = relationships[relationship];
  if (curated !== undefined) return curated;
  const ws = words(relationship, relationship.startsWith('RELATIONSHIP_') ? 'RELATIONSHIP' : null);
  return ws.length > 0 ? cap(ws.join(' ')) : relationship;
}

/** `COUNCIL_GRAND_VIZIER` -> "Grand Vizier". */
export function councilName(position: string | null | undefined): string {
  return named(position, 'COUNCIL');
}

/** `DEATHREASON_OLD_AGE` -> "Old age". */
export function deathReasonName(reason: string | null | undefined): string {
  if (!reason) return '—';
  const ws = words(reason, reason.startsWith('DEATHREASON_') ? 'DEATHREASON' : null);
  return ws.length > 0 ? cap(ws.join(' ')) : reason;
}

/** `GENDER_FEMALE` -> "Female". */
export function genderName(gender: string | null | undefined): string {
  return named(gender, 'GENDER');
}

/** `TECH_DISCOVERED` (an event log line's type) -> "Tech discovered"; `OCCURENCE_*` reads as spelled right. */
export function logTypeName(type: string | null | undefined): string {
  if (!type) return '—';
  const ws = words(type.replace(/^OCCURENCE/, 'OCCURRENCE'), null);
  return ws.length > 0 ? cap(ws.join(' ')) : type;
}

/**
 * Game keys written inside a line of text ("Adopted LAW_SLAVERY") replaced
 * by their names; only keys of a known family are touched, so a player's
 * own words stay as they are.
 */
export function keysInText(text: string): string {
  if (!text.includes('_')) return text;
  return text.replace(/\b([A-Z][A-Z0-9]*)_[A-Za-z0-9_]+\b/g, (key, head: string) => (prefixSet.has(head) ? displayName(key) : key));
}

/** `CULTURE_STRONG` -> "Strong". */
export function cultureName(culture: string | null | undefined): string {
  return named(culture, 'CULTURE');
}

/** `UNIT_WARRIOR` -> "Warrior". */
export function unitTypeName(unit: string | null | undefined): string {
  return named(unit, 'UNIT');
}

/** `PROJECT_FESTIVAL` -> "Festival". */
export function projectName(project: string | null | undefined): string {
  return named(project, 'PROJECT');
}

/** `TERRAIN_LUSH` -> "Lush". */
export function terrainName(terrain: string | null | undefined): string {
  return named(terrain, 'TERRAIN');
}

/** `HEIGHT_HILL` -> "Hill". */
export function heightName(height: string | null | undefined): string {
  return named(height, 'HEIGHT');
}

/** `VEGETATION_FOREST` -> "Forest". */
export function vegetationName(vegetation: string | null | undefined): string {
  return named(vegetation, 'VEGETATION');
}

/** `RESOURCE_IRON` -> "Iron". */
export function resourceName(resource: string | null | undefined): string {
  return named(resource, 'RESOURCE');
}

/**
 * `IMPROVEMENT_FARM` -> "Farm"; a level the key carries reads as the game
 * shows it (`IMPROVEMENT_GARRISON_1` -> "Garrison I").
 */
export function improvementName(improvement: string | null | undefined): string {
  return romanLevel(named(improvement, 'IMPROVEMENT'));
}

/** `SPECIALIST_ACOLYTE_1` -> "Acolyte I". */
export function specialistName(specialist: string | null | undefined): string {
  return romanLevel(named(specialist, 'SPECIALIST'));
}

const romanNumerals = ['', 'I', 'II', 'III', 'IV', 'V'];

/** A trailing level digit as the game writes it in names: "Garrison 2" -> "Garrison II". */
function romanLevel(name: string): string {
  return name.replace(/ ([1-5])$/, (_, d: string) => ` ${romanNumerals[Number(d)]}`);
}
