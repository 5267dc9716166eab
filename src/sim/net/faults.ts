/**
 * Faults on purpose (issue 17 item 2): a plan of network failures the loopback kernel applies to
 * a run, given by hand or drawn from the seed. A run with a plan is still (program, config, seed,
 * choices, plan): replaying the same inputs applies the same faults at the same points.
 *
 * - `reset`: one end of a connection aborts it. The other end gets an RST, exactly what Linux
 *   does when a socket is closed with SO_LINGER 0 (tests/fixtures/net/f0*: bytes already received
 *   are read first, then `ConnectionReset`, then end of stream; a write gets `ConnectionReset`
 *   once, then `BrokenPipe`). The aborting end, if the program still holds it, is dead as after a
 *   reported reset: reads end, writes fail with `BrokenPipe`.
 * - `refuse`: the connect gets `ConnectionRefused` even though a listener exists.
 * - `slow`: one end reads slowly: its receive window is small, and each read that got bytes makes
 *   the next wait `delay` ms of virtual time, so the writer meets backpressure early.
 *
 * Connections are numbered by `connect` call, from 1, in the order the program makes them.
 */
import { FastRand, seedFromRunSeed } from '../rng.ts';

export type FaultKind = 'reset' | 'refuse' | 'slow';
export const FAULT_KINDS: readonly FaultKind[] = ['reset', 'refuse', 'slow'];

/** Which end of a connection acts: the one that called `connect`, or the one `accept` returned. */
export type FaultSide = 'client' | 'server';

export type FaultTarget =
  { readonly kind: 'conn'; readonly conn: number } | { readonly kind: 'port'; readonly port: number };

/**
 * When a reset happens: once the connection is up, after N bytes (both directions), at the start
 * of scheduler step N, or at a real instant (ms after the process started, the axis `--ctrl-c-at`
 * uses; a scheduler waiting for nothing else wakes for it).
 */
export type FaultMoment =
  | { readonly kind: 'open' }
  | { readonly kind: 'bytes'; readonly bytes: number }
  | { readonly kind: 'step'; readonly step: number }
  | { readonly kind: 'time'; readonly ms: number };

export type Fault =
  | { readonly kind: 'reset'; readonly target: FaultTarget; readonly at: FaultMoment; readonly by: FaultSide }
  | { readonly kind: 'refuse'; readonly target: FaultTarget }
  | {
      readonly kind: 'slow';
      readonly target: FaultTarget;
      readonly by: FaultSide;
      /** The slow end's receive buffer, in bytes. */
      readonly window: number;
      /** Virtual ms the slow end waits after each read that got bytes. */
      readonly delayMs: number;
    };

/** Faults drawn from the seed: each connect gets one with probability `rate`. */
export interface SeededFaults {
  readonly rate: number;
}

export interface FaultPlanConfig {
  readonly faults?: readonly Fault[];
  readonly seeded?: SeededFaults;
}

export const SLOW_DEFAULT_WINDOW = 4096;
export const SLOW_DEFAULT_DELAY_MS = 10;
/** Largest receive window a slow peer may have (the kernel's normal one). */
const MAX_WINDOW = 256 * 1024;

// ---- text form: `reset:conn=2:after=10`, `refuse:port=8080`, `slow:conn=1:window=512:delay=5` ----

const KEYS: Readonly<Record<FaultKind, readonly string[]>> = {
  reset: ['conn', 'port', 'after', 'step', 'at', 'by'],
  refuse: ['conn', 'port'],
  slow: ['conn', 'port', 'by', 'window', 'delay'],
};

export const FAULT_GRAMMAR =
  'reset:(conn=N|port=P)[:after=BYTES|:step=S|:at=MS][:by=client|server], refuse:(conn=N|port=P), ' +
  'slow:(conn=N|port=P)[:by=client|server][:window=BYTES][:delay=MS]';

