/**
 * A game's result from its player's side: "Victory (Conquest)", "Defeat —
 * Rome won by Conquest", or "Game over" when the save does not say who its
 * player is. Pure: the renderer and the CLI word the same facts alike.
 */
import { nationName, victoryKind } from './names.js';

export interface ResultWinner {
  team: number | null;
  playerId: number | null;
  victory: string | null;
}

export interface ResultPlayer {
  playerId: number;
  nation: string | null;
  isHuman: boolean;
  /** Absent where the read model does not carry teams: a team winner is then matched to nobody. */
  team?: number | null;
}

export interface ResultFacts {
  gameOver: boolean;
  winner: ResultWinner | null;
  /** `<?ActivePlayer?>` of the save, when it has one. */
  activePlayer?: number | null;
  players: readonly ResultPlayer[];
}

export type ResultKind = 'inProgress' | 'victory' | 'defeat' | 'over';

export interface GameResult {
  kind: ResultKind;
  /** The badge: "Victory (Conquest)", "Defeat", "Game over", "In progress". */
  label: string;
  /** Who won and how, when the badge does not say it: "Rome won by Conquest". */
  detail: string | null;
}

/**
 * The player the save belongs to: `<?ActivePlayer?>` (the player whose turn
 * it was, which is the one who saved), else the only human; null when
 * neither says (an old hotseat save).
 */
export function ownerPlayer(facts: Pick<ResultFacts, 'activePlayer' | 'players'>): ResultPlayer | null {
  if (facts.activePlayer !== undefined && facts.activePlayer !== null) {
    const p = facts.players.find((x) => x.playerId === facts.activePlayer);
    if (p) return p;
  }
  const humans = facts.players.filter((p) => p.isHuman);
  return humans.length === 1 ? humans[0]! : null;
}

/** The players who won: the winning player, or every player of the winning team. */
export function winningPlayers(winner: ResultWinner | null, players: readonly ResultPlayer[]): ResultPlayer[] {
  if (!winner) return [];
  if (winner.playerId !== null) return players.filter((p) => p.playerId === winner.playerId);
  if (winner.team !== null) return players.filter((p) => p.team !== undefined && p.team !== null && p.team === winner.team);
  return [];
}

/** "Rome", "Rome and Persia", "Rome, Persia and Egypt"; the team or player number when no nation is known. */
function winnerWords(winner: ResultWinner, won: ResultPlayer[]): string | null {
  const names = [...new Set(won.map((p) => nationName(p.nation)).filter((n) => n !== 'No nation'))];
  if (names.length > 0) return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  // Numbered from 1, as the game numbers its players and teams for people.
  if (winner.playerId !== null) return `Player ${winner.playerId + 1}`;
  if (winner.team !== null) return `Team ${winner.team + 1}`;
  return null;
}

export function gameResult(facts: ResultFacts): GameResult {
  if (!facts.gameOver) return { kind: 'inProgress', label: 'In progress', detail: null };
  const winner = facts.winner;
  const how = winner?.victory ? victoryKind(winner.victory) : null;
  const won = winningPlayers(winner, facts.players);
  const owner = ownerPlayer(facts);
  const who = winner ? winnerWords(winner, won) : null;
  const wonBy = who ? (how ? `${who} won by ${how}` : `${who} won`) : how ? `${how} victory` : null;
  // Without knowing the winners (a team winner and no teams), "defeat" would be a guess.
  if (owner && won.length > 0) {
    if (won.some((p) => p.playerId === owner.playerId))
      return { kind: 'victory', label: how ? `Victory (${how})` : 'Victory', detail: null };
    return { kind: 'defeat', label: 'Defeat', detail: wonBy };
  }
  return { kind: 'over', label: 'Game over', detail: wonBy };
}

/** The result in one line: "Victory (Conquest)", "Defeat — Rome won by Conquest", "Game over — Team 2 won by Points". */
export function resultText(facts: ResultFacts): string {
  const r = gameResult(facts);
  return r.detail ? `${r.label} — ${r.detail}` : r.label;
}
