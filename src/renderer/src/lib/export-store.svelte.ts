/**
 * The library export: started from the library's header, run by the engine
 * in the background, followed here through its events.
 */
import type { ExportFormat, ExportOutcome, ExportProgress } from '../../../shared/export';
import { scribe } from '../api';
import { errorMessage } from './format';

class ExportStore {
  /** Asking for the folder, or exporting. */
  busy = $state(false);
  progress = $state.raw<ExportProgress | null>(null);
  outcome = $state.raw<ExportOutcome | null>(null);
  error = $state<string | null>(null);

  constructor() {
    scribe.onExportProgress((p) => {
      this.progress = p;
    });
    scribe.onExportFinished((o) => {
      this.outcome = o;
      this.progress = null;
      this.busy = false;
    });
  }

  async start(format: ExportFormat): Promise<void> {
    this.busy = true;
    this.error = null;
    this.outcome = null;
    try {
      const started = await scribe.exportLibrary({ format });
      // The folder dialog was cancelled: nothing happens.
      if (started === null) this.busy = false;
    } catch (err) {
      this.error = errorMessage(err);
      this.busy = false;
    }
  }

  dismiss(): void {
    this.outcome = null;
    this.error = null;
  }
}

export const exportStore = new ExportStore();
