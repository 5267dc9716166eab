/**
 * A fluent builder of simulator trace events (`SimEvent`) for tests and for UI work without a
 * running simulator. It stamps index, step and time; it does not simulate anything.
 */
import type { RefChange, SimEvent } from '../../sim/index.ts';
import type { RefHolder, TaskOutcome } from './view-state.ts';

type Body<E> = E extends SimEvent ? Omit<E, 'index' | 'step' | 'time'> : never;
export type QueueName = 'local' | 'inject' | 'lifo' | 'blocking';

const STAGE_OF: Readonly<Record<TaskOutcome, string>> = {
  ok: 'finished_ok',
  cancelled: 'finished_cancelled',
  panicked: 'finished_panic',
};

export class TraceBuilder {
  private readonly out: SimEvent[] = [];
  private step = 0;
  private time = 0;

  /** Starts the next step (one scheduler action). */
  nextStep(): this {
    this.step++;
    return this;
  }

  /** Moves virtual time to `ns`. */
  at(ns: number): this {
    this.time = ns;
    return this;
  }

  event(body: Body<SimEvent>): this {
    this.out.push({ ...body, index: this.out.length, step: this.step, time: this.time });
    return this;
  }

  spawn(task: number, name?: string, line = 0, blocking = false): this {
    return this.event({ type: 'task.spawned', task, name, line, blocking });
  }
  /** A transition; `refs` are the holder changes it carries (e.g. the Notified's ref taken). */
  state(
    task: number,
    before: number,
    after: number,
    transition = 'transition',
    result = 'Success',
    refs: readonly RefChange[] = [],
  ): this {
    return this.event({ type: 'task.state', task, before, after, transition, result, refs });
  }
  ref(task: number, holder: RefHolder, delta: 1 | -1, refCount = 0): this {
    return this.event({ type: 'task.ref', task, refs: [{ holder, delta }], refCount });
  }
  push(queue: QueueName, task: number, worker = 0, position = 0): this {
    return this.event({ type: 'queue.push', task, queue, worker, position });
  }
  pop(queue: QueueName, task: number, worker = 0, position = 0): this {
    return this.event({ type: 'queue.pop', task, queue, worker, position });
  }
  drop(queue: QueueName, task: number, worker = 0): this {
    return this.event({ type: 'queue.drop', task, queue, worker, position: 0 });
  }
  pollStart(task: number, line = 0): this {
    return this.event({ type: 'poll.start', task, line, col: line === 0 ? 0 : 1 });
  }
  line(task: number, line: number): this {
    return this.event({ type: 'statement', task, line, col: 1 });
  }
  pollEnd(task: number, outcome: 'ready' | 'pending' | 'panicked'): this {
    return this.event({ type: 'poll.end', task, outcome });
  }
  wake(task: number, wokenBy = 0, byVal = true): this {
    return this.event({ type: 'waker.wake', task, byVal, wokenBy });
  }
  abort(task: number): this {
    return this.event({ type: 'task.abort', task, via: 'join_handle' });
  }
  output(task: number, outcome: TaskOutcome): this {
    return this.event({ type: 'task.stage', task, change: STAGE_OF[outcome] });
  }
  joined(task: number): this {
    return this.event({ type: 'task.stage', task, change: 'output_taken' });
  }
  /** The transition that drops the last reference (the simulator's signal that a task is freed). */
  released(task: number, word = 66): this {
    return this.state(task, word, word & 63, 'ref_dec', 'true');
  }
  timer(timer: number, task: number, deadlineTick: number): this {
    return this.event({ type: 'timer.register', task, timer, deadlineTick });
  }
  fire(timer: number, task = 0): this {
    return this.event({ type: 'timer.fire', task, timer, deadlineTick: 0 });
  }
  print(text: string, task = 0): this {
    return this.event({ type: 'stdout', task, text });
  }
  eprint(text: string, task = 0): this {
    return this.event({ type: 'stderr', task, text });
  }
  tokenCancel(token: number, task = 0): this {
    return this.event({ type: 'token.cancel', task, token, value: 0 });
  }

  build(): SimEvent[] {
    return this.out.slice();
  }
}

export function traceBuilder(): TraceBuilder {
  return new TraceBuilder();
}
