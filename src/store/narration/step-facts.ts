/**
 * What happened in one scheduler step, read from its trace events (design.md §2: the narration is
 * a fold over the same events as every other view). One pass, no sentence-building here:
 * narrate.ts turns these facts into words.
 */
import type { SimEvent } from '../../sim/index.ts';

export interface PollFacts {
  /** 0: block_on's main future. */
  readonly task: number;
  /** The worker that took the task from a queue in this step (multi_thread), if seen. */
  worker: number | undefined;
  /** Where the polled future starts (its async block or fn); 0 when unknown. */
  readonly startLine: number;
  /** The last statement the poll reached; 0 when the trace has no statement events for it. */
  line: number;
  outcome: 'pending' | 'ready' | 'panicked' | undefined;
  /** transition_to_running returned Cancelled: the future is dropped, not polled. */
  cancelledBeforePoll: boolean;
  /** transition_to_idle returned OkNotified: it woke itself and goes back on a queue. */
  requeued: boolean;
  /** Deadlines (ms ticks) of timers it registered. */
  readonly timers: number[];
  readonly spawned: number[];
  readonly woke: number[];
  readonly aborted: number[];
  readonly joined: number[];
  printed: number;
  /** Sockets it registered with the I/O driver. */
  readonly registered: number[];
  /** Sockets whose Registration now holds its waker (it waits for them to be ready). */
  readonly ioWaits: { readonly socket: number; readonly direction: 'read' | 'write' }[];
}

/** A driver turn in this step: what it reported, and whom the Registration wakers woke. */
export interface TurnFacts {
  readonly ready: { readonly socket: number; readonly ready: number }[];
  readonly woke: { readonly task: number; readonly socket: number }[];
}

/** Ctrl-C in this step. */
export interface SignalFacts {
  arrived: number;
  /** The press found no handler: the process dies (exit status 130). */
  kills: boolean;
  /** `ctrl_c()` listeners the signal driver woke (−1: no broadcast this step). */
  delivered: number;
  installed: boolean;
}

export interface StepFacts {
  readonly step: number;
  /** Virtual time (ns) at the end of the step. */
  time: number;
  poll: PollFacts | undefined;
  park: { readonly yield: boolean; readonly advanced: boolean } | undefined;
  /** Clock moves in this step (ms). */
  advancedTo: number | undefined;
  /** Tasks whose timers fired, in firing order (0: the main future). */
  readonly fired: number[];
  deferWoken: number;
  readonly shutdownPhases: string[];
  readonly droppedFutures: number[];
  readonly completed: number[];
  readonly panicked: number[];
  readonly cancelled: number[];
  readonly tokensCancelled: number[];
  readonly blocking: string[];
  runtimeCreated: 'current_thread' | 'multi_thread' | undefined;
  blockOnStarted: boolean;
  blockOnEnded: boolean;
  deadlock: boolean;
  readonly diagnostics: string[];
  /** Network faults of the run's plan applied in this step (net/faults.ts), as clauses. */
  readonly faults: string[];
  readonly events: number;
  turn: TurnFacts | undefined;
  readonly signal: SignalFacts;
}

/** "connection 2: the client reset it" for a `net.fault` event. */
export function faultClause(
  e: Pick<Extract<SimEvent, { type: 'net.fault' }>, 'fault' | 'by' | 'conn' | 'port'>,
): string {
  const other = e.by === 'client' ? 'server' : 'client';
  switch (e.fault) {
    case 'reset':
      return `connection ${e.conn}: the ${e.by} reset it, so the ${other} gets ConnectionReset (a planned fault)`;
    case 'refuse':
      return `connection ${e.conn}: the connect to port ${e.port} is refused (a planned fault)`;
    case 'slow':
      return `connection ${e.conn}: the ${e.by} reads slowly (a planned fault)`;
  }
}

function newPoll(task: number, startLine: number, worker: number | undefined): PollFacts {
  return {
    task,
    worker,
    startLine,
    line: 0,
    outcome: undefined,
    cancelledBeforePoll: false,
    requeued: false,
    timers: [],
    spawned: [],
    woke: [],
    aborted: [],
    joined: [],
    printed: 0,
    registered: [],
    ioWaits: [],
  };
}

function pushUnique(xs: number[], x: number): void {
  if (!xs.includes(x)) xs.push(x);
}

