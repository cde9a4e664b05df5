/**
 * Input bytes -> the scanner's view: BOM stripped, UTF-8 validity checked
 * once up front with simdutf (`buffer.isUtf8`), so later slices can be
 * decoded without checks. Also line/column of a byte offset, for errors.
 */
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { ScribeError } from '../../errors.js';

export interface XmlBytes {
  /** The document without BOM (a view of the input, not a copy). */
  bytes: Buffer;
  /** True when every byte is < 0x80. */
  ascii: boolean;
}

export function prepareXmlBytes(input: Buffer | Uint8Array): XmlBytes {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  else if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new ScribeError('XML_MALFORMED', 'The save is encoded as UTF-16; Old World saves are UTF-8.', { line: 1, column: 1 });
  }
  const bytes = buf.subarray(start);
  const ascii = isAscii(bytes);
  if (!ascii && !isUtf8(bytes)) {
    const { line, column } = lineColumn(bytes, firstInvalidUtf8(bytes));
    throw new ScribeError('XML_MALFORMED', `The save's XML is not valid UTF-8 (line ${line}, column ${column}).`, { line, column });
  }
  if (!ascii) refuseNonCharacters(bytes);
  return { bytes, ascii };
}

/** EF BF: the first two bytes of U+FFC0..U+FFFF in UTF-8. */
const FFXX = Buffer.from([0xef, 0xbf]);

/**
 * U+FFFE and U+FFFF are no XML characters (as `&#xFFFE;` is refused by the
 * scanner): one search for their rare two-byte prefix finds them.
 */
function refuseNonCharacters(bytes: Buffer): void {
  for (let i = bytes.indexOf(FFXX); i !== -1; i = bytes.indexOf(FFXX, i + 2)) {
    const last = bytes[i + 2];
    if (last === 0xbe || last === 0xbf) {
      const { line, column } = lineColumn(bytes, i);
      const cp = last === 0xbe ? 'FFFE' : 'FFFF';
      throw new ScribeError(
        'XML_MALFORMED',
        `The save's XML holds the character U+${cp}, which XML does not allow (line ${line}, column ${column}).`,
        {
          line,
          column,
        },
      );
    }
  }
}

/** 1-based line and column (in characters) of byte offset `pos`. */
export function lineColumn(bytes: Buffer, pos: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(pos, bytes.length));
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: bytes.toString('utf8', lineStart, end).length + 1 };
}

/** Offset of the first byte that breaks UTF-8 (slow path, errors only). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    if (i + n >= b.length) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
