/** Runs `npm run sim` as a real process (the same bundle runner npm uses) for the CLI tests. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

export function sim(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/run-cli.mjs'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `text` to a fresh temporary prog.rs and returns its path. */
export function program(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sim-cli-')), 'prog.rs');
  writeFileSync(file, text);
  return file;
}
