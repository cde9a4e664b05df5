/** The provisioning step's finder: the browser the tests launch is the one it reports. */
import { describe, expect, it } from 'vitest';
import { findChromium, hasTool } from '../../scripts/test-tools.js';

describe('test tools', () => {
  it('SCRIBE_CHROMIUM wins when it exists, and a wrong one is named rather than silently replaced', () => {
    expect(findChromium({ SCRIBE_CHROMIUM: process.execPath })).toEqual({ path: process.execPath, source: 'SCRIBE_CHROMIUM' });
    const wrong = findChromium({ SCRIBE_CHROMIUM: '/nonexistent/chromium' });
    expect(wrong.path).toBeNull();
    expect(wrong.path === null && wrong.reason).toContain('/nonexistent/chromium');
  });

  it('probes a program by running it', () => {
    expect(hasTool({ command: process.execPath, probe: ['--version'] })).toBe(true);
    expect(hasTool({ command: 'scribe-no-such-program', probe: [] })).toBe(false);
    expect(hasTool({ command: process.execPath, probe: ['-e', 'process.exit(3)'] })).toBe(false);
  });
});
