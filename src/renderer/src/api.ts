import type { ScribeBridge, ScribeFiles } from '../../shared/contract';

/** The renderer's only way out: the contract object the preload (or the harness) installed. */
export const scribe: ScribeBridge = window.scribe;
export const scribeFiles: ScribeFiles = window.scribeFiles;
