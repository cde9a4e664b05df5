/**
 * Single-pass XML scanner: checks well-formedness and builds the compact
 * element tree in one walk over the bytes.
 *
 * Speed comes from never creating a string per element (nor one for the
 * whole document): the scanner walks the bytes (typed-array reads are
 * several times cheaper than `charCodeAt` on a large string, and skipping a
 * document-sized string halves the memory of a 50 MB save); element and
 * attribute names are predicted from the previous sibling (saves repeat the
 * same sequences) or hashed and interned without decoding; text and
 * attribute values stay byte ranges until a mapper asks for them; the gaps
 * between tags are searched and tag names compared four bytes at a time
 * (a typical save scans in ~17 instead of ~21 ms); the rare
 * `&` and `]]>` are found with cached `indexOf` searches instead of per-byte
 * tests.
 * The checks a malformed or hostile save needs are all here: tag balance,
 * name and attribute syntax, duplicate attributes (in constant time each)
 * and their number per element, `<` where it cannot be, control characters
 * XML forbids, `]]>` in text, every `&...;` reference, a single root, nothing but
 * comments / PIs / whitespace around it, and no DOCTYPE or entity
 * declaration anywhere (XML_FORBIDDEN_DTD: they are never parsed, so never
 * expanded). Line and column are computed only when reporting an error.
 */
import { ScribeError } from '../../errors.js';
import { checkRef } from './entities.js';
import { InternTable, nameClass as importedNameClass } from './names.js';
import { lineColumn } from './text.js';
import { A_REFS, A_SPACE, F_MIXED, F_REFS, XmlTree, type ProcessingInstruction } from './tree.js';

// Module-local copies: imported bindings may be getters under some loaders,
// far too slow for a loop that runs once per character.
const nameClass: Uint8Array = importedNameClass;
const NAME_START = 1;
const NAME_CHAR = 2;

/** Saves nest about 8 deep; this bounds the stack a hostile document can demand. */
const MAX_DEPTH = 1024;

/**
 * Attributes on one element when the caller sets no limit. The most in a
 * save is the root's few dozen settings; a document with thousands on one
 * element is not a save, and the cap keeps such a document's attribute
 * arrays small.
 */
export const MAX_ATTRIBUTES = 1024;

/** 1 for the control characters XML 1.0 forbids everywhere (all below 0x20 but tab, LF, CR). */
const BAD_CONTROL = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d) BAD_CONTROL[c] = 1;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const AMP = 0x26;

