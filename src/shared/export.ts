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
