/**
 * The XML layer through parseSaveXml: well-formedness (with line and
 * column), forbidden DTDs, references, encodings, and the save-shape codes.
 */
import { describe, expect, it } from 'vitest';
import { ScribeError } from '../../src/engine/errors.js';
import { parseSaveXml } from '../../src/engine/reader/index.js';
import { failureCodes } from '../../src/shared/errors.js';
import { generateSave, Rng } from '../fixtures/generate.js';
import { expectCode, miniSave, parse, thrown } from './helpers.js';

/** 1-based line and column of the first `marker` in `doc` (+ `offset` chars). */
function locate(doc: string, marker: string, offset = 0): { line: number; column: number } {
  const at = doc.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not in document`);
  const before = doc.slice(0, at + offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

describe('well-formedness: XML_MALFORMED with line and column', () => {
  const cases: [string, string, string, number?][] = [
    // [what, document, marker where the error is reported, offset from the marker]
    ['end tag that does not match', miniSave('<A>\n  <B>x</C>\n</A>\n'), '</C>'],
    ['element never closed', miniSave('<A>\n  <B>x</B>\n'), '</Root>'],
    [
      'document cut off inside an element',
      '<Root GameId="g" MapWidth="4">\n  <Game>\n    <Turn>3</Turn>\n',
      '    <Turn>',
      '    <Turn>3</Turn>\n'.length,
    ],
    ['end tag without start tag', miniSave('</Stray>\n'), '</Stray>'],
    ["'<' in text", miniSave('<A>1 < 2</A>\n'), '< 2'],
    ["'<' in an attribute value", miniSave('<A v="a<b" />\n'), '<b'],
    ['attribute value without quotes', miniSave('<A v=1 />\n'), '1 />'],
    ['attribute without a value', miniSave('<A v />\n'), '/>'],
    ['duplicate attribute', miniSave('<A v="1" v="2" />\n'), 'v="2"'],
    ['no whitespace between attributes', miniSave('<A a="1"b="2" />\n'), 'b="2"'],
    ['undefined entity', miniSave('<A>&nbsp;</A>\n'), '&nbsp;'],
    ["bare '&'", miniSave('<A>Trade & Commerce</A>\n'), '& Commerce'],
    ["'&' in an attribute", miniSave('<A v="R&D" />\n'), '&D'],
    ['character reference to NUL', miniSave('<A>&#0;</A>\n'), '&#0;'],
    // Raw control characters are refused like their references (XML 1.0 allows only tab, LF and CR).
    ['raw NUL in text', miniSave('<A>a\u0000b</A>\n'), '\u0000'],
    ['raw control character in an attribute value', miniSave('<A v="a\u0001" />\n'), '\u0001'],
    ['raw control character in a comment', miniSave('<!-- \u001f -->\n'), '\u001f'],
    ['raw control character in CDATA', miniSave('<A><![CDATA[\u0008]]></A>\n'), '\u0008'],
    [
      'raw control character in a processing instruction',
      miniSave('', undefined, '<?xml version="1.0"?>\n<?ActivePlayer 0\u000b?>\n'),
      '\u000b',
    ],
    ['raw form feed between elements', miniSave('<A />\f<B />\n'), '\f'],
    ['character reference to a surrogate', miniSave('<A>&#xD800;</A>\n'), '&#xD800;'],
    ['character reference without digits', miniSave('<A>&#;</A>\n'), '&#;'],
    ["']]>' in text", miniSave('<A>a ]]> b</A>\n'), ']]>'],
    ['text before the root', 'oops<Root GameId="g" MapWidth="1"><Game><Turn>1</Turn></Game></Root>', 'oops'],
    ['a second root element', `${miniSave()}<Root />\n`, '<Root />'],
    ['text after the root', `${miniSave()}trailing`, 'trailing'],
    ["'--' inside a comment", miniSave('<!-- a -- b -->\n'), '-- b'],
    ['unterminated comment', miniSave('<!-- never closed\n'), '<!--'],
    ['XML declaration not at the start', ` ${miniSave()}`, '<?xml'],
    ['CDATA outside the root', `${miniSave()}<![CDATA[x]]>`, '<![CDATA['],
    ["'<!' that is no comment", miniSave('<!X>\n'), '<!X>'],
    ['element name starting with a digit', miniSave('<1A />\n'), '<1A'],
    ['end tag not closed', miniSave('<A>x</A\n'), '</Root>'],
  ];
  for (const [what, doc, marker, offset] of cases) {
    it(what, () => {
      const err = expectCode(() => parse(doc), 'XML_MALFORMED');
      const where = locate(doc, marker, offset ?? 0);
      expect(err.detail).toEqual(where);
      expect(err.message).toContain(`line ${where.line}, column ${where.column}`);
    });
  }

  it('finds a raw control character at every offset of the four-byte reads, and at the very end', () => {
    for (let k = 0; k < 8; k++) {
      const doc = miniSave(`<A>${'x'.repeat(k)}\u0000</A>\n`);
      const err = expectCode(() => parse(doc), 'XML_MALFORMED');
      expect(err.detail, `offset ${k}`).toEqual(locate(doc, '\u0000'));
      expect(err.message).toContain('control character U+0000');
    }
    for (let k = 0; k < 4; k++) {
      // Unclosed text running into the end of the document: the scanner's byte-by-byte tail.
      const doc = `${miniSave().replace('</Root>\n', '')}${'y'.repeat(k)}\u0002`;
      expect(expectCode(() => parse(doc), 'XML_MALFORMED').detail, `tail ${k}`).toEqual(locate(doc, '\u0002'));
    }
  });

  it('refuses the non-characters U+FFFE and U+FFFF raw as by reference, and keeps their neighbours', () => {
    for (const ch of ['\uFFFE', '\uFFFF']) {
      const doc = miniSave(`<A>é${ch}</A>\n`);
      const err = expectCode(() => parse(doc), 'XML_MALFORMED');
      expect(err.detail).toEqual(locate(doc, ch));
      expectCode(() => parse(miniSave(`<A>&#x${ch.charCodeAt(0).toString(16)};</A>\n`)), 'XML_MALFORMED');
    }
    expect(parse(miniSave('<Player ID="0" Name="\uFFFD\uFFEE\uFFBF" />\n')).players[0]!.name).toBe('\uFFFD\uFFEE\uFFBF');
  });

  it('accepts tab, line feed and carriage return anywhere text may be', () => {
    const save = parse(miniSave('<Player ID="0" Name="a\tb"><Legitimacy>\r\n\t7\t\r\n</Legitimacy></Player>\n'));
    expect(save.players[0]).toMatchObject({ name: 'a b', legitimacy: 7 });
  });

  it('counts columns in characters on lines with non-ASCII text', () => {
    const doc = miniSave('<A name="Zoë ☥">é</B>\n');
    const err = expectCode(() => parse(doc), 'XML_MALFORMED');
    expect(err.detail).toEqual(locate(doc, '</B>'));
    expect(err.detail?.column).toBe('<A name="Zoë ☥">é'.length + 1);
  });

  it('refuses bytes that are not UTF-8, with their position', () => {
    const head = Buffer.from(miniSave('<A>').replace('</Root>\n', ''), 'utf8');
    const doc = Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from('</A></Root>')]);
    const err = expectCode(() => parseSaveXml(doc), 'XML_MALFORMED');
    expect(err.detail?.line).toBe(head.toString('utf8').split('\n').length);
  });

  it('refuses UTF-16 and empty documents', () => {
    expectCode(() => parseSaveXml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(miniSave(), 'utf16le')])), 'XML_MALFORMED');
    expectCode(() => parseSaveXml(Buffer.alloc(0)), 'XML_MALFORMED');
    expectCode(() => parse('   \n  '), 'XML_MALFORMED');
  });
});

