/**
 * The Events tab's rows, made once per answer: each log line parsed from
 * its markup and each memory turned into a sentence, both as shown nodes
 * (text, colour, link with the page it leads to or none), plus the plain
 * text search matches. Pure: the tab only filters and draws these.
 */
import { markupText, parseMarkup, type LinkTarget, type MarkupNode } from '../../../../shared/markup';
import { characterName, cityName, keysInText, logTypeName, nationName } from '../../../../shared/names';
import type { EventPlayer, GameEvents } from '../../../../shared/views/events';
import { gameHref } from '../../lib/routes';
import { memorySentence, type SentenceNames } from './memory-sentence';

export type ShownNode =
  | { kind: 'text'; text: string }
  | { kind: 'color'; color: string; children: ShownNode[] }
  /** `href` null: what the link names is not in the library, so it reads as plain text. */
  | { kind: 'link'; href: string | null; children: ShownNode[] };

export interface EventEntry {
  /** Unique in the list: the source and its position in the answer. */
  key: string;
  source: 'log' | 'memory';
  playerId: number;
  turn: number | null;
  /** What the type filter matches: `log:<type>` or `memory:<subject kind>`. */
  filterType: string;
  typeLabel: string;
  nodes: ShownNode[];
  /** The rendered text, lower-cased, for search. */
  searchText: string;
  /** The save's own order within a turn (log before memories, then as written). */
  order: number;
}

export interface TypeOption {
  value: string;
  label: string;
}

export interface EntryNames extends SentenceNames {
  saveId: number;
}

/** What the answer's names resolve to: characters and cities by id, players by id. */
export function entryNames(events: GameEvents): EntryNames {
  const characters = new Map<number, string>();
  events.characters.id.forEach((id, i) => characters.set(id, characterName(events.characters.firstName[i], events.characters.cognomen[i])));
  const cities = new Map<number, string>();
  events.cities.id.forEach((id, i) => cities.set(id, cityName(events.cities.name[i])));
  const players = new Map<number, EventPlayer>(events.players.map((p) => [p.id, p]));
  return { saveId: events.saveId, characters, cities, players };
}

/** A player as the filter and each row name them: their name and nation ("Tiglath, Assyria"). */
export function playerLabel(p: EventPlayer | undefined, id: number): string {
  if (!p) return `Player ${id + 1}`;
  const name = p.name ?? `Player ${id + 1}`;
  return p.nation ? `${name}, ${nationName(p.nation)}` : name;
}

function idOf(key: string): number | null {
  return /^\d+$/.test(key) ? Number(key) : null;
}

/** Where a link leads when the library has what it names: a character's page, the save's cities. */
function hrefOf(target: LinkTarget | null, names: EntryNames): string | null {
  if (target === null) return null;
  const id = idOf(target.key);
  if (target.kind === 'character' && id !== null && names.characters.has(id)) return gameHref(names.saveId, 'rulers', id);
  if (target.kind === 'city' && id !== null && names.cities.has(id)) return gameHref(names.saveId, 'cities');
  return null;
}

export function showMarkup(nodes: readonly MarkupNode[], names: EntryNames): ShownNode[] {
  return nodes.map((n): ShownNode => {
    if (n.kind === 'text') return { kind: 'text', text: keysInText(n.text) };
    if (n.kind === 'color') return { kind: 'color', color: n.color, children: showMarkup(n.children, names) };
    return { kind: 'link', href: hrefOf(n.target, names), children: showMarkup(n.children, names) };
  });
}

export function shownText(nodes: readonly ShownNode[]): string {
  return markupText(nodes as MarkupNode[]);
}

const memoryKindLabels: Record<string, string> = {
  player: 'Memory of a nation',
  family: 'Memory of a family',
  religion: 'Memory of a religion',
  tribe: 'Memory of a tribe',
  character: 'Memory of a character',
  city: 'Memory of a city',
};

export function memoryKindLabel(kind: string | null): string {
  return (kind && memoryKindLabels[kind]) ?? 'Memory';
}

/** A log line whose text is empty (goals, occurrences) still says what happened: its type. */
function emptyLine(type: string, data1: string | null): ShownNode[] {
  const what = logTypeName(type);
  return [{ kind: 'text', text: data1 && /^[A-Z]+_[A-Z0-9_]+$/.test(data1) ? `${what}: ${keysInText(data1)}` : what }];
}

