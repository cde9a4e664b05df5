/**
 * The library list's query and current page. Kept outside the view so that
 * opening a save and coming back keeps the filters, sort and page.
 */
import type { LibraryPage, SampleStatus, SaveSortKey } from '../../../shared/library';
import { scribe } from '../api';
import { errorMessage } from './format';

export type GameOverFilter = 'all' | 'over' | 'ongoing';

/** Nations of the base game and its DLC, so the filter is useful before every nation has been seen. */
const knownNations = [
  'NATION_AKSUM',
  'NATION_ASSYRIA',
  'NATION_BABYLONIA',
  'NATION_CARTHAGE',
  'NATION_EGYPT',
  'NATION_GREECE',
  'NATION_HITTITE',
  'NATION_KUSH',
  'NATION_PERSIA',
  'NATION_ROME',
];

/** Newest first is what players look for after an import; names read best A→Z. */
export function defaultOrder(key: SaveSortKey): 'asc' | 'desc' {
  return key === 'gameName' ? 'asc' : 'desc';
}

class LibraryStore {
  text = $state('');
  nation = $state('');
  gameOver = $state<GameOverFilter>('all');
  sort = $state<SaveSortKey>('importedAt');
  order = $state<'asc' | 'desc'>('desc');
  offset = $state(0);
  limit = $state(25);

  page = $state.raw<LibraryPage | null>(null);
  /** The sample saves in the library, to offer removing them. */
  samples = $state.raw<SampleStatus | null>(null);
  removingSamples = $state(false);
  loading = $state(false);
  error = $state<string | null>(null);
  nations = $state<string[]>([...knownNations]);

  filtered = $derived(this.text.trim() !== '' || this.nation !== '' || this.gameOver !== 'all');

  // Answers can arrive out of order while the user types: only the latest request may land.
  private sequence = 0;

  async load(): Promise<void> {
    const mine = ++this.sequence;
    this.loading = true;
    void this.loadSamples();
    try {
      const text = this.text.trim();
      const page = await scribe.listSaves({
        offset: this.offset,
        limit: this.limit,
        sort: this.sort,
        order: this.order,
        ...(text ? { text } : {}),
        ...(this.nation ? { nation: this.nation } : {}),
        ...(this.gameOver === 'all' ? {} : { gameOver: this.gameOver === 'over' }),
      });
      if (mine !== this.sequence) return;
      // Deleting the last save of the last page leaves an empty page past the end: step back.
      if (page.items.length === 0 && page.total > 0 && this.offset > 0) {
        this.offset = Math.max(0, Math.floor((page.total - 1) / this.limit) * this.limit);
        return this.load();
      }
      this.page = page;
      this.error = null;
      this.learnNations(page);
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

  setSort(key: SaveSortKey): void {
    if (this.sort === key) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = key;
      this.order = defaultOrder(key);
    }
    this.offset = 0;
    void this.load();
  }

  /** Any filter change starts again from the first page. */
  filtersChanged(): void {
    this.offset = 0;
    void this.load();
  }

  clearFilters(): void {
    this.text = '';
    this.nation = '';
    this.gameOver = 'all';
    this.filtersChanged();
  }

  goTo(offset: number): void {
    this.offset = Math.max(0, offset);
    void this.load();
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.offset = 0;
    void this.load();
  }

  private learnNations(page: LibraryPage): void {
    const fresh = page.items
      .flatMap((save) => save.players.map((p) => p.nation))
      .filter((n): n is string => n !== null && n !== '' && !this.nations.includes(n));
    if (fresh.length > 0) this.nations = [...this.nations, ...fresh].filter((n, i, all) => all.indexOf(n) === i).sort();
  }
}

export const library = new LibraryStore();