describe('DTDs and entity declarations: XML_FORBIDDEN_DTD', () => {
  it('refuses a DOCTYPE in the prologue (billion laughs) without expanding anything', () => {
    const doc =
      '<?xml version="1.0"?>\n<!DOCTYPE Root [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Root GameId="g" MapWidth="1"><Game><Turn>1</Turn></Game>&b;</Root>';
    const err = expectCode(() => parse(doc), 'XML_FORBIDDEN_DTD');
    expect(err.detail).toEqual({ line: 2, column: 1 });
  });

  it('refuses an external entity (XXE)', () => {
    expectCode(
      () =>
        parse('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Root GameId="g" MapWidth="1"><Game><Turn>1</Turn></Game>&x;</Root>'),
      'XML_FORBIDDEN_DTD',
    );
  });

  it('refuses declarations anywhere, even inside elements', () => {
    expectCode(() => parse(miniSave('<A><!ENTITY x "y"></A>\n')), 'XML_FORBIDDEN_DTD');
    expectCode(() => parse(miniSave('<!DOCTYPE late>\n')), 'XML_FORBIDDEN_DTD');
    expectCode(() => parse(`${miniSave()}<!DOCTYPE after>`), 'XML_FORBIDDEN_DTD');
    expectCode(() => parse(`<!doctype html>${miniSave('', undefined, '')}`), 'XML_FORBIDDEN_DTD');
  });
});