function natural(v: string, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | string {
  if (!/^\d+$/.test(v)) return `${key}=${v}: expected a whole number`;
  const n = Number(v);
  if (n < min || n > max)
    return max === Number.MAX_SAFE_INTEGER
      ? `${key}=${v}: must be at least ${min}`
      : `${key}=${v}: must be between ${min} and ${max}`;
  return n;
}

/** Parses one fault; a string result is the one-line reason it was refused. */
export function parseFault(text: string): Fault | string {
  const [head, ...parts] = text.trim().split(':');
  if (head !== 'reset' && head !== 'refuse' && head !== 'slow')
    return `unknown fault "${head}" (expected reset, refuse or slow)`;
  const kind: FaultKind = head;
  const vals = new Map<string, string>();
  for (const p of parts) {
    const eq = p.indexOf('=');
    const key = eq < 0 ? p : p.slice(0, eq);
    if (eq < 0 || !KEYS[kind].includes(key))
      return `${kind}: unknown part "${p}" (${kind} takes ${KEYS[kind].join(', ')})`;
    if (vals.has(key)) return `${kind}: ${key} given twice`;
    vals.set(key, p.slice(eq + 1));
  }
  const num = (key: string, min: number, max?: number): number | string | undefined => {
    const v = vals.get(key);
    return v === undefined ? undefined : natural(v, key, min, max);
  };
  const conn = num('conn', 1);
  const port = num('port', 1, 65535);
  for (const v of [conn, port]) if (typeof v === 'string') return v;
  if ((conn === undefined) === (port === undefined)) return `${kind}: give exactly one of conn=N or port=P`;
  const target: FaultTarget =
    conn !== undefined ? { kind: 'conn', conn: conn as number } : { kind: 'port', port: port as number };
  const by = vals.get('by') ?? (kind === 'reset' ? 'client' : 'server');
  if (by !== 'client' && by !== 'server') return `${kind}: by=${by}: expected client or server`;
  if (kind === 'refuse') return { kind, target };
  if (kind === 'slow') {
    const window = num('window', 1, MAX_WINDOW) ?? SLOW_DEFAULT_WINDOW;
    const delay = num('delay', 0, 60_000) ?? SLOW_DEFAULT_DELAY_MS;
    if (typeof window === 'string') return window;
    if (typeof delay === 'string') return delay;
    return { kind, target, by, window, delayMs: delay };
  }
  const moments = (['after', 'step', 'at'] as const).filter((k) => vals.has(k));
  if (moments.length > 1) return `reset: give at most one of after=, step= and at=`;
  const m = moments[0];
  let at: FaultMoment = { kind: 'open' };
  if (m !== undefined) {
    const n = num(m, 0);
    if (typeof n === 'string') return n;
    const v = n as number;
    at =
      m === 'after' ? { kind: 'bytes', bytes: v } : m === 'step' ? { kind: 'step', step: v } : { kind: 'time', ms: v };
  }
  return { kind, target, at, by };
}

/** The text form `parseFault` reads back. */
export function formatFault(f: Fault): string {
  const t = f.target.kind === 'conn' ? `conn=${f.target.conn}` : `port=${f.target.port}`;
  if (f.kind === 'refuse') return `refuse:${t}`;
  if (f.kind === 'slow') return `slow:${t}:by=${f.by}:window=${f.window}:delay=${f.delayMs}`;
  const at = f.at;
  const moment =
    at.kind === 'open'
      ? ''
      : at.kind === 'bytes'
        ? `:after=${at.bytes}`
        : at.kind === 'step'
          ? `:step=${at.step}`
          : `:at=${at.ms}`;
  return `reset:${t}${moment}:by=${f.by}`;
}

/** A short phrase for menus and narration: "reset by the client after 10 bytes". */
export function describeFault(f: Fault): string {
  const who = f.target.kind === 'conn' ? `connection ${f.target.conn}` : `connections to port ${f.target.port}`;
  if (f.kind === 'refuse') return `${who}: connect refused`;
  if (f.kind === 'slow') return `${who}: the ${f.by} reads slowly (${f.window}-byte window, ${f.delayMs} ms per read)`;
  const at = f.at;
  const when =
    at.kind === 'open'
      ? 'once it is open'
      : at.kind === 'bytes'
        ? `after ${at.bytes} bytes`
        : at.kind === 'step'
          ? `at step ${at.step}`
          : `at ${at.ms} ms`;
  return `${who}: the ${f.by} resets it ${when}`;
}

// ---- the plan a kernel applies ---------------------------------------------------------------

/** Numeric codes of the `net.fault` trace event. */
export const FaultCode: Readonly<Record<FaultKind, number>> = { reset: 0, refuse: 1, slow: 2 };

/** Decides a choice point (the world's `choose`): options, drawn option → taken option. */
export type FaultChooser = (options: number, drawn: number) => number;

/** The seeded draw's options: 0 no fault, then one per kind. */
const SEEDED_OPTIONS = 1 + FAULT_KINDS.length;

function targets(f: Fault, conn: number, port: number): boolean {
  return f.target.kind === 'conn' ? f.target.conn === conn : f.target.port === port;
}

export class FaultPlan {
  private readonly rand: FastRand | null;

  constructor(
    readonly faults: readonly Fault[],
    private readonly seeded: SeededFaults | null,
    runSeed: number | bigint,
    private readonly choose: FaultChooser,
  ) {
    // A generator of its own, so a plan never moves the scheduler's draws.
    this.rand = seeded === null ? null : new FastRand(seedFromRunSeed(BigInt(runSeed) ^ 0x6661_756c_7473n));
  }

  /** The faults aimed at connection `conn` to `port` (hand-given ones, then a seeded draw). */
  forConnection(conn: number, port: number): Fault[] {
    const out = this.faults.filter((f) => targets(f, conn, port));
    const drawn = this.draw(conn);
    if (drawn !== null) out.push(drawn);
    return out;
  }

  private draw(conn: number): Fault | null {
    const r = this.rand;
    if (r === null || this.seeded === null) return null;
    // Every draw is made whatever is taken, so forcing one choice leaves the later ones as seeded.
    const hit = r.fastrand() / 0x1_0000_0000 < this.seeded.rate;
    const kindDraw = r.fastrandN(FAULT_KINDS.length);
    const side: FaultSide = r.fastrandN(2) === 0 ? 'client' : 'server';
    const bytes = r.fastrandN(64);
    const taken = this.choose(SEEDED_OPTIONS, hit ? 1 + kindDraw : 0);
    const target: FaultTarget = { kind: 'conn', conn };
    switch (FAULT_KINDS[taken - 1]) {
      case 'reset':
        return { kind: 'reset', target, at: { kind: 'bytes', bytes }, by: side };
      case 'refuse':
        return { kind: 'refuse', target };
      case 'slow':
        return { kind: 'slow', target, by: side, window: SLOW_DEFAULT_WINDOW, delayMs: SLOW_DEFAULT_DELAY_MS };
      default:
        return null;
    }
  }
}
