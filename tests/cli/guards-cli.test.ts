/**
 * `npm run sim` under programs that would exhaust the host (issue 14, part 2): each ends as the Rust
 * binary ends (recorded in tests/fixtures/guards), or with our step limit and a one-line message,
 * never with a JavaScript RangeError, a heap dump or a hang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { program, ROOT, sim } from './run-sim.ts';

const GUARDS = join(ROOT, 'tests/fixtures/guards');

function recorded(name: string) {
  const read = (ext: string) => readFileSync(join(GUARDS, `${name}${ext}`), 'utf8');
  return { stdout: read('.txt'), stderr: read('.stderr'), code: Number(read('.code')) };
}

const HOST_LEAK = /RangeError|FATAL ERROR|at .*\.ts:\d+|internal/;

describe('npm run sim resource guards', () => {
  const aborts = {
    guard_vec: 'aborts like Rust when an allocation exceeds memory: vec![0u64; 1_000_000_000]',
    guard_stack: 'aborts like Rust on unbounded recursion, from a depth counter',
  };
  for (const [name, title] of Object.entries(aborts)) {
    it(title, () => {
      const want = recorded(name);
      const r = sim(join(GUARDS, `${name}.rs`));
      expect(r.stdout).toBe(want.stdout);
      expect(r.stderr).toBe(want.stderr);
      expect(r.code).toBe(want.code);
    });
  }

  const spawnLoop = program(
    '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    let mut n = 0u64;\n    loop {\n        tokio::spawn(async move { n });\n        n += 1;\n    }\n}\n',
  );

  it('stops a spawn loop that never yields at --max-steps', () => {
    const r = sim(spawnLoop, '--max-steps', '20000');
    expect(r.code).toBe(124);
    expect(r.stderr).toContain('stopped after 20000 interpreted steps');
    expect(r.stderr).not.toMatch(HOST_LEAK);
  });

  it('without --max-steps, the spawn loop runs out of memory as Rust would, not out of host heap', () => {
    const r = sim(spawnLoop);
    expect(r.code).toBe(134);
    expect(r.stderr).toMatch(/^memory allocation of \d+ bytes failed\n/);
    expect(r.stderr).not.toMatch(HOST_LEAK);
  });

  it('100,000 tasks alive at once run to the end: the memory guard is no tighter than Tokio', () => {
    const r = sim(join(ROOT, 'src/cli/bench-programs/joinset_sleep_100k.rs'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('sum = 5050000\n');
    expect(r.code).toBe(0);
  });

  it('--workers 1000000 is refused with its bound, in one line', () => {
    const r = sim(program('#[tokio::main]\nasync fn main() {\n    println!("hi");\n}\n'), '--workers', '1000000');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sim: --workers must be at most \d+, got 1000000\./);
  });

  it('worker_threads = 1_000_000 in the program ends in an allocation failure instead of hanging', () => {
    const r = sim(
      program(
        '#[tokio::main(flavor = "multi_thread", worker_threads = 1_000_000)]\nasync fn main() {\n    println!("hi");\n}\n',
      ),
    );
    expect(r.code).toBe(134);
    expect(r.stderr).toMatch(/^memory allocation of \d+ bytes failed\n/);
  });

  it('compiles and runs 2,000 chained `+` terms', () => {
    const r = sim(program(`fn main() {\n    let x = 1${' + 1'.repeat(2000)};\n    println!("{}", x);\n}\n`));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('2001\n');
    expect(r.code).toBe(0);
  });

  it('compiles and runs 1,500 chained method calls', () => {
    const r = sim(
      program(`fn main() {\n    let s = String::from("a")${'.clone()'.repeat(1500)};\n    println!("{}", s);\n}\n`),
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('a\n');
    expect(r.code).toBe(0);
  });

  it('reports a type error found while running at its line:col, with the line and a caret, status 2', () => {
    const r = sim(program('fn main() {\n    let n = 10;\n    let d = n();\n    println!("{}", d);\n}\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('src/main.rs:3:13: error[E0618]: expected function, found this value');
    expect(r.stderr).toContain('let d = n();');
    expect(r.stderr).not.toMatch(HOST_LEAK);
  });

  it('--help prints the usage on stdout and exits 0', () => {
    const r = sim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run sim/);
  });
});
