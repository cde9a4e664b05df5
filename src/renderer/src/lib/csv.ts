/** CSV as RFC 4180 has it: comma-separated, CRLF rows, a field quoted when it holds a comma, a quote or a line break. */

export type CsvCell = string | number | null;

function field(cell: CsvCell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * The rows behind a chart of series over turns: one row per turn, one column
 * per series, empty where a series has no value for that turn.
 */
export function seriesCsv(series: readonly { label: string; points: readonly { turn: number; value: number }[] }[]): string {
  const turns = [...new Set(series.flatMap((s) => s.points.map((p) => p.turn)))].sort((a, b) => a - b);
  const byTurn = series.map((s) => new Map(s.points.map((p) => [p.turn, p.value])));
  return toCsv(
    ['turn', ...series.map((s) => s.label)],
    turns.map((t) => [t, ...byTurn.map((m) => m.get(t) ?? null)]),
  );
}
