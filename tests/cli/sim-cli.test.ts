/** `npm run sim` end to end: a real process, its stdout, stderr and exit status. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'tests/fixtures/examples');

function sim(...args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/sim.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function program(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
  const file = join(dir, 'prog.rs');
  writeFileSync(file, text);
  return file;
}

describe('npm run sim', () => {
  it('prints exactly what real Tokio printed and exits 0', () => {
    const r = sim(join(EXAMPLES, '13_joinset_completion_order.rs'));
    expect(r.stdout).toBe(readFileSync(join(EXAMPLES, '13_joinset_completion_order.txt'), 'utf8'));
    expect(r.code).toBe(0);
  });

  it('refuses a program outside the subset with file:line:col, the line and a caret, status 2', () => {
    const r = sim(program('fn main() {\n    let p = unsafe { 1 };\n}\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/prog\.rs:2:13: error: /);
    expect(r.stderr).toContain('let p = unsafe { 1 };');
    expect(r.stderr).toMatch(/\^/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 101 after a panic in main, with the panic on stderr', () => {
    const r = sim(program('fn main() {\n    let v: Vec<i32> = Vec::new();\n    println!("{}", v[1]);\n}\n'));
    expect(r.code).toBe(101);
    expect(r.stderr).toContain("thread 'main' panicked at src/main.rs:3:");
    expect(r.stderr).toContain('index out of bounds: the len is 0 but the index is 1');
  });

  it('stops a loop that never yields with a located message instead of hanging', () => {
    const r = sim(program('#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    loop {}\n}\n'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/line 3/);
  });

  it('narrates every step with --events and writes the trace with --trace', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sim-trace-')), 't.json');
    const r = sim(join(EXAMPLES, '01_spawn_await.rs'), '--events', '--trace', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[step 1 · 0ms\] block_on polls the main future/);
    const trace = JSON.parse(readFileSync(out, 'utf8')) as { version: number; events: { type: string }[] };
    expect(trace.version).toBe(1);
    expect(trace.events.some((e) => e.type === 'task.spawned')).toBe(true);
  });

  it('explains a bad option', () => {
    const r = sim('x.rs', '--seed', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed takes a whole number, got abc.');
  });

  it('--explore groups the outcomes, and --replay reproduces each group byte for byte', () => {
    const prog = join(ROOT, 'src/explore/fixtures/select-two-ready.rs');
    const r = sim(prog, '--explore', '--strategy', 'dfs', '--runs', '2000', '--preemptions', '1000');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 distinct outcomes');
    expect(r.stdout).toContain('dfs: all schedules covered');
    const keys = [...r.stdout.matchAll(/--replay (\S+)/g)].map((m) => m[1] ?? '');
    expect(keys).toHaveLength(2);
    const outputs = keys.map((k) => sim(prog, '--replay', k).stdout).sort();
    expect(outputs).toEqual(['a won with 1\n', 'b won with 2\n']);
  });
});
