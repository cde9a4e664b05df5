/**
 * What a command shows while opening a library from an older Scribe
 * converts it (store/stepped-migration.ts): a bar on a terminal, or one
 * `{"type":"migration",...}` line per step otherwise.
 */
import type cliProgress from 'cli-progress';
import type { MigrationListener, MigrationPhase } from '../shared/migration.js';
import { writeErr } from './output.js';

const phaseText: Record<MigrationPhase, string> = {
  converting: 'converting saves',
  finishing: 'finishing',
  reclaiming: 'reclaiming disk space',
  done: 'done',
};

/**
 * `json`: lines through `writeLine` (standard output, or standard error where the command's output is one document).
 * The bar's module loads only for a terminal: a command's start-up is what a one-save import waits on.
 */
export async function migrationProgress(json: boolean, writeLine: (text: string) => void): Promise<MigrationListener> {
  if (json) return (p) => writeLine(`${JSON.stringify({ type: 'migration', ...p })}\n`);
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  let bar: cliProgress.SingleBar | null = null;
  return (p) => {
    if (!bar) {
      writeErr(`Converting the library for this version of Scribe (schema ${p.version}); it can be interrupted and resumed.\n`);
      bar = new SingleBar(
        {
          format: ' {bar} {percentage}% | {value}/{total} saves | {phase}',
          barCompleteChar: '█',
          barIncompleteChar: '░',
          hideCursor: true,
          stream: process.stderr,
        },
        Presets.shades_classic,
      );
      bar.start(p.savesTotal, p.savesDone, { phase: phaseText[p.phase] });
    }
    bar.setTotal(p.savesTotal);
    bar.update(p.savesDone, { phase: phaseText[p.phase] });
    if (p.phase === 'done') {
      bar.stop();
      bar = null;
    }
  };
}
