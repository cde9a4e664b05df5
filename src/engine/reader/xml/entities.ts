import { Buffer } from 'node:buffer';

/**
 * Character and entity references. Only the five predefined entities and
 * numeric character references exist: a save has no DTD, so any other
 * `&name;` is a well-formedness error, and nothing is ever expanded beyond a
 * single character.
 */

/** Reasons are returned (not thrown) so the scanner can attach a position. */
export type RefCheck = { end: number } | { error: string };

/**
 * Validates the reference starting at `amp` (b[amp] === '&'); returns the
 * index just past its `;`.
 */
export function checkRef(b: Uint8Array, amp: number): RefCheck {
  let p = amp + 1;
  let c = b[p];
  if (c === 0x23 /* # */) {
    p++;
    let cp = 0;
    let digits = 0;
    if (b[p] === 0x78 /* x */) {
      p++;
      for (;;) {
        c = b[p];
        const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
        if (v < 0) break;
        cp = cp * 16 + v;
        if (cp > 0x10ffff) cp = 0x110000;
        digits++;
        p++;
      }
    } else {
      for (;;) {
        c = b[p];
        if (!(c >= 0x30 && c <= 0x39)) break;
        cp = cp * 10 + (c - 0x30);
        if (cp > 0x10ffff) cp = 0x110000;
        digits++;
        p++;
      }
    }
    if (digits === 0 || c !== 0x3b /* ; */) return { error: 'malformed character reference' };
    if (!isXmlChar(cp)) return { error: `character reference to an illegal character (${cp})` };
    return { end: p + 1 };
  }
  let semi = p;
  while (semi < b.length && semi - p <= 8 && b[semi] !== 0x3b) semi++;
  if (b[semi] !== 0x3b) return { error: "'&' not followed by an entity or character reference (write &amp;)" };
  if (isPredefined(b, p, semi - p)) return { end: semi + 1 };
  return { error: `undefined entity '&${Buffer.from(b.subarray(p, semi)).toString('utf8')};' (saves declare no entities)` };
}

/** amp, lt, gt, quot or apos at b[p, p + n), compared byte by byte (no string per reference). */
function isPredefined(b: Uint8Array, p: number, n: number): boolean {
  const c0 = b[p];
  const c1 = b[p + 1];
  if (n === 2) return (c0 === 0x6c || c0 === 0x67) && c1 === 0x74; // lt gt
  if (n === 3) return c0 === 0x61 && c1 === 0x6d && b[p + 2] === 0x70; // amp
  if (n === 4) {
    const c2 = b[p + 2];
    const c3 = b[p + 3];
    return (c0 === 0x71 && c1 === 0x75 && c2 === 0x6f && c3 === 0x74) || (c0 === 0x61 && c1 === 0x70 && c2 === 0x6f && c3 === 0x73); // quot apos
  }
  return false;
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Replaces references in an already-validated string. A plain loop: log
 * text is full of `&lt;color=...&gt;` and a regex with a callback costs
 * several times more.
 */
export function decodeRefs(s: string): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = s.indexOf(';', amp);
    out += s.slice(from, amp);
    const c = s.charCodeAt(amp + 1);
    if (c === 0x23 /* # */) {
      const hex = s.charCodeAt(amp + 2) === 0x78;
      out += String.fromCodePoint(parseInt(s.slice(amp + (hex ? 3 : 2), semi), hex ? 16 : 10));
    } else if (c === 0x6c /* l */) out += '<';
    else if (c === 0x67 /* g */) out += '>';
    else if (c === 0x71 /* q */) out += '"';
    else if (s.charCodeAt(amp + 2) === 0x6d /* amp */) out += '&';
    else out += "'"; // apos
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}
