/**
 * A route change the player did not ask for (the live page following its
 * game to a new turn) must not move focus: App checks here before it does.
 */
import { router } from '../lib/router.svelte';

let quiet = false;

/** `router.replace` without moving focus. */
export function replaceQuietly(href: string): void {
  quiet = true;
  router.replace(href);
}

/** Whether the last route change was quiet; reading it clears it. */
export function takeQuietMove(): boolean {
  const was = quiet;
  quiet = false;
  return was;
}
