/**
 * Programs the fuzzer found ending in a host error (the seed-9 run of issue 14), each now a located
 * refusal with rustc's code. rustc itself refuses them before running; until the type checker knows
 * these signatures, the interpreter's run-time check must say where and what.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lang/diagnostics.ts';
import { judgeProgram } from '../../src/lang/outcome.ts';
import { compile, runProgram } from '../../src/lang/run.ts';

const RECORDED = join(import.meta.dirname, 'recorded');

const main = (body: string): string => `#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`;

describe('fuzzer findings', () => {
  it.each([
    [
      'a oneshot sender sent twice',
      main(
        '    let (tx, rx) = tokio::sync::oneshot::channel::<i32>();\n    tx.send(1).unwrap();\n    tx.send(2).unwrap();\n    println!("{:?}", rx.await);',
      ),
      'E0382',
      5,
    ],
    [
      'a char range with an integer end',
      main('    for c in \'a\'..5 {\n        println!("{}", c);\n    }'),
      'E0308',
      3,
    ],
  ])('%s is a located refusal', (_what, source, code, line) => {
    const o = judgeProgram(source);
    expect(o.kind).toBe('refused');
    if (o.kind !== 'refused') return;
    expect(o.diagnostic.code).toBe(code);
    expect(o.diagnostic.line).toBe(line);
  });
});

describe('fuzzer findings of the 14.x runs', () => {
  it.each(['wt0', 'wtcur'])('%s: the `#[tokio::main]` option error tokio-macros gives, at its span', (name) => {
    const source = readFileSync(join(RECORDED, `${name}.rs`), 'utf8');
    const want = readFileSync(join(RECORDED, `${name}.rustc-stderr.txt`), 'utf8').trimEnd();
    const c = compile(source, `src/bin/${name}.rs`);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(formatDiagnostic(c.diagnostics[0], source)).toBe(want);
  });

  it.each([
    [
      'unwrap of an Err holding a struct without Debug',
      '    struct Conn;\n    let r: Result<i32, _> = Err(Conn);\n    r.unwrap();',
      5,
      7,
    ],
    [
      'expect_err of an Ok holding a struct without Debug',
      '    struct Pool;\n    let r: Result<_, i32> = Ok(Pool);\n    r.expect_err("no");',
      5,
      7,
    ],
  ])('%s: Debug demanded outside a format macro is E0277 at the call', (_what, body, line, col) => {
    const o = judgeProgram(main(body));
    expect(o.kind).toBe('refused');
    if (o.kind !== 'refused') return;
    expect(o.diagnostic.code).toBe('E0277');
    expect([o.diagnostic.line, o.diagnostic.col]).toEqual([line, col]);
  });

  it('main returning an Err without Debug is E0277 at main, not an internal error', () => {
    const o = judgeProgram(
      '#[tokio::main(flavor = "current_thread")]\nasync fn main() -> Result<(), Box<dyn std::any::Any>> {\n    Err(Box::new(|| 1))\n}\n',
    );
    expect(o.kind).toBe('refused');
    if (o.kind === 'refused') expect(o.diagnostic.code).toBe('E0277');
  });

  it.each([
    [
      'a built-in sum over 3e9 items',
      '    let s = tokio::task::spawn_blocking(|| (1..=3_000_000_000).sum::<u64>()).await.unwrap();\n    println!("{}", s);',
    ],
    [
      'Vec::extend from a 3e9 range',
      '    let mut v = Vec::new();\n    v.extend(0..3_000_000_000u64);\n    println!("{}", v.len());',
    ],
    ['nth far into a range', '    println!("{:?}", (0..3_000_000_000u64).nth(2_999_999_999));'],
    [
      'a HashMap collected from 3e9 pairs',
      '    let m: std::collections::HashMap<u64, u64> = (0..3_000_000_000u64).map(|x| (x, x)).collect();\n    println!("{}", m.len());',
    ],
  ])('%s meets the step limit instead of holding the host', (_what, body) => {
    const t0 = process.cpuUsage();
    const o = judgeProgram(main(body));
    const used = process.cpuUsage(t0);
    expect(o.kind).toBe('limit');
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
  });

  it.each([
    ['"ab".repeat(2e9)', '    println!("{}", "ab".repeat(2_000_000_000).len());', 4_000_000_000],
    [
      'a String doubled 40 times',
      '    let mut s = String::from("a");\n    for _ in 0..40 {\n        let t = s.clone();\n        s.push_str(&t);\n    }',
      536_870_912,
    ],
  ])('%s aborts as a failed allocation, not a host RangeError', (_what, body, bytes) => {
    const o = judgeProgram(main(body));
    expect(o.kind).toBe('abort');
    if (o.kind === 'abort') expect(o.stderr).toContain(`memory allocation of ${bytes} bytes failed`);
  });

  it('a program printing forever keeps only the tail of its stdout in the result', () => {
    const c = compile(main('    for i in 0..2000 {\n        println!("line {}", i);\n    }'));
    if (!c.ok) throw new Error('refused');
    let streamed = 0;
    const r = runProgram(c.program, { keepOutput: 100, traceLevel: 'off', onStdout: (t) => (streamed += t.length) });
    expect(r.stdout.length).toBe(100);
    expect(r.stdout.endsWith('line 1999\n')).toBe(true);
    expect(r.stdoutDropped).toBe(streamed - 100);
  });
});

describe('fuzzer finding 22-10211: a `None` written through', () => {
  it('`* *guard = Some(..)` is E0614 at the assignment and leaves later runs their `None`', () => {
    const bad = main(
      '    let m = std::sync::Mutex::new(None::<i32>);\n    * *m.lock().unwrap() = Some(1);\n    println!("{:?}", m.lock().unwrap());',
    );
    const o = judgeProgram(bad);
    expect(o.kind).toBe('refused');
    if (o.kind === 'refused') expect([o.diagnostic.code, o.diagnostic.line, o.diagnostic.col]).toEqual(['E0614', 4, 5]);
    // before the fix the shared `None` became `Some(1)` for every later run in the process
    const after = judgeProgram(main('    let x: Option<i32> = None;\n    println!("{:?}", x);'));
    expect(after).toEqual({ kind: 'exit', exitCode: 0, stdout: 'None\n' });
  });
});

describe('fuzzer finding 23-16679: a const that needs its own value', () => {
  it('is E0391 at the const, not an internal error', () => {
    const src = `const T: &[(u32, bool)] = &[(1, T.is_empty())];\n${main('    println!("{}", T.len());')}`;
    const o = judgeProgram(src);
    expect(o.kind).toBe('refused');
    if (o.kind === 'refused') expect([o.diagnostic.code, o.diagnostic.line, o.diagnostic.col]).toEqual(['E0391', 1, 1]);
  });
});

describe('fuzzer finding 23-27951: a tuple pattern over an integer', () => {
  it('is E0308 at the pattern, not a host TypeError', () => {
    const o = judgeProgram(main('    for (a, b) in [(5, 3), (5 -1)] {\n        println!("{} {}", a, b);\n    }'));
    expect(o.kind).toBe('refused');
    if (o.kind === 'refused') expect(o.diagnostic.code).toBe('E0308');
  });
});

describe('fuzzer finding 51-14583: an array past any stack', () => {
  it('`[1u32; 3_000_000_001]` overflows the stack as the compiled program does, not the host heap', () => {
    const o = judgeProgram(main('    let a = [1u32; 3_000_000_001];\n    println!("{}", a.len());'));
    expect(o.kind).toBe('abort');
    if (o.kind === 'abort')
      expect(o.stderr).toContain(
        "thread 'main' has overflowed its stack\nfatal runtime error: stack overflow, aborting",
      );
    // an array that fits a stack is still built
    const small = judgeProgram(main('    let a = [7u8; 4096];\n    println!("{}", a.len());'));
    expect(small.kind).toBe('exit');
  });
});
