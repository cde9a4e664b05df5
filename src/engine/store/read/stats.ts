/** Library-wide statistics. */
import type { LibraryStats } from '../../../shared/views/stats.js';
import { num } from '../values.js';
import type { ReadContext } from './context.js';

export async function libraryStats({ db }: ReadContext): Promise<LibraryStats> {
  const [r] = await db.all('SELECT count(DISTINCT game_id) AS games FROM saves');
  return { games: num(r!.games) };
}
