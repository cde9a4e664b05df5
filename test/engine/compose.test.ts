import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importerLimits } from '../../src/engine/compose';
import { maxXmlMBLimits, workerLimits } from '../../src/shared/limits';

const srcDir = path.resolve(import.meta.dirname, '../../src');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

describe('the composition root', () => {
  it('turns settings into the importer’s options, the size in bytes', () => {
    expect(importerLimits({ workers: 'auto', maxXmlMB: 256 })).toEqual({ workers: 'auto', maxXmlBytes: 256 * 1024 * 1024 });
    expect(importerLimits({ workers: workerLimits.max, maxXmlMB: maxXmlMBLimits.min })).toEqual({ workers: 64, maxXmlBytes: 1024 * 1024 });
  });

  it('refuses values outside the shared limits instead of guessing', () => {
    for (const bad of [
      { workers: workerLimits.min - 1, maxXmlMB: 256 },
      { workers: workerLimits.max + 1, maxXmlMB: 256 },
      { workers: 1.5, maxXmlMB: 256 },
      { workers: 2, maxXmlMB: maxXmlMBLimits.max + 1 },
      { workers: 2, maxXmlMB: Number.NaN },
    ]) {
      expect(() => importerLimits(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });

  it('is the only place in the app and the CLI that makes an importer', async () => {
    const makers: string[] = [];
    for (const file of await sourceFiles(srcDir)) {
      if (/\bnew Importer\(/.test(await fs.readFile(file, 'utf8'))) makers.push(path.relative(srcDir, file));
    }
    expect(makers).toEqual([path.join('engine', 'compose.ts')]);
  });
});
