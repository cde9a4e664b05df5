import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The process boundaries are lint rules; these tests prove the rules bite. */
const eslint = new ESLint();

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries', () => {
  it('refuses electron in engine code', async () => {
    expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'src/engine/pipeline/x.ts')).toHaveLength(1);
  });

  it('refuses electron in the command line and in shared code', async () => {
    expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'src/cli/x.ts')).toHaveLength(1);
    expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'src/shared/x.ts')).toHaveLength(1);
  });

  it('refuses Node, engine and main modules in the renderer', async () => {
    const file = 'src/renderer/src/x.ts';
    expect(await restrictedImports("import fs from 'node:fs';\nexport const a = fs;\n", file)).toHaveLength(1);
    expect(await restrictedImports("import path from 'path';\nexport const a = path;\n", file)).toHaveLength(1);
    expect(await restrictedImports("import { readSave } from '../../engine/reader';\nexport const a = readSave;\n", file)).toHaveLength(1);
    expect(await restrictedImports("import x from '../../main/ipc';\nexport const a = x;\n", file)).toHaveLength(1);
  });

  it('lets the renderer import shared code and main import electron', async () => {
    expect(
      await restrictedImports(
        "import { requestNames } from '../../shared/contract';\nexport const a = requestNames;\n",
        'src/renderer/src/x.ts',
      ),
    ).toEqual([]);
    expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'src/main/x.ts')).toEqual([]);
  });
});

describe('engine layers', () => {
  const plant = (specifier: string, file: string) => restrictedImports(`import * as x from '${specifier}';\nexport const a = x;\n`, file);

  it('refuses the reader in the store and the store in the reader', async () => {
    expect(await plant('../reader/index.js', 'src/engine/store/x.ts')).toHaveLength(1);
    expect(await plant('../reader/map/save.js', 'src/engine/store/x.ts')).toHaveLength(1);
    expect(await plant('../store/index.js', 'src/engine/reader/x.ts')).toHaveLength(1);
    expect(await plant('../../store/tables.js', 'src/engine/reader/map/x.ts')).toHaveLength(1);
  });

  it('refuses the store in the worker, and any higher layer in the model and the codec', async () => {
    expect(await plant('../store/index.js', 'src/engine/worker/x.ts')).toHaveLength(1);
    expect(await plant('../reader/index.js', 'src/engine/model/x.ts')).toHaveLength(1);
    expect(await plant('../codec/encoded-save.js', 'src/engine/model/x.ts')).toHaveLength(1);
    expect(await plant('../store/tables.js', 'src/engine/codec/x.ts')).toHaveLength(1);
    expect(await plant('../reader/index.js', 'src/engine/codec/x.ts')).toHaveLength(1);
  });

  it('refuses upward imports between the pipeline, the app and the front ends', async () => {
    expect(await plant('../importer.js', 'src/engine/pipeline/x.ts')).toHaveLength(1);
    expect(await plant('../worker/parse-worker.js', 'src/engine/pipeline/x.ts')).toHaveLength(1);
    expect(await plant('../pipeline/run-import.js', 'src/engine/store/x.ts')).toHaveLength(1);
    expect(await plant('../../cli/output.js', 'src/engine/watch/x.ts')).toHaveLength(1);
    expect(await plant('../main/ipc.js', 'src/cli/x.ts')).toHaveLength(1);
    expect(await plant('../engine/store/index.js', 'src/shared/x.ts')).toHaveLength(1);
  });

  it('lets each layer import the layers below it', async () => {
    expect(await plant('../model/parsed-save.js', 'src/engine/reader/x.ts')).toEqual([]);
    expect(await plant('../model/parsed-save.js', 'src/engine/codec/x.ts')).toEqual([]);
    expect(await plant('../codec/encoded-save.js', 'src/engine/store/x.ts')).toEqual([]);
    expect(await plant('../codec/encoded-save.js', 'src/engine/worker/x.ts')).toEqual([]);
    expect(await plant('../reader/index.js', 'src/engine/worker/x.ts')).toEqual([]);
    // The message protocol, the shards and the parse of one file are the pipeline's, shared with the worker
    // it spawns (a single-file run parses in its own process); nothing else of the pipeline is.
    expect(await plant('../pipeline/worker-protocol.js', 'src/engine/worker/x.ts')).toEqual([]);
    expect(await plant('../pipeline/parse-file.js', 'src/engine/worker/x.ts')).toEqual([]);
    expect(await plant('../pipeline/pool.js', 'src/engine/worker/x.ts')).toHaveLength(1);
    expect(await plant('../pipeline/local-parser.js', 'src/engine/worker/x.ts')).toHaveLength(1);
    expect(await plant('../store/index.js', 'src/engine/pipeline/x.ts')).toEqual([]);
    expect(await plant('./store/index.js', 'src/engine/importer.ts')).toEqual([]);
    expect(await plant('../engine/service.js', 'src/main/x.ts')).toEqual([]);
  });
});
