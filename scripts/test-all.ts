/**
 * `npm test`: every check — format, lint and typecheck side by side, then unit tests, build, browser tests —
 * then one closing line "N passed, N failed" summing the unit and browser tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { ensureBrowser } from './ensure-browser.ts';

const REPORTS = '.reports';
mkdirSync(REPORTS, { recursive: true });
const bin = (name: string) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function finish(ok: boolean): never {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/** Runs the commands at once (each is single-threaded, and there are two cores), printing each one's output when it ends. */
async function runTogether(jobs: readonly (readonly [title: string, cmd: string, args: string[]])[]): Promise<boolean> {
  const results = await Promise.all(
    jobs.map(
      ([title, cmd, args]) =>
        new Promise<boolean>((done) => {
          const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (out += d.toString()));
          child.on('close', (code) => {
            console.log(`\n▶ ${title}${code === 0 ? '' : ' — FAILED'}`);
            if (out !== '') process.stdout.write(out);
            done(code === 0);
          });
        }),
    ),
  );
  return results.every(Boolean);
}

const staticOk = await runTogether([
  ['format check (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['lint (eslint, zero warnings)', bin('eslint'), ['--max-warnings', '0', '.']],
  ['typecheck (tsc)', bin('tsc'), ['-p', '.']],
]);
if (!staticOk) finish(false);

const unitReport = `${REPORTS}/vitest.json`;
const unitOk = run('unit tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
const unit = readJson(unitReport) as { numPassedTests: number; numFailedTests: number } | undefined;
passed += unit?.numPassedTests ?? 0;
failed += unit?.numFailedTests ?? (unitOk ? 0 : 1);
if (!unitOk) finish(false);

if (!run('build (vite)', bin('vite'), ['build', '--logLevel', 'warn'])) finish(false);
if (!ensureBrowser()) finish(false);

const e2eReport = `${REPORTS}/playwright.json`;
const e2eOk = run('browser tests (playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
});
const e2e = readJson(e2eReport) as { stats: { expected: number; unexpected: number; flaky: number } } | undefined;
passed += e2e?.stats.expected ?? 0;
failed += e2e ? e2e.stats.unexpected + e2e.stats.flaky : e2eOk ? 0 : 1;
finish(e2eOk);
