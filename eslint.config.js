import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Process boundaries, enforced: breaking one fails `npm run lint` and so `npm test`. */
const noElectron = { name: 'electron', message: 'The import engine never imports electron: it runs in the CLI and tests too.' };
const engineBoundary = {
  'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }],
};
const rendererBoundary = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'electron', message: 'The renderer talks to main only through window.scribe.' },
        ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: go through window.scribe.' })),
      ],
      patterns: [
        {
          group: ['**/engine/**', '**/main/**', '**/preload/**', '**/cli/**'],
          message: 'The renderer may import only src/shared and its own files.',
        },
        { group: ['better-sqlite3', '@duckdb/*', 'yauzl', 'chokidar', 'ws'], message: 'Node-only package in the renderer.' },
      ],
    },
  ],
};

/**
 * The engine's layers, lowest first: shared -> model -> codec -> reader | store -> pipeline -> app
 * composition -> cli | main. A layer imports only layers below it; the worker (a process of its own)
 * imports the reader and the codec, never the store. Each group matches an import specifier
 * (relative or not) that names a folder or file of that layer.
 */
const layerImports = {
  model: ['**/model', '**/model/**'],
  codegen: ['**/codegen', '**/codegen/**'],
  codec: ['**/codec', '**/codec/**'],
  reader: ['**/reader', '**/reader/**'],
  store: ['**/store', '**/store/**'],
  pipeline: ['**/pipeline', '**/pipeline/**'],
  worker: ['**/worker', '**/worker/**'],
  app: [
    '**/service',
    '**/service.js',
    '**/importer',
    '**/importer.js',
    '**/watch',
    '**/watch/**',
    '**/samples',
    '**/samples/**',
    '**/export',
    '**/export/**',
    '**/settings-store.js',
    '**/data-dir.js',
  ],
  engine: ['**/engine', '**/engine/**'],
  cli: ['**/cli', '**/cli/**'],
  main: ['**/main', '**/main/**'],
};
function layer(name, forbidden, allowed = []) {
  const patterns = forbidden.map((l) => ({
    // A folder's own pattern would shut out every file in it, exceptions too: with exceptions, only its contents.
    group: allowed.length ? [...layerImports[l].filter((g) => g.endsWith('/**')), ...allowed.map((a) => `!${a}`)] : layerImports[l],
    message: `The ${name} layer never imports the ${l} layer (shared -> model -> codec -> reader | store -> pipeline -> app -> cli | main).`,
  }));
  return {
    'no-restricted-imports': [
      'error',
      { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }, ...patterns] },
    ],
  };
}
const aboveStore = ['pipeline', 'worker', 'app', 'cli', 'main'];
const engineLayers = [
  { files: ['src/engine/model/**'], rules: layer('model', ['codegen', 'codec', 'reader', 'store', ...aboveStore]) },
  // Generated code (codegen) sits between the model and its users, the codec and the store.
  { files: ['src/engine/codegen/**'], rules: layer('codegen', ['codec', 'reader', 'store', ...aboveStore]) },
  { files: ['src/engine/codec/**'], rules: layer('codec', ['reader', 'store', ...aboveStore]) },
  { files: ['src/engine/reader/**'], rules: layer('reader', ['store', ...aboveStore]) },
  { files: ['src/engine/store/**'], rules: layer('store', ['reader', ...aboveStore]) },
  // The pipeline spawns the worker by path and shares with it only its message protocol, the shards and
  // the parse of one file (which a run of a single file also does in its own process).
  { files: ['src/engine/pipeline/**'], rules: layer('pipeline', ['worker', 'app', 'cli', 'main']) },
  {
    files: ['src/engine/worker/**'],
    rules: layer(
      'worker',
      ['store', 'pipeline', 'app', 'cli', 'main'],
      ['**/pipeline/worker-protocol.js', '**/pipeline/shard.js', '**/pipeline/parse-file.js'],
    ),
  },
  {
    files: ['src/engine/service.ts', 'src/engine/importer.ts', 'src/engine/watch/**', 'src/engine/samples/**', 'src/engine/export/**'],
    rules: layer('app', ['cli', 'main']),
  },
  { files: ['src/cli/**'], rules: layer('cli', ['main']) },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  { files: ['src/engine/**', 'src/cli/**'], rules: engineBoundary },
  ...engineLayers,
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'src/shared is imported by the renderer: no Node.' }))],
          patterns: [
            {
              group: layerImports.engine.concat(layerImports.cli, layerImports.main),
              message: 'src/shared is the lowest layer: it imports only itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**', 'test/harness/bridge-client.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: rendererBoundary,
  },
);
