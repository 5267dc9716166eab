/**
 * `tokio::task::coop::cooperative` (tokio-facts.md §7): a future that takes one unit of coop budget
 * per poll, gives it back when the inner future stays Pending, and keeps it spent on Ready. The
 * watch and broadcast receivers, and `Sender::closed`, are wrapped in it in Tokio 1.48.
 */
import type { ChoicePoint } from '../choice.ts';
import { currentContext } from '../context.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';

export class Cooperative<T> implements Future<T> {
  constructor(private readonly inner: Future<T>) {}

  poll(cx: Context): Poll<T> {
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    const r = this.inner.poll(cx);
    if (r === PENDING) coop?.restore();
    else coop?.madeProgress();
    return r;
  }

  drop(): void {
    this.inner.drop();
  }
}

export function cooperative<T>(inner: Future<T>): Future<T> {
  return new Cooperative(inner);
}

/**
 * `runtime::context::thread_rng_n` at a named choice point: the running thread's FastRand (or the
 * explorer's forced choice); 0 outside a runtime.
 */
export function threadRngN(point: ChoicePoint, n: number): number {
  return currentContext()?.choose(point, n) ?? 0;
}
