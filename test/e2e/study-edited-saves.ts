/**
 * Saves the Events and Rulers browser tests need beyond the study saves: a
 * small save whose log holds character links the game writes (one to a
 * character of the save, one to a character it does not have), and a save
 * with a long log. Generated, edited as text, imported for real.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { generateSave, writeSaveZip, type GenerateOptions } from '../fixtures/generate';
import type { Harness } from '../harness/server';

/** The game escapes the markup inside `Text`; the generator's birth lines are `<icon=ICON_BIRTH/> Zoë's child was born`. */
const birthLine = /&lt;icon=ICON_BIRTH\/&gt; Zoë&apos;s child was born/;

export const linkedLine = 'Ætheling was born to the house';
export const unlinkedLine = 'Ghost of the steppe was born';

/** A birth line turned into a link to character 3 (in the save), a plague line into one to character 99999 (not). */
export function withCharacterLinks(xml: string): string {
  const first = xml.replace(
    birthLine,
    '&lt;color=#e3c08c&gt;&lt;link="HELP_LINK,HELP_CHARACTER,3"&gt;Ætheling&lt;/link&gt;&lt;/color&gt; was born to the house',
  );
  expect(first, 'the save has a birth line to edit').not.toBe(xml);
  const second = first.replace(
    '<Text>A plague spreads</Text>',
    '<Text>&lt;link="HELP_LINK,HELP_CHARACTER,99999"&gt;Ghost of the steppe&lt;/link&gt; was born</Text>',
  );
  expect(second, 'the save has a plague line to edit').not.toBe(first);
  return second;
}

export async function importGenerated(
  harness: Harness,
  saves: { name: string; options: GenerateOptions; edit?: (xml: string) => string }[],
): Promise<Record<string, number>> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-events-'));
  try {
    const byPath = new Map<string, string>();
    for (const s of saves) {
      const file = path.join(folder, `${s.name}.zip`);
      const xml = generateSave(s.options).xml;
      await writeSaveZip(file, s.edit ? s.edit(xml) : xml);
      byPath.set(file, s.name);
    }
    const { runId } = await harness.handlers.startImport({ paths: [folder] });
    await expect
      .poll(() => harness.events.some((e) => e.name === 'importFinished' && (e.payload as { runId: string }).runId === runId), {
        timeout: 180_000,
      })
      .toBe(true);
    const ids: Record<string, number> = {};
    for (const save of (await harness.handlers.listSaves({ limit: 1000 })).items) {
      const name = byPath.get(save.sourcePath);
      if (name) ids[name] = save.saveId;
    }
    for (const s of saves) expect(ids[s.name], `${s.name} was imported`).toBeGreaterThan(0);
    return ids;
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}
