import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ScribeError } from '../../src/engine/errors.js';
import { parseSaveXml } from '../../src/engine/reader/index.js';
import type { ParsedSave } from '../../src/engine/model/parsed-save.js';
import type { FailureCode } from '../../src/shared/errors.js';

/** A fresh folder under the OS temp dir; remove it with `rmTemp`. */
export async function makeTemp(prefix = 'scribe-reader-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function rmTemp(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/**
 * The smallest document the reader accepts as a save, with `inner` inside
 * <Root>; a save lists at least one player, so `<Player ID="0"></Player>` is added
 * when `inner` has none.
 */
export function miniSave(
  inner = '',
  rootAttrs = 'GameId="g-1" MapWidth="4"',
  prologue = '<?xml version="1.0" encoding="utf-8"?>\n',
): string {
  const players = inner.includes('<Player ') ? '' : '<Player ID="0"></Player>\n';
  return `${prologue}<Root ${rootAttrs}>\n  <Game>\n    <Turn>3</Turn>\n  </Game>\n${players}${inner}</Root>\n`;
}

export function parse(xml: string | Buffer): ParsedSave {
  return parseSaveXml(typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml);
}

/** The ScribeError `fn` throws (fails the test if it throws nothing or something else). */
export function thrown(fn: () => unknown): ScribeError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ScribeError);
    return err as ScribeError;
  }
  throw new Error('expected a ScribeError, nothing was thrown');
}

export async function rejected(promise: Promise<unknown>): Promise<ScribeError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ScribeError);
    return err as ScribeError;
  }
  throw new Error('expected a ScribeError, the promise resolved');
}

export function expectCode(fn: () => unknown, code: FailureCode): ScribeError {
  const err = thrown(fn);
  expect(err.code, err.message).toBe(code);
  return err;
}