export interface ScanOptions {
  /** Refuse with TOO_LARGE beyond this many elements. */
  maxElements: number;
  /** Refuse with NOT_OLD_WORLD_SAVE beyond this many attributes on one element (default MAX_ATTRIBUTES). */
  maxAttributes?: number;
  /**
   * Called with the root element's name as soon as it is read, before the
   * rest of the document is scanned: lets the caller refuse a document that
   * is not a save without walking all of it.
   */
  onRoot?: (name: string) => void;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** table[key] = nameId + 1, growing the table as needed; returns the table. */
function setPrediction(table: Int32Array, key: number, nameId: number): Int32Array {
  let t = table;
  if (key >= t.length) {
    let size = t.length;
    while (size <= key) size *= 2;
    t = grow(t, size);
  }
  t[key] = nameId + 1;
  return t;
}

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** `bytes`: the UTF-8 document without BOM (already checked to be valid UTF-8). */
export function scanXml(bytes: Buffer, ascii: boolean, opts: ScanOptions): XmlTree {
  return new Scanner(bytes, opts).run(ascii);
}

/**
 * The element arrays of one finished tree, kept for the next scan: a worker
 * reads saves one after another, and fresh multi-megabyte arrays per save
 * cost page faults and GC work. Scans are synchronous, so a tree handed back
 * here is never in use; a tree not handed back is simply collected.
 */
interface Spare {
  nameOf: Int32Array;
  end: Int32Array;
  cStart: Int32Array;
  cEnd: Int32Array;
  attrFirst: Int32Array;
  flags: Uint8Array;
  aName: Int32Array;
  aStart: Int32Array;
  aEnd: Int32Array;
  aFlags: Uint8Array;
}
let spare: Spare | null = null;
/** Larger trees are not kept (an idle worker should not hold tens of MB). */
const SPARE_MAX_ELEMENTS = 1 << 19;

/** Hands a tree's arrays back once nothing reads the tree any more. */
export function recycleTree(tree: XmlTree): void {
  if (tree.nameOf.length > SPARE_MAX_ELEMENTS) return;
  spare = {
    nameOf: tree.nameOf,
    end: tree.end,
    cStart: tree.contentStart,
    cEnd: tree.contentEnd,
    attrFirst: tree.attrFirst,
    flags: tree.flags,
    aName: tree.attrName,
    aStart: tree.attrStart,
    aEnd: tree.attrEnd,
    aFlags: tree.attrFlags,
  };
}

/**
 * Position of the first '<' at or after `pos`, or `len`; or, when a
 * control character XML forbids comes first (within the same four bytes),
 * `-(its position + 1)`. Reads four bytes at a time and tests them all at
 * once (the classic "has a zero byte" trick on the word XOR '<<<<', and its
 * "has a byte below 0x20" cousin): the gaps between tags (indentation,
 * numbers, enum names) average about ten bytes, and this was the scanner's
 * hottest loop. The lowest flagged byte is always a real match (false flags
 * appear only above a true one), so no match is missed or invented. A
 * forbidden byte anywhere in the word is an error wherever it sits (text,
 * tag or comment), so the whole word is checked. The control check costs
 * the scan several percent; branch-free and lookup-table variants measured
 * no faster.
 */
function nextLt(b: Buffer, dv: DataView, pos: number, len: number): number {
  let p = pos;
  for (; p + 4 <= len; p += 4) {
    const w = dv.getInt32(p, true);
    const x = w ^ 0x3c3c3c3c;
    const found = (x - 0x01010101) & ~x & 0x80808080;
    // Some byte below 0x20 (false flags only above a true one, as for '<').
    const low = (w - 0x20202020) & ~w & 0x80808080;
    if ((found | low) !== 0) {
      if (low !== 0) {
        // A line break starts nearly every gap: look at the bytes only when one is neither LF nor CR (exact flags).
        const lf = w ^ 0x0a0a0a0a;
        const cr = w ^ 0x0d0d0d0d;
        const bad =
          ~(((w & 0x7f7f7f7f) + 0x60606060) | w | ~((((lf & 0x7f7f7f7f) + 0x7f7f7f7f) | lf) & (((cr & 0x7f7f7f7f) + 0x7f7f7f7f) | cr))) &
          0x80808080;
        if (bad !== 0) for (let k = p; k < p + 4; k++) if (BAD_CONTROL[b[k]] === 1) return -(k + 1);
      }
      if (found !== 0) return p + ((31 - Math.clz32(found & -found)) >> 3);
    }
  }
  for (; p < len; p++) {
    const c = b[p];
    if (c === LT) return p;
    if (BAD_CONTROL[c] === 1) return -(p + 1);
  }
  return p;
}

/** b[p, p + n) equals b[q, q + n), where q + n lies inside `b` (p + n may not: a truncated document). */
function sameBytes(b: Buffer, dv: DataView, p: number, q: number, n: number): boolean {
  if (p + n > b.length) return false;
  let k = 0;
  for (; k + 4 <= n; k += 4) if (dv.getInt32(p + k, true) !== dv.getInt32(q + k, true)) return false;
  for (; k < n; k++) if (b[p + k] !== b[q + k]) return false;
  return true;
}

/** bytes[pos...] starts with the ASCII `lit`. */
function at(b: Buffer, pos: number, lit: string): boolean {
  if (pos + lit.length > b.length) return false;
  for (let i = 0; i < lit.length; i++) if (b[pos + i] !== lit.charCodeAt(i)) return false;
  return true;
}

class Scanner {
  private readonly b: Buffer;
  /** The same bytes, read four at a time (little-endian) where that is cheaper. */
  private readonly dv: DataView;
  private readonly len: number;
  private readonly names = new InternTable(true);
  private readonly prolog: ProcessingInstruction[] = [];

