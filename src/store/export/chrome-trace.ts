/**
 * The trace as Chrome Trace Event JSON (issue 7, "Export"), a fold over the same `SimEvent`s the
 * views fold (design.md §2: the trace is the truth). One process is the runtime; every task is a
 * thread track (tid = task id), with the main future (`block_on`) and the runtime's own work
 * (driver, timers, shutdown) on two tracks of their own. Polls are complete slices; each wake and
 * spawn is a short slice on the track that caused it with a flow arrow to the target's next poll.
 *
 * Clocks: `virtual` places events at Tokio's virtual time, nudging each event 10 ns after the one
 * before so order survives the paused clock (where a whole program happens at one instant);
 * `sequence` spaces events 1 µs apart, which shows order and hides time. Either way the virtual
 * time is also a counter track and every slice's `args`.
 */
import type { SimEvent } from '../../sim/index.ts';
import { optionLabels } from '../narration/choice-words.ts';
import type { Args, ChromeTrace, TraceEvent } from './trace-event-format.ts';

type TimedEvent = Exclude<TraceEvent, { readonly ph: 'M' }>;

export type TraceClock = 'virtual' | 'sequence';

export interface ChromeTraceOptions {
  readonly clock?: TraceClock;
  /** Export events [0, upTo) only (default: all). */
  readonly upTo?: number;
  /** Put in `otherData` and the process name. */
  readonly seed?: number;
  /** The run's schedule (a replay key, issue 16): put in `otherData` so the file names its run. */
  readonly schedule?: string;
  readonly title?: string;
}

/** What the export reads: a `LabTimeline` is one. */
export interface TraceSource {
  readonly length: number;
  eventAt(index: number): SimEvent | undefined;
}

export const PID = 1;
/** Tracks that are not tasks; task ids are small, so these never collide. */
export const MAIN_TID = 1_000_000_000;
export const RUNTIME_TID = 1_000_000_001;
/** The `virtual` clock's spacing of events at one instant (µs). */
export const NUDGE_US = 0.01;
const MAX_NAME = 80;

interface OpenPoll {
  readonly ts: number;
  readonly line: number;
  readonly step: number;
  readonly timeNs: number;
}

interface Flow {
  readonly id: number;
  readonly cat: 'wake' | 'spawn';
  readonly name: string;
}

const tidOfTask = (task: number): number => (task === 0 ? MAIN_TID : task);
const clip = (s: string): string => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s);
const outcomeName = { ready: 'Ready', pending: 'Pending', panicked: 'panicked' } as const;

class ChromeTraceFold {
  readonly out: TimedEvent[] = [];
  private readonly polls = new Map<number, OpenPoll>();
  /** Tasks with a poll open, innermost last (a poll runs inside no other, but be safe). */
  private readonly stack: number[] = [];
  private readonly waiting = new Map<number, Flow[]>();
  private readonly names = new Map<number, string>([
    [MAIN_TID, 'main future (block_on)'],
    [RUNTIME_TID, 'runtime (driver, timers, shutdown)'],
  ]);
  private readonly workers = new Map<number, number>();
  private flows = 0;
  /** Choice events so far: each one's index is the decision a schedule forces by number. */
  private decisions = 0;
  private last = Number.NEGATIVE_INFINITY;
  private lastMs = Number.NaN;
  flavor = 'current_thread';

  constructor(private readonly clock: TraceClock) {}

  private stamp(e: SimEvent, i: number): number {
    const ts = this.clock === 'sequence' ? i : Math.max(e.time / 1000, this.last + NUDGE_US);
    this.last = ts;
    return ts;
  }

  /** The track of whatever is running now: the innermost open poll, else the runtime. */
  private context(): number {
    const top = this.stack[this.stack.length - 1];
    return top === undefined ? RUNTIME_TID : tidOfTask(top);
  }

  private seen(task: number): number {
    const tid = tidOfTask(task);
    if (!this.names.has(tid)) this.names.set(tid, `task ${task}`);
    return tid;
  }

