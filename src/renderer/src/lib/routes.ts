/**
 * Hash routing: the page URL carries the harness token in its query, and a
 * reload (or the app's own reload) should land on the same view.
 *
 *   #/import  #/library  #/stats  #/settings
 *   #/game/42/charts          a game's page, over its save 42, on a tab
 *   #/game/42/rulers/7        a tab's item (character 7 of save 42)
 *   #/library/save/42         older links: the game page's overview of save 42
 *
 * A game page is addressed by one of its saves: the turn selector moves
 * between the game's saves, and back/forward walks the turns and tabs seen.
 */
export type View = 'import' | 'library' | 'stats' | 'game' | 'settings';

/** The game page's tabs, in the order they are shown. */
export const gameTabs = ['overview', 'charts', 'events', 'rulers', 'cities', 'laws', 'map'] as const;
export type GameTab = (typeof gameTabs)[number];

export interface Route {
  view: View;
  /** The save a game page shows; null on every other view. */
  saveId: number | null;
  /** The game page's tab; 'overview' elsewhere. */
  tab: GameTab;
  /** An item inside the tab (a character on `rulers`, a tile on `map`; ids start at 0); null when none. */
  itemId: number | null;
  /** The query after `?` in the hash (the library's filters), as given. */
  query: URLSearchParams;
}

const topViews: readonly View[] = ['import', 'library', 'stats', 'settings'];

function wholeNumber(text: string | undefined, min: number): number | null {
  const n = Number(text);
  return text !== undefined && text !== '' && Number.isInteger(n) && n >= min ? n : null;
}
const positiveInt = (text: string | undefined) => wholeNumber(text, 1);

export function parseRoute(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = pathPart.split('/').filter(Boolean);
  const query = new URLSearchParams(queryPart);
  const none = { saveId: null, tab: 'overview' as GameTab, itemId: null, query };
  if (parts[0] === 'game') {
    const saveId = positiveInt(parts[1]);
    if (saveId === null) return { view: 'library', ...none };
    const tab = (gameTabs as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as GameTab) : 'overview';
    return { view: 'game', saveId, tab, itemId: wholeNumber(parts[3], 0), query };
  }
  if (parts[0] === 'library' && parts[1] === 'save') {
    const saveId = positiveInt(parts[2]);
    if (saveId !== null) return { view: 'game', saveId, tab: 'overview', itemId: null, query };
  }
  const view = topViews.includes(parts[0] as View) ? (parts[0] as Exclude<View, 'game'>) : 'import';
  return { view, ...none };
}

/** A top-level view, with an optional query (`#/library?nation=NATION_ROME`). */
export function routeHref(view: Exclude<View, 'game'>, query?: Record<string, string> | URLSearchParams): string {
  const q = query ? new URLSearchParams(query).toString() : '';
  return q ? `#/${view}?${q}` : `#/${view}`;
}

/** A game page: save `saveId`'s game, on `tab` (and one item of it). */
export function gameHref(saveId: number, tab: GameTab = 'overview', itemId: number | null = null): string {
  return itemId === null ? `#/game/${saveId}/${tab}` : `#/game/${saveId}/${tab}/${itemId}`;
}