  // Element arrays (see tree.ts).
  private cap: number;
  private count = 0;
  private nameOf: Int32Array;
  private end: Int32Array;
  private cStart: Int32Array;
  private cEnd: Int32Array;
  private attrFirst: Int32Array;
  private flags: Uint8Array;

  private acap: number;
  private acount = 0;
  private aName: Int32Array;
  private aStart: Int32Array;
  private aEnd: Int32Array;
  private aFlags: Uint8Array;

  /** Open elements, innermost last, with their start tag's '<' and name length. */
  private stack = new Int32Array(64);
  private tagAt = new Int32Array(64);
  private tagLen = new Int32Array(64);
  /** Name id of the last child started at each depth (-1: none yet). */
  private lastChild = new Int32Array(65).fill(-1);
  /** Name prediction: [previous sibling name * 2] or [parent name * 2 + 1] -> name id + 1. */
  private predicted: Int32Array = new Int32Array(4096);
  /** The same for attributes: [previous attribute * 2] or [element name * 2 + 1]. */
  private predictedAttr: Int32Array = new Int32Array(4096);
  private depth = 0;

  /** Cached next positions of '&' and ']]>' (they are rare; one search each per occurrence). */
  private nextAmp = -1;
  private nextCdataEnd = -1;

  /**
   * Per attribute name id: 1 + the element that last had that attribute.
   * Finds a repeated attribute in one array read, however many the element
   * has (comparing with every earlier attribute made a hostile element with
   * 200,000 attributes take tens of seconds).
   */
  private attrSeen = new Int32Array(1024);
  private readonly maxAttributes: number;

  constructor(
    bytes: Buffer,
    private readonly opts: ScanOptions,
  ) {
    this.b = bytes;
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.len = bytes.length;
    this.maxAttributes = opts.maxAttributes ?? MAX_ATTRIBUTES;
    // About one element per 30 bytes in real saves; start there to avoid regrowth.
    const cap = Math.max(1, Math.min((bytes.length >> 5) + 64, opts.maxElements));
    const acap = Math.max(64, bytes.length >> 7);
    const reuse =
      spare !== null && spare.nameOf.length >= cap && spare.nameOf.length <= opts.maxElements && spare.aName.length >= acap ? spare : null;
    if (reuse) spare = null;
    this.cap = reuse ? reuse.nameOf.length : cap;
    this.nameOf = reuse ? reuse.nameOf : new Int32Array(cap);
    this.end = reuse ? reuse.end : new Int32Array(cap);
    this.cStart = reuse ? reuse.cStart : new Int32Array(cap);
    this.cEnd = reuse ? reuse.cEnd : new Int32Array(cap);
    this.attrFirst = reuse ? reuse.attrFirst : new Int32Array(cap + 1);
    this.flags = reuse ? reuse.flags : new Uint8Array(cap);
    this.acap = reuse ? reuse.aName.length : acap;
    this.aName = reuse ? reuse.aName : new Int32Array(acap);
    this.aStart = reuse ? reuse.aStart : new Int32Array(acap);
    this.aEnd = reuse ? reuse.aEnd : new Int32Array(acap);
    this.aFlags = reuse ? reuse.aFlags : new Uint8Array(acap);
  }

  private fail(pos: number, reason: string): never {
    const { line, column } = lineColumn(this.b, pos);
    throw new ScribeError('XML_MALFORMED', `The save's XML is malformed at line ${line}, column ${column}: ${reason}.`, { line, column });
  }

  /** A raw control character XML forbids (as `&#1;` is forbidden by entities.ts). */
  private failControl(pos: number): never {
    const hex = this.b[pos].toString(16).toUpperCase().padStart(2, '0');
    return this.fail(pos, `control character U+00${hex}, which XML does not allow`);
  }

