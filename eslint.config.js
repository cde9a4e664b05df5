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
        { group: ['**/engine/**', '**/main/**', '**/preload/**', '**/cli/**'], message: 'The renderer may import only src/shared and its own files.' },
        { group: ['better-sqlite3', '@duckdb/*', 'yauzl', 'chokidar', 'ws'], message: 'Node-only package in the renderer.' },
      ],
    },
  ],
};

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
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'src/shared is imported by the renderer: no Node.' }))],
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
