/**
 * `Player` -> player row plus its keyed values, laws, leaders, council,
 * families, goals, histories, event log and memories.
 */
import type { HistorySeries, MemorySubjectKind, PlayerRow, PlayerValueKind, SaveSink } from '../../model/parsed-save.js';
import { NONE, type XmlTree } from '../xml/tree.js';
import type { EntityIds } from './ids.js';
import { childInt, childText, eachKeyedInt, eachKeyedText, eventTurn, flag, keyNumber, ref, Sections, str } from './values.js';

const valueKinds: Record<string, PlayerValueKind> = {
  YieldStockpile: 'yield_stockpile',
  TechProgress: 'tech_progress',
  TechCount: 'tech_count',
  UnitsProduced: 'units_produced',
  ProjectsProduced: 'projects_produced',
  LawClassChangeCount: 'law_class_change_count',
  ResourceRevealed: 'resource_revealed',
};

/** Single-valued series: `<PointsHistory><T2>5</T2>...`. */
const flatSeries: Record<string, HistorySeries> = {
  PointsHistory: 'points',
  MilitaryPowerHistory: 'military_power',
  LegitimacyHistory: 'legitimacy',
};

/** Keyed series: `<YieldRateHistory><YIELD_FOOD><T2>30</T2>...`. */
const keyedSeries: Record<string, HistorySeries> = {
  YieldRateHistory: 'yield_rate',
  YieldTotalHistory: 'yield_total',
  FamilyOpinionHistory: 'family_opinion',
  ReligionOpinionHistory: 'religion_opinion',
};

/** Sections whose rows are keyed by their children's names: one bit each, for `Sections`. */
const sectionBits: Record<string, number> = Object.fromEntries(
  ['ActiveLaw', 'CouncilCharacter', ...Object.keys(valueKinds), ...Object.keys(flatSeries), ...Object.keys(keyedSeries)].map((name, i) => [
    name,
    1 << i,
  ]),
);

/** 2024 memory lists and the subject each `Memory*Data` names. */
const splitMemoryLists: Record<string, MemorySubjectKind> = {
  MemoryPlayerList: 'player',
  MemoryFamilyList: 'family',
  MemoryReligionList: 'religion',
  MemoryTribeList: 'tribe',
  MemoryCharacterList: 'character',
  MemoryCityList: 'city',
};

/** Child element of a memory naming its subject. */
const memorySubjects: Record<string, MemorySubjectKind> = {
  Player: 'player',
  Family: 'family',
  Religion: 'religion',
  Tribe: 'tribe',
  CharacterID: 'character',
  Character: 'character',
  City: 'city',
  CityID: 'city',
};