describe('text, references and encodings', () => {
  it('accepts a BOM, CRLF line endings, comments and processing instructions', () => {
    const doc = `\uFEFF${miniSave('<!-- note -->\r\n<?pi data?>\r\n', 'GameId="g-2"\r\n  MapWidth="4"').replace(/\n/g, '\r\n')}<!-- after -->\r\n`;
    const save = parse(doc);
    expect(save.meta.gameId).toBe('g-2');
    expect(save.meta.xmlBytes).toBe(Buffer.byteLength(doc, 'utf8'));
  });

  it('decodes the five entities and character references in text and attributes', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" Name="A &amp; B &lt;&gt; &quot;x&quot; &apos;y&apos; &#x2014;&#8212;" AIControlledToTurn="0">\n' +
          '<PermanentLogList><LogData><Type>T</Type><Text>&lt;color=#e3c08c&gt;Iron&lt;/color&gt; &amp; &#x1F600; &#233;</Text></LogData></PermanentLogList>\n' +
          '</Player>\n',
      ),
    );
    expect(save.players[0]!.name).toBe('A & B <> "x" \'y\' ——');
    expect(save.logEntries[0]!.text).toBe('<color=#e3c08c>Iron</color> & 😀 é');
  });

  it('reads CDATA verbatim and drops comments inside text', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" AIControlledToTurn="0"><PermanentLogList><LogData><Type>T</Type><Text>a<!-- c --><![CDATA[<b>&amp;</b>]]>z</Text></LogData></PermanentLogList></Player>\n',
      ),
    );
    expect(save.logEntries[0]!.text).toBe('a<b>&amp;</b>z');
  });

  it('normalizes line endings in text and whitespace in attribute values', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" Name="two\r\nlines\tand&#10;ref" AIControlledToTurn="0"><PermanentLogList><LogData><Type>T</Type><Text>one\r\ntwo\rthree&#13;</Text></LogData></PermanentLogList></Player>\n',
      ),
    );
    expect(save.players[0]!.name).toBe('two lines and\nref');
    expect(save.logEntries[0]!.text).toBe('one\ntwo\nthree\r');
  });

  it('reads non-ASCII names and values as UTF-8', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" Name="Hatshepsut ☥" AIControlledToTurn="0" />\n<Character ID="1" FirstName="Ætheling"><Family>FAMILY_Ü</Family></Character>\n',
        'GameId="g" GameName="Zoë’s game" MapWidth="4"',
      ),
    );
    expect(save.meta.gameName).toBe('Zoë’s game');
    expect(save.players[0]!.name).toBe('Hatshepsut ☥');
    expect(save.characters[0]).toMatchObject({ firstName: 'Ætheling', family: 'FAMILY_Ü' });
  });

  it('finds every tag and matches every end tag whatever its byte offset, text length or neighbouring bytes', () => {
    // The scanner reads four bytes at a time: vary where '<' falls in a word,
    // put UTF-8 bytes (>= 0x80) right before it, and use names of every length.
    const texts: string[] = [];
    const entries: string[] = [];
    for (let len = 0; len < 14; len++) {
      for (const filler of ['a', 'é', '☥']) {
        const text = filler.repeat(len).slice(0, len);
        texts.push(text);
        const type = `T${'X'.repeat(len)}`;
        entries.push(`${' '.repeat(len % 5)}<LogData><Type>${type}</Type><Text>${text}</Text></LogData>\n`);
      }
    }
    const save = parse(
      miniSave(`<Player ID="0" AIControlledToTurn="0"><PermanentLogList>\n${entries.join('')}</PermanentLogList></Player>\n`),
    );
    expect(save.logEntries.map((e) => e.text ?? '')).toEqual(texts);
    expect(save.logEntries.map((e) => e.type)).toEqual(texts.map((_, i) => `T${'X'.repeat(Math.floor(i / 3))}`));
    // Two '<' within one four-byte word.
    const names = ['a', 'bb', 'c', 'ddd', 'e'];
    for (let shift = 0; shift < 4; shift++) {
      const inner = `${' '.repeat(shift)}<VictoryEnabled>${names.map((n) => `<${n}></${n}>`).join('')}<f/></VictoryEnabled>\n`;
      expect(parse(miniSave(inner)).meta.victoryEnabled).toEqual([...names, 'f']);
    }
  });

  it('refuses an end tag that differs from its start tag in any byte, or runs past the end', () => {
    for (const [open, close] of [
      ['Abcdefgh', 'Abcdefgx'],
      ['Abcdefgh', 'Xbcdefgh'],
      ['Abcdefgh', 'Abcdefg'],
      ['Abcd', 'Abcde'],
      ['Ab', 'Ax'],
    ]) {
      expectCode(() => parse(miniSave(`<${open}>1</${close}>\n`)), 'XML_MALFORMED');
    }
    const doc = miniSave('<Abcdefghijkl>1</Abcdefghijkl>\n');
    const cut = doc.indexOf('</Abcdefghijkl>') + 6;
    expectCode(() => parse(doc.slice(0, cut)), 'XML_MALFORMED');
  });

  it('reads the active player from <?ActivePlayer N?>, null without it', () => {
    expect(parse(miniSave('', undefined, '<?xml version="1.0"?>\n<?ActivePlayer 3?>\n')).meta.activePlayer).toBe(3);
    expect(parse(miniSave()).meta.activePlayer).toBeNull();
  });

  it('accepts an empty root element in an otherwise valid document shape check', () => {
    expectCode(() => parse('<Root GameId="g" MapWidth="3" />'), 'MISSING_FIELD');
  });
});

