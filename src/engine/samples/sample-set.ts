/**
 * The sample library: a handful of small generated saves that show what
 * Scribe does with a real save folder — several games, one game followed
 * over many turns, a finished game, a multiplayer game, the same save twice
 * (skipped) and a damaged file (failed, with its reason).
 *
 * Pure and deterministic: the same bytes every time, so a sample is always
 * recognised as the same file.
 */
import { generateSave, type GenerateOptions } from './generate.js';
import { zipOneFile } from './zip-writer.js';

export interface SampleFile {
  fileName: string;
  bytes: Buffer;
  /** When the game would have written it: samples sort by save date like real ones. */
  mtime: Date;
}

interface SampleSpec {
  fileName: string;
  /** Generator options; the scale is always 'small' (fast to make, quick to import). */
  save: Omit<GenerateOptions, 'scale'>;
  /** Copy of another file of the set, byte for byte. */
  copyOf?: string;
  /** Cut the archive off here, as an interrupted copy does. */
  truncate?: boolean;
}

const single = { gameMode: 'SINGLE_PLAYER', humans: 1 } as const;
const seriesId = '5a3c0e1d-0000-4000-8000-000000000001';
const seriesTurns = [10, 25, 40, 55, 70];

const specs: SampleSpec[] = [
  ...seriesTurns.map((turns): SampleSpec => ({
    fileName: `OW-Save-Auto-${turns}.zip`,
    // One seed for every turn: the same nations and leaders, further on.
    save: { ...single, seed: 101, turns, gameId: seriesId, gameName: 'Sample: The Long Reign', players: 4 },
  })),
  {
    fileName: 'OW-Save-Manual-70.zip',
    save: { seed: 0 },
    copyOf: `OW-Save-Auto-${seriesTurns[seriesTurns.length - 1]}.zip`,
  },
  {
    fileName: 'Sample-Victory.zip',
    save: {
      ...single,
      seed: 202,
      turns: 90,
      gameId: '5a3c0e1d-0000-4000-8000-000000000002',
      gameName: 'Sample: A Hard-Won Victory',
      winner: 'teamVictories',
    },
  },
  {
    fileName: 'Sample-Multiplayer.zip',
    save: {
      seed: 303,
      turns: 35,
      gameId: '5a3c0e1d-0000-4000-8000-000000000003',
      gameName: 'Sample: Friday Multiplayer',
      players: 4,
      humans: 3,
    },
  },
  {
    fileName: 'Sample-Early-Game.zip',
    save: {
      ...single,
      seed: 404,
      turns: 15,
      gameId: '5a3c0e1d-0000-4000-8000-000000000004',
      gameName: 'Sample: A Quick Start',
      players: 3,
    },
  },
  {
    fileName: 'Sample-Damaged.zip',
    save: { ...single, seed: 505, turns: 30, gameId: '5a3c0e1d-0000-4000-8000-000000000005', gameName: 'Sample: Cut Off' },
    truncate: true,
  },
];

/**
 * What importing the set into an empty library gives. Which of the two
 * identical files is skipped depends on which one is written first.
 */
export const sampleSetOutcome = { imported: specs.length - 2, skipped: 1, failed: 1, damagedFile: 'Sample-Damaged.zip' } as const;

/** Every sample file's name, even of files that fail to import. */
export const sampleFileNames: readonly string[] = specs.map((s) => s.fileName);

/** A day apart per file, in the set's order, so "newest first" reads naturally. */
const baseTime = Date.UTC(2025, 8, 1, 18, 0, 0);

/** Makes the whole set in memory. */
export function makeSampleSet(): SampleFile[] {
  const made = new Map<string, Buffer>();
  return specs.map((spec, i) => {
    let bytes: Buffer;
    if (spec.copyOf !== undefined) {
      bytes = made.get(spec.copyOf)!;
    } else {
      const { xml } = generateSave({ scale: 'small', ...spec.save });
      bytes = zipOneFile(`${spec.fileName.replace(/\.zip$/, '')}.xml`, Buffer.from(xml, 'utf8'));
      // Half an archive: no central directory, the way a copy cut off midway looks.
      if (spec.truncate) bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
    }
    made.set(spec.fileName, bytes);
    return { fileName: spec.fileName, bytes, mtime: new Date(baseTime + i * 86_400_000) };
  });
}
