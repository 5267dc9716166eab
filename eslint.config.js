// The project's lint rules. The per-folder blocks below are the architecture: imports point one
// way (ui → store/flow → worker → sim/lang), and the deterministic core never touches wall-clock
// time, randomness, timers or the DOM. tests/lint/boundaries.test.ts proves every rule fires.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

const UI_LIBS = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'xstate', '@xstate/*', 'comlink'];
const VIEW_LIBS = ['d3-*', 'd3', 'codemirror', '@codemirror/*', 'marked'];
const layer = (names, message) => ({ group: names.flatMap((n) => [`**/${n}`, `**/${n}/**`]), message });

const coreBans = {
  'no-restricted-globals': [
    'error',
    ...['Date', 'setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'performance'].map((name) => ({
      name,
      message: 'The simulator core is deterministic: take time from the virtual clock, never from the machine.',
    })),
    ...['window', 'document', 'navigator', 'localStorage', 'fetch'].map((name) => ({
      name,
      message: 'The simulator core is headless: no DOM or browser APIs.',
    })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded FastRand (src/sim/rng.ts), never Math.random.' },
    { object: 'globalThis', property: 'Date', message: 'No wall-clock time in the deterministic core.' },
    { object: 'globalThis', property: 'performance', message: 'No wall-clock time in the deterministic core.' },
  ],
};

export default defineConfig([
  globalIgnores(['dist', 'test-results', 'playwright-report', '.reports', '.cache', 'node_modules']),
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', '*.config.ts', 'src/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The deterministic core.
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      ...coreBans,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...UI_LIBS, ...VIEW_LIBS], message: 'src/sim is headless: no UI, state or view libraries.' },
            layer(
              ['ui', 'store', 'flow', 'worker', 'lang', 'explore', 'lessons', 'embed', 'cli'],
              'src/sim imports nothing above it.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/lang/**/*.ts'],
    ignores: ['src/lang/**/*.test.ts'],
    rules: {
      ...coreBans,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...UI_LIBS, ...VIEW_LIBS], message: 'src/lang is headless: no UI, state or view libraries.' },
            layer(
              ['ui', 'store', 'flow', 'worker', 'explore', 'lessons', 'embed', 'cli'],
              'src/lang imports nothing above it.',
            ),
            {
              group: ['**/sim/*', '**/sim/**', '!**/sim/index.ts', '!**/sim/index'],
              message: 'src/lang uses the simulator only through its public entry, src/sim/index.ts.',
            },
          ],
        },
      ],
    },
  },
  // The schedule explorer runs programs (lang) on the simulator (sim), headless and deterministic.
  {
    files: ['src/explore/**/*.ts'],
    ignores: ['src/explore/**/*.test.ts'],
    rules: {
      ...coreBans,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...UI_LIBS, ...VIEW_LIBS], message: 'src/explore is headless: no UI, state or view libraries.' },
            layer(
              ['ui', 'store', 'flow', 'worker', 'lessons', 'embed', 'cli'],
              'src/explore uses only src/sim and src/lang.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'xstate', '@xstate/*', ...VIEW_LIBS],
              message: 'The worker runs no UI.',
            },
            layer(['ui', 'store', 'flow', 'embed'], 'The worker sits below the store and the UI.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/flow/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', ...VIEW_LIBS], message: 'Stores and machines are UI-free.' },
            layer(['ui', 'embed'], 'Stores and machines sit below the UI.'),
            {
              ...layer(
                ['sim', 'lang', 'explore'],
                'Reach the simulator through the worker; only its types may be named here.',
              ),
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lessons/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['ui', 'store', 'flow', 'worker', 'embed'],
              'src/lessons is a pure loader: it may use src/lang, nothing above.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/embed/**/*.{ts,tsx}'],
    ignores: ['src/ui/views/*/controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['d3', 'd3-*'],
              message: 'd3 lives only in a view controller (src/ui/views/<name>/controller.ts).',
            },
            {
              ...layer(
                ['sim', 'lang', 'explore'],
                'The UI reaches the simulator through the store and the worker; only types may be named.',
              ),
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
]);
