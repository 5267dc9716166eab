/**
 * A fast-check arbitrary of well-typed (not necessarily meaningful) simulator traces, for
 * property tests of the folds. Steps never decrease and time never goes back, as in a real trace.
 */
import fc from 'fast-check';
import { TraceBuilder } from './trace-builder.ts';
import type { QueueName } from './trace-builder.ts';
import type { SimEvent } from '../../sim/index.ts';

type Op = (b: TraceBuilder) => TraceBuilder;

const task = fc.integer({ min: 0, max: 6 });
const queue = fc.constantFrom<QueueName>('local', 'inject', 'lifo', 'blocking');
const worker = fc.nat(2);
const line = fc.nat(30);

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(task, fc.option(fc.constantFrom('a', 'b'), { nil: undefined }), line, fc.boolean()).map(
    ([t, n, l, blk]): Op =>
      (b) =>
        b.spawn(t, n, l, blk),
  ),
  fc.tuple(task, fc.nat(1023), fc.nat(1023)).map(
    ([t, x, y]): Op =>
      (b) =>
        b.state(t, x, y),
  ),
  fc
    .tuple(
      task,
      fc.constantFrom('owned' as const, 'notified' as const, 'join_handle' as const, 'waker' as const),
      fc.boolean(),
    )
    .map(
      ([t, h, up]): Op =>
        (b) =>
          b.ref(t, h, up ? 1 : -1),
    ),
  fc.tuple(task, fc.constantFrom('ok' as const, 'cancelled' as const, 'panicked' as const)).map(
    ([t, o]): Op =>
      (b) =>
        b.output(t, o),
  ),
  task.map(
    (t): Op =>
      (b) =>
        b.abort(t),
  ),
  task.map(
    (t): Op =>
      (b) =>
        b.joined(t),
  ),
  task.map(
    (t): Op =>
      (b) =>
        b.released(t),
  ),
  fc.tuple(queue, task, worker).map(
    ([q, t, w]): Op =>
      (b) =>
        b.push(q, t, w),
  ),
  fc.tuple(queue, task, worker).map(
    ([q, t, w]): Op =>
      (b) =>
        b.pop(q, t, w),
  ),
  fc.tuple(queue, task, worker).map(
    ([q, t, w]): Op =>
      (b) =>
        b.drop(q, t, w),
  ),
  fc.tuple(task, line).map(
    ([t, l]): Op =>
      (b) =>
        b.pollStart(t, l),
  ),
  fc.tuple(task, fc.constantFrom('ready' as const, 'pending' as const, 'panicked' as const)).map(
    ([t, o]): Op =>
      (b) =>
        b.pollEnd(t, o),
  ),
  fc.tuple(task, fc.integer({ min: 1, max: 30 })).map(
    ([t, l]): Op =>
      (b) =>
        b.line(t, l),
  ),
  fc.tuple(task, task, fc.boolean()).map(
    ([t, by, v]): Op =>
      (b) =>
        b.wake(t, by, v),
  ),
  fc.tuple(fc.nat(8), task, fc.nat(100)).map(
    ([id, t, d]): Op =>
      (b) =>
        b.timer(id, t, d),
  ),
  fc.nat(8).map(
    (id): Op =>
      (b) =>
        b.fire(id),
  ),
  fc.tuple(fc.constantFrom('a', 'b\n', '\n', 'x\ny', ''), task, fc.boolean()).map(
    ([text, t, err]): Op =>
      (b) =>
        err ? b.eprint(text, t) : b.print(text, t),
  ),
  fc.nat(3).map(
    (token): Op =>
      (b) =>
        b.tokenCancel(token),
  ),
);

export const traceArbitrary = (maxLength = 200): fc.Arbitrary<SimEvent[]> =>
  fc.array(fc.tuple(op, fc.boolean(), fc.nat(3)), { maxLength }).map((items) => {
    const b = new TraceBuilder();
    let time = 0;
    for (const [apply, newStep, dt] of items) {
      if (newStep) b.nextStep();
      time += dt * 1_000_000;
      apply(b.at(time));
    }
    return b.build();
  });

/** The trace with every spawn of an id already spawned left out (ids are unique in a real run). */
export function uniqueSpawns(events: readonly SimEvent[]): SimEvent[] {
  const seen = new Set<number>();
  return events.filter((e) => {
    if (e.type !== 'task.spawned') return true;
    if (seen.has(e.task)) return false;
    seen.add(e.task);
    return true;
  });
}
