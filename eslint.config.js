// Import zones, enforced here rather than remembered (the VS Code way):
// - corpus/util, corpus/model, corpus/text, corpus/search, corpus/diff, corpus/annotations, electron/common: pure, run anywhere (no node:*, no electron, no react).
// - renderer: browser only; may import the pure zones, never node:*, electron or host code.
// - corpus/compiler, electron/host, build, tests: Node.
// And ordered layers inside the corpus and the renderer (build/eslint/layers.js): each may import only
// itself and the layers below it (build/eslint/ordered-layers.test.ts shows it failing).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import importBoundaries from './build/eslint/import-boundaries.js';
import { corpusLayers, layerBoundaries, rendererLayers } from './build/eslint/layers.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto', 'http', 'url', 'worker_threads', 'zlib', 'stream'];
const pure = (extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: nodeBuiltins, message: 'This zone is pure: no Node built-ins.' },
        // The package `electron`, not the project's pure `electron/common/` (the API contract).
        { regex: '^electron(/.*)?$', message: 'This zone is pure: no Electron.' },
        {
          group: ['**/compiler/**', '**/electron/host/**', '**/electron/main/**', '**/electron/preload/**'],
          message: 'Pure code may not import host or compiler code.',
        },
        ...extra,
      ],
    },
  ],
});

// The compiler's layers (issue 7): one block of its own, with its own rule name, so that it merges
// cleanly with the other zones. Each importer of `corpus/compiler/sources/` (lexlib, LexHub,
// legi-data, seeds) depends only on the shared layer `sources/common/`, never on another importer,
// and the shared layer on none of them. Tests are exempt: a seed document cut from a LEGI dump is an
// independent witness of the lexlib replay, so the lexlib tests read the seeds on purpose.
const importers = ['lexlib', 'lexhub', 'legidata', 'seeds'].map((name) => `corpus/compiler/sources/${name}/`);
const compilerBoundaries = [
  ...importers.map((folder) => ({
    from: folder,
    forbid: importers.filter((other) => other !== folder),
    message: 'An importer may not import another importer: move what they share to corpus/compiler/sources/common/.',
  })),
  {
    from: 'corpus/compiler/sources/common/',
    forbid: importers,
    message: 'The shared layer of the sources may not import an importer.',
  },
];
// The host reads bundles; only the compiler writes them (a test that needs a bundle takes
// tests/support/seed-bundle.ts). Its tests included: they exercise the host, not the compiler.
const hostBoundaries = [
  {
    from: 'electron/host/',
    forbid: ['corpus/compiler/'],
    message: 'The host may not import the compiler (a test bundle: tests/support/).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'corpus/dist/**',
      'build/out/**',
      'dist/**',
      'test-results/**',
      'tests/artifacts/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'No focused tests.' },
        { object: 'it', property: 'only', message: 'No focused tests.' },
        { object: 'test', property: 'only', message: 'No focused tests.' },
        { object: 'describe', property: 'skip', message: 'No skipped tests: use skipIf with a stated reason.' },
        { object: 'it', property: 'skip', message: 'No skipped tests: use skipIf with a stated reason.' },
      ],
    },
  },
  {
    files: [
      'corpus/util/**',
      'corpus/model/**',
      'corpus/text/**',
      'corpus/search/**',
      'corpus/diff/**',
      'corpus/annotations/**',
      'electron/common/**',
    ],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: pure([{ group: ['react', 'react-dom'], message: 'Pure zone: no React.' }]),
  },
  // renderer/vite.config.ts is the renderer's build script: it runs in Node.
  { files: ['renderer/**'], ignores: ['**/*.test.ts', '**/*.test.tsx', 'renderer/vite.config.ts'], rules: pure() },
  {
    files: ['corpus/**', 'renderer/**'],
    // Tests may reach up for their fixtures (the compiler's git reader opens the real bundles).
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.bench.ts', 'renderer/vite.config.ts'],
    // The same rule as the compiler's and the host's boundaries, under a name of its own: a block's
    // options replace, not merge with, another block's for the same rule.
    plugins: { layers: importBoundaries },
    rules: { 'layers/import-boundaries': ['error', [...layerBoundaries(corpusLayers), ...layerBoundaries(rendererLayers)]] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useAsync(load, deps) takes its inputs as useEffect does: they are checked at each call.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useAsync$' }],
    },
  },
  {
    files: ['corpus/compiler/**'],
    ignores: ['**/*.test.ts'],
    plugins: { boundaries: importBoundaries },
    rules: { 'boundaries/import-boundaries': ['error', compilerBoundaries] },
  },
  {
    files: ['electron/host/**'],
    plugins: { boundaries: importBoundaries },
    rules: { 'boundaries/import-boundaries': ['error', hostBoundaries] },
  },
);