/** Folds one step's events (all with the same step index) into its facts. */
export function factsOfStep(events: readonly SimEvent[]): StepFacts {
  const f: StepFacts = {
    step: events[0]?.step ?? -1,
    time: 0,
    poll: undefined,
    park: undefined,
    advancedTo: undefined,
    fired: [],
    deferWoken: 0,
    shutdownPhases: [],
    droppedFutures: [],
    completed: [],
    panicked: [],
    cancelled: [],
    tokensCancelled: [],
    blocking: [],
    runtimeCreated: undefined,
    blockOnStarted: false,
    blockOnEnded: false,
    deadlock: false,
    diagnostics: [],
    faults: [],
    events: events.length,
    turn: undefined,
    signal: { arrived: 0, kills: false, delivered: -1, installed: false },
  };
  let popWorker: number | undefined;
  /** Whether the poll has ended (effects after it belong to the scheduler, not the poll). */
  let inPoll = false;
  let lastFired: number | undefined;
  for (const e of events) {
    f.time = e.time;
    switch (e.type) {
      case 'queue.pop':
        popWorker = e.worker;
        break;
      case 'task.state':
        if (e.transition === 'transition_to_running' && e.result === 'Cancelled') {
          f.poll ??= newPoll(e.task, 0, popWorker);
          f.poll.cancelledBeforePoll = true;
        } else if (e.transition === 'transition_to_idle' && e.result === 'OkNotified' && f.poll !== undefined) {
          f.poll.requeued = true;
        } else if (e.transition === 'transition_to_complete') {
          pushUnique(f.completed, e.task);
        }
        break;
      case 'poll.start':
        if (f.poll === undefined || f.poll.task !== e.task || f.poll.startLine === 0) {
          const cancelled = f.poll?.task === e.task && f.poll.cancelledBeforePoll;
          f.poll = newPoll(e.task, e.line, popWorker);
          f.poll.cancelledBeforePoll = cancelled;
        }
        inPoll = true;
        break;
      case 'statement':
        if (f.poll !== undefined && inPoll && e.task === f.poll.task) f.poll.line = e.line;
        break;
      case 'poll.end':
        if (f.poll !== undefined && e.task === f.poll.task) f.poll.outcome = e.outcome;
        inPoll = false;
        break;
      case 'timer.register':
        if (f.poll !== undefined && inPoll) f.poll.timers.push(e.deadlineTick);
        break;
      case 'timer.fire':
        lastFired = e.task;
        f.fired.push(e.task);
        break;
      case 'task.spawned':
        if (f.poll !== undefined && inPoll) pushUnique(f.poll.spawned, e.task);
        break;
      case 'waker.wake':
        // A wake right after a timer fired is that timer's; others are the poll's doing.
        if (f.poll !== undefined && lastFired === undefined) pushUnique(f.poll.woke, e.task);
        lastFired = undefined;
        break;
      case 'task.abort':
        if (f.poll !== undefined && inPoll) pushUnique(f.poll.aborted, e.task);
        break;
      case 'joinset.join':
        if (f.poll !== undefined && inPoll) f.poll.joined.push(e.task);
        break;
      case 'stdout':
      case 'stderr':
        if (f.poll !== undefined && inPoll)
          f.poll.printed += e.text.split('\n').length - (e.text.endsWith('\n') ? 1 : 0);
        break;
      case 'task.stage':
        if (e.change === 'future_dropped') pushUnique(f.droppedFutures, e.task);
        else if (e.change === 'finished_panic') pushUnique(f.panicked, e.task);
        else if (e.change === 'finished_cancelled') pushUnique(f.cancelled, e.task);
        break;
      case 'time.advance':
        f.advancedTo = e.toMs;
        break;
      case 'runtime.park':
        f.park = { yield: e.yield, advanced: e.advanced };
        break;
      case 'runtime.defer_wake':
        f.deferWoken += e.count;
        break;
      case 'runtime.shutdown':
        f.shutdownPhases.push(e.phase);
        break;
      case 'runtime.created':
        f.runtimeCreated = e.flavor;
        break;
      case 'runtime.block_on_start':
        f.blockOnStarted = true;
        break;
      case 'runtime.block_on_end':
        f.blockOnEnded = true;
        break;
      case 'runtime.deadlock':
        f.deadlock = true;
        break;
      case 'token.cancel':
        pushUnique(f.tokensCancelled, e.token);
        break;
      case 'diagnostic':
        f.diagnostics.push(e.message);
        break;
      case 'net.fault':
        f.faults.push(faultClause(e));
        break;
      case 'io.turn':
        f.turn = { ready: [], woke: [] };
        break;
      case 'io.ready':
        f.turn?.ready.push({ socket: e.socket, ready: e.ready });
        break;
      case 'io.wake':
        // the `waker.wake` that follows belongs to the turn, not to a poll
        f.turn?.woke.push({ task: e.task, socket: e.socket });
        lastFired = e.task;
        break;
      case 'io.register':
        if (f.poll !== undefined && inPoll) f.poll.registered.push(e.socket);
        break;
      case 'io.wait':
        if (f.poll !== undefined && inPoll) f.poll.ioWaits.push({ socket: e.socket, direction: e.direction });
        break;
      case 'signal.install':
        f.signal.installed = true;
        break;
      case 'signal.arrive':
        f.signal.arrived++;
        f.signal.kills ||= e.kills;
        break;
      case 'signal.deliver':
        f.signal.delivered = e.woken;
        break;
      default:
        if (e.type.startsWith('blocking.')) f.blocking.push(e.type.slice('blocking.'.length));
        break;
    }
  }
  return f;
}