  /** Comments, PIs and CDATA are skipped with indexOf; their bytes are checked here (they are rare and short). */
  private checkControls(start: number, end: number): void {
    const b = this.b;
    for (let i = start; i < end; i++) if (BAD_CONTROL[b[i]] === 1) this.failControl(i);
  }

  private forbidden(pos: number, what: string): never {
    const { line, column } = lineColumn(this.b, pos);
    throw new ScribeError('XML_FORBIDDEN_DTD', `The save contains a ${what} (line ${line}); real saves never do, so it was refused.`, {
      line,
      column,
    });
  }

  run(ascii: boolean): XmlTree {
    let pos = this.prologue();
    pos = this.body(pos);
    this.epilogue(pos);
    this.attrFirst[this.count] = this.acount;
    return new XmlTree(
      this.b,
      ascii,
      this.names.names,
      this.count,
      this.nameOf,
      this.end,
      this.cStart,
      this.cEnd,
      this.attrFirst,
      this.flags,
      this.aName,
      this.aStart,
      this.aEnd,
      this.aFlags,
      this.prolog,
    );
  }

  // ------------------------------------------------------------ outside the root

  /** XML declaration, comments, PIs, whitespace; returns the root's '<'. */
  private prologue(): number {
    const b = this.b;
    let pos = 0;
    if (at(b, 0, '<?xml') && (isSpace(b[5]) || b[5] === QMARK)) {
      const close = b.indexOf('?>', 5);
      if (close === -1) this.fail(0, 'unterminated XML declaration');
      this.checkControls(5, close);
      pos = close + 2;
    }
    for (;;) {
      while (pos < this.len && isSpace(b[pos])) pos++;
      if (pos >= this.len) this.fail(pos, 'no root element');
      if (b[pos] !== LT) this.fail(pos, 'text before the root element');
      const c = b[pos + 1];
      if (c === QMARK) pos = this.pi(pos, true);
      else if (c === BANG) pos = this.bang(pos, false);
      else return pos;
    }
  }

  private epilogue(pos: number): void {
    const b = this.b;
    for (;;) {
      while (pos < this.len && isSpace(b[pos])) pos++;
      if (pos >= this.len) return;
      if (b[pos] !== LT) this.fail(pos, 'text after the root element');
      const c = b[pos + 1];
      if (c === QMARK) pos = this.pi(pos, false);
      else if (c === BANG) pos = this.bang(pos, false);
      else this.fail(pos, 'a second root element');
    }
  }

  /** `<?target data?>` at `lt`; returns the position after it. */
  private pi(lt: number, inProlog: boolean): number {
    const b = this.b;
    const close = b.indexOf('?>', lt + 2);
    if (close === -1) this.fail(lt, 'unterminated processing instruction');
    this.checkControls(lt + 2, close);
    let p = lt + 2;
    if (!(nameClass[b[p] & 0xff] & NAME_START)) this.fail(p, 'processing instruction without a target');
    while (p < close && nameClass[b[p] & 0xff] & NAME_CHAR) p++;
    const target = b.toString('utf8', lt + 2, p);
    if (target.toLowerCase() === 'xml') this.fail(lt, 'XML declaration not at the start of the document');
    if (p < close && !isSpace(b[p])) this.fail(p, 'bad processing instruction target');
    if (inProlog) this.prolog.push({ target, data: b.toString('utf8', p, close).trim() });
    return close + 2;
  }

