/// <reference types="svelte" />
import type { ExposedBridge, ScribeFiles } from '../../shared/contract';

declare global {
  interface Window {
    /** The contract, exposed by the preload (or the test harness); `api.ts` unwraps its outcomes. */
    scribe: ExposedBridge;
    scribeFiles: ScribeFiles;
  }
}
