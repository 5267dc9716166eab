/**
 * Programs the fuzzer found ending in a host error (the seed-9 run of issue 14), each now a located
 * refusal with rustc's code. rustc itself refuses them before running; until the type checker knows
 * these signatures, the interpreter's run-time check must say where and what.
 */
import { describe, expect, it } from 'vitest';
import { judgeProgram } from '../../src/lang/outcome.ts';

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
