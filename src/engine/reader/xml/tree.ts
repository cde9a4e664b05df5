/**
 * Compact element tree: struct-of-arrays over the document text, no object
 * per element. Elements are numbered in document order (0 = root), and
 * `end[n]` is the number just past n's last descendant, so the first child of
 * n is n + 1 (when n + 1 < end[n]) and the next sibling of c is end[c].
 * Text and attribute values stay byte ranges until asked for.
 */
import type { Buffer } from 'node:buffer';
import { ScribeError } from '../../errors.js';
import { decodeRefs } from './entities.js';
import { InternTable } from './names.js';
import { lineColumn } from './text.js';

/**
 * Every integer a save holds lands in a 32-bit column (DuckDB's INTEGER;
 * the game itself writes .NET ints), so one outside this range is refused
 * when read instead of failing, or not, depending on the database.
 */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** Content holds `&...;` references. */
export const F_REFS = 1;
/** Content holds comments, CDATA or processing instructions. */
export const F_MIXED = 2;

/** Attribute value holds references. */
export const A_REFS = 1;
/** Attribute value holds literal tab / CR / LF. */
export const A_SPACE = 2;

export const NONE = -1;

const CR = /\r\n?/g;
const ATTR_WS = /\r\n|[\t\n\r]/g;

export interface ProcessingInstruction {
  target: string;
  data: string;
}

export class XmlTree {
  constructor(
    /** The UTF-8 document (BOM stripped); integers are parsed from here without a string. */
    readonly bytes: Buffer,
    readonly ascii: boolean,
    readonly names: string[],
    readonly count: number,
    readonly nameOf: Int32Array,
    readonly end: Int32Array,
    readonly contentStart: Int32Array,
    readonly contentEnd: Int32Array,
    /** Attributes of n are attrFirst[n] .. attrFirst[n + 1] - 1. */
    readonly attrFirst: Int32Array,
    readonly flags: Uint8Array,
    readonly attrName: Int32Array,
    readonly attrStart: Int32Array,
    readonly attrEnd: Int32Array,
    readonly attrFlags: Uint8Array,
    /** Processing instructions before the root element (`<?ActivePlayer 0?>`). */
    readonly prolog: ProcessingInstruction[],
  ) {}

  name(n: number): string {
    return this.names[this.nameOf[n]];
  }

  firstChild(n: number): number {
    return n + 1 < this.end[n] ? n + 1 : NONE;
  }

  /** Next sibling of `c` under `parent`, or NONE. */
  nextSibling(c: number, parent: number): number {
    const next = this.end[c];
    return next < this.end[parent] ? next : NONE;
  }

  hasChildren(n: number): boolean {
    return n + 1 < this.end[n];
  }

  /** First child of `n` named `name`, or NONE. */
  child(n: number, name: string): number {
    const stop = this.end[n];
    for (let c = n + 1; c < stop; c = this.end[c]) if (this.names[this.nameOf[c]] === name) return c;
    return NONE;
  }

  /**
   * Text of a leaf element, references decoded; '' for an empty element or
   * one with element children.
   */
  text(n: number): string {
    if (n + 1 < this.end[n]) return '';
    const s = this.contentStart[n];
    const e = this.contentEnd[n];
    if (s === e) return '';
    const f = this.flags[n];
    if (f & F_MIXED) return mixedText(this.bytes, s, e);
    let raw = this.slice(s, e);
    // XML end-of-line handling: CRLF and lone CR read as LF.
    if (raw.indexOf('\r') !== -1) raw = raw.replace(CR, '\n');
    return f & F_REFS ? decodeRefs(raw) : raw;
  }

  /**
   * Integer text of a leaf, parsed straight from the source (no string);
   * null when absent, empty or not an integer. An integer outside the
   * 32-bit range is refused (INVALID_VALUE, see INT32_MIN).
   */
  int(n: number): number | null {
    if (n === NONE || n + 1 < this.end[n]) return null;
    const s = this.contentStart[n];
    const e = this.contentEnd[n];
    // Nine characters or fewer cannot leave the range: the hot path stays as lean as before.
    if (this.flags[n] === 0 && e - s <= 9) return parseIntBytes(this.bytes, s, e);
    const v = this.flags[n] !== 0 ? parseIntStrict(this.text(n), 0, -1) : parseIntBytes(this.bytes, s, e);
    if (v !== null && (v > INT32_MAX || v < INT32_MIN)) this.outOfRange(`<${this.name(n)}>`, this.text(n), s);
    return v;
  }