  private instant(name: string, tid: number, ts: number, e: SimEvent, args: Args = {}): void {
    this.out.push({
      ph: 'i',
      s: 't',
      name: clip(name),
      cat: e.type,
      pid: PID,
      tid,
      ts,
      args: { step: e.step, ...args },
    });
  }

  /** A short slice on the causing track, and an arrow from it to the target's next poll. */
  private cause(cat: Flow['cat'], target: number, ts: number, e: SimEvent, args: Args): void {
    const name = `${cat} task ${target === 0 ? 'main' : target}`;
    const tid = this.context();
    const dur = this.clock === 'sequence' ? 0.5 : NUDGE_US / 2;
    this.out.push({ ph: 'X', name, cat, pid: PID, tid, ts, dur, args: { step: e.step, ...args } });
    const id = ++this.flows;
    this.out.push({ ph: 's', name: cat, cat, id, pid: PID, tid, ts });
    const list = this.waiting.get(target);
    if (list === undefined) this.waiting.set(target, [{ id, cat, name: cat }]);
    else list.push({ id, cat, name: cat });
  }

  private virtualTime(e: SimEvent, ts: number): void {
    const ms = e.time / 1e6;
    if (ms === this.lastMs) return;
    this.lastMs = ms;
    this.out.push({ ph: 'C', name: 'virtual time (ms)', cat: 'time', pid: PID, tid: RUNTIME_TID, ts, args: { ms } });
  }

  add(e: SimEvent, i: number): void {
    const ts = this.stamp(e, i);
    this.virtualTime(e, ts);
    switch (e.type) {
      case 'runtime.created':
        this.flavor = e.flavor;
        return;
      case 'task.spawned': {
        const tid = this.seen(e.task);
        const label = `task ${e.task}${e.name === undefined ? '' : ` “${e.name}”`}`;
        this.names.set(tid, e.blocking ? `${label} (spawn_blocking)` : label);
        this.cause('spawn', e.task, ts, e, { line: e.line, blocking: e.blocking });
        return;
      }
      case 'queue.pop':
        this.workers.set(e.task, e.worker);
        return;
      case 'poll.start': {
        this.seen(e.task);
        // A task is never polled inside its own poll; if a trace says so, end the first one here.
        if (this.polls.has(e.task)) this.closePoll(e.task, ts, 'unfinished');
        this.polls.set(e.task, { ts, line: e.line, step: e.step, timeNs: e.time });
        this.stack.push(e.task);
        const flows = this.waiting.get(e.task);
        if (flows !== undefined) {
          this.waiting.delete(e.task);
          const tid = tidOfTask(e.task);
          for (const f of flows)
            this.out.push({ ph: 'f', bp: 'e', name: f.name, cat: f.cat, id: f.id, pid: PID, tid, ts });
        }
        return;
      }
      case 'poll.end':
        this.closePoll(e.task, ts, outcomeName[e.outcome]);
        return;
      case 'waker.wake':
        // Task 0 as a target is the main future; tasks are never 0xffffffff (read as -1).
        if (e.task >= 0) this.cause('wake', e.task, ts, e, { by_val: e.byVal });
        return;
      case 'task.abort':
        this.instant('abort', this.seen(e.task), ts, e, { via: e.via });
        return;
      case 'task.stage':
        this.instant(e.change, this.seen(e.task), ts, e);
        return;
      case 'stdout':
      case 'stderr':
        this.instant(e.text, this.context(), ts, e, { stream: e.type, text: e.text });
        return;
      case 'timer.fire':
        this.instant(`timer ${e.timer} fires`, RUNTIME_TID, ts, e);
        return;
      case 'runtime.shutdown':
        this.instant(`shutdown: ${e.phase}`, RUNTIME_TID, ts, e);
        return;
      case 'choice': {
        // Tokio's random or timing-dependent decisions, each with what else it could have been.
        const labels = optionLabels(e);
        this.instant(`choice ${e.point}: ${labels[e.taken] ?? e.taken}`, this.context(), ts, e, {
          point: e.point,
          decision: this.decisions++,
          taken: e.taken,
          options: labels.join(' | '),
        });
        return;
      }
      case 'runtime.deadlock':
        this.instant('deadlock: nothing can make progress', RUNTIME_TID, ts, e);
        return;
      case 'diagnostic':
        this.out.push({ ph: 'i', s: 'g', name: clip(e.message), cat: 'diagnostic', pid: PID, tid: RUNTIME_TID, ts });
        return;
      case 'joinset.abort_all':
      case 'joinset.drop':
      case 'joinset.detach_all':
      case 'token.cancel':
        this.instant(e.type, this.context(), ts, e);
        return;
      default:
        return;
    }
  }

