import type { LibraryPage, SaveDetail } from '../shared/library.js';
import { displayName } from '../shared/format.js';
import { showJson } from './show-json.js';

export function printSaveList(page: LibraryPage, json: boolean): void {
  if (json) {
    for (const item of page.items) process.stdout.write(`${JSON.stringify({ type: 'save', ...item })}\n`);
    return;
  }
  if (page.items.length === 0) {
    process.stdout.write('The library is empty. Import saves with `scribe import <folder>`.\n');
    return;
  }
  process.stdout.write(`${'ID'.padStart(6)}  ${'TURN'.padStart(4)}  ${'GAME'.padEnd(32)}  NATIONS\n`);
  for (const s of page.items) {
    const nations = s.players.map((p) => displayName(p.nation)).join(', ');
    process.stdout.write(
      `${String(s.saveId).padStart(6)}  ${String(s.turn).padStart(4)}  ${(s.gameName ?? '(unnamed)').slice(0, 32).padEnd(32)}  ${nations}${s.isSample ? '  (sample)' : ''}\n`,
    );
  }
  process.stdout.write(`${page.items.length} of ${page.total} saves.\n`);
}

export function printSaveDetail(detail: SaveDetail, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(showJson(detail))}\n`);
    return;
  }
  const s = detail.save;
  process.stdout.write(`${s.gameName ?? '(unnamed)'} — turn ${s.turn}${s.gameOver ? ' (game over)' : ''}\n`);
  process.stdout.write(`Game ${s.gameId}, saved ${s.saveDate ?? 'unknown'}, version ${s.version ?? 'unknown'}\n\n`);
  for (const p of detail.players) {
    process.stdout.write(
      `  ${(p.name ?? `Player ${p.playerId}`).padEnd(20)} ${displayName(p.nation).padEnd(12)} ruler ${p.rulerName ?? '-'}, legitimacy ${p.legitimacy ?? '-'}, points ${p.points ?? '-'}\n`,
    );
  }
  process.stdout.write('\n');
  for (const [table, n] of Object.entries(detail.counts)) process.stdout.write(`  ${table.padEnd(28)} ${n}\n`);
}