  private outOfRange(what: string, raw: string, pos: number): never {
    const { line, column } = lineColumn(this.bytes, pos);
    const value = raw.trim().slice(0, 40);
    throw new ScribeError(
      'INVALID_VALUE',
      `The save's ${what} value ${value} is out of range (line ${line}): saves hold whole numbers from ${INT32_MIN} to ${INT32_MAX}.`,
      { field: what.replace(/[<>]/g, ''), line, column },
    );
  }

  /** Per name id: 1 + the last element whose children uniqueChildren() saw with that name. */
  private childStamp: Int32Array | null = null;

  /**
   * Throws INVALID_VALUE when two children of `n` share a name. In a keyed
   * map (`<YieldStockpile>`, `<PointsHistory>`, `<OwnerHistory>`...) the
   * child's name is the key, so a repeat is a repeated row: SQLite's key
   * refuses it, DuckDB (no keys) keeps both.
   */
  uniqueChildren(n: number): void {
    // The name table is complete once the scan is done, so one array serves every call.
    const stamp = (this.childStamp ??= new Int32Array(this.names.length));
    const mark = n + 1;
    const stop = this.end[n];
    for (let c = n + 1; c < stop; c = this.end[c]) {
      const id = this.nameOf[c];
      if (stamp[id] === mark) this.repeated(n, c);
      stamp[id] = mark;
    }
  }

  /** INVALID_VALUE: child `c` of `parent` repeats an earlier one. */
  repeated(parent: number, c: number): never {
    const { line, column } = lineColumn(this.bytes, this.contentStart[c]);
    const child = this.name(c);
    const owner = this.name(parent);
    throw new ScribeError('INVALID_VALUE', `The save lists <${child}> twice in one <${owner}> (line ${line}).`, {
      field: `${owner}/${child}`,
      line,
      column,
    });
  }

  /** Bytes [s, e) decoded (valid UTF-8 was checked once for the whole document). */
  private slice(s: number, e: number): string {
    return this.bytes.toString(this.ascii ? 'latin1' : 'utf8', s, e);
  }

  /** Distinct values seen by value() / attrValue(), shared by all rows. */
  private readonly values = new InternTable(false);

  /**
   * Like text(), for enum-like values that repeat (TERRAIN_LUSH, FAMILY_X):
   * the same string object for the same bytes, no slice per occurrence.
   */
  value(n: number): string {
    if (n + 1 < this.end[n] || this.flags[n] !== 0) return this.text(n);
    const s = this.contentStart[n];
    const e = this.contentEnd[n];
    if (s === e) return '';
    if (e - s > 64) return this.text(n);
    const h = hashValue(this.bytes, s, e);
    return h === CR_SEEN ? this.text(n) : this.values.names[this.values.id(this.bytes, s, e, h)];
  }

  /** Index of attribute `name` of `n`, or NONE. */
  attrIndex(n: number, name: string): number {
    const stop = this.attrFirst[n + 1];
    for (let a = this.attrFirst[n]; a < stop; a++) if (this.names[this.attrName[a]] === name) return a;
    return NONE;
  }

  attr(n: number, name: string): string | null {
    const a = this.attrIndex(n, name);
    return a === NONE ? null : this.attrValue(a);
  }

  attrValue(a: number): string {
    const f = this.attrFlags[a];
    const s = this.attrStart[a];
    const e = this.attrEnd[a];
    if (f === 0 && e - s <= 64) return this.values.names[this.values.id(this.bytes, s, e, hashValue(this.bytes, s, e))];
    let raw = this.slice(s, e);
    if (f === 0) return raw;
    // Attribute-value normalization: literal tab / newline become spaces
    // (before references are decoded, so &#10; stays a newline).
    if (f & A_SPACE) raw = raw.replace(ATTR_WS, ' ');
    return f & A_REFS ? decodeRefs(raw) : raw;
  }

