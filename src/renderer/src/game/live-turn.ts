/**
 * Live while playing: when an import brings the game a newer save, where the
 * page should go. Pure, so the rule is tested without a page.
 */
import type { GameTurn } from '../../../shared/views/game';

export type LiveTurn =
  /** The page showed the game's latest save: follow the game to its new turn. */
  | { action: 'move'; saveId: number; turn: number }
  /** The player is studying an older turn: say the new one is there, do not move. */
  | { action: 'offer'; saveId: number; turn: number };

function latest(saves: readonly GameTurn[]): GameTurn | null {
  return saves.length === 0 ? null : saves.reduce((a, b) => (b.turn > a.turn || (b.turn === a.turn && b.saveId > a.saveId) ? b : a));
}

/** `before` and `after` are the game's saves before and after the import; `shown` the save the page shows. */
export function liveTurn(before: readonly GameTurn[], after: readonly GameTurn[], shown: number): LiveTurn | null {
  const was = latest(before);
  const now = latest(after);
  if (!now || (was && now.saveId === was.saveId) || now.saveId === shown) return null;
  if (was && now.turn <= was.turn) return null;
  return was === null || was.saveId === shown
    ? { action: 'move', saveId: now.saveId, turn: now.turn }
    : { action: 'offer', saveId: now.saveId, turn: now.turn };
}
