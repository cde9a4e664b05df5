/**
 * The generated code (src/engine/codegen): each compiler's source names every
 * column of its table in the table's order, and the interpreted fallback,
 * used where `new Function` is refused, writes the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compileBind, compileCompare, compileInflate, compilePush } from '../../src/engine/codegen/index.js';
import { clusterKeys, decodeSave, encodeSave, NULL_I32 } from '../../src/engine/codec/encoded-save.js';
import { tableSpecs, viewOf } from '../../src/engine/model/tables.js';
import type * as SqliteModule from '../../src/engine/store/sqlite-store.js';
import type { SqliteStore } from '../../src/engine/store/sqlite-store.js';
import { makeParsedSave } from './make-save.js';

const root = mkdtempSync(join(tmpdir(), 'scribe-codegen-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Where each name first appears in the text: increasing when they appear in this order. */
function positions(text: string, names: readonly string[]): number[] {
  let from = 0;
  return names.map((n) => {
    const at = text.indexOf(n, from);
    from = at < 0 ? from : at + n.length;
    return at;
  });
}

const reject = (field: string): never => {
  throw new TypeError(field);
};

describe('generated code', () => {
  it('every compiler’s dump names each column of its table, in the table’s order', () => {
    for (const spec of tableSpecs) {
      const bind = compileBind(spec, null);
      expect(bind.generated).toBe(true);
      expect(bind.source).toContain(`function bind_${spec.table}(`);
      expect(
        positions(
          bind.source,
          spec.columns.map((c) => `// ${c}\n`),
        ).every((p) => p >= 0),
      ).toBe(true);
      const quoted = spec.fields.map((f) => JSON.stringify(f));
      for (const source of [compilePush(spec, reject).source, compileInflate(spec, NULL_I32).source]) {
        const at = positions(source, quoted);
        expect(
          at.every((p) => p >= 0),
          `${spec.table}: ${source}`,
        ).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
      }
      const key = clusterKeys[spec.list];
      if (key)
        expect(
          positions(
            compileCompare(spec, key).source,
            key.map((k) => `// ${k}`),
          ).every((p) => p >= 0),
        ).toBe(true);
    }
  });

  it('a dump can fail: a column missing from the generated source is noticed', () => {
    const spec = tableSpecs.find((s) => s.table === 'tiles')!;
    const source = compileBind(spec, null).source.replace('// terrain\n', '');
    expect(
      positions(
        source,
        spec.columns.map((c) => `// ${c}\n`),
      ),
    ).toContain(-1);
  });

  it('without code generation, the interpreted fallbacks encode, decode and write the same rows', async () => {
    const save = makeParsedSave({ seed: 41, scale: 'small' });
    save.tiles[0]!.terrain = null;
    save.tiles[1]!.road = true;
    const dump = (store: SqliteStore) =>
      Object.fromEntries(
        tableSpecs.map((s) => [
          s.table,
          store.handle.prepare(`SELECT * FROM ${viewOf(s.table)} ORDER BY ${['save_id', ...s.columns].join(', ')}`).all(),
        ]),
      );
    const write = async (mod: typeof SqliteModule, name: string) => {
      const store = mod.SqliteStore.open(join(root, name));
      await store.insertSave(save, { path: `/saves/${name}.zip`, sha256: name, size: 1, mtimeMs: 1 });
      const rows = dump(store);
      await store.close();
      return rows;
    };
    const generated = await write(await import('../../src/engine/store/sqlite-store.js'), 'generated.sqlite');
    const generatedDecode = decodeSave(encodeSave(save));

    vi.resetModules();
    const codegen = await import('../../src/engine/codegen/index.js');
    codegen.forceInterpreted();
    const codec = await import('../../src/engine/codec/encoded-save.js');
    const store = await import('../../src/engine/store/sqlite-store.js');
    expect(codegen.codegenAvailable()).toBe(false);
    expect(codegen.compileBind(tableSpecs[0]!, null).generated).toBe(false);
    expect(codec.decodeSave(codec.encodeSave(save))).toEqual(generatedDecode);
    const interpreted = await write(store, 'interpreted.sqlite');
    expect(interpreted.tiles).toHaveLength(save.tiles.length);
    expect(interpreted).toEqual(generated);
    vi.resetModules();
  });
});
