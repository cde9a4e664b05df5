/** The library's filters in the page address, and the request made from them. */
import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  filtersFromQuery,
  isFiltered,
  queryFromFilters,
  requestFromFilters,
  type LibraryFilterState,
} from '../../src/renderer/src/lib/library-query';
import { parseRoute, routeHref } from '../../src/renderer/src/lib/routes';
import { parseRequest } from '../../src/shared/request-schemas';

const every: LibraryFilterState = {
  text: 'rome & carthage',
  nation: 'NATION_ROME',
  result: 'victory',
  map: 'MAPCLASS_CoastalRainBasin',
  difficulty: 'DIFFICULTY_GREAT',
  from: '2025-01-01',
  to: '2025-12-31',
  sort: 'name',
  order: 'desc',
  offset: 50,
};

describe('library filters in the address', () => {
  it('writes nothing for the plain library, and only what differs from the default', () => {
    expect(queryFromFilters(defaultFilters)).toEqual({});
    expect(routeHref('library', queryFromFilters(defaultFilters))).toBe('#/library');
    expect(queryFromFilters({ ...defaultFilters, nation: 'NATION_ROME', result: 'victory' })).toEqual({
      nation: 'NATION_ROME',
      result: 'victory',
    });
    // Name's own default order is A→Z: it is not written.
    expect(queryFromFilters({ ...defaultFilters, sort: 'name', order: 'asc' })).toEqual({ sort: 'name' });
  });

  it('reads back every field through a whole address, text with spaces and symbols included', () => {
    const href = routeHref('library', queryFromFilters(every));
    expect(filtersFromQuery(parseRoute(href).query)).toEqual(every);
  });

  it('takes what an address gets wrong as the default', () => {
    const query = new URLSearchParams({ result: 'won', sort: 'size', order: 'up', from: 'yesterday', offset: '-5' });
    expect(filtersFromQuery(query)).toEqual(defaultFilters);
    expect(filtersFromQuery(new URLSearchParams({ sort: 'name' }))).toMatchObject({ sort: 'name', order: 'asc' });
  });

  it('counts only the filters as filtering, not sort or page', () => {
    expect(isFiltered(defaultFilters)).toBe(false);
    expect(isFiltered({ ...defaultFilters, sort: 'saves', offset: 25 })).toBe(false);
    expect(isFiltered({ ...defaultFilters, text: '   ' })).toBe(false);
    for (const key of ['text', 'nation', 'map', 'difficulty', 'from', 'to'] as const)
      expect(isFiltered({ ...defaultFilters, [key]: key === 'from' || key === 'to' ? '2025-01-01' : 'x' }), key).toBe(true);
    expect(isFiltered({ ...defaultFilters, result: 'defeat' })).toBe(true);
  });

  it('asks the engine a request its schema accepts, with the text trimmed and empty filters left out', () => {
    const request = requestFromFilters({ ...every, text: '  rome  ' }, 25);
    expect(parseRequest('listGames', request)).toEqual(request);
    expect(request).toMatchObject({ text: 'rome', offset: 50, limit: 25, nation: 'NATION_ROME' });
    expect(requestFromFilters(defaultFilters, 25)).toEqual({ offset: 0, limit: 25, sort: 'lastPlayed', order: 'desc' });
  });
});
