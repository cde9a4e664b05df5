/**
 * The app runs under a strict Content-Security-Policy (no inline scripts or
 * styles): every browser test records violations from the first script on
 * and fails on any.
 */
import { expect, type Page } from '@playwright/test';

export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sourceFile}:${e.lineNumber}`));
  });
}

export async function expectNoCspViolations(page: Page): Promise<void> {
  if (!page.url().startsWith('http')) return;
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
}
