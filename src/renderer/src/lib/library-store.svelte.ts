/**
 * The game-centric library: its filters (mirrored in the page address by
 * LibraryView, see library-query.ts) and the current page of games. Kept
 * outside the view so that opening a game and coming back through the
 * Library link keeps the filters, sort and page.
 */
import type { SampleStatus } from '../../../shared/library';
import type { GamePage } from '../../../shared/views/games';
import { scribe } from '../api';
import { errorMessage } from './format';
import { defaultFilters, defaultOrder, isFiltered, queryFromFilters, requestFromFilters, type LibraryFilterState } from './library-query';
import { routeHref } from './routes';

class LibraryStore {
  text = $state(defaultFilters.text);
  nation = $state(defaultFilters.nation);
  result = $state<LibraryFilterState['result']>(defaultFilters.result);
  map = $state(defaultFilters.map);
  difficulty = $state(defaultFilters.difficulty);
  from = $state(defaultFilters.from);
  to = $state(defaultFilters.to);
  sort = $state(defaultFilters.sort);
  order = $state(defaultFilters.order);
  offset = $state(defaultFilters.offset);
  limit = $state(25);

  page = $state.raw<GamePage | null>(null);
  /** The sample saves in the library, to offer removing them. */
  samples = $state.raw<SampleStatus | null>(null);
  removingSamples = $state(false);
  loading = $state(false);
  error = $state<string | null>(null);

  filters = $derived<LibraryFilterState>({
    text: this.text,
    nation: this.nation,
    result: this.result,
    map: this.map,
    difficulty: this.difficulty,
    from: this.from,
    to: this.to,
    sort: this.sort,
    order: this.order,
    offset: this.offset,
  });
  filtered = $derived(isFiltered(this.filters));
  /** This state's address: what LibraryView writes to the location bar. */
  href = $derived(routeHref('library', queryFromFilters(this.filters)));
  /** Whether the state is the plain library (no filter, default sort, first page). */
  plain = $derived(Object.keys(queryFromFilters(this.filters)).length === 0);

  // Answers can arrive out of order while the player types: only the latest request may land.
  private sequence = 0;

  /** Takes the state an address asks for. */
  apply(f: LibraryFilterState): void {
    this.text = f.text;
    this.nation = f.nation;
    this.result = f.result;
    this.map = f.map;
    this.difficulty = f.difficulty;
    this.from = f.from;
    this.to = f.to;
    this.sort = f.sort;
    this.order = f.order;
    this.offset = f.offset;
  }

  async load(): Promise<void> {
    const mine = ++this.sequence;
    this.loading = true;
    void this.loadSamples();
    try {
      const page = await scribe.listGames(requestFromFilters(this.filters, this.limit));
      if (mine !== this.sequence) return;
      // Deleting the last game of the last page leaves an empty page past the end: step back.
      if (page.items.length === 0 && page.total > 0 && this.offset > 0) {
        this.offset = Math.max(0, Math.floor((page.total - 1) / this.limit) * this.limit);
        return this.load();
      }
      this.page = page;
      this.error = null;
    } catch (err) {
      if (mine === this.sequence) this.error = errorMessage(err);
    } finally {
      if (mine === this.sequence) this.loading = false;
    }
  }

  async loadSamples(): Promise<void> {
    try {
      this.samples = await scribe.getSampleStatus();
    } catch {
      // Only the "Remove sample saves" button depends on it: no button rather than an error.
      this.samples = null;
    }
  }

  /** Deletes the sample saves, their import records and their folder, then shows what is left. */
  async removeSamples(): Promise<void> {
    this.removingSamples = true;
    try {
      await scribe.removeSamples();
      this.error = null;
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.removingSamples = false;
    }
    this.offset = 0;
    await this.load();
  }

  setSort(key: LibraryFilterState['sort']): void {
    if (this.sort === key) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = key;
      this.order = defaultOrder(key);
    }
    this.offset = 0;
  }

  /** Any filter change starts again from the first page. */
  filtersChanged(): void {
    this.offset = 0;
  }

  clearFilters(): void {
    this.apply({ ...defaultFilters, sort: this.sort, order: this.order });
  }

  goTo(offset: number): void {
    this.offset = Math.max(0, offset);
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.offset = 0;
  }
}

export const library = new LibraryStore();
