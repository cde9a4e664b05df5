/** Root attributes and the configuration sections -> `SaveMeta`. */
import type { SaveMeta } from '../../model/parsed-save.js';
import { NONE, type XmlTree } from '../xml/tree.js';
import { str } from './values.js';

/** Root attributes with a field of their own; the rest go to `settings`. */
const dedicatedAttrs = new Set([
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

/** Per-player configuration lists (`<PlayerTeam>` per slot...): not single-valued settings. */
export const perPlayerSections = new Set(['Team', 'Difficulty', 'Development', 'Nation', 'Dynasty', 'Archetype', 'Humans']);

/** Meta from the root attributes; the caller fills turn, winner, difficulty... */
export function mapRootAttributes(doc: XmlTree): Omit<SaveMeta, 'turn' | 'mapWidth'> & { mapWidth: number | null } {
  const root = 0;
  const settings: Record<string, string> = {};
  for (let a = doc.attrFirst[root]; a < doc.attrFirst[root + 1]; a++) {
    const name = doc.names[doc.attrName[a]];
    if (!dedicatedAttrs.has(name)) settings[name] = doc.attrValue(a);
  }
  const { version, mods } = parseVersion(doc.attr(root, 'Version'));
  const mapWidth = doc.attrInt(root, 'MapWidth');
  return {
    gameId: doc.attr(root, 'GameId') ?? '',
    gameName: str(doc.attr(root, 'GameName')),
    saveDate: str(doc.attr(root, 'SaveDate')),
    version,
    mods,
    dlc: [],
    mapWidth: mapWidth !== null && mapWidth > 0 ? mapWidth : null,
    mapClass: str(doc.attr(root, 'MapClass')),
    mapSize: str(doc.attr(root, 'MapSize')),
    mapAspectRatio: str(doc.attr(root, 'MapAspectRatio')),
    gameMode: str(doc.attr(root, 'GameMode')),
    turnStyle: str(doc.attr(root, 'TurnStyle')),
    difficulty: null,
    settings,
    victoryEnabled: [],
    gameOver: false,
    winner: null,
    activePlayer: activePlayer(doc),
    xmlBytes: 0,
  };
}

/** "Version: 1.0.79513+Mod A+ModB" -> version "1.0.79513", mods ["Mod A", "ModB"]. */
export function parseVersion(raw: string | null): { version: string | null; mods: string[] } {
  if (raw === null) return { version: null, mods: [] };
  const [head, ...rest] = raw.split('+');
  const version = str(head.replace(/^\s*Version:\s*/i, '').trim());
  return { version, mods: rest.map((m) => m.trim()).filter((m) => m !== '') };
}

function activePlayer(doc: XmlTree): number | null {
  for (const pi of doc.prolog) {
    if (pi.target === 'ActivePlayer' && /^-?\d+$/.test(pi.data)) return Number(pi.data);
  }
  return null;
}

/**
 * A configuration section's single values into `settings` as
 * `Section.Key`: leaf children (`<MAPOPTION_X>VALUE</...>`; an empty flag
 * reads 'true') and attributes (`GameContentEnabled BASE_CONTENT.1="1"`).
 * Children with children of their own are multi-valued and skipped.
 */
export function mapConfigSection(doc: XmlTree, n: number, settings: Record<string, string>): void {
  const section = doc.name(n);
  for (let a = doc.attrFirst[n]; a < doc.attrFirst[n + 1]; a++) settings[`${section}.${doc.names[doc.attrName[a]]}`] = doc.attrValue(a);
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    if (doc.hasChildren(c)) continue;
    const text = doc.text(c);
    settings[`${section}.${doc.name(c)}`] = text === '' ? 'true' : text;
  }
}

/** A per-player section (`Difficulty/PlayerDifficulty`, `Team/PlayerTeam`...) in player-slot order. */
export function perPlayerValues(doc: XmlTree, n: number): (string | null)[] {
  const out: (string | null)[] = [];
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) out.push(str(doc.value(c)));
  return out;
}
