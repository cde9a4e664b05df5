/**
 * A well-formed payload for each request that takes one, and the wrong
 * shapes derived from it. Requests left out (and any the contract gains
 * later without an entry) take no argument: their wrong shapes are any
 * value at all.
 */
import type { RequestName, RequestOf } from '../../src/shared/contract';

export const validRequests: Partial<{ [K in RequestName]: RequestOf<K> }> = {
  startImport: { paths: ['/nowhere/save.zip'] },
  listSaves: { sort: 'turn', order: 'asc' },
  saveDetail: { saveId: 1 },
  deleteSave: { saveId: 2 },
  ledgerHistory: { limit: 10 },
  setSettings: { maxXmlMB: 128 },
  exportLibrary: { format: 'parquet' },
  saveCsv: { suggestedName: 'points.csv', csv: 'turn,points\n1,2\n' },
  listGames: { limit: 10, text: 'rome', sort: 'name', order: 'asc', nation: 'NATION_ROME', result: 'victory', from: '2025-01-01' },
  gameTurns: { saveId: 1 },
  gameOverview: { saveId: 1 },
  gameCharts: { saveId: 1 },
  gameEvents: { saveId: 1 },
  gameRulers: { saveId: 1 },
  gameCharacter: { saveId: 1, characterId: 3 },
  gameCities: { saveId: 1 },
  gameLaws: { saveId: 1 },
  gameMap: { saveId: 1 },
};

export interface WrongShape {
  why: string;
  payload: unknown;
  /** Words the refusal's message must hold: the request's name and the field at fault. */
  names: string[];
}

/** Wrong shapes for one request: each must be refused as BAD_REQUEST, naming the field. */
export function wrongShapes(name: RequestName): WrongShape[] {
  const valid = validRequests[name] as Record<string, unknown> | undefined;
  const shapes: WrongShape[] = [
    { why: 'a number', payload: 42, names: [name] },
    { why: 'an unknown key', payload: { ...valid, bogusKey: 1 }, names: [name, valid ? '"bogusKey"' : 'no argument'] },
  ];
  for (const key of Object.keys(valid ?? {})) {
    shapes.push({ why: `an object in "${key}"`, payload: { ...valid, [key]: { nested: true } }, names: [name, `"${key}"`] });
  }
  return shapes;
}
