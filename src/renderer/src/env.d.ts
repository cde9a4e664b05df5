/// <reference types="svelte" />
import type { ScribeBridge, ScribeFiles } from '../../shared/contract';

declare global {
  interface Window {
    /** The contract, exposed by the preload (or the test harness). */
    scribe: ScribeBridge;
    scribeFiles: ScribeFiles;
  }
}
