/**
 * The game's rich text (event log lines) as a tree of text, colour and link
 * nodes, never as HTML: `<color=#e3c08c><link="HELP_LINK,HELP_CHARACTER,58">
 * Atossa</link></color> was born` becomes a colour node holding a link node
 * to character 58 holding the text "Atossa". Tags the views do not show
 * (`<icon=…/>`, `<sprite=…>`, anything unknown) are dropped and their text
 * kept. Any input parses: a stray `<`, an unclosed or unmatched tag is text
 * or is closed at the end, so a damaged save line still reads.
 */

export type LinkKind = 'character' | 'city' | 'family' | 'tribe' | 'unit' | 'religion' | 'nation' | 'tech' | 'other';

export interface LinkTarget {
  kind: LinkKind;
  /** The id or key the link names, as written (`58`, `TECH_WRITING`). */
  key: string;
}

export type MarkupNode =
  | { kind: 'text'; text: string }
  | { kind: 'color'; color: string; children: MarkupNode[] }
  | { kind: 'link'; target: LinkTarget | null; children: MarkupNode[] };

/** Deeper nesting than any real line: tags past it are dropped, so a hostile line cannot blow the renderer's stack. */
const maxDepth = 16;

/** `HELP_CHARACTER` and friends, as the game's help links name what they point at. */
const linkKinds: Record<string, LinkKind> = {
  HELP_CHARACTER: 'character',
  HELP_CITY: 'city',
  HELP_FAMILY: 'family',
  HELP_TRIBE: 'tribe',
  HELP_UNIT: 'unit',
  HELP_RELIGION: 'religion',
  HELP_NATION: 'nation',
  HELP_TECH: 'tech',
};

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Entity references left in text (lines escaped twice): named, decimal and
 * hex. A reference that names no character stays as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return entities[ref] ?? whole;
  });
}

/** `#rgb`, `#rrggbb` or `#rrggbbaa`; anything else is no colour (its text is kept). */
function colourOf(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  return /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(v) ? v.toLowerCase() : null;
}

/** `HELP_LINK,HELP_CHARACTER,58` -> character 58; a link of another shape names nothing. */
export function linkTarget(value: string | null): LinkTarget | null {
  if (value === null) return null;
  const parts = value.split(',').map((p) => p.trim());
  const kindKey = parts.length >= 3 ? parts[1]! : parts.length === 2 ? parts[0]! : null;
  const key = parts[parts.length - 1] ?? '';
  if (kindKey === null || key === '') return null;
  return { kind: linkKinds[kindKey] ?? 'other', key };
}

/** One tag: `<name>`, `<name=value>`, `<name="value">`, `</name>`, `<name=value/>`. */
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^>]*?)))?\s*(\/?)>/y;

interface Open {
  tag: string;
  node: MarkupNode & { children: MarkupNode[] };
}

export function parseMarkup(source: string): MarkupNode[] {
  // Most lines of a log are plain words: no tag, no reference to decode.
  if (!source.includes('<') && !source.includes('&')) return source === '' ? [] : [{ kind: 'text', text: source }];
  const root: MarkupNode[] = [];
  const stack: Open[] = [];
  let text = '';
  const into = (): MarkupNode[] => (stack.length > 0 ? stack[stack.length - 1]!.node.children : root);
  const flush = () => {
    if (text === '') return;
    const decoded = decodeEntities(text);
    const siblings = into();
    const last = siblings[siblings.length - 1];
    if (last?.kind === 'text') last.text += decoded;
    else siblings.push({ kind: 'text', text: decoded });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      text += source.slice(i);
      break;
    }
    text += source.slice(i, lt);
    tagPattern.lastIndex = lt;
    const m = tagPattern.exec(source);
    if (!m) {
      // A `<` that starts no tag ("a < b") is text.
      text += '<';
      i = lt + 1;
      continue;
    }
    i = tagPattern.lastIndex;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const value = m[3] ?? m[4] ?? m[5] ?? null;
    const selfClosing = m[6] === '/';
    flush();
    if (closing) {
      // Close the nearest open tag of that name and whatever it still holds; a close with no opener is dropped.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k]!.tag === tag) {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    if (selfClosing || stack.length >= maxDepth) continue;
    let node: Open['node'] | null = null;
    if (tag === 'color') {
      const colour = colourOf(value);
      node = colour ? { kind: 'color', color: colour, children: [] } : null;
    } else if (tag === 'link') {
      node = { kind: 'link', target: linkTarget(value), children: [] };
    }
    // Other tags (bold, icons, sprites, sizes) shape text the views style themselves: only their text is kept.
    if (node === null) continue;
    into().push(node);
    stack.push({ tag, node });
  }
  flush();
  return root;
}

/** The text a player reads, without any markup: what search matches. */
export function markupText(nodes: readonly MarkupNode[]): string {
  let out = '';
  for (const n of nodes) out += n.kind === 'text' ? n.text : markupText(n.children);
  return out;
}