export function mapPlayer(doc: XmlTree, n: number, out: SaveSink, ids: EntityIds): void {
  const id = ids.take('player', doc, n);
  const onlineId = str(doc.attr(n, 'OnlineID'));
  const aiTurn = doc.attrInt(n, 'AIControlledToTurn');
  const row: PlayerRow = {
    id,
    name: str(doc.attr(n, 'Name')),
    onlineId,
    nation: str(doc.attr(n, 'Nation')),
    dynasty: str(doc.attr(n, 'Dynasty')),
    team: ref(doc.attrInt(n, 'Team')),
    // Both rules: an online human may be AI-controlled right now, a local
    // human has no OnlineID.
    isHuman: onlineId !== null || aiTurn === 0,
    aiControlledToTurn: aiTurn,
    language: str(doc.attr(n, 'Language')),
    legitimacy: null,
    timeStockpile: null,
    techResearching: null,
    stateReligion: null,
    founderCharacterId: null,
    chosenHeirId: null,
    originalCapitalCityId: null,
    rulerCharacterId: null,
  };

  // Family heads / seats arrive before or after the family list: join at the end.
  const families: string[] = [];
  const heads = new Map<string, number | null>();
  const seats = new Map<string, number | null>();
  // Ordinals run on across a repeated list, so a second <Leaders> adds rows instead of repeating keys.
  let memoryOrdinal = 0;
  let leaderOrdinal = 0;
  let goalOrdinal = 0;
  let logOrdinal = 0;
  const sections = new Sections();

  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    const name = doc.name(c);
    const bit = sectionBits[name];
    if (bit !== undefined) sections.once(doc, n, c, bit);
    switch (name) {
      case 'Legitimacy':
        row.legitimacy = doc.int(c);
        break;
      case 'TimeStockpile':
        row.timeStockpile = doc.int(c);
        break;
      case 'TechResearching':
        row.techResearching = str(doc.value(c));
        break;
      case 'StateReligion':
        row.stateReligion = str(doc.value(c));
        break;
      case 'FounderCharacterID':
      case 'FounderID':
        row.founderCharacterId = ref(doc.int(c));
        break;
      case 'ChosenHeirID':
        row.chosenHeirId = ref(doc.int(c));
        break;
      case 'OriginalCapitalCityID':
        row.originalCapitalCityId = ref(doc.int(c));
        break;
      case 'ActiveLaw':
        eachKeyedText(doc, c, (lawClass, law) => out.playerLaws.push({ playerId: id, lawClass, law }));
        break;
      case 'Leaders': {
        for (let l = doc.firstChild(c); l !== NONE; l = doc.nextSibling(l, c)) {
          const characterId = ref(doc.int(l));
          if (characterId === null) continue;
          out.playerLeaders.push({ playerId: id, ordinal: leaderOrdinal++, characterId });
          row.rulerCharacterId = characterId;
        }
        break;
      }
      case 'CouncilCharacter':
        eachKeyedInt(doc, c, (position, v) => {
          if (v >= 0) out.playerCouncil.push({ playerId: id, position, characterId: v });
        });
        break;
      case 'Families':
        // Current saves: <FAMILY_X />; older: <Family>FAMILY_X</Family>.
        for (let f = doc.firstChild(c); f !== NONE; f = doc.nextSibling(f, c)) {
          const family = doc.name(f) === 'Family' ? str(doc.value(f)) : doc.name(f);
          if (family !== null && !families.includes(family)) families.push(family);
        }
        break;
      case 'FamilyHeadID':
        eachKeyedInt(doc, c, (family, v) => heads.set(family, ref(v)));
        break;
      case 'FamilySeatCityID':
        eachKeyedInt(doc, c, (family, v) => seats.set(family, ref(v)));
        break;
      case 'GoalList':
        goalOrdinal = mapGoals(doc, c, id, goalOrdinal, out);
        break;
      case 'PermanentLogList':
        logOrdinal = mapLog(doc, c, id, logOrdinal, out);
        break;
      case 'MemoryList':
        memoryOrdinal = mapMemories(doc, c, id, null, memoryOrdinal, out);
        break;
      default: {
        const kind = valueKinds[name];
        if (kind !== undefined) {
          eachKeyedInt(doc, c, (key, value) => out.playerValues.push({ playerId: id, kind, key, value }));
          break;
        }
        const flat = flatSeries[name];
        if (flat !== undefined) {
          mapSeries(doc, c, id, flat, '', out);
          break;
        }
        const keyed = keyedSeries[name];
        if (keyed !== undefined) {
          doc.uniqueChildren(c);
          for (let k = doc.firstChild(c); k !== NONE; k = doc.nextSibling(k, c)) mapSeries(doc, k, id, keyed, doc.name(k), out);
          break;
        }
        const memoryKind = splitMemoryLists[name];
        if (memoryKind !== undefined) memoryOrdinal = mapMemories(doc, c, id, memoryKind, memoryOrdinal, out);
      }
    }
  }

  for (const family of heads.keys()) if (!families.includes(family)) families.push(family);
  for (const family of seats.keys()) if (!families.includes(family)) families.push(family);
  for (const family of families) {
    out.playerFamilies.push({ playerId: id, family, headCharacterId: heads.get(family) ?? null, seatCityId: seats.get(family) ?? null });
  }
  out.players.push(row);
}

