// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Folders other layers must never import (docs/architecture.md §1). */
const layer = (name) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message: `Layer rule (docs/architecture.md §1): this folder may not import src/${name}.`,
});
const packages = (names, why) => [{ group: names.flatMap((name) => [name, `${name}/*`]), message: why }];
const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http'],
  message: 'The renderer runs in a sandboxed page: no Node built-ins.',
};

/** One `no-restricted-imports` rule per layer, at error level. */
const boundary = (files, { patterns = [], paths = [] }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ...paths] }] },
});

const electronOnlyInMain = packages(['electron'], 'Only src/main and src/preload may import Electron.');
const uiLibraries = packages(['react', 'react-dom', 'react-dom/client', 'zustand'], 'UI libraries belong to the renderer.');
const storage = packages(['drizzle-orm', 'drizzle-kit', '@electric-sql/pglite', 'pg', 'bcryptjs'], 'Databases and secrets belong to the core.');
// Dev dependencies that electron-builder leaves out of the packaged app: only the central server loads them.
const serverLibraries = packages(
  ['fastify', 'fastify-type-provider-zod', 'pino', 'jose'],
  'The central server\'s HTTP libraries (Fastify, pino, jose) belong to src/server: the packaged app does not ship them.',
);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Lesson and model text must never run as HTML: render it through the sanitising renderer.',
        },
        {
          selector: "NewExpression[callee.object.name='pg'][callee.property.name=/^(Pool|Client)$/]",
          message: 'Use createPool / connectClient (src/core/db/pg-connections.ts): a pg connection without an error listener crashes the process when PostgreSQL drops it.',
        },
      ],
    },
  },
  {
    // The one place that constructs pg connections (and attaches their error listeners).
    files: ['src/core/db/pg-connections.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  boundary(['src/shared/**'], {
    patterns: [layer('core'), layer('main'), layer('preload'), layer('renderer'), layer('web'), layer('server'), nodeBuiltins],
    paths: [...electronOnlyInMain, ...uiLibraries, ...storage, ...serverLibraries],
  }),
  boundary(['src/core/**'], {
    patterns: [layer('main'), layer('preload'), layer('renderer'), layer('web'), layer('server')],
    paths: [...electronOnlyInMain, ...uiLibraries, ...serverLibraries],
  }),
  boundary(['src/renderer/**'], {
    patterns: [layer('core'), layer('main'), layer('preload'), layer('web'), layer('server'), nodeBuiltins],
    paths: [...electronOnlyInMain, ...storage, ...serverLibraries],
  }),
  boundary(['src/main/**'], {
    patterns: [layer('renderer'), layer('web'), layer('server')],
    paths: [...uiLibraries, ...serverLibraries],
  }),
  boundary(['src/preload/**'], {
    patterns: [layer('core'), layer('main'), layer('renderer'), layer('web'), layer('server')],
    paths: [...uiLibraries, ...storage, ...serverLibraries],
  }),
  boundary(['src/web/**'], {
    patterns: [layer('main'), layer('preload'), layer('renderer')],
    paths: [...electronOnlyInMain, ...uiLibraries, ...serverLibraries],
  }),
  // The central server runs without a desktop or a page: core and shared only.
  boundary(['src/server/**'], {
    patterns: [layer('main'), layer('preload'), layer('renderer'), layer('web')],
    paths: [...electronOnlyInMain, ...uiLibraries],
  }),
);
