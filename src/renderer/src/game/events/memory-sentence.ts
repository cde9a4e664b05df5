/**
 * A memory (a player's recollection of what another did) as a sentence
 * with its subject named: `MEMORYPLAYER_DECLARED_WAR` about player 2 reads
 * "Hatshepsut, Egypt declared war on us". The game has many memory types;
 * those without a phrase here read "<subject>: <the type's words>".
 */
import { displayName, familyName, nationName, religionName, tribeName } from '../../../../shared/names';
import type { EventPlayer, MemorySubjectKind } from '../../../../shared/views/events';
import { gameHref } from '../../lib/routes';
import type { ShownNode } from './entries';

export interface SentenceNames {
  saveId: number;
  characters: ReadonlyMap<number, string>;
  cities: ReadonlyMap<number, string>;
  players: ReadonlyMap<number, EventPlayer>;
}

/** `{s}` is the subject. */
const phrases: Record<string, string> = {
  MEMORYPLAYER_ATTACKED_CITY: '{s} attacked one of our cities',
  MEMORYPLAYER_GIFTED_YIELD: '{s} sent us a gift',
  MEMORYPLAYER_DECLARED_WAR: '{s} declared war on us',
  MEMORYPLAYER_MADE_PEACE: '{s} made peace with us',
  MEMORYFAMILY_FOUNDED_CITY: 'The {s} family founded a city',
  MEMORYFAMILY_LOST_SEAT: 'The {s} family lost its seat',
  MEMORYFAMILY_GIFTED: 'The {s} family received a gift',
  MEMORYRELIGION_ADOPTED: '{s} was adopted',
  MEMORYRELIGION_PERSECUTED: '{s} was persecuted',
  MEMORYTRIBE_ATTACKED_UNIT: 'The {s} attacked one of our units',
  MEMORYTRIBE_GIFTED: 'The {s} received a gift',
  MEMORYTRIBE_RAIDED: 'The {s} raided us',
  MEMORYCHARACTER_MARRIED: '{s} married',
  MEMORYCHARACTER_IMPRISONED: '{s} was imprisoned',
  MEMORYCHARACTER_UPGRADED: '{s} was promoted',
  MEMORYCITY_CAPTURED: '{s} was captured',
  MEMORYCITY_FOUNDED: '{s} was founded',
};

function idOf(subject: string | null): number | null {
  return subject !== null && /^\d+$/.test(subject) ? Number(subject) : null;
}

/** The subject as a node: a link where the library has a page for it. */
function subjectNode(kind: MemorySubjectKind | null, subject: string | null, names: SentenceNames): ShownNode {
  const id = idOf(subject);
  const text = (t: string): ShownNode => ({ kind: 'text', text: t });
  switch (kind) {
    case 'player': {
      const p = id === null ? undefined : names.players.get(id);
      if (!p) return text(id === null ? 'another nation' : `Player ${id + 1}`);
      return text(p.nation ? `${p.name ?? `Player ${id! + 1}`} (${nationName(p.nation)})` : (p.name ?? `Player ${id! + 1}`));
    }
    case 'character': {
      const name = id === null ? undefined : names.characters.get(id);
      if (name === undefined) return text('a character');
      return { kind: 'link', href: gameHref(names.saveId, 'rulers', id), children: [text(name)] };
    }
    case 'city': {
      const name = id === null ? undefined : names.cities.get(id);
      if (name === undefined) return text('a city');
      return { kind: 'link', href: gameHref(names.saveId, 'cities'), children: [text(name)] };
    }
    // 2024 saves number families, with no key to name them by.
    case 'family':
      return text(subject === null ? 'a' : id !== null ? `number ${id}` : familyName(subject));
    case 'religion':
      return text(subject === null ? 'a religion' : religionName(subject));
    case 'tribe':
      return text(subject === null ? 'a tribe' : tribeName(subject));
    default:
      return text(subject === null ? 'someone' : displayName(subject));
  }
}

/** `MEMORYPLAYER_DECLARED_WAR` -> "declared war", for types without a phrase. */
function typeWords(type: string): string {
  return displayName(type.replace(/^MEMORY[A-Z]*?_/, 'X_'))
    .replace(/^X /, '')
    .toLowerCase();
}

export function memorySentence(type: string, kind: MemorySubjectKind | null, subject: string | null, names: SentenceNames): ShownNode[] {
  const s = subjectNode(kind, subject, names);
  const phrase = phrases[type];
  if (phrase === undefined) return [s, { kind: 'text', text: `: ${typeWords(type)}` }];
  const [before = '', after = ''] = phrase.split('{s}');
  const out: ShownNode[] = [];
  if (before) out.push({ kind: 'text', text: before });
  out.push(s);
  if (after) out.push({ kind: 'text', text: after });
  return out;
}
