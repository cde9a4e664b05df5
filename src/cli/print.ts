import type { LibraryPage, SaveDetail } from '../shared/library.js';
import { writeOut } from './output.js';
import { winnerText } from '../shared/format.js';
import { characterName, difficultyName, gameModeName, nationName } from '../shared/names.js';
import { resultText } from '../shared/result.js';
import { showJson } from './show-json.js';

export function printSaveList(page: LibraryPage, json: boolean): void {
  if (json) {
    for (const item of page.items)
      writeOut(`${JSON.stringify({ type: 'save', ...item, winner: winnerText(item.winner, item.players) })}\n`);
    return;
  }
  if (page.items.length === 0) {
    writeOut('The library is empty. Import saves with `scribe import <folder>`.\n');
    return;
  }
  writeOut(`${'ID'.padStart(6)}  ${'TURN'.padStart(4)}  ${'GAME'.padEnd(32)}  NATIONS\n`);
  for (const s of page.items) {
    const nations = s.players.map((p) => nationName(p.nation)).join(', ');
    writeOut(
      `${String(s.saveId).padStart(6)}  ${String(s.turn).padStart(4)}  ${(s.gameName ?? '(unnamed)').slice(0, 32).padEnd(32)}  ${nations}${s.isSample ? '  (sample)' : ''}\n`,
    );
  }
  writeOut(`${page.items.length} of ${page.total} saves.\n`);
}

export function printSaveDetail(detail: SaveDetail, json: boolean): void {
  if (json) {
    writeOut(`${JSON.stringify(showJson(detail))}\n`);
    return;
  }
  const s = detail.save;
  const result = resultText({ gameOver: s.gameOver, winner: s.winner, activePlayer: detail.activePlayer, players: detail.players });
  writeOut(`${s.gameName ?? '(unnamed)'} — turn ${s.turn}, ${result}\n`);
  writeOut(`Game ${s.gameId}, saved ${s.saveDate ?? 'unknown'}, version ${s.version ?? 'unknown'}\n`);
  writeOut(`${gameModeName(detail.gameMode)}, difficulty ${difficultyName(detail.difficulty)}\n\n`);
  for (const p of detail.players) {
    writeOut(
      `  ${(p.name ?? `Player ${p.playerId}`).padEnd(20)} ${nationName(p.nation).padEnd(12)} ruler ${characterName(p.rulerName)}, legitimacy ${p.legitimacy ?? '-'}, points ${p.points ?? '-'}\n`,
    );
  }
  writeOut('\n');
  for (const [table, n] of Object.entries(detail.counts)) writeOut(`  ${table.padEnd(28)} ${n}\n`);
}