  /** Like int(), for an attribute. */
  attrInt(n: number, name: string): number | null {
    const a = this.attrIndex(n, name);
    if (a === NONE) return null;
    const s = this.attrStart[a];
    const e = this.attrEnd[a];
    if (this.attrFlags[a] === 0 && e - s <= 9) return parseIntBytes(this.bytes, s, e);
    const v = this.attrFlags[a] ? parseIntStrict(this.attrValue(a), 0, -1) : parseIntBytes(this.bytes, s, e);
    if (v !== null && (v > INT32_MAX || v < INT32_MIN)) this.outOfRange(name, this.attrValue(a), s);
    return v;
  }
}

/** hashValue() result for a range holding a CR (which text() must normalize). */
const CR_SEEN = 0x7fffffff;

/** The scanner's name hash over bytes [start, end), or CR_SEEN if a CR occurs. */
function hashValue(b: Uint8Array, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === 0x0d) return CR_SEEN;
    h = (Math.imul(h, 31) + c) | 0;
  }
  h ^= h >>> 15;
  return h === CR_SEEN ? 0 : h;
}

/**
 * Parses `s[start, end)` (end -1: to the end) as a decimal integer with
 * optional sign and surrounding whitespace; null if it is anything else.
 */
export function parseIntStrict(s: string, start: number, end: number): number | null {
  let p = start;
  let e = end < 0 ? s.length : end;
  while (p < e && isSpace(s.charCodeAt(p))) p++;
  while (e > p && isSpace(s.charCodeAt(e - 1))) e--;
  if (p === e) return null;
  let neg = false;
  const c0 = s.charCodeAt(p);
  if (c0 === 0x2d) {
    neg = true;
    p++;
  } else if (c0 === 0x2b) p++;
  if (p === e || e - p > 15) return e - p > 15 && /^\d+$/.test(s.slice(p, e)) ? safeBig(s.slice(p, e), neg) : null;
  let v = 0;
  for (; p < e; p++) {
    const c = s.charCodeAt(p) - 0x30;
    if (c < 0 || c > 9) return null;
    v = v * 10 + c;
  }
  return neg ? -v : v;
}

/** parseIntStrict over bytes (the hot path: most values are numbers). */
export function parseIntBytes(b: Uint8Array, start: number, end: number): number | null {
  let p = start;
  let e = end;
  while (p < e && (b[p] === 0x20 || b[p] === 0x0a || b[p] === 0x0d || b[p] === 0x09)) p++;
  while (e > p && (b[e - 1] === 0x20 || b[e - 1] === 0x0a || b[e - 1] === 0x0d || b[e - 1] === 0x09)) e--;
  if (p === e) return null;
  let neg = false;
  if (b[p] === 0x2d) {
    neg = true;
    p++;
  } else if (b[p] === 0x2b) p++;
  if (p === e) return null;
  if (e - p > 15) return safeBigBytes(b, p, e, neg);
  let v = 0;
  for (; p < e; p++) {
    const c = b[p] - 0x30;
    if (c < 0 || c > 9) return null;
    v = v * 10 + c;
  }
  return neg ? -v : v;
}

function safeBigBytes(b: Uint8Array, p: number, e: number, neg: boolean): number | null {
  let digits = '';
  for (let i = p; i < e; i++) {
    if (b[i] < 0x30 || b[i] > 0x39) return null;
    digits += String.fromCharCode(b[i]);
  }
  return safeBig(digits, neg);
}

/** All digits, but many: the value, or +-Infinity beyond the safe range (so callers see it is out of range, not absent). */
function safeBig(digits: string, neg: boolean): number {
  const v = Number.isSafeInteger(Number(digits)) ? Number(digits) : Infinity;
  return neg ? -v : v;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Text content with comments / PIs dropped and CDATA kept verbatim. */
function mixedText(b: Buffer, start: number, end: number): string {
  let out = '';
  let p = start;
  while (p < end) {
    const lt = b.indexOf(0x3c, p);
    const stop = lt === -1 || lt >= end ? end : lt;
    if (stop > p) out += decodeRefs(b.toString('utf8', p, stop).replace(CR, '\n'));
    if (stop === end) break;
    if (b[lt + 1] === 0x21 && b[lt + 2] === 0x2d)
      p = b.indexOf('-->', lt + 4) + 3; // comment
    else if (b[lt + 1] === 0x21) {
      const close = b.indexOf(']]>', lt + 9); // CDATA
      out += b.toString('utf8', lt + 9, close);
      p = close + 3;
    } else p = b.indexOf('?>', lt + 2) + 2; // processing instruction
  }
  return out;
}