describe('save shape: NOT_OLD_WORLD_SAVE and MISSING_FIELD', () => {
  it('refuses other XML documents', () => {
    expectCode(() => parse('<?xml version="1.0"?><html><body /></html>'), 'NOT_OLD_WORLD_SAVE');
    expectCode(() => parse('<Root><Settings volume="3" /></Root>'), 'NOT_OLD_WORLD_SAVE');
  });

  it('refuses nesting deeper than any save, without an unbounded stack', () => {
    const depth = 5000;
    expectCode(() => parse(miniSave(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}\n`)), 'NOT_OLD_WORLD_SAVE');
    expect(parse(miniSave(`${'<a>'.repeat(500)}${'</a>'.repeat(500)}\n`)).meta.gameId).toBe('g-1');
  });

  it('decides on the root name before reading the rest', () => {
    // The rest is malformed, but the document was never a save.
    expectCode(() => parse('<svg><g></svg>'), 'NOT_OLD_WORLD_SAVE');
  });

  const missing: [string, string, string][] = [
    ['GameId', miniSave('', 'MapWidth="4"'), 'GameId'],
    ['empty GameId', miniSave('', 'GameId="" MapWidth="4"'), 'GameId'],
    ['MapWidth', miniSave('', 'GameId="g"'), 'MapWidth'],
    ['Game/Turn', '<Root GameId="g" MapWidth="4"><Game><Seed>1</Seed></Game></Root>', 'Game/Turn'],
    ['Game', '<Root GameId="g" MapWidth="4"><Player ID="0" /></Root>', 'Game/Turn'],
    ['every Player', miniSave('<Player ID="0" />\n').replace('<Player ID="0" />\n', ''), 'Player'],
    ['a Character ID', miniSave('<Character FirstName="A" />\n'), 'Character/ID'],
  ];
  for (const [what, doc, field] of missing) {
    it(`names the missing field: ${what}`, () => {
      const err = expectCode(() => parse(doc), 'MISSING_FIELD');
      expect(err.detail).toEqual({ field });
    });
  }
});

describe('no untyped errors, whatever the input', () => {
  it('damaged copies of a real save only ever fail with a reader code', () => {
    const xml = Buffer.from(generateSave({ seed: 31, scale: 'small' }).xml, 'utf8');
    const r = new Rng(99);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const doc = Buffer.from(xml);
      const kind = i % 3;
      if (kind === 0) {
        // cut anywhere
        const cut = r.int(0, doc.length - 1);
        check(doc.subarray(0, cut));
      } else if (kind === 1) {
        // flip a few bytes anywhere
        for (let k = 0; k < r.int(1, 4); k++) doc[r.int(0, doc.length - 1)] = r.int(0, 255);
        check(doc);
      } else {
        // splice in markup characters
        const at = r.int(0, doc.length - 1);
        check(
          Buffer.concat([
            doc.subarray(0, at),
            Buffer.from(r.pick(['<', '>', '&', '"', "'", ']]>', '<!', '<?', '</', '/>', '&#', '\u0000'])),
            doc.subarray(at),
          ]),
        );
      }
    }
    function check(doc: Buffer): void {
      try {
        parseSaveXml(doc);
        seen.add('ok');
      } catch (err) {
        expect(err).toBeInstanceOf(ScribeError);
        const code = (err as ScribeError).code;
        expect(failureCodes).toContain(code);
        expect(code, (err as Error).message).not.toBe('INTERNAL');
        seen.add(code);
      }
    }
    // The damage really reached both the scanner and the mapper.
    expect(seen.has('XML_MALFORMED')).toBe(true);
    expect(seen.has('ok')).toBe(true);
  });

  it('anything thrown is a ScribeError', () => {
    for (const input of [
      '<',
      '<Root',
      '<Root GameId=',
      '<Root GameId="g" MapWidth="1"><Game><Turn>',
      '\u0000\u0001',
      '<?xml',
      '<!--',
      '<Root GameId="g" MapWidth="99999999999999999999"><Game><Turn>1</Turn></Game></Root>',
    ]) {
      const err = thrown(() => parse(input));
      expect(err.code).not.toBe('INTERNAL');
    }
  });
});
