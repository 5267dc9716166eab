/**
 * One simulated process (tokio-facts.md §3.5): the process-wide id counters, the trace, the real-time
 * axis and the seed generator shared by every runtime the program builds. A run = one world.
 */
import { Kernel } from '../net/kernel.ts';
import { FaultCode, FaultPlan, type FaultPlanConfig } from '../net/faults.ts';
import { Signals } from '../net/signal.ts';
import {
  ChoiceLog,
  SEEDED,
  indexIds,
  packOptionIds,
  ChoicePoint,
  type ChoiceRequest,
  type Chooser,
} from '../choice.ts';
import type { DropValue } from '../contracts.ts';
import { currentTaskIdRaw } from '../context.ts';
import { EventKind } from '../events.ts';
import { RngSeedGenerator, seedFromRunSeed } from '../rng.ts';
import { IdAllocator } from '../task/ids.ts';
import { TraceRecorder } from '../trace/recorder.ts';
import type { TraceLevel } from '../trace/recorder.ts';

export type OutputStream = 'stdout' | 'stderr';

export interface WorldConfig {
  readonly seed?: number | bigint;
  readonly traceLevel?: TraceLevel;
  /** Hands back values nobody will read (outputs of detached tasks, panic payloads) to drop. */
  readonly dropValue?: DropValue;
  /** Receives program output as it is written (the trace has it too). */
  readonly onOutput?: (stream: OutputStream, text: string) => void;
  /** Check after every reference change that the ref count equals the live holders. */
  readonly checkRefs?: boolean;
  /** Decides each choice point (default: keep the seeded draw). */
  readonly chooser?: Chooser;
  /** Network faults to apply (net/faults.ts). */
  readonly faults?: FaultPlanConfig;
  /** Keep every decision in `choices` (default); false only counts them (choice.ts `ChoiceLog`). */
  readonly keepChoices?: boolean;
}

let latest: SimWorld | undefined;

function setLatest(w: SimWorld): void {
  latest = w;
}

/** The most recently created world (output written outside any runtime goes there). */
export function lastWorld(): SimWorld | undefined {
  return latest;
}

/** What a runtime parked on the real-time axis needs from the std threads beside it. */
export interface OtherThreads {
  /** Real time (ns) at which one of them can next run: now when one can, Infinity when none will. */
  nextEventAt(): number;
  /** Runs one that can run now until it blocks or ends; false when none can. */
  runOne(): boolean;
}

export class SimWorld {
  readonly trace: TraceRecorder;
  readonly taskIds = new IdAllocator();
  readonly ownedListIds = new IdAllocator();
  readonly runtimeIds = new IdAllocator();
  readonly seeds: RngSeedGenerator;
  readonly dropValue: DropValue;
  readonly onOutput: ((stream: OutputStream, text: string) => void) | undefined;
  readonly checkRefs: boolean;
  /** The process's loopback network (sockets outlive runtimes, as file descriptors do). */
  readonly net = new Kernel();
  /** SIGINT presses and the `ctrl_c()` listeners. */
  readonly signals: Signals;
  /** Real (wall-clock) time of the simulated process in ns; moves only when every thread waits. */
  realNow = 0;
  /** The program's std threads, once it spawned one: a parked runtime lets them run meanwhile. */
  osThreads: OtherThreads | null = null;
  /** Index of the current scheduler step. */
  step = 0;
  /** Task cells allocated and not yet freed (the interpreter's memory guard charges for them). */
  liveTasks = 0;
  /** Every decision with more than one option, in order. */
  readonly choices: ChoiceLog;
  private readonly chooser: Chooser;
  private readonly request: ChoiceRequest = {
    point: 1,
    options: 0,
    drawn: 0,
    index: 0,
    ids: [],
    current: -1,
  };

  constructor(config: WorldConfig = {}) {
    this.trace = new TraceRecorder(config.traceLevel ?? 'full');
    this.signals = new Signals(this.trace);
    this.seeds = new RngSeedGenerator(seedFromRunSeed(config.seed ?? 0));
    this.dropValue = config.dropValue ?? (() => undefined);
    this.onOutput = config.onOutput;
    this.checkRefs = config.checkRefs ?? false;
    this.chooser = config.chooser ?? SEEDED;
    this.choices = new ChoiceLog(config.keepChoices ?? true);
    this.net.onConnect = (conn, port, refused) =>
      this.trace.emit(EventKind.NetConnect, currentTaskIdRaw(), conn, port, refused ? 1 : 0);
    const faults = config.faults;
    if (faults !== undefined && ((faults.faults?.length ?? 0) > 0 || faults.seeded !== undefined)) {
      this.net.faults = new FaultPlan(faults.faults ?? [], faults.seeded ?? null, config.seed ?? 0, (options, drawn) =>
        this.choose(ChoicePoint.NetFault, options, drawn),
      );
      this.net.onFault = (f, conn, port) =>
        this.trace.emit(
          EventKind.NetFault,
          currentTaskIdRaw(),
          FaultCode[f.kind] | ((f.kind !== 'refuse' && f.by === 'server' ? 1 : 0) << 2),
          conn,
          port,
        );
    }
    setLatest(this);
  }

  /**
   * A choice point (choice.ts): `drawn` is what the seeded generator gave; the chooser may take
   * another option. Logged and traced (task = the task being polled or 0, a = point, b = options, c = taken)
   * when there is more than one option.
   */
  choose(point: ChoicePoint, options: number, drawn: number, ids?: readonly number[], current = -1): number {
    if (options <= 1) return drawn;
    const r = this.request;
    r.point = point;
    r.options = options;
    r.drawn = drawn;
    r.index = this.choices.length;
    r.ids = ids ?? indexIds(options);
    r.current = current;
    const v = this.chooser.choose(r);
    const taken = Number.isInteger(v) && v >= 0 && v < options ? v : drawn;
    this.choices.push(point, options, drawn, taken, this.step, r.ids[taken] ?? taken);
    // Identities other than plain indices ride in the point's word, so the lab can name options.
    const packed = ids === undefined ? 0 : packOptionIds(ids);
    this.trace.emit(EventKind.Choice, currentTaskIdRaw(), point | (packed << 4), options, taken);
    return taken;
  }

  /** Program output: into the trace (attributed to `task`, 0 = none) and to `onOutput`. */
  emitOutput(stream: OutputStream, text: string, task = 0): void {
    this.trace.emit(stream === 'stdout' ? EventKind.Stdout : EventKind.Stderr, task, this.trace.intern(text));
    this.onOutput?.(stream, text);
  }

  /** Starts the next step at virtual time `timeNs`; returns its index. */
  /**
   * The next real instant something outside the program happens: a Ctrl-C press or a planned
   * network fault. A scheduler waiting on the real-time axis wakes for it.
   */
  nextOutsideAt(): number {
    return Math.min(this.signals.nextAt(), this.net.nextFaultAt());
  }

  /** What is due from outside by now arrives: presses (or the SIGINT death), and faults. */
  outsideArrives(): void {
    this.signals.arrive(this.realNow, this.step);
    this.net.faultsAt(this.realNow);
  }

  beginStep(timeNs: number): number {
    const s = ++this.step;
    this.trace.beginStep(s, timeNs);
    this.net.atStep(s, this.realNow);
    this.signals.killIfDue(s);
    return s;
  }
}
