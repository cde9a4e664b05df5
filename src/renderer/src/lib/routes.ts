/**
 * Hash routing: the page URL carries the harness token in its query, and a
 * reload (or the app's own reload) should land on the same view.
 */
export type View = 'import' | 'library' | 'settings';

export interface Route {
  view: View;
  /** Set on `#/library/save/42`: the library shows that save's detail. */
  saveId: number | null;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const view: View = parts[0] === 'library' || parts[0] === 'settings' ? parts[0] : 'import';
  const id = view === 'library' && parts[1] === 'save' ? Number(parts[2]) : NaN;
  return { view, saveId: Number.isInteger(id) && id > 0 ? id : null };
}

export function routeHref(view: View, saveId: number | null = null): string {
  return saveId === null ? `#/${view}` : `#/${view}/save/${saveId}`;
}