  /** `<!...`: comment, CDATA (inside elements only) or a forbidden declaration. */
  private bang(lt: number, inElement: boolean): number {
    const b = this.b;
    if (at(b, lt, '<!--')) {
      const close = b.indexOf('-->', lt + 4);
      if (close === -1) this.fail(lt, 'unterminated comment');
      const dd = b.indexOf('--', lt + 4);
      if (dd < close) this.fail(dd, "'--' inside a comment");
      this.checkControls(lt + 4, close);
      return close + 3;
    }
    if (at(b, lt, '<![CDATA[')) {
      if (!inElement) this.fail(lt, 'CDATA section outside the root element');
      const close = b.indexOf(']]>', lt + 9);
      if (close === -1) this.fail(lt, 'unterminated CDATA section');
      this.checkControls(lt + 9, close);
      return close + 3;
    }
    // Any case: '<!doctype' is malformed XML, but it is still a DTD attempt.
    const word = b.toString('latin1', lt + 2, Math.min(lt + 10, this.len)).toUpperCase();
    for (const decl of ['DOCTYPE', 'ENTITY', 'ELEMENT', 'ATTLIST', 'NOTATION']) {
      if (word.startsWith(decl)) this.forbidden(lt, decl === 'DOCTYPE' ? 'document type declaration (DOCTYPE)' : `<!${decl}> declaration`);
    }
    return this.fail(lt, "'<!' that starts no comment or CDATA section");
  }

  // ------------------------------------------------------------ elements

  /** From the root's '<' to just after its end tag. */
  private body(pos: number): number {
    const b = this.b;
    const len = this.len;
    for (;;) {
      const lt = nextLt(b, this.dv, pos, len);
      if (lt < 0) this.failControl(-lt - 1);
      if (lt === len) {
        const open = this.stack[this.depth - 1];
        return this.fail(this.len, `unexpected end of document: <${this.names.names[this.nameOf[open]]}> is not closed`);
      }
      // Text between markup needs checking only if it may hold '&' or ']]>'
      // (both positions are cached, so this is two compares per gap).
      if (this.nextAmp < lt || this.nextCdataEnd < lt) this.textRun(pos, lt);
      const c = b[lt + 1];
      if (c === SLASH) {
        pos = this.endTag(lt);
        if (this.depth === 0) return pos;
      } else if (c === BANG || c === QMARK) {
        pos = c === BANG ? this.bang(lt, true) : this.pi(lt, false);
        this.flags[this.stack[this.depth - 1]] |= F_MIXED;
      } else {
        pos = this.startTag(lt);
        if (this.depth === 0) return pos; // an empty root: <Root />
      }
    }
  }

  /** Character data between markup: only references and `]]>` need checking. */
  private textRun(start: number, end: number): void {
    if (start >= end) return;
    if (this.nextAmp < start) {
      this.nextAmp = this.b.indexOf(AMP, start);
      if (this.nextAmp === -1) this.nextAmp = this.len;
    }
    if (this.nextAmp < end) {
      let amp = this.nextAmp;
      while (amp < end) {
        const r = checkRef(this.b, amp);
        if ('error' in r) this.fail(amp, r.error);
        amp = this.b.indexOf(AMP, r.end);
        if (amp === -1) amp = this.len;
      }
      this.nextAmp = amp;
      this.flags[this.stack[this.depth - 1]] |= F_REFS;
    }
    if (this.nextCdataEnd < start) {
      this.nextCdataEnd = this.b.indexOf(']]>', start);
      if (this.nextCdataEnd === -1) this.nextCdataEnd = this.len;
    }
    if (this.nextCdataEnd < end) this.fail(this.nextCdataEnd, "']]>' in text");
  }

