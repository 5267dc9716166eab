/**
 * Diagnostics as one fold over the trace (design.md §4 "Diagnostics"; tokio-facts.md §4(d)
 * detach, §4(e) panics, §4(f) shutdown, §7 budget, §10 JoinSet drop): detached tasks still alive
 * at runtime shutdown, panics nobody can observe because the JoinHandle was dropped first, JoinSets
 * dropped with tasks in them, idle tasks no waker can reach (lost wake-ups), and tasks that keep
 * running out of coop budget.
 */
import type { SimEvent } from '../events.ts';
import { CANCELLED, COMPLETE, JOIN_INTEREST, NOTIFIED, RUNNING, refCount } from '../task/state.ts';

export type Diagnostic =
  | {
      readonly kind: 'leaked-task';
      readonly task: number;
      readonly name: string | undefined;
      readonly line: number;
      readonly step: number;
    }
  | {
      readonly kind: 'lost-panic';
      readonly task: number;
      readonly name: string | undefined;
      readonly line: number;
      readonly step: number;
    }
  | { readonly kind: 'joinset-dropped-with-tasks'; readonly set: number; readonly tasks: number; readonly step: number }
  | {
      readonly kind: 'lost-wakeup';
      readonly task: number;
      readonly name: string | undefined;
      readonly line: number;
      readonly state: number;
    }
  | {
      readonly kind: 'budget-exhausted';
      readonly task: number;
      readonly name: string | undefined;
      readonly line: number;
      readonly times: number;
    };

export interface DiagnoseOptions {
  /** A task refused by the coop budget at least this often is reported (default 3). */
  readonly budgetThreshold?: number;
}

interface TaskFacts {
  name: string | undefined;
  line: number;
  state: number;
  wakers: number;
  joinDroppedEarly: boolean;
}

/** Folds the events (in order) into the list of diagnostics. */
/** Idle tasks that no waker can reach (each reported once). */
function reportLost(tasks: Map<number, TaskFacts>, out: Diagnostic[], lost: Set<number>): void {
  for (const [id, t] of tasks) {
    const s = t.state;
    const idle = (s & (RUNNING | COMPLETE | NOTIFIED | CANCELLED)) === 0;
    if (idle && t.wakers === 0 && !lost.has(id)) {
      lost.add(id);
      out.push({ kind: 'lost-wakeup', task: id, name: t.name, line: t.line, state: s });
    }
  }
}

export function diagnose(events: Iterable<SimEvent>, options: DiagnoseOptions = {}): Diagnostic[] {
  const threshold = options.budgetThreshold ?? 3;
  const tasks = new Map<number, TaskFacts>();
  // Kept after a task is freed: exhaustion is reported for finished tasks too.
  const exhausted = new Map<number, { name: string | undefined; line: number; times: number }>();
  const out: Diagnostic[] = [];
  let inShutdown = false;
  const lost = new Set<number>();
  for (const e of events) {
    switch (e.type) {
      case 'task.spawned':
        tasks.set(e.task, { name: e.name, line: e.line, state: 204, wakers: 0, joinDroppedEarly: false });
        break;
      case 'task.state': {
        const t = tasks.get(e.task);
        if (t === undefined) break;
        t.state = e.after;
        for (const r of e.refs) if (r.holder === 'waker') t.wakers += r.delta;
        if ((e.before & JOIN_INTEREST) !== 0 && (e.after & JOIN_INTEREST) === 0 && (e.before & COMPLETE) === 0)
          t.joinDroppedEarly = true;
        if (inShutdown && e.transition === 'transition_to_shutdown' && (e.before & COMPLETE) === 0) {
          out.push({ kind: 'leaked-task', task: e.task, name: t.name, line: t.line, step: e.step });
        }
        if (refCount(e.after) === 0) tasks.delete(e.task);
        break;
      }
      case 'task.ref': {
        const t = tasks.get(e.task);
        if (t !== undefined) for (const r of e.refs) if (r.holder === 'waker') t.wakers += r.delta;
        break;
      }
      case 'task.stage': {
        const t = tasks.get(e.task);
        if (t !== undefined && e.change === 'finished_panic' && t.joinDroppedEarly) {
          out.push({ kind: 'lost-panic', task: e.task, name: t.name, line: t.line, step: e.step });
        }
        break;
      }
      case 'coop.budget': {
        const t = tasks.get(e.task);
        if (t === undefined || e.event !== 'exhausted') break;
        const x = exhausted.get(e.task) ?? { name: t.name, line: t.line, times: 0 };
        x.times++;
        exhausted.set(e.task, x);
        break;
      }
      case 'joinset.drop':
        if (e.value > 0) out.push({ kind: 'joinset-dropped-with-tasks', set: e.set, tasks: e.value, step: e.step });
        break;
      case 'runtime.shutdown':
        // a task idle with no waker anywhere when shutdown begins was lost before it was cancelled
        if (!inShutdown && e.phase !== 'done') reportLost(tasks, out, lost);
        inShutdown = e.phase !== 'done';
        break;
      default:
        break;
    }
  }
  reportLost(tasks, out, lost);
  for (const [id, x] of exhausted) {
    if (x.times >= threshold)
      out.push({ kind: 'budget-exhausted', task: id, name: x.name, line: x.line, times: x.times });
  }
  return out;
}

/** One sentence per diagnostic, for the console and the narration. */
export function describeDiagnostic(d: Diagnostic): string {
  const at = (name: string | undefined, line: number): string =>
    line > 0 ? ` (spawned at line ${line})` : name !== undefined ? ` (${name})` : '';
  switch (d.kind) {
    case 'leaked-task':
      return `task ${d.task}${at(d.name, d.line)} was still running when the runtime shut down; its future was dropped`;
    case 'lost-panic':
      return `task ${d.task}${at(d.name, d.line)} panicked after its JoinHandle was dropped: nobody will see the panic`;
    case 'joinset-dropped-with-tasks':
      return `JoinSet ${d.set} was dropped with ${d.tasks} task(s) in it: they were aborted`;
    case 'lost-wakeup':
      return `task ${d.task}${at(d.name, d.line)} is idle and no waker can reach it: it will never run again`;
    case 'budget-exhausted':
      return `task ${d.task}${at(d.name, d.line)} ran out of coop budget ${d.times} times`;
  }
}
