/** How the window words a library update: every step a plain sentence, never a phase key. */
import { describe, expect, it } from 'vitest';
import { migrationCounted, migrationRunning, migrationStep } from '../../src/renderer/src/lib/migration-words';
import type { LibraryMigration } from '../../src/shared/migration';

const at = (phase: LibraryMigration['phase'], savesDone = 1_200, savesTotal = 2_500): LibraryMigration => ({
  version: 6,
  phase,
  savesDone,
  savesTotal,
});

describe('the library update’s wording', () => {
  it('says each step in a plain sentence, with the counts as a player reads them', () => {
    expect(migrationStep(at('converting'))).toBe('Converting saves: 1,200 of 2,500 saves done');
    expect(migrationStep(at('converting', 0, 1))).toBe('Converting saves: 0 of 1 save done');
    expect(migrationStep(at('converting', 0, 0))).toBe('Preparing the library');
    expect(migrationStep(at('finishing', 2_500))).toBe('All 2,500 saves converted; putting them in place');
    expect(migrationStep(at('reclaiming'))).toBe('Giving the disk space the old format used back to your computer');
  });

  it('covers the window only while a step runs', () => {
    expect(migrationRunning(null)).toBe(false);
    for (const phase of ['converting', 'finishing', 'reclaiming'] as const) expect(migrationRunning(at(phase))).toBe(true);
    expect(migrationRunning(at('done'))).toBe(false);
    expect(migrationRunning(at('stopped'))).toBe(false);
  });

  it('counts saves only while converting them', () => {
    expect(migrationCounted(at('converting'))).toBe(true);
    expect(migrationCounted(at('converting', 0, 0))).toBe(false);
    expect(migrationCounted(at('finishing'))).toBe(false);
    expect(migrationCounted(at('reclaiming'))).toBe(false);
  });
});
