/** Exporting a library for analysts: what the CLI, the app and the engine agree on. */

export const exportFormats = ['parquet', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (exportFormats as readonly string[]).includes(value);
}

/** How far an export has come; rows are counted per table, since tables differ wildly in size. */
export interface ExportProgress {
  table: string;
  /** 0-based position of `table` among `tables`. */
  tableIndex: number;
  tables: number;
  rowsDone: number;
  rowsTotal: number;
}

export interface ExportedTable {
  table: string;
  file: string;
  rows: number;
}

export interface ExportSummary {
  format: ExportFormat;
  outDir: string;
  tables: ExportedTable[];
  durationMs: number;
}

/** How an export in the app ended: its summary, or one sentence saying why it stopped. */
export type ExportOutcome = { ok: true; outDir: string; summary: ExportSummary } | { ok: false; outDir: string; code: string; message: string };

/** The longest CSV text the app writes for a chart: far beyond any chart's rows, small enough for one IPC message. */
export const maxCsvChars = 64 * 1024 * 1024;
