/**
 * The narration (design.md §6): one plain sentence per scheduler step, e.g. "Worker 0 polls task
 * 3; it returns Pending at line 12, waiting on a timer due at 100 ms". A pure function of the
 * step's trace events; the vocabulary follows tokio-facts.md §2.4 (transitions), §6.2 (the
 * current_thread loop: poll, park, park_yield, deferred wakers), §4(f) (shutdown) and §9 (timers).
 */
import type { SimEvent } from '../../sim/index.ts';
import { factsOfStep } from './step-facts.ts';
import type { PollFacts, StepFacts } from './step-facts.ts';
import { ioClauses, ioWaitClause, signalSentence } from './io-words.ts';

export interface NarrationContext {
  /** Which scheduler runs the program: multi_thread steps name their worker. */
  readonly flavor: 'current_thread' | 'multi_thread';
  /** A task's name (its `task.spawned` event's), so sentences say "fetch (task 3)". */
  readonly taskName?: (id: number) => string | undefined;
  /** A socket's words ("listener :40000"), so sentences say which socket; else "socket 3". */
  readonly socketName?: (id: number) => string | undefined;
}

export const BEFORE_FIRST_STEP = 'Nothing has run yet. Press ▶ to play or ▷ to take one step.';

/** "a", "a and b", "a, b and c"; long lists end with "and N more". */
export function listOf(items: readonly string[], max = 4): string {
  const shown = items.length > max ? [...items.slice(0, max - 1), `${items.length - max + 1} more`] : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** How one narration names tasks: "fetch (task 3)" when the task has a name, else "task 3". */
interface Namer {
  task(id: number): string;
  /** "task 4", "tasks 4, 5 and 6", "fetch (task 4) and h (task 5)"; the main future by name. */
  tasks(ids: readonly number[]): string;
}

function namer(ctx: NarrationContext): Namer {
  const nameOf = ctx.taskName ?? (() => undefined);
  const task = (id: number): string => {
    if (id === 0) return 'the main future';
    const n = nameOf(id);
    return n === undefined ? `task ${id}` : `${n} (task ${id})`;
  };
  const tasks = (ids: readonly number[]): string => {
    const main = ids.includes(0) ? ['the main future'] : [];
    const ts = ids.filter((t) => t !== 0);
    const anyNamed = ts.some((t) => nameOf(t) !== undefined);
    const named = ts.length === 1 || anyNamed ? ts.map(task) : ts.length > 1 ? [`tasks ${listOf(ts.map(String))}`] : [];
    return listOf([...named, ...main]);
  };
  return { task, tasks };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function ms(ns: number): string {
  const v = ns / 1_000_000;
  return `${Number.isInteger(v) ? v : v.toFixed(3)} ms`;
}

/** Who polls: a worker of the multi_thread scheduler, or the current_thread scheduler. */
function poller(p: PollFacts, ctx: NarrationContext): string {
  if (p.task === 0) return 'block_on';
  return ctx.flavor === 'multi_thread' ? `Worker ${p.worker ?? 0}` : 'The scheduler';
}

function outcomeClause(p: PollFacts, f: StepFacts, n: Namer, ctx: NarrationContext): string {
  const at = p.line > 0 ? ` at line ${p.line}` : '';
  switch (p.outcome) {
    case 'ready': {
      const done = p.task === 0 ? 'the main future is done, so block_on returns' : `${n.task(p.task)} is complete`;
      return `returns Ready${at}: ${done}`;
    }
    case 'panicked':
      return `panics${at}`;
    case 'pending': {
      if (p.requeued) return `returns Pending${at} after waking itself, so it goes back on the run queue`;
      const io = ioWaitClause(p, ctx);
      const timer = p.timers.length > 0 ? ` or for a timer due at ${Math.min(...p.timers)} ms` : '';
      if (io !== undefined) return `returns Pending${at}, ${io}${timer}`;
      if (p.timers.length > 0) {
        const due = Math.min(...p.timers);
        return `returns Pending${at}, waiting on a timer due at ${due} ms`;
      }
      return `returns Pending${at}, waiting to be woken`;
    }
    default:
      return f.poll?.cancelledBeforePoll === true ? 'is dropped' : 'is still running';
  }
}

function pollSentence(p: PollFacts, f: StepFacts, ctx: NarrationContext): string {
  const who = poller(p, ctx);
  const n = namer(ctx);
  if (p.cancelledBeforePoll) {
    return `${who} takes ${n.task(p.task)} from the queue, finds it CANCELLED and drops its future instead of polling it`;
  }
  // Without statement events the only place known is where the future starts.
  const from = p.line === 0 && p.startLine > 0 ? ` (its code starts at line ${p.startLine})` : '';
  const what = `polls ${n.task(p.task)}${from}`;
  const effects: string[] = [];
  if (p.spawned.length > 0) effects.push(`spawns ${n.tasks(p.spawned)}`);
  if (p.aborted.length > 0) effects.push(`aborts ${n.tasks(p.aborted)}`);
  if (p.joined.length > 0) effects.push(`takes the output of ${n.tasks(p.joined)} from its JoinSet`);
  if (p.registered.length > 0) effects.push(...ioClauses.registered(p.registered, ctx));
  if (f.tokensCancelled.length > 0) effects.push(`cancels a CancellationToken`);
  if (p.printed > 0) effects.push(`prints ${plural(p.printed, 'line', 'lines')}`);
  const woke = p.woke.filter((t) => t !== p.task);
  const outcome = outcomeClause(p, f, n, ctx);
  const tail = woke.length > 0 ? ` and wakes ${n.tasks(woke)}` : '';
  const first = effects.length > 0 ? `it ${listOf([...effects, outcome], 8)}` : `it ${outcome}`;
  return `${who} ${what}; ${first}${tail}`;
}

function parkSentence(f: StepFacts, n: Namer, ctx: NarrationContext): string {
  const park = f.park;
  const base =
    park?.yield === true
      ? 'The scheduler checks the timers without sleeping (park_yield)'
      : 'Nothing is ready to run, so the scheduler parks';
  const parts: string[] = [];
  if (f.advancedTo !== undefined) parts.push(`the paused clock jumps to ${f.advancedTo} ms`);
  if (f.signal.arrived > 0)
    parts.push(f.signal.arrived === 1 ? 'Ctrl-C arrives' : `${f.signal.arrived} Ctrl-C presses arrive`);
  if (f.fired.length > 0) {
    const timers = f.fired.length === 1 ? 'a timer fires' : `${f.fired.length} timers fire`;
    parts.push(`${timers}, waking ${n.tasks(f.fired)}`);
  }
  if (f.deferWoken > 0) parts.push(`${plural(f.deferWoken, 'deferred waker is', 'deferred wakers are')} woken`);
  if (f.turn !== undefined) parts.push(ioClauses.turn(f.turn, ctx, (ids) => n.tasks(ids)));
  if (f.signal.delivered >= 0) parts.push(ioClauses.delivered(f.signal.delivered));
  if (parts.length === 0) return `${base}; no time passes, nothing fires, and block_on looks at the main future again`;
  return `${base}; ${listOf(parts)}`;
}

const SHUTDOWN_WORDS: Readonly<Record<string, string>> = {
  begin: 'The main future is done, so the runtime shuts down',
  owned_tasks: 'Shutdown: every task still owned by the runtime is cancelled',
  local_queue: 'Shutdown: the local run queue is drained',
  inject_queue: 'Shutdown: the inject queue is closed and drained',
  driver: 'Shutdown: the time driver is shut down',
  blocking_pool: 'Shutdown: the blocking pool is shut down',
  done: 'The runtime has shut down',
};

function shutdownSentence(f: StepFacts, n: Namer): string {
  const phase = f.shutdownPhases[f.shutdownPhases.length - 1] ?? 'begin';
  const base = SHUTDOWN_WORDS[phase] ?? `Shutdown: ${phase.replace(/_/g, ' ')}`;
  if (f.droppedFutures.length === 0) return base;
  const whose =
    f.droppedFutures.length === 1
      ? `the future of ${n.task(f.droppedFutures[0])} is`
      : `the futures of ${n.tasks(f.droppedFutures)} are`;
  return `${base}; ${whose} dropped`;
}

/** The sentence for one step's facts. */
export function sentenceOf(f: StepFacts, ctx: NarrationContext): string {
  if (f.signal.kills) return signalSentence(f.signal);
  if (f.deadlock) return 'Deadlock: nothing can ever wake the main future again (real Tokio would hang here)';
  if (f.runtimeCreated !== undefined) {
    const start = f.blockOnStarted ? ' and block_on starts the main future' : '';
    return `The ${f.runtimeCreated} runtime is built${start}`;
  }
  if (f.poll !== undefined) {
    return pollSentence(f.poll, f, ctx);
  }
  if (f.park !== undefined || f.fired.length > 0 || f.advancedTo !== undefined || f.turn !== undefined)
    return parkSentence(f, namer(ctx), ctx);
  if (f.deferWoken > 0) {
    return `The scheduler wakes ${plural(f.deferWoken, 'deferred waker', 'deferred wakers')} (tasks that called yield_now), the last deferred first`;
  }
  if (f.shutdownPhases.length > 0 || f.droppedFutures.length > 0) return shutdownSentence(f, namer(ctx));
  if (f.blocking.length > 0) return `The blocking pool acts: ${listOf(f.blocking.map((b) => b.replace(/_/g, ' ')))}`;
  if (f.blockOnStarted) return 'block_on starts the main future';
  if (f.diagnostics.length > 0) return f.diagnostics[0];
  return `Step ${f.step}: ${plural(f.events, 'bookkeeping event', 'bookkeeping events')} at ${ms(f.time)}`;
}

/** One plain sentence for one scheduler step (the events sharing one step index). */
export function narrateStep(events: readonly SimEvent[], ctx: NarrationContext): string {
  if (events.length === 0) return BEFORE_FIRST_STEP;
  const f = factsOfStep(events);
  // A planned fault is said beside what the step did: it is why the next read fails.
  const faults = f.faults.length > 0 ? `; ${f.faults.join('; ')}` : '';
  return `${sentenceOf(f, ctx)}${faults}.`;
}
