/**
 * One view's answer, loaded for the save (and item) the page shows: the
 * latest request wins when the player moves faster than the answers come,
 * and a null answer (the save was deleted) reads as `missing`.
 */
import { errorMessage } from '../lib/format';

export type ViewStatus = 'loading' | 'ready' | 'missing' | 'error';

export class ViewData<T> {
  data = $state.raw<T | null>(null);
  status = $state<ViewStatus>('loading');
  error = $state<string | null>(null);
  private sequence = 0;

  constructor(private readonly fetch: () => Promise<T | null>) {}

  /** Call from an $effect that reads the inputs `fetch` uses, so it re-runs when they change. */
  async load(): Promise<void> {
    const mine = ++this.sequence;
    this.status = 'loading';
    this.error = null;
    try {
      const answer = await this.fetch();
      if (mine !== this.sequence) return;
      this.data = answer;
      this.status = answer === null ? 'missing' : 'ready';
    } catch (err) {
      if (mine !== this.sequence) return;
      this.error = errorMessage(err);
      this.status = 'error';
    }
  }
}
