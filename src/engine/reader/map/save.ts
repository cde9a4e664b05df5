/**
 * Element tree -> rows and `SaveMeta`: checks the document is a save,
 * dispatches the root's children to the entity mappers, then joins what
 * spans entities (families, difficulty of the first human, winner).
 */
import { ScribeError } from '../../errors.js';
import { listKeys } from '../../model/catalogue.js';
import type { ParsedSave, SaveMeta, SaveSink } from '../../model/parsed-save.js';
import { INT32_MAX, INT32_MIN, NONE, type XmlTree } from '../xml/tree.js';
import { mapCharacter } from './character.js';
import { mapCity } from './city.js';
import { EntityIds } from './ids.js';
import { mapDiplomacy, mapFamilies, mapGameFacts, mapReligions, mapTribe, mapVictoryElement, mapYieldPrices } from './game.js';
import { mapConfigSection, mapRootAttributes, perPlayerSections, perPlayerValues } from './meta.js';
import { mapPlayer } from './player.js';
import { mapTile } from './tile.js';
import { childNames } from './values.js';

/** Root element names that are not configuration sections. */
const entityElements = new Set([
  'Game',
  'Player',
  'Character',
  'City',
  'Tile',
  'Tribe',
  'Family',
  'Religion',
  'Victory',
  'VictoryEnabled',
  'GameContent',
]);

export function emptySave(meta: SaveMeta): ParsedSave {
  return { meta, ...emptyRows() };
}

/** Every list of a `ParsedSave`, empty: a `SaveSink` that keeps the rows as objects. */
export function emptyRows(): Omit<ParsedSave, 'meta'> {
  return Object.fromEntries(listKeys.map((list) => [list, []])) as unknown as Omit<ParsedSave, 'meta'>;
}

function missing(field: string, what: string): ScribeError {
  return new ScribeError('MISSING_FIELD', `The save has no ${what} (${field}).`, { field });
}

function invalid(field: string, message: string): ScribeError {
  return new ScribeError('INVALID_VALUE', message, { field });
}

/** Quoted for a message, cut short: the value may be anything. */
function quoted(raw: string): string {
  return `"${raw.trim().slice(0, 40)}"`;
}

/**
 * Throws NOT_OLD_WORLD_SAVE unless the root element is `Root`. Called by the
 * scanner as soon as the root's name is known.
 */
export function checkRootName(name: string): void {
  if (name !== 'Root') {
    throw new ScribeError('NOT_OLD_WORLD_SAVE', `The archive's XML is not an Old World save (its root element is <${name.slice(0, 40)}>).`);
  }
}

/** The tree as a `ParsedSave` (the reader's API: rows in document order). */
export function mapSave(doc: XmlTree, xmlBytes: number): ParsedSave {
  const rows = emptyRows();
  return { meta: mapSaveInto(doc, xmlBytes, rows), ...rows };
}

/**
 * Maps the tree's rows into `out` and returns the save's meta. Throws
 * before writing any row when the document is not a save or lacks what
 * every save has.
 */
export function mapSaveInto(doc: XmlTree, xmlBytes: number, out: SaveSink): SaveMeta {
  const root = 0;
  checkRootName(doc.name(root));
  const base = mapRootAttributes(doc);
  const game = doc.child(root, 'Game');
  // `<Root>` with neither a GameId, a MapWidth nor a Game is some other XML.
  if (doc.attr(root, 'GameId') === null && doc.attr(root, 'MapWidth') === null && game === NONE) {
    throw new ScribeError('NOT_OLD_WORLD_SAVE', "The archive's XML is not an Old World save (no GameId, MapWidth or Game).");
  }
  if (base.gameId.trim() === '') throw missing('GameId', 'game identifier');
  if (base.mapWidth === null) {
    const raw = doc.attr(root, 'MapWidth');
    if (raw === null) throw missing('MapWidth', 'map width');
    throw invalid('MapWidth', `The save's map width ${quoted(raw)} is not a whole number above 0.`);
  }
  const facts = mapGameFacts(doc, game);
  if (facts.turn === null) {
    const turnElement = game === NONE ? NONE : doc.child(game, 'Turn');
    if (turnElement === NONE) throw missing('Game/Turn', 'turn number');
    throw invalid('Game/Turn', `The save's turn ${quoted(doc.text(turnElement))} is not a whole number.`);
  }
  if (facts.turn < 0) throw invalid('Game/Turn', `The save's turn ${facts.turn} is out of range: turns count up from 0.`);
  // Every save lists its players; a document without one would import as an empty game.
  if (doc.child(root, 'Player') === NONE) throw missing('Player', 'players');
  if (base.activePlayer !== null && (base.activePlayer > INT32_MAX || base.activePlayer < INT32_MIN)) {
    throw invalid('ActivePlayer', `The save's active player ${base.activePlayer} is out of range.`);
  }

  const meta: SaveMeta = { ...base, mapWidth: base.mapWidth, turn: facts.turn, gameOver: facts.gameOver, winner: facts.winner, xmlBytes };
  const mapWidth = base.mapWidth;
  const familyElements: number[] = [];
  const religionElements: number[] = [];
  let difficulties: (string | null)[] = [];
  const slots: Record<string, (string | null)[]> = {};
  const ids = new EntityIds();
  const tribes = new Set<string>();

  for (let c = doc.firstChild(root); c !== NONE; c = doc.nextSibling(c, root)) {
    const name = doc.name(c);
    switch (name) {
      case 'Tile':
        mapTile(doc, c, mapWidth, out, ids);
        break;
      case 'Character':
        mapCharacter(doc, c, out, ids);
        break;
      case 'Player':
        mapPlayer(doc, c, out, ids);
        break;
      case 'City':
        mapCity(doc, c, out, ids);
        break;
      case 'Tribe':
        mapTribe(doc, c, out, tribes);
        break;
      case 'Family':
        familyElements.push(c);
        break;
      case 'Religion':
        religionElements.push(c);
        break;
      case 'Victory':
        meta.winner ??= mapVictoryElement(doc, c);
        break;
      case 'VictoryEnabled':
        meta.victoryEnabled = childNames(doc, c);
        break;
      case 'GameContent':
        meta.dlc = childNames(doc, c);
        break;
      case 'Difficulty':
        difficulties = perPlayerValues(doc, c);
        break;
      case 'Team':
      case 'Nation':
      case 'Dynasty':
        slots[name] = perPlayerValues(doc, c);
        break;
      default:
        if (!entityElements.has(name) && !perPlayerSections.has(name)) mapConfigSection(doc, c, meta.settings);
    }
  }

  mapReligions(doc, game, religionElements, out);
  mapFamilies(doc, game, familyElements, out);
  mapDiplomacy(doc, game, out);
  mapYieldPrices(doc, game, out);
  // Per-slot configuration fills what a Player element leaves out.
  for (const p of out.players) {
    const team = slots.Team?.[p.id];
    if (p.team === null && team != null && /^\d+$/.test(team)) {
      p.team = Number(team);
      if (p.team > INT32_MAX) throw invalid('Team', `The save's team ${quoted(team)} for player ${p.id} is out of range.`);
    }
    p.nation ??= slots.Nation?.[p.id] ?? null;
    p.dynasty ??= slots.Dynasty?.[p.id] ?? null;
  }
  let firstHuman: number | null = null;
  for (const p of out.players) if (p.isHuman && (firstHuman === null || p.id < firstHuman)) firstHuman = p.id;
  meta.difficulty = firstHuman === null ? null : (difficulties[firstHuman] ?? null);
  return meta;
}
