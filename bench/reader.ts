/**
 * Reader benchmark: one save, one core.
 *
 *   npx tsx bench/reader.ts
 *
 * - typical save (5 players, 74x74, ~9 MB of XML): `readSave` on the
 *   archive's bytes (what the parse worker does), median and p90 of 30
 *   runs after warm-up, in 3 rounds reporting the best round (noise from
 *   other processes only ever adds time); `parseSaveXml` alone; a plain
 *   fast-xml-parser DOM parse of the same XML for comparison;
 * - huge save (~50 MB of XML): read in a fresh child process that does
 *   nothing else, reporting its time and peak RSS, next to the same for a
 *   fast-xml-parser DOM parse of the same XML;
 * - a 1 GB zip bomb whose headers lie: time to refusal and bytes inflated.
 *
 * Fixtures come from the deterministic generator and live in a temp folder
 * removed at the end.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { readSave, parseSaveXml, type ExtractStats } from '../src/engine/reader/index.js';
import { generateSave, writeSaveZip } from '../test/fixtures/generate.js';
import { buildZip, repeatedDeflate } from '../test/fixtures/raw-zip.js';
import { renderTable, type BenchRow } from './table.js';

const MB = 1024 * 1024;

export interface BenchReaderOptions {
  /** Timed runs of the typical save per round (after warm-up). Default 30. */
  runs?: number;
  /** Rounds; the round with the lowest median is reported. Default 3. */
  rounds?: number;
  /** Skip the huge save (two child processes, ~10 s). */
  skipHuge?: boolean;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function timeRuns(runs: number, fn: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const fxpOptions = { ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true } as const;

export async function benchReader(options: BenchReaderOptions = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? 30;
  const roundCount = options.rounds ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'scribe-bench-reader-'));
  const rows: BenchRow[] = [];
  const round = (v: number) => Math.round(v * 10) / 10;
  try {
    // ---------------------------------------------------------- typical
    const typical = generateSave({ seed: 7000, scale: 'typical' });
    const xml = Buffer.from(typical.xml, 'utf8');
    const zipFile = join(dir, 'typical.zip');
    await writeSaveZip(zipFile, xml);
    const zipBytes = readFileSync(zipFile);
    const xmlMB = xml.length / 1e6;

    for (let i = 0; i < 5; i++) await readSave(zipBytes); // warm-up: JIT, pools
    let read: number[] = [];
    let parseOnly: number[] = [];
    for (let r = 0; r < roundCount; r++) {
      const times = await timeRuns(runs, () => readSave(zipBytes));
      if (r === 0 || quantile(times, 0.5) < quantile(read, 0.5)) read = times;
      const parse = await timeRuns(runs, () => parseSaveXml(xml));
      if (r === 0 || quantile(parse, 0.5) < quantile(parseOnly, 0.5)) parseOnly = parse;
    }
    const median = quantile(read, 0.5);
    const fxp = new XMLParser(fxpOptions);
    fxp.parse(typical.xml);
    const dom = await timeRuns(5, () => fxp.parse(typical.xml));

    rows.push(
      {
        name: `typical save (${xmlMB.toFixed(1)} MB XML, ${(zipBytes.length / 1e6).toFixed(2)} MB zip): read, check, map, median of ${runs} (best of ${roundCount} rounds)`,
        value: round(median),
        unit: 'ms',
        target: '≤ 60 ms',
        met: median <= 60,
      },
      { name: 'typical save: read, check, map, p90', value: round(quantile(read, 0.9)), unit: 'ms' },
      {
        name: 'reader throughput (XML bytes / median time)',
        value: Math.round(xmlMB / (median / 1000)),
        unit: 'MB/s',
        target: '≥ 150 MB/s',
        met: xmlMB / (median / 1000) >= 150,
      },
      { name: 'typical save: XML in memory only (parseSaveXml), median', value: round(quantile(parseOnly, 0.5)), unit: 'ms' },
      { name: 'typical save: fast-xml-parser DOM parse of the same XML, median of 5', value: Math.round(quantile(dom, 0.5)), unit: 'ms' },
    );

    // ---------------------------------------------------------- huge
    if (!options.skipHuge) {
      const huge = generateSave({ seed: 50, scale: 'huge' });
      const hugeZip = join(dir, 'huge.zip');
      const hugeXml = join(dir, 'huge.xml');
      await writeSaveZip(hugeZip, huge.xml, { level: 1 });
      writeFileSync(hugeXml, huge.xml);
      const hugeMB = huge.expected.meta.xmlBytes / 1e6;
      const reader = await inChild(['read', hugeZip]);
      const viaFxp = await inChild(['fxp', hugeXml]);
      rows.push(
        { name: `huge save (${hugeMB.toFixed(0)} MB XML): read, check, map (fresh process)`, value: Math.round(reader.ms), unit: 'ms' },
        {
          name: 'huge save: peak RSS of the process reading it',
          value: Math.round(reader.peakRssMB),
          unit: 'MB',
          target: '< 300 MB',
          met: reader.peakRssMB < 300,
        },
        { name: 'huge save: fast-xml-parser DOM parse, time', value: Math.round(viaFxp.ms), unit: 'ms' },
        { name: 'huge save: fast-xml-parser DOM parse, peak RSS', value: Math.round(viaFxp.peakRssMB), unit: 'MB' },
      );
    }

    // ---------------------------------------------------------- zip bomb
    const bomb = repeatedDeflate(Buffer.alloc(MB), 1024);
    const bombFile = join(dir, 'bomb.zip');
    // Headers claim 9 MB: only the checks made while inflating can catch it.
    writeFileSync(bombFile, buildZip([{ name: 'OW-Save.xml', data: bomb.data, method: 8, crc32: bomb.crc32, uncompressedSize: 9 * MB }]));
    const stats: ExtractStats = { entries: 0, entryName: null, compressedBytes: 0, inflatedBytes: 0 };
    const started = performance.now();
    const code = await readSave(bombFile, undefined, stats).then(
      () => 'read!',
      (err: { code?: string }) => err.code,
    );
    const bombMs = performance.now() - started;
    rows.push(
      {
        name: `1 GB zip bomb (lying headers): ${code}`,
        value: round(bombMs),
        unit: 'ms',
        target: '< 1000 ms, ZIP_BOMB',
        met: bombMs < 1000 && code === 'ZIP_BOMB',
      },
      {
        name: '1 GB zip bomb: bytes inflated before refusal',
        value: round(stats.inflatedBytes / MB),
        unit: 'MB',
        target: '≤ 4 MB',
        met: stats.inflatedBytes <= 4 * MB,
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

interface ChildResult {
  ms: number;
  peakRssMB: number;
}

/** Runs this file as a child doing one job; its peak RSS is its own. */
function inChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', ...args], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let result: ChildResult | null = null;
    child.on('message', (m) => (result = m as ChildResult));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`bench child ${args[0]} exited with ${code}`))));
  });
}

async function childMain(job: string, file: string): Promise<void> {
  const started = performance.now();
  if (job === 'read') await readSave(file);
  else new XMLParser(fxpOptions).parse(readFileSync(file, 'utf8'));
  const ms = performance.now() - started;
  process.send!({ ms, peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB } satisfies ChildResult);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--child');
  if (at >= 0) {
    await childMain(process.argv[at + 1]!, process.argv[at + 2]!);
  } else {
    process.stdout.write(`${renderTable(await benchReader())}\n`);
  }
}
