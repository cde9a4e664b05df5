/**
 * The shape of every request payload, checked at run time where a request
 * arrives (Electron main, the test harness) and, through `v.InferOutput`,
 * the TypeScript type of the request in `Requests`: the check and the type
 * are one declaration, so they cannot drift apart.
 */
import * as v from 'valibot';
import { exportFormats, maxCsvChars } from './export.js';
import { ledgerStatuses, saveSortKeys } from './library.js';
import { maxXmlMBLimits, workerLimits } from './limits.js';
import { backends } from './settings.js';
import { ScribeRequestError } from './request-errors.js';
import { gameListQuerySchema } from './views/games.js';
import { gameSaveSchema } from './views/request-parts.js';
import { characterRequestSchema } from './views/rulers.js';

/** A request that takes no argument: the renderer sends `undefined`, JSON may turn it into `null`. */
const noArgument = v.pipe(
  v.custom<undefined>((input) => input === undefined || input === null, 'takes no argument'),
  v.transform((): void => undefined),
);

const count = (what: string) =>
  v.pipe(v.number(), v.integer(`must be a whole number of ${what}`), v.minValue(0, `must be a whole number of ${what}, 0 or more`));
const nonEmptyText = (what: string) =>
  v.pipe(
    v.string(),
    v.check((s) => s.trim() !== '', `must be ${what}, not empty text`),
  );

export const saveListQuerySchema = v.strictObject({
  offset: v.optional(count('saves to skip')),
  limit: v.optional(count('saves per page')),
  sort: v.optional(v.picklist(saveSortKeys)),
  order: v.optional(v.picklist(['asc', 'desc'])),
  text: v.optional(v.string()),
  nation: v.optional(v.string()),
  player: v.optional(v.string()),
  gameOver: v.optional(v.boolean()),
});
export type SaveListQuery = v.InferOutput<typeof saveListQuerySchema>;

export const ledgerQuerySchema = v.strictObject({
  offset: v.optional(count('entries to skip')),
  limit: v.optional(count('entries per page')),
  status: v.optional(v.picklist(ledgerStatuses)),
});
export type LedgerQuery = v.InferOutput<typeof ledgerQuerySchema>;

const saveIdSchema = v.strictObject({
  saveId: v.pipe(v.number(), v.integer('must be a save id (a whole number)'), v.minValue(1, 'must be a save id (1 or more)')),
});

/** A change to some settings; a field left out keeps its value. */
export const settingsPatchSchema = v.strictObject({
  databasePath: v.optional(nonEmptyText('a database file')),
  backend: v.optional(v.picklist(backends)),
  workers: v.optional(
    v.union([
      v.literal('auto'),
      v.pipe(
        v.number(),
        v.integer('must be "auto" or a whole number of workers'),
        v.minValue(workerLimits.min, `must be "auto" or ${workerLimits.min} to ${workerLimits.max} workers`),
        v.maxValue(workerLimits.max, `must be "auto" or ${workerLimits.min} to ${workerLimits.max} workers`),
      ),
    ]),
  ),
  watchFolders: v.optional(v.array(nonEmptyText('a folder'))),
  maxXmlMB: v.optional(
    v.pipe(
      v.number(),
      v.minValue(maxXmlMBLimits.min, `must be ${maxXmlMBLimits.min} to ${maxXmlMBLimits.max} MB`),
      v.maxValue(maxXmlMBLimits.max, `must be ${maxXmlMBLimits.min} to ${maxXmlMBLimits.max} MB`),
    ),
  ),
});

/** One schema per request of the contract; `Requests` in contract.ts takes its request types from here. */
export const requestSchemas = {
  getAppInfo: noArgument,
  pickFiles: noArgument,
  pickFolders: noArgument,
  startImport: v.strictObject({ paths: v.array(nonEmptyText('a file or folder path')) }),
  cancelImport: noArgument,
  retryFailed: noArgument,
  resumeImport: noArgument,
  getImportState: noArgument,
  listSaves: saveListQuerySchema,
  saveDetail: saveIdSchema,
  deleteSave: saveIdSchema,
  ledgerHistory: ledgerQuerySchema,
  getSettings: noArgument,
  setSettings: settingsPatchSchema,
  getWatchStatus: noArgument,
  openDataFolder: noArgument,
  importSamples: noArgument,
  removeSamples: noArgument,
  getSampleStatus: noArgument,
  exportLibrary: v.strictObject({ format: v.picklist(exportFormats) }),
  saveCsv: v.strictObject({
    suggestedName: v.string(),
    csv: v.pipe(v.string(), v.maxLength(maxCsvChars, 'is longer than any chart’s rows')),
  }),
  getLibraryMigration: noArgument,
  // The study views: each view's schema lives beside its answer in shared/views/.
  listGames: gameListQuerySchema,
  libraryStats: noArgument,
  gameTurns: gameSaveSchema,
  gameOverview: gameSaveSchema,
  gameCharts: gameSaveSchema,
  gameEvents: gameSaveSchema,
  gameRulers: gameSaveSchema,
  gameCharacter: characterRequestSchema,
  gameCities: gameSaveSchema,
  gameLaws: gameSaveSchema,
  gameMap: gameSaveSchema,
} as const;

export type RequestSchemas = typeof requestSchemas;
export type RequestSchemaName = keyof RequestSchemas;

/** valibot's type words, for players' and developers' eyes alike. */
const typeWords: Record<string, string> = {
  Object: 'an object',
  Array: 'a list',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
};

const describePath = (path: readonly { key: unknown }[] | undefined): string | null =>
  path && path.length > 0
    ? path.map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : i === 0 ? String(p.key) : `.${String(p.key)}`)).join('')
    : null;

/** One sentence naming the field and what it must be. */
function describeIssue(name: string, issue: v.BaseIssue<unknown>): string {
  const field = describePath(issue.path as { key: unknown }[] | undefined);
  const where = field === null ? 'it' : `its field "${field}"`;
  if (issue.type === 'strict_object' && issue.expected === 'never') return `${name} was refused: "${field}" is not one of its fields.`;
  if (issue.kind === 'validation' || issue.type === 'custom')
    return `${name} was refused: ${where} ${issue.message} (it was ${issue.received}).`;
  const expected = issue.expected ?? '';
  const want = typeWords[expected] ?? (expected.startsWith('(') ? `one of ${expected.slice(1, -1)}` : expected);
  return `${name} was refused: ${where} must be ${want} (it was ${issue.received}).`;
}

/**
 * The request's payload as its schema reads it, or a BAD_REQUEST error
 * naming the first field that is wrong. The one check every serving side
 * runs before a handler sees the payload.
 */
export function parseRequest<K extends RequestSchemaName>(name: K, payload: unknown): v.InferOutput<RequestSchemas[K]> {
  const result = v.safeParse(requestSchemas[name], payload, { abortEarly: true });
  if (result.success) return result.output as v.InferOutput<RequestSchemas[K]>;
  throw new ScribeRequestError('BAD_REQUEST', describeIssue(name, result.issues[0]));
}
