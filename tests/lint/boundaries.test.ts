/**
 * Proves each architectural lint rule: a fixture that breaks the rule must be reported with the
 * rule's id, and the same place with a legal line must be clean. If a rule is weakened in
 * eslint.config.js, one of these fails.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  // Fixtures are virtual files (never on disk), so the type-aware parser is told to accept them.
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: {
          parserOptions: {
            projectService: {
              allowDefaultProject: ['src/*/lint-fixture.ts', 'src/ui/views/*/*.tsx', 'src/ui/views/*/controller.ts'],
            },
          },
        },
      },
    ],
  });
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`fixture did not parse: ${fatal.message}`);
  return messages.map((m) => m.ruleId ?? '');
}

type Case = { name: string; file: string; bad: string; rule: string; good?: string };

const cases: Case[] = [
  {
    name: 'sim: no Date',
    file: 'src/sim/lint-fixture.ts',
    bad: 'export const t = Date.now();',
    rule: 'no-restricted-globals',
  },
  {
    name: 'sim: no new Date',
    file: 'src/sim/lint-fixture.ts',
    bad: 'export const t = new Date();',
    rule: 'no-restricted-globals',
  },
  {
    name: 'sim: no Math.random',
    file: 'src/sim/lint-fixture.ts',
    bad: 'export const r = Math.random();',
    rule: 'no-restricted-properties',
    good: 'export const r = Math.max(1, 2);',
  },
  {
    name: 'sim: no setTimeout',
    file: 'src/sim/lint-fixture.ts',
    bad: 'setTimeout(() => undefined, 1);',
    rule: 'no-restricted-globals',
  },
  {
    name: 'sim: no setInterval',
    file: 'src/sim/lint-fixture.ts',
    bad: 'setInterval(() => undefined, 1);',
    rule: 'no-restricted-globals',
  },
  {
    name: 'sim: no requestAnimationFrame',
    file: 'src/sim/lint-fixture.ts',
    bad: 'requestAnimationFrame(() => undefined);',
    rule: 'no-restricted-globals',
  },
  {
    name: 'sim: no performance',
    file: 'src/sim/lint-fixture.ts',
    bad: 'export const t = performance.now();',
    rule: 'no-restricted-globals',
  },
  {
    name: 'sim: no DOM',
    file: 'src/sim/lint-fixture.ts',
    bad: 'export const d = document.title;',
    rule: 'no-restricted-globals',
  },
  {
    name: 'lang: no Date',
    file: 'src/lang/lint-fixture.ts',
    bad: 'export const t = Date.now();',
    rule: 'no-restricted-globals',
  },
  {
    name: 'lang: no Math.random',
    file: 'src/lang/lint-fixture.ts',
    bad: 'export const r = Math.random();',
    rule: 'no-restricted-properties',
  },
  {
    name: 'lang: no setTimeout',
    file: 'src/lang/lint-fixture.ts',
    bad: 'setTimeout(() => undefined, 1);',
    rule: 'no-restricted-globals',
  },
  {
    name: 'lang: no performance',
    file: 'src/lang/lint-fixture.ts',
    bad: 'export const t = performance.now();',
    rule: 'no-restricted-globals',
  },
  {
    name: 'sim: no React',
    file: 'src/sim/lint-fixture.ts',
    bad: "import { useState } from 'react';\nexport const u = useState;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'sim: no zustand',
    file: 'src/sim/lint-fixture.ts',
    bad: "import { createStore } from 'zustand/vanilla';\nexport const c = createStore;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'sim: no xstate',
    file: 'src/sim/lint-fixture.ts',
    bad: "import { setup } from 'xstate';\nexport const s = setup;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'sim: no d3',
    file: 'src/sim/lint-fixture.ts',
    bad: "import { select } from 'd3-selection';\nexport const s = select;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'sim: no UI folder',
    file: 'src/sim/lint-fixture.ts',
    bad: "import { App } from '../ui/App.tsx';\nexport const a = App;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'sim: no lang',
    file: 'src/sim/lint-fixture.ts',
    bad: "import * as l from '../lang/index.ts';\nexport const x = l;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'lang: no React',
    file: 'src/lang/lint-fixture.ts',
    bad: "import { useState } from 'react';\nexport const u = useState;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'lang: no d3',
    file: 'src/lang/lint-fixture.ts',
    bad: "import { scaleLinear } from 'd3-scale';\nexport const s = scaleLinear;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'lang: no store',
    file: 'src/lang/lint-fixture.ts',
    bad: "import * as s from '../store/index.ts';\nexport const x = s;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'lang: sim only through its entry',
    file: 'src/lang/lint-fixture.ts',
    bad: "import * as s from '../sim/task/state.ts';\nexport const x = s;",
    rule: 'no-restricted-imports',
    good: "import * as s from '../sim/index.ts';\nexport const x = s;",
  },
  {
    name: 'explore: no Math.random',
    file: 'src/explore/lint-fixture.ts',
    bad: 'export const r = Math.random();',
    rule: 'no-restricted-properties',
  },
  {
    name: 'explore: no Date',
    file: 'src/explore/lint-fixture.ts',
    bad: 'export const t = Date.now();',
    rule: 'no-restricted-globals',
  },
  {
    name: 'explore: no worker',
    file: 'src/explore/lint-fixture.ts',
    bad: "import * as w from '../worker/protocol.ts';\nexport const x = w;",
    rule: 'no-restricted-imports',
    good: "import * as l from '../lang/run.ts';\nexport const x = l;",
  },
  {
    name: 'explore: no React',
    file: 'src/explore/lint-fixture.ts',
    bad: "import { useState } from 'react';\nexport const u = useState;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'sim: no explore',
    file: 'src/sim/lint-fixture.ts',
    bad: "import * as e from '../explore/index.ts';\nexport const x = e;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'store: explore values only via the worker',
    file: 'src/store/lint-fixture.ts',
    bad: "import * as e from '../explore/index.ts';\nexport const x = e;",
    rule: 'no-restricted-imports',
    good: "import type * as e from '../explore/index.ts';\nexport type X = typeof e;",
  },
  {
    name: 'worker: no UI',
    file: 'src/worker/lint-fixture.ts',
    bad: "import { App } from '../ui/App.tsx';\nexport const a = App;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'store: no UI',
    file: 'src/store/lint-fixture.ts',
    bad: "import { App } from '../ui/App.tsx';\nexport const a = App;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'store: sim values only via the worker',
    file: 'src/store/lint-fixture.ts',
    bad: "import * as s from '../sim/index.ts';\nexport const x = s;",
    rule: 'no-restricted-imports',
    good: "import type * as s from '../sim/index.ts';\nexport type X = typeof s;",
  },
  {
    name: 'ui: no d3 outside a controller',
    file: 'src/ui/views/lint-fixture/BoardView.tsx',
    bad: "import { select } from 'd3-selection';\nexport const s = select;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'ui: no simulator values',
    file: 'src/ui/lint-fixture.ts',
    bad: "import * as s from '../sim/index.ts';\nexport const x = s;",
    rule: 'no-restricted-imports',
  },
  {
    name: 'anywhere: no eval',
    file: 'src/ui/lint-fixture.ts',
    bad: "export const v: unknown = eval('1');",
    rule: 'no-eval',
  },
  {
    name: 'anywhere: no new Function',
    file: 'src/worker/lint-fixture.ts',
    bad: "export const f = new Function('return 1');",
    rule: 'no-new-func',
  },
  {
    name: 'core: no any',
    file: 'src/sim/lint-fixture.ts',
    bad: 'export function f(x: any): number { return x as number; }',
    rule: '@typescript-eslint/no-explicit-any',
  },
];

describe('lint boundaries', () => {
  it.each(cases)('$name', async ({ file, bad, rule, good }) => {
    expect(await ruleIds(file, bad)).toContain(rule);
    if (good !== undefined) expect(await ruleIds(file, good)).not.toContain(rule);
  });

  it('allows d3 inside a view controller', async () => {
    const ids = await ruleIds(
      'src/ui/views/lint-fixture/controller.ts',
      "import { select } from 'd3-selection';\nexport const s = select;",
    );
    expect(ids).not.toContain('no-restricted-imports');
  });
});