/** `<T{turn}>value</T{turn}>`, exactly the points written (no fill). */
function mapSeries(doc: XmlTree, n: number, playerId: number, series: HistorySeries, key: string, out: SaveSink): void {
  doc.uniqueChildren(n);
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    const t = keyNumber(doc.name(c), 'T');
    if (t < 0) continue;
    const value = doc.int(c);
    if (value !== null) out.history.push({ playerId, series, key, turn: t, value });
  }
}

/** Returns the next ordinal. */
function mapGoals(doc: XmlTree, n: number, playerId: number, first: number, out: SaveSink): number {
  let ordinal = first;
  for (let g = doc.firstChild(n); g !== NONE; g = doc.nextSibling(g, n)) {
    const type = str(childText(doc, g, 'Type'));
    if (type === null) continue;
    out.playerGoals.push({
      playerId,
      ordinal: ordinal++,
      type,
      startedTurn: eventTurn(childInt(doc, g, 'Started')),
      finishedTurn: eventTurn(childInt(doc, g, 'Finished')),
      failed: flag(doc, doc.child(g, 'Failed')),
    });
  }
  return ordinal;
}

/** Returns the next ordinal. */
function mapLog(doc: XmlTree, n: number, playerId: number, first: number, out: SaveSink): number {
  let ordinal = first;
  for (let e = doc.firstChild(n); e !== NONE; e = doc.nextSibling(e, n)) {
    let type: string | null = null;
    let text = '';
    let data1: string | null = null;
    let data2: string | null = null;
    let data3: string | null = null;
    let t: number | null = null;
    let teamTurn: number | null = null;
    for (let c = doc.firstChild(e); c !== NONE; c = doc.nextSibling(c, e)) {
      switch (doc.name(c)) {
        case 'Type':
          type = str(doc.value(c));
          break;
        case 'Text':
          text = doc.text(c);
          break;
        case 'Data1':
          data1 = str(doc.value(c));
          break;
        case 'Data2':
          data2 = str(doc.value(c));
          break;
        case 'Data3':
          data3 = str(doc.value(c));
          break;
        case 'Turn':
          t = eventTurn(doc.int(c));
          break;
        case 'TeamTurn':
          teamTurn = eventTurn(doc.int(c));
          break;
      }
    }
    if (type === null) continue;
    out.logEntries.push({ playerId, ordinal: ordinal++, type, text, data1, data2, data3, turn: t, teamTurn });
  }
  return ordinal;
}

/**
 * Both shapes: 2025 `MemoryList/MemoryData` (the subject element says its
 * kind) and 2024 `Memory{Kind}List/Memory{Kind}Data` (`listKind`). One
 * ordinal sequence per player across all lists, in document order.
 */
function mapMemories(
  doc: XmlTree,
  n: number,
  playerId: number,
  listKind: MemorySubjectKind | null,
  ordinal: number,
  out: SaveSink,
): number {
  for (let m = doc.firstChild(n); m !== NONE; m = doc.nextSibling(m, n)) {
    let type: string | null = null;
    let t: number | null = null;
    let subjectKind: MemorySubjectKind | null = null;
    let subject: string | null = null;
    for (let c = doc.firstChild(m); c !== NONE; c = doc.nextSibling(c, m)) {
      const name = doc.name(c);
      if (name === 'Type') type = str(doc.value(c));
      else if (name === 'Turn') t = eventTurn(doc.int(c));
      else if (subject === null) {
        const kind = memorySubjects[name];
        if (kind === undefined) continue;
        const value = str(doc.value(c));
        if (value === null || value === '-1') continue;
        subjectKind = listKind ?? kind;
        subject = value;
      }
    }
    if (type === null) continue;
    out.memories.push({ playerId, ordinal: ordinal++, type, turn: t, subjectKind: subject === null ? null : subjectKind, subject });
  }
  return ordinal;
}
