import { unwrapBridge } from '../../shared/bridge';
import type { ScribeBridge, ScribeFiles } from '../../shared/contract';

/**
 * The renderer's only way out: the contract object the preload (or the
 * harness) installed, whose refused calls throw `ScribeRequestError`.
 */
export const scribe: ScribeBridge = unwrapBridge(window.scribe);
export const scribeFiles: ScribeFiles = window.scribeFiles;
