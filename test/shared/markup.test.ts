/** The event log's markup parser: every form the game writes, escapes, nesting, unknown tags, and damaged lines. */
import { describe, expect, it } from 'vitest';
import { decodeEntities, linkTarget, markupText, parseMarkup, type MarkupNode } from '../../src/shared/markup.js';

const text = (t: string): MarkupNode => ({ kind: 'text', text: t });

describe('parseMarkup', () => {
  it('reads plain text as one text node, and an empty line as nothing', () => {
    expect(parseMarkup('A plague spreads')).toEqual([text('A plague spreads')]);
    expect(parseMarkup('')).toEqual([]);
  });

  it('reads a colour around a quoted character link, as the game writes a birth', () => {
    expect(parseMarkup('<color=#e3c08c><link="HELP_LINK,HELP_CHARACTER,58">Atossa</link></color> was born')).toEqual([
      {
        kind: 'color',
        color: '#e3c08c',
        children: [{ kind: 'link', target: { kind: 'character', key: '58' }, children: [text('Atossa')] }],
      },
      text(' was born'),
    ]);
  });

  it('reads unquoted and single-quoted link values', () => {
    const [tech] = parseMarkup('<link=HELP_LINK,HELP_TECH,TECH_WRITING>Writing</link>');
    expect(tech).toEqual({ kind: 'link', target: { kind: 'tech', key: 'TECH_WRITING' }, children: [text('Writing')] });
    const [city] = parseMarkup("<link='HELP_LINK,HELP_CITY,7'>Nineveh</link>");
    expect(city).toMatchObject({ kind: 'link', target: { kind: 'city', key: '7' } });
  });

  it('names what each help link points at, and a link of another shape points nowhere', () => {
    expect(linkTarget('HELP_LINK,HELP_FAMILY,FAMILY_BARCID')).toEqual({ kind: 'family', key: 'FAMILY_BARCID' });
    expect(linkTarget('HELP_LINK,HELP_TRIBE,TRIBE_GAULS')).toEqual({ kind: 'tribe', key: 'TRIBE_GAULS' });
    expect(linkTarget('HELP_LINK,HELP_UNIT,12')).toEqual({ kind: 'unit', key: '12' });
    expect(linkTarget('HELP_LINK,HELP_CONCEPT,CONCEPT_X')).toEqual({ kind: 'other', key: 'CONCEPT_X' });
    expect(linkTarget('nothing')).toBeNull();
    expect(linkTarget('HELP_LINK,HELP_CHARACTER,')).toBeNull();
    expect(parseMarkup('<link>bare</link>')).toEqual([{ kind: 'link', target: null, children: [text('bare')] }]);
  });

  it('decodes entity references left in the text: named, decimal and hex', () => {
    expect(markupText(parseMarkup('Founded Nineveh &#8212; a new city&#x2019;s dawn &amp; more &quot;x&quot; &apos;y&apos;'))).toBe(
      'Founded Nineveh — a new city’s dawn & more "x" \'y\'',
    );
    expect(decodeEntities('&lt;color&gt;')).toBe('<color>');
    // A reference that names nothing stays as written.
    expect(decodeEntities('&bogus; &#0; &#xD800; AT&T')).toBe('&bogus; &#0; &#xD800; AT&T');
  });

  it('keeps an escaped tag as text, never as markup', () => {
    expect(parseMarkup('&lt;color=#fff&gt;hi')).toEqual([text('<color=#fff>hi')]);
  });

  it('nests colours and links inside each other', () => {
    const nodes = parseMarkup('<color=#111><color=#222>a<link="HELP_LINK,HELP_CITY,1">b</link></color>c</color>');
    expect(nodes).toEqual([
      {
        kind: 'color',
        color: '#111',
        children: [
          {
            kind: 'color',
            color: '#222',
            children: [text('a'), { kind: 'link', target: { kind: 'city', key: '1' }, children: [text('b')] }],
          },
          text('c'),
        ],
      },
    ]);
  });

  it('drops unknown and self-closing tags but keeps their text', () => {
    expect(parseMarkup("<icon=ICON_BIRTH/> Zoë's child was born")).toEqual([text(" Zoë's child was born")]);
    expect(parseMarkup('<b>bold</b> and <sprite="x" index=3>s</sprite> <size=120%>big</size>')).toEqual([text('bold and s big')]);
  });

  it('drops a colour that is not a colour, keeping its text', () => {
    expect(parseMarkup('<color=red>x</color> <color="#12">y</color>')).toEqual([text('x y')]);
    expect(parseMarkup('<color=#AbCdEf80>z</color>')).toEqual([{ kind: 'color', color: '#abcdef80', children: [text('z')] }]);
  });

  it('reads damaged lines without throwing: stray <, unclosed and unmatched tags', () => {
    expect(parseMarkup('1 < 2 and 3 <4 and <')).toEqual([text('1 < 2 and 3 <4 and <')]);
    expect(parseMarkup('<color=#fff>never closed')).toEqual([{ kind: 'color', color: '#fff', children: [text('never closed')] }]);
    expect(parseMarkup('no opener</link></color> here')).toEqual([text('no opener here')]);
    expect(parseMarkup('<link="HELP_LINK,HELP_CITY,1"')).toEqual([text('<link="HELP_LINK,HELP_CITY,1"')]);
    // Closing the outer tag closes the inner one left open.
    expect(parseMarkup('<color=#fff><link=HELP_LINK,HELP_CITY,2>a</color>b')).toEqual([
      { kind: 'color', color: '#fff', children: [{ kind: 'link', target: { kind: 'city', key: '2' }, children: [text('a')] }] },
      text('b'),
    ]);
  });

  it('stops nesting at a sane depth, so a hostile line cannot overflow the renderer', () => {
    const deep = '<color=#fff>'.repeat(10_000) + 'x';
    const nodes = parseMarkup(deep);
    let depth = 0;
    let n: MarkupNode | undefined = nodes[0];
    while (n && n.kind !== 'text') {
      depth++;
      n = n.children[0];
    }
    expect(depth).toBeLessThanOrEqual(16);
    expect(markupText(nodes)).toBe('x');
  });

  it('never throws on random input, and keeps every character that is not markup', () => {
    const alphabet = ['<', '>', '/', '=', '"', "'", '&', '#', ';', 'color', 'link', 'a', ' ', '#fff', 'HELP_LINK,', 'amp', 'é'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let j = 0; j < 30; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const out = markupText(parseMarkup(s));
      expect(typeof out).toBe('string');
      expect(out.length).toBeLessThanOrEqual(s.length);
    }
  });
});

describe('markupText', () => {
  it('is the text a player reads, for search', () => {
    expect(markupText(parseMarkup('<color=#e3c08c><link="HELP_LINK,HELP_CHARACTER,58">Atossa</link></color> was born'))).toBe(
      'Atossa was born',
    );
  });
});
