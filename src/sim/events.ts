/**
 * The trace vocabulary (design.md §4 "Events"; tokio-facts.md §2–§10 name what each records).
 * Producers call `TraceSink.emit(kind, task, a, b, c)` with a kind from `EventKind`; the recorder
 * (trace/recorder.ts) stores fixed-width records and `decodeEvent` turns one back into a `SimEvent`.
 * `c` is stored in 24 bits. Field meanings per kind are documented on each constant.
 */
import { choicePointName, indexIds, unpackOptionIds } from './choice.ts';
import { FAULT_KINDS, type FaultKind, type FaultSide } from './net/faults.ts';
import { RESULT_NAMES, TRANSITION_NAMES } from './task/state.ts';

export const EventKind = {
  /**
   * task spawned: a = flags (1 blocking), b = name string + 1 (0: none), c = span line. A spawned
   * task starts at 204 with holders owned + notified + join handle (blocking: unowned + join
   * handle); a task is freed when a transition leaves its ref count at 0.
   */
  TaskSpawned: 1,
  /**
   * a = word before, b = word after, c = transition | result << 5 | holder changes << 8
   * (task/state.ts `Transition`; holder changes as in `TaskRef`).
   */
  TaskState: 2,
  /**
   * Holder changes no transition carries: a = up to three 4-bit entries, newest in the low bits,
   * each `(Holder + 1) | 8 if removed`; c = ref count after.
   */
  TaskRef: 3,
  /** a = stage change (`StageChange`). */
  TaskStage: 4,
  /** spawned onto a closed owned list (a = list id): shut down at once (§4(f)). */
  TaskBindClosed: 6,
  /** abort() called: a = 0 JoinHandle, 1 AbortHandle. */
  TaskAbort: 8,
  /** a = queue (`QueueId`), b = position after push / length after pop, c = worker. */
  QueuePush: 16,
  QueuePop: 17,
  /** a Notified dropped without running (queue drained at shutdown, closed inject): a = queue. */
  QueueDrop: 18,
  /**
   * task 0 = block_on's main future. a = span line, b = span col (0: none), c = multi_thread
   * worker index + 1 (0: not polled by a worker: current_thread, block_on's thread, blocking pool).
   */
  PollStart: 20,
  /** a = `PollOutcome`. */
  PollEnd: 21,
  /** task = waker target (0 main future, 0xffffffff other); a = 0 by_ref / 1 by_val; b = current task (0: none). */
  WakerWake: 24,
  /** a waker pushed on the defer list: task = target, a = list length after. */
  WakerDefer: 25,
  /** Timers (time/): a = timer id, b = deadline tick. */
  TimerRegister: 32,
  TimerFire: 33,
  TimerCancel: 34,
  /** clock moved: a = new time in ms (low 32 bits), b = `AdvanceReason`. */
  TimeAdvance: 35,
  /** a = coop.ts `CoopEvent`, b = remaining budget. */
  CoopBudget: 40,
  /** JoinSet (sync/): a = set id; Spawn/Join carry the task; Join b = 0 Ok, 1 Cancelled, 2 Panic; AbortAll/Drop b = count. */
  JoinSetCreate: 48,
  JoinSetSpawn: 49,
  JoinSetJoin: 50,
  JoinSetAbortAll: 51,
  JoinSetDrop: 52,
  JoinSetDetachAll: 53,
  /** CancellationToken (sync/): a = token node id, b = parent id (0: none) for Create. */
  TokenCreate: 56,
  TokenCancel: 57,
  TokenWait: 58,
  TokenDrop: 59,
  /** Blocking pool: a = thread index; b = real time in ms where noted. */
  BlockingQueued: 64,
  BlockingThreadSpawn: 65,
  BlockingJobStart: 66,
  /** b = real-time ms the job sleeps until. */
  BlockingJobSleep: 67,
  BlockingJobEnd: 68,
  BlockingThreadIdle: 69,
  BlockingThreadExit: 70,
  /** a queued blocking job cancelled (aborted before start, or pool shut down). */
  BlockingJobCancelled: 71,
  /** program output: task = current task, a = string index. */
  Stdout: 80,
  Stderr: 81,
  /** a = 0 current_thread, 1 multi_thread; b = runtime id. */
  RuntimeCreated: 88,
  BlockOnStart: 89,
  BlockOnEnd: 90,
  /** a = 0 park, 1 park_yield; b = 1 when the clock was auto-advanced. */
  Park: 91,
  /** a = number of deferred wakers woken. */
  DeferWake: 93,
  /** a = `ShutdownPhase`. */
  ShutdownPhase: 94,
  Deadlock: 96,
  /** a = `DiagnosticCode`, b = message string index. */
  Diagnostic: 104,
  /** statement-level stepping inside a poll (interpreter): a = line, b = col. */
  Statement: 112,
  /** A choice point decided (choice.ts): a = `ChoicePoint`, b = number of options, c = option taken. */
  Choice: 120,
  // The I/O driver and SIGINT (net/io-driver.ts, net/signal.ts). `a` is the socket id throughout.
  /** A socket registered with a driver: b = local port | peer port << 16 (0: none), c = `SocketKind`. */
  IoRegister: 128,
  /** The socket's registration dropped (its owner dropped the socket). */
  IoDeregister: 129,
  /** A driver turn begins: a = the driver's new tick, b = sockets it reports. */
  IoTurn: 130,
  /** The turn set a socket's readiness: b = the readiness reported (`Ready` bits), c = the driver tick. */
  IoReady: 131,
  /** WOULD_BLOCK cleared cached readiness: b = bits cleared, c = the readiness left. */
  IoClear: 132,
  /** task = the task a Registration waker wakes (the `waker.wake` follows); b = `IoDirection`. */
  IoWake: 133,
  /** task = the task whose waker a Registration stored: it waits for readiness; b = `IoDirection`. */
  IoWait: 134,
  /** `ctrl_c()` first polled: the SIGINT handler is installed (task = the polling task). */
  SignalInstall: 136,
  /** A Ctrl-C press arrived: a = 1 when no handler was installed (the process dies, status 130). */
  SignalArrive: 137,
  /** The signal driver broadcast the press: a = `ctrl_c()` listeners woken, b = presses so far. */
  SignalDeliver: 138,
  /**
   * A fault of the run's plan was applied (net/faults.ts): a = `FaultCode` | 4 when the server end
   * acts (the resetting or slow end), b = connection number, c = port.
   */
  NetFault: 150,
  /** A `connect` (net/kernel.ts): a = connection number (what a fault's conn=N names), b = port, c = 1 refused. */
  NetConnect: 151,
  // multi_thread workers (tokio-facts.md §6.3; emitted by scheduler/multi-thread/). `a` is always
  // the worker index; MAIN_THREAD (0xffff) stands for block_on's thread.
  /** A thread takes the step: b = 1 when it is the driver's timed wake-up. */
  WorkerTurn: 210,
  /** A steal: task = the stolen task run now, a = thief, b = victim, c = tasks moved (incl. it). */
  WorkerSteal: 211,
  /** Worker parked: b = 0 on the condvar, 1 inside the driver. */
  WorkerPark: 212,
  /** Worker unparked: b = 1 it was parked (0: stored as NOTIFIED for its next park). */
  WorkerUnpark: 213,
  /** b = 1 became searching, 0 stopped searching. */
  WorkerSearching: 214,
  /** The local queue overflowed: b = tasks moved to the inject queue (129, or 1 during a steal). */
  QueueOverflow: 215,
  /** Maintenance (tick % event_interval == 0): b = the worker's tick. */
  WorkerMaintenance: 216,
  /** Shutdown progress: b = 0 pre_shutdown begins, 1 core handed in, 2 the last core drains all. */
  WorkerShutdown: 217,
  /** task = the LIFO task about to be polled; its chain hit MAX_LIFO_POLLS_PER_TICK: LIFO disabled. */
  WorkerLifoCapped: 218,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

export const QueueId = { Local: 0, Inject: 1, Blocking: 2, Lifo: 3 } as const;
export const QUEUE_NAMES: readonly string[] = ['local', 'inject', 'blocking', 'lifo'];
export const PollOutcome = { Pending: 0, Ready: 1, Panicked: 2 } as const;
export const StageChange = {
  FinishedOk: 0,
  FinishedCancelled: 1,
  FinishedPanic: 2,
  /** the future was dropped (stage → Consumed before an output is stored). */
  FutureDropped: 3,
  /** the output was taken by the JoinHandle. */
  OutputTaken: 4,
  /** the output was dropped unread. */
  OutputDropped: 5,
} as const;
export const STAGE_CHANGE_NAMES: readonly string[] = [
  'finished_ok',
  'finished_cancelled',
  'finished_panic',
  'future_dropped',
  'output_taken',
  'output_dropped',
];
export const SocketKind = { Listener: 0, Stream: 1 } as const;
export const IoDirection = { Read: 0, Write: 1 } as const;
export const AdvanceReason = { AutoAdvance: 0, Advance: 1, RealTime: 2 } as const;
export const ShutdownPhase = {
  Begin: 0,
  OwnedTasks: 1,
  LocalQueue: 2,
  InjectQueue: 3,
  Driver: 4,
  BlockingPool: 5,
  Done: 6,
} as const;
export const SHUTDOWN_PHASE_NAMES: readonly string[] = [
  'begin',
  'owned_tasks',
  'local_queue',
  'inject_queue',
  'driver',
  'blocking_pool',
  'done',
];
/** `a` of multi_thread events for block_on's thread (it is no worker). */
export const MAIN_THREAD = 0xffff;
export const WORKER_SHUTDOWN_PHASE_NAMES: readonly string[] = ['pre_shutdown', 'core_handed_in', 'last_drains_all'];
export const DiagnosticCode = { Info: 0, SwallowedPanic: 1, DoublePanic: 2 } as const;
export const HOLDER_NAMES: readonly string[] = ['owned', 'notified', 'join_handle', 'waker', 'abort_handle', 'unowned'];

/** Everything every decoded event carries. */
/** One reference-holder change: which holder kind, +1 or -1. */
export interface RefChange {
  readonly holder: string;
  readonly delta: 1 | -1;
}

/** Decodes packed holder changes (oldest first). */
export function decodeRefChanges(packed: number): RefChange[] {
  const out: RefChange[] = [];
  for (let p = packed; p !== 0; p >>>= 4) {
    const e = p & 15;
    out.unshift({ holder: HOLDER_NAMES[(e & 7) - 1] ?? `#${e & 7}`, delta: (e & 8) !== 0 ? -1 : 1 });
  }
  return out;
}

interface Base {
  readonly index: number;
  readonly step: number;
  /** virtual time in ns when the event was recorded. */
  readonly time: number;
  readonly task: number;
}

/** The decoded trace event. `type` is namespaced; `kind` is the raw EventKind. */
export type SimEvent =
  | (Base & { type: 'task.spawned'; blocking: boolean; name: string | undefined; line: number })
  | (Base & {
      type: 'task.state';
      before: number;
      after: number;
      transition: string;
      result: string;
      refs: readonly RefChange[];
    })
  | (Base & { type: 'task.ref'; refs: readonly RefChange[]; refCount: number })
  | (Base & { type: 'task.stage'; change: string })
  | (Base & { type: 'task.bind_closed'; list: number })
  | (Base & { type: 'task.abort'; via: 'join_handle' | 'abort_handle' })
  | (Base & { type: 'queue.push' | 'queue.pop' | 'queue.drop'; queue: string; position: number; worker: number })
  /** `worker`: the multi_thread worker polling (absent on current_thread and off-worker polls). */
  | (Base & { type: 'poll.start'; line: number; col: number; worker?: number })
  | (Base & { type: 'poll.end'; outcome: 'pending' | 'ready' | 'panicked' })
  | (Base & { type: 'waker.wake'; byVal: boolean; wokenBy: number })
  | (Base & { type: 'waker.defer'; deferred: number })
  | (Base & { type: 'timer.register' | 'timer.fire' | 'timer.cancel'; timer: number; deadlineTick: number })
  | (Base & { type: 'time.advance'; toMs: number; reason: 'auto_advance' | 'advance' | 'real_time' })
  | (Base & { type: 'coop.budget'; event: 'hit_zero' | 'exhausted'; remaining: number })
  | (Base & {
      type:
        | 'joinset.create'
        | 'joinset.spawn'
        | 'joinset.join'
        | 'joinset.abort_all'
        | 'joinset.drop'
        | 'joinset.detach_all';
      set: number;
      value: number;
    })
  | (Base & { type: 'token.create' | 'token.cancel' | 'token.wait' | 'token.drop'; token: number; value: number })
  | (Base & {
      type:
        | 'blocking.queued'
        | 'blocking.thread_spawn'
        | 'blocking.job_start'
        | 'blocking.job_sleep'
        | 'blocking.job_end'
        | 'blocking.thread_idle'
        | 'blocking.thread_exit'
        | 'blocking.job_cancelled';
      thread: number;
      value: number;
    })
  | (Base & { type: 'stdout' | 'stderr'; text: string })
  | (Base & { type: 'runtime.created'; flavor: 'current_thread' | 'multi_thread'; runtime: number })
  | (Base & { type: 'runtime.block_on_start' | 'runtime.block_on_end' | 'runtime.deadlock' })
  | (Base & { type: 'runtime.park'; yield: boolean; advanced: boolean })
  | (Base & { type: 'runtime.defer_wake'; count: number })
  | (Base & { type: 'runtime.shutdown'; phase: string })
  | (Base & { type: 'diagnostic'; code: number; message: string })
  | (Base & { type: 'statement'; line: number; col: number })
  /**
   * A decision Tokio makes by randomness or timing: `point` names it (choice.ts); `ids[k]` is the
   * identity of option k (choice.ts `describeOption`), plain indices when the point has none.
   */
  | (Base & { type: 'choice'; point: string; options: number; taken: number; ids: readonly number[] })
  /** A network fault applied: `by` is the end that resets or reads slowly (refuse: the client). */
  | (Base & { type: 'net.fault'; fault: FaultKind; by: FaultSide; conn: number; port: number })
  | (Base & { type: 'net.connect'; conn: number; port: number; refused: boolean })
  /** `worker` -1 is block_on's thread; `timeAdvance`: the driver's worker woke for a due timer. */
  | (Base & { type: 'worker.turn'; worker: number; timeAdvance: boolean })
  /** task = the stolen task the thief runs now; `count` includes it. */
  | (Base & { type: 'worker.steal'; thief: number; victim: number; count: number })
  | (Base & { type: 'worker.park'; worker: number; inDriver: boolean })
  | (Base & { type: 'worker.unpark'; worker: number; wasParked: boolean })
  | (Base & { type: 'worker.searching'; worker: number; searching: boolean })
  | (Base & { type: 'queue.overflow'; worker: number; moved: number })
  | (Base & { type: 'worker.maintenance'; worker: number; tick: number })
  | (Base & { type: 'worker.shutdown'; worker: number; phase: string })
  | (Base & { type: 'worker.lifo_capped'; worker: number })
  /** `peerPort` 0: a listener (no peer). */
  | (Base & { type: 'io.register'; socket: number; kind: 'listener' | 'stream'; localPort: number; peerPort: number })
  | (Base & { type: 'io.deregister'; socket: number })
  | (Base & { type: 'io.turn'; tick: number; sockets: number })
  | (Base & { type: 'io.ready'; socket: number; ready: number; tick: number })
  | (Base & { type: 'io.clear'; socket: number; cleared: number; left: number })
  /** task = the task woken (io.wake) or now waiting (io.wait). */
  | (Base & { type: 'io.wake' | 'io.wait'; socket: number; direction: 'read' | 'write' })
  | (Base & { type: 'signal.install' })
  | (Base & { type: 'signal.arrive'; kills: boolean })
  | (Base & { type: 'signal.deliver'; woken: number; presses: number })
  | (Base & { type: 'unknown'; kind: number; a: number; b: number; c: number });

export type SimEventType = SimEvent['type'];

/** One raw record, as the recorder stores it. */
export interface RawEvent {
  readonly index: number;
  readonly step: number;
  readonly time: number;
  readonly kind: number;
  readonly task: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

const JOINSET = [
  'joinset.create',
  'joinset.spawn',
  'joinset.join',
  'joinset.abort_all',
  'joinset.drop',
  'joinset.detach_all',
] as const;
const TOKEN = ['token.create', 'token.cancel', 'token.wait', 'token.drop'] as const;
const BLOCKING = [
  'blocking.queued',
  'blocking.thread_spawn',
  'blocking.job_start',
  'blocking.job_sleep',
  'blocking.job_end',
  'blocking.thread_idle',
  'blocking.thread_exit',
  'blocking.job_cancelled',
] as const;
const TIMER = ['timer.register', 'timer.fire', 'timer.cancel'] as const;
const QUEUE = ['queue.push', 'queue.pop', 'queue.drop'] as const;
const ADVANCE = ['auto_advance', 'advance', 'real_time'] as const;
const OUTCOME = ['pending', 'ready', 'panicked'] as const;

/** Option identities of a choice record: packed beside the point, or plain indices. */
function choiceIds(a: number, options: number): readonly number[] {
  const packed = a >>> 4;
  if (packed === 0) return indexIds(options);
  const ids = unpackOptionIds(packed);
  return ids.length === options ? ids : indexIds(options);
}

/** Turns a raw record into its `SimEvent`; `str` resolves interned strings. */
export function decodeEvent(r: RawEvent, str: (i: number) => string): SimEvent {
  const base = { index: r.index, step: r.step, time: r.time, task: r.task };
  const { kind, a, b, c } = r;
  switch (kind) {
    case EventKind.TaskSpawned:
      return {
        ...base,
        type: 'task.spawned',
        blocking: (a & 1) === 1,
        name: b === 0 ? undefined : str(b - 1),
        line: c,
      };
    case EventKind.TaskState: {
      const t = c & 31;
      const res = (c >>> 5) & 7;
      return {
        ...base,
        type: 'task.state',
        before: a,
        after: b,
        transition: TRANSITION_NAMES[t] ?? `#${t}`,
        result: RESULT_NAMES[t]?.[res] ?? `#${res}`,
        refs: decodeRefChanges(c >>> 8),
      };
    }
    case EventKind.TaskRef:
      return { ...base, type: 'task.ref', refs: decodeRefChanges(a), refCount: c };
    case EventKind.TaskStage:
      return { ...base, type: 'task.stage', change: STAGE_CHANGE_NAMES[a] ?? `#${a}` };
    case EventKind.TaskBindClosed:
      return { ...base, type: 'task.bind_closed', list: a };
    case EventKind.TaskAbort:
      return { ...base, type: 'task.abort', via: a === 0 ? 'join_handle' : 'abort_handle' };
    case EventKind.QueuePush:
    case EventKind.QueuePop:
    case EventKind.QueueDrop:
      return {
        ...base,
        type: QUEUE[kind - EventKind.QueuePush] ?? 'queue.push',
        queue: QUEUE_NAMES[a] ?? `#${a}`,
        position: b,
        worker: c,
      };
    case EventKind.PollStart:
      return c === 0
        ? { ...base, type: 'poll.start', line: a, col: b }
        : { ...base, type: 'poll.start', line: a, col: b, worker: c - 1 };
    case EventKind.PollEnd:
      return { ...base, type: 'poll.end', outcome: OUTCOME[a] ?? 'pending' };
    case EventKind.WakerWake:
      return { ...base, task: r.task | 0, type: 'waker.wake', byVal: a === 1, wokenBy: b };
    case EventKind.WakerDefer:
      return { ...base, task: r.task | 0, type: 'waker.defer', deferred: a };
    case EventKind.TimerRegister:
    case EventKind.TimerFire:
    case EventKind.TimerCancel:
      return { ...base, type: TIMER[kind - EventKind.TimerRegister] ?? 'timer.fire', timer: a, deadlineTick: b };
    case EventKind.TimeAdvance:
      return { ...base, type: 'time.advance', toMs: a, reason: ADVANCE[b] ?? 'advance' };
    case EventKind.CoopBudget:
      return { ...base, type: 'coop.budget', event: a === 0 ? 'hit_zero' : 'exhausted', remaining: b };
    case EventKind.Stdout:
    case EventKind.Stderr:
      return { ...base, type: kind === EventKind.Stdout ? 'stdout' : 'stderr', text: str(a) };
    case EventKind.RuntimeCreated:
      return { ...base, type: 'runtime.created', flavor: a === 0 ? 'current_thread' : 'multi_thread', runtime: b };
    case EventKind.BlockOnStart:
      return { ...base, type: 'runtime.block_on_start' };
    case EventKind.BlockOnEnd:
      return { ...base, type: 'runtime.block_on_end' };
    case EventKind.Deadlock:
      return { ...base, type: 'runtime.deadlock' };
    case EventKind.Park:
      return { ...base, type: 'runtime.park', yield: a === 1, advanced: b === 1 };
    case EventKind.DeferWake:
      return { ...base, type: 'runtime.defer_wake', count: a };
    case EventKind.ShutdownPhase:
      return { ...base, type: 'runtime.shutdown', phase: SHUTDOWN_PHASE_NAMES[a] ?? `#${a}` };
    case EventKind.Diagnostic:
      return { ...base, type: 'diagnostic', code: a, message: str(b) };
    case EventKind.Statement:
      return { ...base, type: 'statement', line: a, col: b };
    case EventKind.Choice:
      return { ...base, type: 'choice', point: choicePointName(a & 15), options: b, taken: c, ids: choiceIds(a, b) };
    case EventKind.NetFault:
      return {
        ...base,
        type: 'net.fault',
        fault: FAULT_KINDS[a & 3] ?? 'reset',
        by: (a & 4) !== 0 ? 'server' : 'client',
        conn: b,
        port: c,
      };
    case EventKind.NetConnect:
      return { ...base, type: 'net.connect', conn: a, port: b, refused: c === 1 };
    default:
      break;
  }
  if (kind >= EventKind.IoRegister && kind <= EventKind.SignalDeliver) return decodeIoEvent(base, kind, a, b, c);
  if (kind >= EventKind.WorkerTurn && kind <= EventKind.WorkerLifoCapped) return decodeWorkerEvent(base, kind, a, b, c);
  if (kind >= EventKind.JoinSetCreate && kind <= EventKind.JoinSetDetachAll) {
    return { ...base, type: JOINSET[kind - EventKind.JoinSetCreate] ?? 'joinset.create', set: a, value: b };
  }
  if (kind >= EventKind.TokenCreate && kind <= EventKind.TokenDrop) {
    return { ...base, type: TOKEN[kind - EventKind.TokenCreate] ?? 'token.create', token: a, value: b };
  }
  if (kind >= EventKind.BlockingQueued && kind <= EventKind.BlockingJobCancelled) {
    return { ...base, type: BLOCKING[kind - EventKind.BlockingQueued] ?? 'blocking.queued', thread: a, value: b };
  }
  return { ...base, type: 'unknown', kind, a, b, c };
}

/** The I/O driver and signal kinds (128–138). */
function decodeIoEvent(base: Base, kind: number, a: number, b: number, c: number): SimEvent {
  const direction = b === IoDirection.Write ? 'write' : 'read';
  switch (kind) {
    case EventKind.IoRegister:
      return {
        ...base,
        type: 'io.register',
        socket: a,
        kind: c === SocketKind.Listener ? 'listener' : 'stream',
        localPort: b & 0xffff,
        peerPort: b >>> 16,
      };
    case EventKind.IoDeregister:
      return { ...base, type: 'io.deregister', socket: a };
    case EventKind.IoTurn:
      return { ...base, type: 'io.turn', tick: a, sockets: b };
    case EventKind.IoReady:
      return { ...base, type: 'io.ready', socket: a, ready: b, tick: c };
    case EventKind.IoClear:
      return { ...base, type: 'io.clear', socket: a, cleared: b, left: c };
    case EventKind.IoWake:
      return { ...base, task: base.task | 0, type: 'io.wake', socket: a, direction };
    case EventKind.IoWait:
      return { ...base, task: base.task | 0, type: 'io.wait', socket: a, direction };
    case EventKind.SignalInstall:
      return { ...base, type: 'signal.install' };
    case EventKind.SignalArrive:
      return { ...base, type: 'signal.arrive', kills: a === 1 };
    case EventKind.SignalDeliver:
      return { ...base, type: 'signal.deliver', woken: a, presses: b };
    default:
      return { ...base, type: 'unknown', kind, a, b, c };
  }
}

/** The multi_thread worker kinds (210–218). */
function decodeWorkerEvent(base: Base, kind: number, a: number, b: number, c: number): SimEvent {
  switch (kind) {
    case EventKind.WorkerTurn:
      return { ...base, type: 'worker.turn', worker: a === MAIN_THREAD ? -1 : a, timeAdvance: b === 1 };
    case EventKind.WorkerSteal:
      return { ...base, type: 'worker.steal', thief: a, victim: b, count: c };
    case EventKind.WorkerPark:
      return { ...base, type: 'worker.park', worker: a, inDriver: b === 1 };
    case EventKind.WorkerUnpark:
      return { ...base, type: 'worker.unpark', worker: a, wasParked: b === 1 };
    case EventKind.WorkerSearching:
      return { ...base, type: 'worker.searching', worker: a, searching: b === 1 };
    case EventKind.QueueOverflow:
      return { ...base, type: 'queue.overflow', worker: a, moved: b };
    case EventKind.WorkerMaintenance:
      return { ...base, type: 'worker.maintenance', worker: a, tick: b };
    case EventKind.WorkerShutdown:
      return { ...base, type: 'worker.shutdown', worker: a, phase: WORKER_SHUTDOWN_PHASE_NAMES[b] ?? `#${b}` };
    case EventKind.WorkerLifoCapped:
      return { ...base, type: 'worker.lifo_capped', worker: a };
    default:
      return { ...base, type: 'unknown', kind, a, b, c };
  }
}
