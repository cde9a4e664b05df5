/**
 * `Game` (and the root-level `Tribe`, `Family`, `Religion`, `Victory`
 * elements): turn, game over, winner, religions, families, diplomacy, tribes,
 * yield prices.
 */
import { ScribeError } from '../../errors.js';
import type { DiplomacyRow, FamilyRow, ReligionRow, SaveSink, Winner } from '../../model/parsed-save.js';
import { NONE, type XmlTree } from '../xml/tree.js';
import { childInt, childText, eventTurn, keyNumber, ref, Sections, str } from './values.js';
import { victoryKey } from './victory.js';

export interface GameFacts {
  turn: number | null;
  gameOver: boolean;
  winner: Winner | null;
}

/** Turn, GameOver and the two winner forms that live in `Game`. */
export function mapGameFacts(doc: XmlTree, game: number): GameFacts {
  const facts: GameFacts = { turn: null, gameOver: false, winner: null };
  if (game === NONE) return facts;
  let winnerTeam: number | null = null;
  let winnerVictory: string | null = null;
  for (let c = doc.firstChild(game); c !== NONE; c = doc.nextSibling(c, game)) {
    switch (doc.name(c)) {
      case 'Turn':
        facts.turn = doc.int(c);
        break;
      case 'GameOver':
        facts.gameOver = true;
        break;
      case 'TeamVictories': {
        // <Team Victory="VICTORY_POINTS">1</Team>: the winning team.
        const t = doc.firstChild(c);
        const team = t === NONE ? null : ref(doc.int(t));
        if (team !== null && facts.winner === null)
          facts.winner = { team, playerId: null, victory: t === NONE ? null : victoryKey(str(doc.attr(t, 'Victory'))) };
        break;
      }
      case 'WinnerTeam':
        winnerTeam = ref(doc.int(c));
        break;
      case 'WinnerVictory':
        winnerVictory = victoryKey(str(doc.value(c)));
        break;
    }
  }
  if (facts.winner === null && winnerTeam !== null) facts.winner = { team: winnerTeam, playerId: null, victory: winnerVictory };
  return facts;
}

/** Oldest form: `<Victory winner="playerId" type="...">` at the root. */
export function mapVictoryElement(doc: XmlTree, n: number): Winner | null {
  const playerId = ref(doc.attrInt(n, 'winner') ?? doc.attrInt(n, 'Winner'));
  if (playerId === null) return null;
  return { team: null, playerId, victory: victoryKey(str(doc.attr(n, 'type') ?? doc.attr(n, 'Type'))) };
}

/**
 * Religions from the Game maps (ReligionFounded / Founder / HeadID /
 * HolyCity), then any root `Religion` elements; one row per religion in
 * first-seen order.
 */
export function mapReligions(doc: XmlTree, game: number, elements: number[], out: SaveSink): void {
  const rows = new Map<string, ReligionRow>();
  const get = (religion: string): ReligionRow => {
    let row = rows.get(religion);
    if (!row) rows.set(religion, (row = { religion, founderPlayerId: null, headCharacterId: null, holyCityId: null, foundedTurn: null }));
    return row;
  };
  const keyed = (n: number, set: (row: ReligionRow, v: number | null) => void) => {
    for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) set(get(doc.name(c)), doc.int(c));
  };
  if (game !== NONE) {
    for (let c = doc.firstChild(game); c !== NONE; c = doc.nextSibling(c, game)) {
      switch (doc.name(c)) {
        case 'ReligionFounded':
          keyed(c, (r, v) => (r.foundedTurn = eventTurn(v)));
          break;
        case 'ReligionFounder':
          keyed(c, (r, v) => (r.founderPlayerId = ref(v)));
          break;
        case 'ReligionHeadID':
          keyed(c, (r, v) => (r.headCharacterId = ref(v)));
          break;
        case 'ReligionHolyCity':
          keyed(c, (r, v) => (r.holyCityId = ref(v)));
          break;
      }
    }
  }
  for (const n of elements) {
    const name = str(doc.attr(n, 'ID') ?? doc.attr(n, 'Type') ?? childText(doc, n, 'Type'));
    if (name === null) continue;
    const row = get(name);
    row.founderPlayerId = firstInt(doc, n, ['FounderPlayer', 'Founder', 'Player'], ref) ?? row.founderPlayerId;
    row.headCharacterId = firstInt(doc, n, ['HeadID', 'HeadCharacterID', 'Head'], ref) ?? row.headCharacterId;
    row.holyCityId = firstInt(doc, n, ['HolyCityID', 'HolyCity'], ref) ?? row.holyCityId;
    row.foundedTurn = firstInt(doc, n, ['FoundedTurn', 'Founded', 'Turn'], eventTurn) ?? row.foundedTurn;
  }
  for (const row of rows.values()) out.religions.push(row);
}

/**
 * Families: `Game/FamilyClass` (family -> class), the players' families
 * with their heads and seats (already in `out.playerFamilies`), then any
 * root `Family` elements; one row per family in first-seen order.
 */
