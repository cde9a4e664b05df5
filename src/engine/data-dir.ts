import os from 'node:os';
import path from 'node:path';

export const appName = 'Scribe';

/**
 * The per-user folder Scribe keeps its settings, logs and default database in.
 * It is the folder Electron's `app.getPath('userData')` names for an app
 * called "Scribe", computed without Electron so that the command line and the
 * desktop app share one library. `SCRIBE_DATA_DIR` overrides it (tests, portable use).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SCRIBE_DATA_DIR) return path.resolve(env.SCRIBE_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', appName);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
  }
}

export const defaultDatabasePath = (dir: string): string => path.join(dir, 'scribe.sqlite');
