/**
 * Random tokio programs for the explorer's property tests (tests only): a few spawned tasks, each a
 * random mix of prints, yields, short sleeps, a select! between two fresh tasks and a nested spawn,
 * on multi_thread with 1–4 workers or current_thread. Every program is valid for both rustc and
 * our checker, and always ends.
 */
import fc from 'fast-check';

export type Op = 'print' | 'yield' | 'sleep' | 'select' | 'spawn';

export interface ProgramSpec {
  readonly flavor: 'current_thread' | 'multi_thread';
  readonly workers: number;
  readonly tasks: readonly (readonly Op[])[];
  readonly mainOps: readonly Op[];
}

const opArb = fc.constantFrom<Op>('print', 'yield', 'sleep', 'select', 'spawn');

export const programArb: fc.Arbitrary<ProgramSpec> = fc.record({
  flavor: fc.constantFrom('current_thread' as const, 'multi_thread' as const),
  workers: fc.integer({ min: 1, max: 4 }),
  tasks: fc.array(fc.array(opArb, { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
  mainOps: fc.array(opArb, { maxLength: 3 }),
});

function body(ops: readonly Op[], who: string, indent: string): string {
  return ops
    .map((op, i) => {
      switch (op) {
        case 'print':
          return `${indent}println!("${who} step ${i}");`;
        case 'yield':
          return `${indent}tokio::task::yield_now().await;`;
        case 'sleep':
          return `${indent}tokio::time::sleep(std::time::Duration::from_millis(${1 + (i % 3)})).await;`;
        case 'select':
          return [
            `${indent}let a = tokio::spawn(async { 1 });`,
            `${indent}let b = tokio::spawn(async { 2 });`,
            `${indent}tokio::select! {`,
            `${indent}    r = a => println!("${who} select a {}", r.unwrap()),`,
            `${indent}    r = b => println!("${who} select b {}", r.unwrap()),`,
            `${indent}}`,
          ].join('\n');
        case 'spawn':
          return `${indent}tokio::spawn(async { println!("${who} child"); });`;
      }
    })
    .join('\n');
}

export function renderProgram(p: ProgramSpec): string {
  const attr =
    p.flavor === 'multi_thread'
      ? `#[tokio::main(flavor = "multi_thread", worker_threads = ${p.workers})]`
      : '#[tokio::main(flavor = "current_thread")]';
  const spawns = p.tasks
    .map((ops, t) => `    hs.push(tokio::spawn(async move {\n${body(ops, `t${t}`, '        ')}\n    }));`)
    .join('\n');
  return `${attr}
async fn main() {
    let mut hs = Vec::new();
${spawns}
${body(p.mainOps, 'main', '    ')}
    for h in hs {
        h.await.unwrap();
    }
}
`;
}