  private startTag(lt: number): number {
    const b = this.b;
    const names = this.names;
    const depth = this.depth;
    let p = lt + 1;
    let c: number;
    let nameId = -1;
    // Saves repeat the same element sequences (every Tile lists Terrain,
    // Height...), so first try the name that followed the previous sibling
    // (or opened this parent) last time: a byte compare against it both
    // identifies and validates the name, with no hashing or table probe.
    let key = -1;
    if (depth > 0) {
      const prev = this.lastChild[depth];
      key = prev >= 0 ? prev * 2 : this.nameOf[this.stack[depth - 1]] * 2 + 1;
      const guess = key < this.predicted.length ? this.predicted[key] - 1 : -1;
      if (guess >= 0) {
        const len = names.lens[guess];
        if (sameBytes(b, this.dv, p, names.firstAt[guess], len) && !(nameClass[b[p + len] & 0xff] & NAME_CHAR)) {
          nameId = guess;
          p += len;
        }
      }
    }
    if (nameId < 0) {
      c = b[p];
      if (!(nameClass[c & 0xff] & NAME_START))
        this.fail(lt, lt + 1 >= this.len ? 'unexpected end of document' : "'<' not followed by an element name (write &lt;)");
      let h = 0;
      do {
        h = (Math.imul(h, 31) + c) | 0;
        c = b[++p];
      } while (nameClass[c & 0xff] & NAME_CHAR);
      nameId = names.id(b, lt + 1, p, h ^ (h >>> 15));
      if (key >= 0) this.predicted = setPrediction(this.predicted, key, nameId);
    }
    c = b[p];
    if (depth > 0) this.lastChild[depth] = nameId;
    const nameEnd = p;

    const n = this.count;
    if (n === this.cap) this.growElements();
    this.count = n + 1;
    this.nameOf[n] = nameId;
    this.attrFirst[n] = this.acount;
    this.flags[n] = 0;
    if (n === 0 && this.opts.onRoot) this.opts.onRoot(this.names.names[nameId]);

    // Attributes, one per line in real saves.
    for (;;) {
      const ws = p;
      while (isSpace(c)) c = b[++p];
      if (c === GT) {
        this.cStart[n] = p + 1;
        if (this.depth === this.stack.length) this.growStack();
        this.tagAt[this.depth] = lt;
        this.tagLen[this.depth] = nameEnd - lt - 1;
        this.stack[this.depth++] = n;
        this.lastChild[this.depth] = -1;
        return p + 1;
      }
      if (c === SLASH) {
        if (b[p + 1] !== GT) this.fail(p, "'/' not followed by '>'");
        this.cStart[n] = this.cEnd[n] = p;
        this.end[n] = n + 1;
        return p + 2;
      }
      if (p === ws) this.fail(p, p >= this.len ? 'unexpected end of document' : 'missing whitespace before an attribute');
      p = this.attribute(n, p);
      c = b[p];
    }
  }

  /** One `name="value"` at `p`; returns the position after the closing quote. */
  private attribute(n: number, p: number): number {
    const b = this.b;
    const names = this.names;
    const start = p;
    const first = this.attrFirst[n];
    // Attributes come in a fixed order per element: predict from the
    // previous attribute, or from the element's name for the first one.
    const key = this.acount > first ? this.aName[this.acount - 1] * 2 : this.nameOf[n] * 2 + 1;
    const guess = key < this.predictedAttr.length ? this.predictedAttr[key] - 1 : -1;
    let nameId = -1;
    let c: number;
    if (guess >= 0) {
      const len = names.lens[guess];
      const from = names.firstAt[guess];
      let k = 0;
      while (k < len && b[p + k] === b[from + k]) k++;
      if (k === len && !(nameClass[b[p + len] & 0xff] & NAME_CHAR)) {
        nameId = guess;
        p += len;
      }
    }
    if (nameId < 0) {
      c = b[p];
      if (!(nameClass[c & 0xff] & NAME_START)) this.fail(p, p >= this.len ? 'unexpected end of document' : 'bad attribute name');
      let h = 0;
      do {
        h = (Math.imul(h, 31) + c) | 0;
        c = b[++p];
      } while (nameClass[c & 0xff] & NAME_CHAR);
      nameId = names.id(b, start, p, h ^ (h >>> 15));
      this.predictedAttr = setPrediction(this.predictedAttr, key, nameId);
    }
    c = b[p];
    while (isSpace(c)) c = b[++p];
    if (c !== EQ) this.fail(p, "attribute without '=' and a quoted value");
    c = b[++p];
    while (isSpace(c)) c = b[++p];
    if (c !== QUOT && c !== APOS) this.fail(p, 'attribute value not in quotes');
    const quote = c;
    const vStart = p + 1;
    const len = this.len;
    let f = 0;
    let i = vStart;
    for (; i < len; i++) {
      const v = b[i];
      if (v === quote) break;
      if (v === LT) this.fail(i, "'<' in an attribute value");
      else if (v === AMP) {
        const r = checkRef(b, i);
        if ('error' in r) this.fail(i, r.error);
        f |= A_REFS;
      } else if (v < 0x20) {
        if (BAD_CONTROL[v] === 1) this.failControl(i);
        f |= A_SPACE;
      }
    }
    if (i === len) this.fail(p, 'unterminated attribute value');
    if (nameId >= this.attrSeen.length) this.attrSeen = grow(this.attrSeen, Math.max(this.attrSeen.length * 2, nameId + 1));
    if (this.attrSeen[nameId] === n + 1) this.fail(start, `duplicate attribute '${names.names[nameId]}'`);
    this.attrSeen[nameId] = n + 1;
    if (this.acount - first >= this.maxAttributes) {
      throw new ScribeError(
        'NOT_OLD_WORLD_SAVE',
        `An element of the archive's XML has more than ${this.maxAttributes.toLocaleString('en')} attributes; no Old World save does.`,
      );
    }
    const a = this.acount;
    if (a === this.acap) this.growAttrs();
    this.acount = a + 1;
    this.aName[a] = nameId;
    this.aStart[a] = vStart;
    this.aEnd[a] = i;
    this.aFlags[a] = f;
    return i + 1;
  }

