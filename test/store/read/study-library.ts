/**
 * A small library of real generated saves, parsed and written as an import
 * writes them, for the library and statistics read models' tests: one game
 * in each result and winner form, a game over three saves, a sample, and
 * saves edited to another map, difficulty and date.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSaveXml } from '../../../src/engine/reader/index.js';
import { openStore, type Store } from '../../../src/engine/store/index.js';
import type { ReadContext } from '../../../src/engine/store/read/index.js';
import type { Backend } from '../../../src/shared/settings.js';
import type { ResultKind } from '../../../src/shared/result.js';
import { generateSave, type GenerateOptions } from '../../fixtures/generate.js';

export interface StudyGame {
  name: string;
  /** The result from the owner's side, worked out by hand from the generator's winner forms. */
  result: ResultKind;
  saves: { options: Omit<GenerateOptions, 'scale' | 'gameName'>; edit?: (xml: string) => string; sample?: boolean }[];
}

export const seriesGameId = 'aaaaaaaa-0000-4000-8000-000000000003';

/**
 * Player 0 is the owner wherever `activePlayer` is left at its default 0.
 * teamVictories: team 1 (player 1) won; legacy: team 0 won; victoryElement:
 * the last player won by conquest.
 */
export const studyGames: StudyGame[] = [
  { name: 'Small Game', result: 'inProgress', saves: [{ options: { seed: 61, humans: 1, gameMode: 'SINGLE_PLAYER' } }] },
  { name: 'Network Game', result: 'inProgress', saves: [{ options: { seed: 64, humans: 3, players: 4 } }] },
  { name: 'Team Victories', result: 'defeat', saves: [{ options: { seed: 65, winner: 'teamVictories' } }] },
  {
    name: 'Legacy Winner',
    result: 'victory',
    saves: [
      {
        options: { seed: 66, winner: 'legacy', humans: 1 },
        edit: (xml) =>
          xml.replaceAll('MAPCLASS_CoastalRainBasin', 'MAPCLASS_Continent').replaceAll('DIFFICULTY_NOBLE', 'DIFFICULTY_MAGNIFICENT'),
      },
    ],
  },
  {
    name: 'Victory Element',
    result: 'defeat',
    saves: [
      { options: { seed: 67, winner: 'victoryElement', humans: 1 }, edit: (xml) => xml.replace('20 September 2025', '2 March 2024') },
    ],
  },
  // No ActivePlayer and two humans: whose game it is cannot be told, so a finished game is only "over".
  { name: 'Hotseat Ending', result: 'over', saves: [{ options: { seed: 69, winner: 'teamVictories', activePlayer: null, humans: 2 } }] },
  {
    name: 'Long Campaign',
    result: 'inProgress',
    saves: [20, 40, 60].map((turns) => ({ options: { seed: 68, turns, gameId: seriesGameId, humans: 1 } })),
  },
  { name: 'Sample: Tour', result: 'inProgress', saves: [{ options: { seed: 70, humans: 1 }, sample: true }] },
];

export interface StudyLibrary {
  store: Store;
  ctx<T>(fn: (ctx: ReadContext) => Promise<T>): Promise<T>;
  /** The owner's (player 0's) nation of each game by name, as the generator drew it. */
  ownerNation: Map<string, string>;
  /** Every nation of each game by name. */
  nations: Map<string, string[]>;
  /** Player names of each game by name. */
  playerNames: Map<string, string[]>;
}

const samplePrefix = '/data/Sample saves/';

export async function makeStudyLibrary(backend: Backend): Promise<StudyLibrary> {
  const dir = mkdtempSync(join(tmpdir(), 'scribe-read-games-'));
  const store = await openStore(join(dir, backend === 'sqlite' ? 'lib.sqlite' : 'lib.duckdb'), { backend });
  const ownerNation = new Map<string, string>();
  const nations = new Map<string, string[]>();
  const playerNames = new Map<string, string[]>();
  let n = 0;
  for (const game of studyGames) {
    for (const s of game.saves) {
      n++;
      const xml = generateSave({ scale: 'small', gameName: game.name, ...s.options }).xml;
      const parsed = parseSaveXml(Buffer.from(s.edit ? s.edit(xml) : xml));
      ownerNation.set(game.name, parsed.players.find((p) => p.id === 0)!.nation!);
      nations.set(
        game.name,
        parsed.players.map((p) => p.nation!),
      );
      playerNames.set(game.name, parsed.players.map((p) => p.name ?? '').filter(Boolean));
      const path = `${s.sample ? samplePrefix : '/saves/'}${n}.zip`;
      const result = await store.insertSave(parsed, {
        path,
        sha256: n.toString(16).padStart(64, '0'),
        size: 1,
        mtimeMs: 1_700_000_000_000 + n * 60_000,
      });
      if (result.status !== 'imported') throw new Error(`${game.name} was not imported: ${result.status}`);
    }
  }
  const isSample = (p: string) => p.startsWith(samplePrefix);
  return { store, ctx: (fn) => store.read((db) => fn({ db, isSample })), ownerNation, nations, playerNames };
}
