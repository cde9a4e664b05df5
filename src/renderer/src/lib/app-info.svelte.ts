/** Version and data folder, asked once: they do not change while the window is open except through Settings. */
import type { AppInfo } from '../../../shared/settings';
import { scribe } from '../api';
import { errorMessage } from './format';

class AppInfoStore {
  info = $state<AppInfo | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      this.info = await scribe.getAppInfo();
      this.error = null;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }
}

export const appInfo = new AppInfoStore();