  private endTag(lt: number): number {
    const b = this.b;
    if (this.depth === 0) this.fail(lt, 'end tag without a start tag');
    const n = this.stack[this.depth - 1];
    // The start tag's name is at its '<' + 1: compare in place.
    const open = this.tagAt[this.depth - 1] + 1;
    const nameLen = this.tagLen[this.depth - 1];
    let p = lt + 2;
    if (!sameBytes(b, this.dv, p, open, nameLen) || nameClass[b[p + nameLen] & 0xff] & NAME_CHAR) {
      let q = p;
      while (q < this.len && nameClass[b[q] & 0xff] & NAME_CHAR) q++;
      this.fail(lt, `</${b.toString('utf8', p, q)}> does not close <${this.names.names[this.nameOf[n]]}>`);
    }
    p += nameLen;
    let c = b[p];
    while (isSpace(c)) c = b[++p];
    if (c !== GT) this.fail(p, p >= this.len ? 'unexpected end of document' : "end tag not closed by '>'");
    this.cEnd[n] = lt;
    this.end[n] = this.count;
    this.depth--;
    return p + 1;
  }

  private growElements(): void {
    const max = this.opts.maxElements;
    if (this.cap >= max) {
      throw new ScribeError('TOO_LARGE', `The save holds more than ${max.toLocaleString('en')} XML elements, more than the limit.`);
    }
    this.cap = Math.min(this.cap * 2, max);
    this.nameOf = grow(this.nameOf, this.cap);
    this.end = grow(this.end, this.cap);
    this.cStart = grow(this.cStart, this.cap);
    this.cEnd = grow(this.cEnd, this.cap);
    this.attrFirst = grow(this.attrFirst, this.cap + 1);
    this.flags = grow(this.flags, this.cap);
  }

  private growStack(): void {
    if (this.stack.length >= MAX_DEPTH) {
      throw new ScribeError('NOT_OLD_WORLD_SAVE', `The archive's XML nests elements more than ${MAX_DEPTH} deep; no Old World save does.`);
    }
    const size = this.stack.length * 2;
    this.stack = grow(this.stack, size);
    this.tagAt = grow(this.tagAt, size);
    this.tagLen = grow(this.tagLen, size);
    this.lastChild = grow(this.lastChild, size + 1);
  }

  private growAttrs(): void {
    this.acap *= 2;
    this.aName = grow(this.aName, this.acap);
    this.aStart = grow(this.aStart, this.acap);
    this.aEnd = grow(this.aEnd, this.acap);
    this.aFlags = grow(this.aFlags, this.acap);
  }
}
