import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RotatingLog } from '../../src/engine/rotating-log';

describe('RotatingLog', () => {
  it('appends lines and rotates by size, keeping a bounded number of files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scribe-log-'));
    try {
      const file = path.join(dir, 'logs', 'scribe.log');
      const log = new RotatingLog(file, { maxBytes: 200, keep: 2 });
      for (let i = 0; i < 20; i++) log.write('info', `line ${i} ${'x'.repeat(40)}`);
      expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['scribe.1.log', 'scribe.2.log', 'scribe.log']);
      for (const f of fs.readdirSync(path.dirname(file))) expect(fs.statSync(path.join(dir, 'logs', f)).size).toBeLessThanOrEqual(200);
      expect(fs.readFileSync(file, 'utf8')).toContain('INFO line 19');
      expect(fs.readFileSync(path.join(dir, 'logs', 'scribe.2.log'), 'utf8')).not.toContain('line 0 ');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
