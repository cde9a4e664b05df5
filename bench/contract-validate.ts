/**
 * What checking a request against its schema costs, per call: `listSaves`
 * (the renderer's most frequent request with a payload, sent on every
 * filter, sort and page change) validated many times in a row.
 * Run: npx tsx bench/contract-validate.ts
 */
import { parseRequest } from '../src/shared/request-schemas.js';

const payload = { offset: 50, limit: 50, sort: 'turn', order: 'desc', text: 'carthage', gameOver: false } as const;
const calls = 100_000;

function run(): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) parseRequest('listSaves', payload);
  return Number(process.hrtime.bigint() - started) / calls;
}

run(); // warm-up: the first pass pays for compiling the schema's code paths
const rounds = Array.from({ length: 5 }, run).sort((a, b) => a - b);
console.log(`parseRequest('listSaves') x ${calls}: best ${rounds[0]!.toFixed(0)} ns, median ${rounds[2]!.toFixed(0)} ns per call`);
