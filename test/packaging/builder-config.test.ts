import { Ajv } from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { unpackedPath } from '../../src/main/packaged-path';

/**
 * electron-builder.yml against electron-builder's own JSON schema, and every
 * file the app loads at run time against the packaging rules. The built
 * output must exist: `npm test` builds before it tests.
 */
const require = createRequire(import.meta.url);
const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
};
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; main: string };

/** electron-builder's rule: a file is packed when it matches a positive pattern and no later negation. */
function packed(file: string, patterns: readonly string[]): boolean {
  let included = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (minimatch(file, p.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, p, { dot: true })) included = true;
  }
  return included;
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s configuration schema', () => {
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a misspelt option, so the schema check can fail', () => {
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, asarUnpak: ['x'] })).toBe(false);
  });

  describe('covers every file the app loads at run time', () => {
    let runtime: string[];
    beforeAll(() => {
      runtime = walk('out').filter((f) => !f.endsWith('.map') && !f.startsWith(path.join('out', 'harness')));
    });

    it('main, preload, renderer, worker and engine bundles are packed', () => {
      for (const required of [pkg.main, 'out/preload/index.cjs', 'out/renderer/index.html', 'out/engine/parse-worker.js']) {
        expect(runtime, `${required} is built`).toContain(required);
      }
      expect(
        runtime.some((f) => /^out\/main\/chunks\/parse-worker-.*\.js$/.test(f)),
        'the utility-process worker chunk is built',
      ).toBe(true);
      for (const file of runtime) expect(packed(file, config.files), `${file} is packed`).toBe(true);
    });

    it('the parse worker is unpacked from the asar with every package it imports (a utility process cannot load its entry from inside it)', () => {
      const worker = runtime.find((f) => /^out\/main\/chunks\/parse-worker-.*\.js$/.test(f))!;
      expect(packed(worker, config.asarUnpack)).toBe(true);
      const source = fs.readFileSync(worker, 'utf8');
      // Imported, or required through createRequire (CommonJS packages are, to skip Node's export scan: store/sqlite-driver.ts).
      const bare = [...source.matchAll(/^import .* from "([^".][^"]*)";$|createRequire\(import\.meta\.url\)\("([^".][^"]*)"\)/gm)]
        .map((m) => (m[1] ?? m[2])!)
        .filter((s) => !s.startsWith('node:'));
      expect(bare, 'yauzl reads every archive').toContain('yauzl');
      expect(bare.length).toBeGreaterThan(0);
      for (const name of bare) {
        const pkgDir = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
        const deps = JSON.parse(fs.readFileSync(`node_modules/${pkgDir}/package.json`, 'utf8')) as {
          dependencies?: Record<string, string>;
        };
        for (const dep of [pkgDir, ...Object.keys(deps.dependencies ?? {})]) {
          expect(packed(`node_modules/${dep}/package.json`, config.asarUnpack), `${dep} (imported by the worker) is unpacked`).toBe(true);
        }
      }
    });

    it('main hands the utility process the unpacked copy of the worker, which electron-builder does unpack', () => {
      // In the packaged app main's bundle (and so the worker path electron-vite gives it) is inside app.asar;
      // test/main/utility-import.test.ts checks that main forks what unpackedPath gives.
      const worker = runtime.find((f) => /^out\/main\/chunks\/parse-worker-.*\.js$/.test(f))!;
      const resources = path.join(path.sep, 'opt', 'Scribe', 'resources');
      const forked = unpackedPath(path.join(resources, 'app.asar', worker));
      expect(path.relative(path.join(resources, 'app.asar.unpacked'), forked)).toBe(worker);
      expect(packed(worker, config.asarUnpack)).toBe(true);
      expect(unpackedPath(path.resolve(worker)), 'unchanged outside an asar').toBe(path.resolve(worker));
    });

    it('the WAL checkpoint thread is built beside the main and engine bundles, and unpacked from the asar (a worker thread cannot start inside it)', () => {
      for (const file of ['out/main/wal-checkpoint-thread.mjs', 'out/engine/wal-checkpoint-thread.mjs']) {
        expect(runtime, `${file} is built`).toContain(file);
        expect(packed(file, config.files), `${file} is packed`).toBe(true);
      }
      expect(packed('out/main/wal-checkpoint-thread.mjs', config.asarUnpack)).toBe(true);
      expect(fs.readFileSync('out/main/wal-checkpoint-thread.mjs', 'utf8')).toBe(
        fs.readFileSync('src/engine/store/wal-checkpoint-thread.mjs', 'utf8'),
      );
    });

    it('native modules are dependencies and unpacked whole, DuckDB’s sibling library included', () => {
      expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['better-sqlite3', '@duckdb/node-api']));
      const natives = walk('node_modules/better-sqlite3/build/Release').filter((f) => f.endsWith('.node'));
      const duckdb = path.dirname(require.resolve('@duckdb/node-api/package.json')).replace(/node-api$/, '');
      const duckdbFiles = walk(duckdb).filter((f) => /\.(node|so|dylib|dll)$/.test(f));
      expect(natives.length).toBeGreaterThan(0);
      expect(duckdbFiles.some((f) => /libduckdb\.(so|dylib|dll)$/.test(f))).toBe(true);
      // require.resolve answers real paths: a worktree whose node_modules links to another checkout's still packs its own.
      const modules = fs.realpathSync('node_modules');
      const asPacked = (f: string) => path.relative('.', f.startsWith(modules) ? path.join('node_modules', path.relative(modules, f)) : f);
      for (const file of [...natives, ...duckdbFiles].map(asPacked)) {
        expect(packed(file, config.asarUnpack), `${file} is unpacked`).toBe(true);
      }
      expect(config.npmRebuild).toBe(true);
    });
  });
});
