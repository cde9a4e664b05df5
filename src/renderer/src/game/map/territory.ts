/**
 * Territory over the turns, from the owner history the map read model
 * sends (shared/views/map.ts): pure, so the slider's answer is testable
 * without a canvas.
 */
import type { OwnerHistoryColumns } from '../../../../shared/views/map';

/**
 * The owner of every tile at `turn`: the last history entry at or before it
 * (-1 when the tile had none yet). At or after the save's turn, the save's
 * own owners. A tile without any history keeps its owner throughout:
 * nothing says when it changed hands.
 */
export function ownersAtTurn(current: readonly number[], history: OwnerHistoryColumns, turn: number, saveTurn: number): Int32Array {
  const out = Int32Array.from(current);
  if (turn >= saveTurn) return out;
  const { tiles, turns, owners } = history;
  // Entries are sorted by tile then turn: one pass, each tile's run at a time.
  for (let i = 0; i < tiles.length;) {
    const tile = tiles[i]!;
    let owner = -1;
    for (; i < tiles.length && tiles[i] === tile; i++) if (turns[i]! <= turn) owner = owners[i]!;
    if (tile < out.length) out[tile] = owner;
  }
  return out;
}

/** The first turn the history records: where the slider starts. */
export function firstHistoryTurn(history: OwnerHistoryColumns, saveTurn: number): number {
  let first = saveTurn;
  for (const t of history.turns) if (t < first) first = t;
  return Math.max(0, first);
}

export interface TerritoryShare {
  playerId: number;
  tiles: number;
}

/** Tiles held per player, most first (ties by player id); players without a tile are left out. */
export function territoryByPlayer(owners: ArrayLike<number>): TerritoryShare[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i]!;
    if (o >= 0) counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  return [...counts].map(([playerId, tiles]) => ({ playerId, tiles })).sort((a, b) => b.tiles - a.tiles || a.playerId - b.playerId);
}