  private closePoll(task: number, ts: number, outcome: string): void {
    const open = this.polls.get(task);
    if (open === undefined) return;
    this.polls.delete(task);
    const at = this.stack.lastIndexOf(task);
    if (at >= 0) this.stack.splice(at, 1);
    const args: Record<string, string | number> = {
      outcome,
      step: open.step,
      virtual_ms: open.timeNs / 1e6,
    };
    if (open.line > 0) args.line = open.line;
    const worker = this.workers.get(task);
    if (this.flavor === 'multi_thread' && worker !== undefined) args.worker = worker;
    const tid = tidOfTask(task);
    this.out.push({
      ph: 'X',
      name: `poll → ${outcome}`,
      cat: 'poll',
      pid: PID,
      tid,
      ts: open.ts,
      dur: ts - open.ts,
      args,
    });
  }

  /** Closes polls the trace ends inside of and names every track. */
  finish(): TraceEvent[] {
    const end = this.last === Number.NEGATIVE_INFINITY ? 0 : this.last;
    for (const task of [...this.polls.keys()]) this.closePoll(task, end, 'unfinished');
    const meta: TraceEvent[] = [];
    for (const [tid, name] of this.names) {
      meta.push({ ph: 'M', name: 'thread_name', pid: PID, tid, args: { name } });
      const order = tid === MAIN_TID ? -2 : tid === RUNTIME_TID ? -1 : tid;
      meta.push({ ph: 'M', name: 'thread_sort_index', pid: PID, tid, args: { sort_index: order } });
    }
    const located = this.out.slice().sort((a, b) => a.ts - b.ts);
    return [...meta, ...located];
  }
}

/** Folds a run's trace into a Chrome trace. */
export function toChromeTrace(source: TraceSource, options: ChromeTraceOptions = {}): ChromeTrace {
  const clock = options.clock ?? 'virtual';
  const fold = new ChromeTraceFold(clock);
  const n = Math.min(source.length, options.upTo ?? source.length);
  for (let i = 0; i < n; i++) {
    const e = source.eventAt(i);
    if (e !== undefined) fold.add(e, i);
  }
  const events = fold.finish();
  const title = options.title ?? 'Task Lab';
  const seed = options.seed === undefined ? '' : `, seed ${options.seed}`;
  const process: TraceEvent[] = [
    {
      ph: 'M',
      name: 'process_name',
      pid: PID,
      tid: 0,
      args: { name: `${title}: Tokio ${fold.flavor} runtime${seed}` },
    },
  ];
  const otherData: Record<string, string | number> = {
    generator: 'Task Lab (simulated Tokio 1.48)',
    flavor: fold.flavor,
    clock,
    events: n,
  };
  if (options.seed !== undefined) otherData.seed = options.seed;
  if (options.schedule !== undefined) otherData.schedule = options.schedule;
  return { traceEvents: [...process, ...events], displayTimeUnit: 'ms', otherData };
}

/** The exported file's text. */
export function chromeTraceJson(source: TraceSource, options: ChromeTraceOptions = {}): string {
  return JSON.stringify(toChromeTrace(source, options));
}
