/**
 * The library's filters and sort as the page address carries them
 * (`#/library?nation=NATION_ROME&result=victory`), so a link from the
 * statistics opens a filtered library and reload, back and forward keep
 * it. Pure: parsed and written without the DOM.
 */
import { gameResultKinds, gameSortKeys, type GameListQuery, type GameSortKey } from '../../../shared/views/games';
import type { ResultKind } from '../../../shared/result';

export interface LibraryFilterState {
  text: string;
  nation: string;
  result: ResultKind | '';
  map: string;
  difficulty: string;
  /** YYYY-MM-DD or empty. */
  from: string;
  to: string;
  sort: GameSortKey;
  order: 'asc' | 'desc';
  offset: number;
}

/** Last played first is what players look for after an import; names read best A→Z. */
export function defaultOrder(key: GameSortKey): 'asc' | 'desc' {
  return key === 'name' ? 'asc' : 'desc';
}

export const defaultFilters: Readonly<LibraryFilterState> = {
  text: '',
  nation: '',
  result: '',
  map: '',
  difficulty: '',
  from: '',
  to: '',
  sort: 'lastPlayed',
  order: 'desc',
  offset: 0,
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The state an address asks for; anything it leaves out or gets wrong is the default. */
export function filtersFromQuery(query: URLSearchParams): LibraryFilterState {
  const get = (key: string) => query.get(key) ?? '';
  const sort = (gameSortKeys as readonly string[]).includes(get('sort')) ? (get('sort') as GameSortKey) : defaultFilters.sort;
  const order = get('order') === 'asc' || get('order') === 'desc' ? (get('order') as 'asc' | 'desc') : defaultOrder(sort);
  const offset = Number(get('offset'));
  return {
    text: get('q'),
    nation: get('nation'),
    result: (gameResultKinds as readonly string[]).includes(get('result')) ? (get('result') as ResultKind) : '',
    map: get('map'),
    difficulty: get('difficulty'),
    from: dayPattern.test(get('from')) ? get('from') : '',
    to: dayPattern.test(get('to')) ? get('to') : '',
    sort,
    order,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address's query for a state: only what differs from the default, so the plain library is `#/library`. */
export function queryFromFilters(f: LibraryFilterState): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.text !== '') q.q = f.text;
  for (const key of ['nation', 'result', 'map', 'difficulty', 'from', 'to'] as const) if (f[key] !== '') q[key] = f[key];
  if (f.sort !== defaultFilters.sort) q.sort = f.sort;
  if (f.order !== defaultOrder(f.sort)) q.order = f.order;
  if (f.offset > 0) q.offset = String(f.offset);
  return q;
}

/** Whether any filter narrows the list (sort and page do not). */
export function isFiltered(f: LibraryFilterState): boolean {
  return f.text.trim() !== '' || f.nation !== '' || f.result !== '' || f.map !== '' || f.difficulty !== '' || f.from !== '' || f.to !== '';
}

/** The request for a state's page. */
export function requestFromFilters(f: LibraryFilterState, limit: number): GameListQuery {
  const text = f.text.trim();
  return {
    offset: f.offset,
    limit,
    sort: f.sort,
    order: f.order,
    ...(text ? { text } : {}),
    ...(f.nation ? { nation: f.nation } : {}),
    ...(f.result ? { result: f.result } : {}),
    ...(f.map ? { map: f.map } : {}),
    ...(f.difficulty ? { difficulty: f.difficulty } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}
