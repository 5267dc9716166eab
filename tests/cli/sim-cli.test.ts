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

/** Issue 14 "Command line crashes", the flag half: every mistake is one line on stderr, status 2. */
describe('npm run sim refuses bad flags and files in one line', () => {
  const oneLine = (r: { code: number | null; stderr: string }, text: string | RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(text);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|FATAL|bad_alloc/);
  };

  it('--help prints the help on stdout and exits 0', () => {
    const r = sim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run sim -- FILE\.rs/);
    expect(r.stdout).toContain('--workers N');
    expect(r.stderr).toBe('');
  });

  it('--workers 1000000 is refused with its bound', () => {
    oneLine(
      sim(join(EXAMPLES, '01_spawn_await.rs'), '--workers', '1000000'),
      'sim: --workers must be at most 64, got 1000000.',
    );
  });

  it('--trace to a directory is refused before the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-dir-'));
    const r = sim(join(EXAMPLES, '01_spawn_await.rs'), '--trace', dir);
    oneLine(r, `sim: --trace ${dir}: it is a directory.`);
    expect(r.stdout).toBe('');
  });

  it('reading /dev/zero ends in one sentence, not an abort', () => {
    oneLine(sim('/dev/zero'), 'sim: cannot read /dev/zero: it is larger than 4194304 bytes, too large for a program.');
  });

  it('an unknown option is named', () => {
    oneLine(sim('x.rs', '--wrokers', '4'), 'sim: unknown option --wrokers. (see --help)');
  });
});