export function mapFamilies(doc: XmlTree, game: number, elements: number[], out: SaveSink): void {
  const rows = new Map<string, FamilyRow>();
  const get = (family: string): FamilyRow => {
    let row = rows.get(family);
    if (!row) rows.set(family, (row = { family, playerId: null, familyClass: null, seatCityId: null, headCharacterId: null }));
    return row;
  };
  const classes = game === NONE ? NONE : doc.child(game, 'FamilyClass');
  if (classes !== NONE) {
    for (let c = doc.firstChild(classes); c !== NONE; c = doc.nextSibling(c, classes)) get(doc.name(c)).familyClass = str(doc.value(c));
  }
  for (const pf of out.playerFamilies) {
    const row = get(pf.family);
    row.playerId = pf.playerId;
    row.headCharacterId = pf.headCharacterId;
    row.seatCityId = pf.seatCityId;
  }
  for (const n of elements) {
    const name = str(doc.attr(n, 'ID') ?? doc.attr(n, 'Type') ?? childText(doc, n, 'Type'));
    if (name === null) continue;
    const row = get(name);
    row.playerId = firstInt(doc, n, ['Player', 'PlayerID'], ref) ?? row.playerId;
    row.familyClass = str(doc.attr(n, 'FamilyClass') ?? childText(doc, n, 'FamilyClass') ?? childText(doc, n, 'Class')) ?? row.familyClass;
    row.seatCityId = firstInt(doc, n, ['SeatCityID', 'SeatCity'], ref) ?? row.seatCityId;
    row.headCharacterId = firstInt(doc, n, ['HeadID', 'HeadCharacterID'], ref) ?? row.headCharacterId;
  }
  for (const row of rows.values()) out.families.push(row);
}

/** `TeamDiplomacy/T.a.b` (team vs team) and `TribeDiplomacy/TRIBE_X.t` (tribe vs team), in document order. */
export function mapDiplomacy(doc: XmlTree, game: number, out: SaveSink): void {
  if (game === NONE) return;
  const sections = new Sections();
  for (let c = doc.firstChild(game); c !== NONE; c = doc.nextSibling(c, game)) {
    const name = doc.name(c);
    if (name !== 'TeamDiplomacy' && name !== 'TribeDiplomacy') continue;
    // Each pair is keyed by its name: a repeat (or a second list) would repeat rows.
    sections.once(doc, game, c, name === 'TeamDiplomacy' ? 1 : 2);
    doc.uniqueChildren(c);
    for (let d = doc.firstChild(c); d !== NONE; d = doc.nextSibling(d, c)) {
      const state = str(doc.value(d));
      const key = doc.name(d);
      const dot = key.lastIndexOf('.');
      if (state === null || dot <= 0) continue;
      let row: DiplomacyRow;
      if (name === 'TeamDiplomacy') {
        const parts = key.split('.');
        if (parts.length !== 3 || parts[0] !== 'T') continue;
        row = { kind: 'team', a: parts[1], b: parts[2], state };
      } else {
        row = { kind: 'tribe', a: key.slice(0, dot), b: key.slice(dot + 1), state };
      }
      out.diplomacy.push(row);
    }
  }
}

/**
 * `<YieldPriceHistory><YIELD_FOOD><T1>800</T1>...`: the game's market
 * prices, exactly the points written (sparse, as a player's histories: no
 * fill). A yield or a turn given twice would repeat a key, so it is refused
 * like a repeated history point.
 */
export function mapYieldPrices(doc: XmlTree, game: number, out: SaveSink): void {
  if (game === NONE) return;
  const sections = new Sections();
  for (let c = doc.firstChild(game); c !== NONE; c = doc.nextSibling(c, game)) {
    if (doc.name(c) !== 'YieldPriceHistory') continue;
    sections.once(doc, game, c, 1);
    doc.uniqueChildren(c);
    for (let y = doc.firstChild(c); y !== NONE; y = doc.nextSibling(y, c)) {
      const yieldKey = doc.name(y);
      doc.uniqueChildren(y);
      for (let t = doc.firstChild(y); t !== NONE; t = doc.nextSibling(t, y)) {
        const turn = keyNumber(doc.name(t), 'T');
        if (turn < 0) continue;
        const price = doc.int(t);
        if (price !== null) out.yieldPrices.push({ yield: yieldKey, turn, price });
      }
    }
  }
}

/** Root `Tribe`: `ID` (or `Type`), `LeaderID`, `AlliedPlayer`; `seen` holds the tribes already read (each is a key). */
export function mapTribe(doc: XmlTree, n: number, out: SaveSink, seen: Set<string>): void {
  const tribe = str(doc.attr(n, 'ID') ?? doc.attr(n, 'Type'));
  if (tribe === null) return;
  if (seen.has(tribe)) throw new ScribeError('INVALID_VALUE', `The save lists tribe ${tribe.slice(0, 40)} twice.`, { field: 'Tribe/ID' });
  seen.add(tribe);
  out.tribes.push({
    tribe,
    leaderCharacterId: firstInt(doc, n, ['LeaderID', 'Leader'], ref),
    alliedPlayerId: firstInt(doc, n, ['AlliedPlayer', 'AlliedPlayerID', 'AllyPlayer'], ref),
  });
}

/** The first of several child (or attribute) names that holds an integer. */
function firstInt(doc: XmlTree, n: number, names: string[], conv: (v: number | null) => number | null): number | null {
  for (const name of names) {
    const v = childInt(doc, n, name) ?? doc.attrInt(n, name);
    if (v !== null) return conv(v);
  }
  return null;
}
