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
    expect(await restrictedImports("import { requestNames } from '../../shared/contract';\nexport const a = requestNames;\n", 'src/renderer/src/x.ts')).toEqual([]);
    expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'src/main/x.ts')).toEqual([]);
  });
});