export function buildEntries(events: GameEvents): EventEntry[] {
  const names = entryNames(events);
  // Real logs repeat lines (the same tech, the same law): parse and flatten each distinct text once.
  const shownLines = new Map<string, { nodes: ShownNode[]; searchText: string }>();
  const typeLabels = events.logTypes.map(logTypeName);
  const filterTypes = events.logTypes.map((t) => `log:${t}`);
  const out: EventEntry[] = [];
  const { log, memories } = events;
  for (let i = 0; i < log.text.length; i++) {
    const typeIndex = log.type[i]!;
    const type = events.logTypes[typeIndex] ?? '';
    const raw = log.text[i]!;
    let line = shownLines.get(raw);
    if (line === undefined) {
      const nodes = raw.trim() === '' ? [] : showMarkup(parseMarkup(raw), names);
      line = { nodes, searchText: shownText(nodes).toLowerCase() };
      shownLines.set(raw, line);
    }
    if (line.searchText.trim() === '') {
      const data1 = log.data1[i] ?? null;
      const key = `${type}\u0000${data1}`;
      let empty = shownLines.get(key);
      if (empty === undefined) {
        const nodes = emptyLine(type, data1);
        empty = { nodes, searchText: shownText(nodes).toLowerCase() };
        // Keyed apart from any text: a NUL never appears in a log line.
        shownLines.set(key, empty);
      }
      line = empty;
    }
    out.push({
      key: `l${i}`,
      source: 'log',
      playerId: log.playerId[i]!,
      turn: log.turn[i] ?? null,
      filterType: filterTypes[typeIndex] ?? 'log:',
      typeLabel: typeLabels[typeIndex] ?? '',
      nodes: line.nodes,
      searchText: line.searchText,
      order: i,
    });
  }
  for (let i = 0; i < memories.type.length; i++) {
    const kind = memories.subjectKind[i] ?? null;
    const nodes = memorySentence(memories.type[i]!, kind, memories.subject[i] ?? null, names);
    out.push({
      key: `m${i}`,
      source: 'memory',
      playerId: memories.playerId[i]!,
      turn: memories.turn[i] ?? null,
      filterType: `memory:${kind ?? ''}`,
      typeLabel: memoryKindLabel(kind),
      nodes,
      searchText: shownText(nodes).toLowerCase(),
      order: log.text.length + i,
    });
  }
  return out;
}

/** The type filter's choices: the log's types by name, then the memories' kinds. */
export function typeOptions(entries: readonly EventEntry[]): { log: TypeOption[]; memory: TypeOption[] } {
  const seen = new Map<string, EventEntry>();
  for (const e of entries) if (!seen.has(e.filterType)) seen.set(e.filterType, e);
  const options = [...seen.values()].map((e) => ({ value: e.filterType, label: e.typeLabel, source: e.source }));
  const byLabel = (a: TypeOption, b: TypeOption) => a.label.localeCompare(b.label);
  return {
    log: options
      .filter((o) => o.source === 'log')
      .map(({ value, label }) => ({ value, label }))
      .sort(byLabel),
    memory: options
      .filter((o) => o.source === 'memory')
      .map(({ value, label }) => ({ value, label }))
      .sort(byLabel),
  };
}

export interface EntryFilter {
  /** null: every player. */
  playerId: number | null;
  /** '' every type, `log` every log line, `memory` every memory, else one `filterType`. */
  type: string;
  fromTurn: number | null;
  toTurn: number | null;
  search: string;
  newestFirst: boolean;
}

export const noFilter: EntryFilter = { playerId: null, type: '', fromTurn: null, toTurn: null, search: '', newestFirst: true };

export function filterEntries(entries: readonly EventEntry[], f: EntryFilter): EventEntry[] {
  const words = f.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = entries.filter((e) => {
    if (f.playerId !== null && e.playerId !== f.playerId) return false;
    if (f.type !== '' && f.type !== e.source && f.type !== e.filterType) return false;
    // An entry without a turn is kept by a range that is open on both ends only.
    if (f.fromTurn !== null && (e.turn === null || e.turn < f.fromTurn)) return false;
    if (f.toTurn !== null && (e.turn === null || e.turn > f.toTurn)) return false;
    return words.every((w) => e.searchText.includes(w));
  });
  const dir = f.newestFirst ? -1 : 1;
  return shown.sort((a, b) => dir * ((a.turn ?? -1e9) - (b.turn ?? -1e9) || a.order - b.order));
}
