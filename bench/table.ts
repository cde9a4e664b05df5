/** One measured figure, with its target when it has one. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/** A Markdown table: readable in the terminal and in docs/benchmarks.md alike. */
export function renderTable(rows: readonly BenchRow[]): string {
  const lines = ['| measure | value | target | met |', '| --- | ---: | --- | --- |'];
  for (const r of rows)
    lines.push(`| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}
