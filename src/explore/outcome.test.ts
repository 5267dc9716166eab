import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../lang/run.ts';
import { SEEDED, diagnose } from '../sim/index.ts';
import { runOnce } from './explore.ts';
import { outcomeOf } from './outcome.ts';

describe('outcomeOf', () => {
  it('finds what the full diagnostics fold finds, though it decodes only the kinds the fold reads', () => {
    for (const name of ['leak.rs', 'lost-wakeup.rs', 'blocking-order.rs']) {
      const c = compile(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
      if (!c.ok) throw new Error(name);
      for (let seed = 1; seed <= 12; seed++) {
        const r = runOnce(c.program, {}, seed, SEEDED);
        const full = new Set(
          diagnose(r.world.trace.events()).map((d) => `${d.kind} @ line ${'line' in d ? d.line : 0}`),
        );
        expect(outcomeOf(r).findings).toEqual([...full].sort());
      }
    }
  });

  it('tells a deadlock, a panic and a clean exit apart, and keys equal outcomes equally', () => {
    const run = (src: string) => {
      const c = compile(src);
      if (!c.ok) throw new Error(c.diagnostics[0]?.message);
      return outcomeOf(runOnce(c.program, {}, 1, SEEDED));
    };
    const ok = run('#[tokio::main]\nasync fn main() {\n    println!("hi");\n}\n');
    expect(ok.status).toBe('ok');
    expect(run('#[tokio::main]\nasync fn main() {\n    println!("hi");\n}\n').key).toBe(ok.key);
    expect(run('#[tokio::main]\nasync fn main() {\n    panic!("boom");\n}\n').status).toBe('panic');
    const stuck = run(
      '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    let (_tx, rx) = tokio::sync::oneshot::channel::<i32>();\n    let _ = rx.await;\n}\n',
    );
    expect(stuck.status).toBe('deadlock');
  });
});
