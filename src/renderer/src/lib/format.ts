/**
 * Pure formatting for people: numbers, sizes, durations, dates and the
 * save's enum-like names. No DOM and no state, so it is unit-testable in Node.
 */
import { winnerText } from '../../../shared/format';
import { ScribeRequestError, requestErrorSentences } from '../../../shared/request-errors';

export { winnerText };
export {
  characterName,
  cityName,
  difficultyName,
  displayName,
  dlcName,
  dynastyName,
  familyName,
  gameModeName,
  lawName,
  mapClassName,
  mapSizeName,
  nationAdjective,
  nationName,
  techName,
  victoryKind,
  victoryName,
  yieldName,
} from '../../../shared/names';
export { gameResult, resultText } from '../../../shared/result';

/** "1 save", "2 saves". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Binary multiples with decimal-looking units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${byteUnits[unit]}`;
}

/**
 * "45 s", "3 min 20 s", "1 h 5 min". Seconds are dropped past an hour because
 * nobody plans around them, and they would make the figure flicker.
 */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return '—';
  const s = Math.round(totalSeconds);
  if (s < 60) return `${s} s`;
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** Time left, worded so an early, jumpy estimate does not look precise. */
export function formatEta(etaSeconds: number | null): string {
  if (etaSeconds === null || !Number.isFinite(etaSeconds)) return 'Estimating…';
  if (etaSeconds < 5) return 'A few seconds';
  if (etaSeconds < 60) return `About ${formatDuration(etaSeconds)}`;
  // Rounded to whole minutes under an hour: seconds of an ETA are noise.
  if (etaSeconds < 3600) return `About ${formatDuration(Math.round(etaSeconds / 60) * 60)}`;
  return `About ${formatDuration(etaSeconds)}`;
}

export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '—';
  const digits = perSecond >= 100 ? 0 : perSecond >= 10 ? 1 : 2;
  return `${perSecond.toFixed(digits)} saves/s`;
}

export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

/** Last segment of a Windows or POSIX path. */
export function basename(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut >= 0 ? trimmed.slice(cut + 1) || trimmed : trimmed;
}

/** Folder part of a path, for the muted second line under a file name. */
export function dirname(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut > 0 ? trimmed.slice(0, cut) : '';
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Save dates come as the game wrote them (often "12 March 2024"), imported-at
 * as ISO 8601; anything unparseable is shown verbatim rather than hidden.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : dateFormat.format(time);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : dateTimeFormat.format(time);
}

/** Store table names as labels: "city_values" -> "City values", "unitPromotions" -> "Unit promotions". */
export function tableLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (words.length === 0) return name;
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What to tell a player about a failed call. A refused request carries its
 * code (`ScribeRequestError`, rebuilt by the bridge): its message says what
 * happened; for the codes whose message cannot say what to do, the code's
 * sentence follows.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ScribeRequestError) {
    return err.code === 'INTERNAL' || err.code === 'BAD_REQUEST' ? `${err.message} ${requestErrorSentences[err.code]}` : err.message;
  }
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  return raw.trim() || 'Something went wrong.';
}

/** Players without a name in the save (AI) are numbered as the game numbers them, from 1. */
export function playerName(p: { name: string | null; playerId: number }): string {
  return p.name ?? `Player ${p.playerId + 1}`;
}
