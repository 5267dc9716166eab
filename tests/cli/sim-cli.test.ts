/** `npm run sim` end to end: a real process, its stdout, stderr and exit status. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { program, ROOT, sim } from './run-sim.ts';

const EXAMPLES = join(ROOT, 'tests/fixtures/examples');

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
});
