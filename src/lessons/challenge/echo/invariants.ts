/**
 * The echo-server challenge's rules, checked over one run's trace. Each broken one is reported
 * with the trace event where it broke and the lab step that shows it:
 * - `over-limit`: more than `limit` connections the server accepted and had not closed at one
 *   moment (seen on the server's side, from its sockets), or more than `limit` clients being served
 *   at one moment (seen from the clients' side, servedWindow): whichever shows first;
 * - `echo-broken`: a client that did not reset did not get back every byte it sent, in order;
 * - `client-starved`: a client was never done and gave up (a permit that never came back);
 * - `no-shutdown`: `serve` was still running after cancel, past the budget;
 * - `left-open`: an idle connection was still open after cancel, past the budget;
 * - `task-panicked`: a task the learner's code spawned panicked;
 * - `leaked-task`: `serve` returned while a task it spawned was still running.
 */
import type { SimEvent } from '../../../sim/events.ts';
import { stepLinkOf } from '../task-lives.ts';
import { ECHOED_ALL, IDLE_CLOSED, readEchoTrace, servedWindow } from './echo-trace.ts';
import type { EchoTrace, Line } from './echo-trace.ts';
import type { ClientKind, EchoPlan } from './plan.ts';

interface At {
  readonly event: number;
  readonly step: number;
  readonly atMs: number;
}

export type EchoViolation =
  | (At & {
      readonly kind: 'over-limit';
      /** `open`: the server held this many accepted connections; `served`: the clients saw echoes. */
      readonly how: 'open' | 'served';
      /** The clients counted (a connection no client of the harness made is counted, not named). */
      readonly clients: readonly number[];
      readonly count: number;
    })
  | (At & {
      readonly kind: 'echo-broken';
      readonly client: number;
      readonly clientKind: ClientKind | undefined;
      readonly verdict: string;
    })
  | (At & { readonly kind: 'client-starved'; readonly client: number; readonly clientKind: ClientKind | undefined })
  | (At & { readonly kind: 'no-shutdown' })
  | (At & { readonly kind: 'left-open' })
  | (At & { readonly kind: 'task-panicked'; readonly task: number })
  | (At & { readonly kind: 'leaked-task'; readonly task: number });

export type EchoViolationKind = EchoViolation['kind'];

export interface EchoVerdict {
  readonly violations: readonly EchoViolation[];
  /** The most clients seen being served at one moment. */
  readonly busiest: number;
}

function at(events: readonly SimEvent[], event: number): At {
  const e = events[event];
  return { event, step: stepLinkOf(events, event), atMs: e === undefined ? 0 : e.time / 1_000_000 };
}

function atLine(events: readonly SimEvent[], line: Line): At {
  return { event: line.event, step: stepLinkOf(events, line.event), atMs: line.ms };
}

interface Span {
  readonly from: number;
  readonly to: number | undefined;
  readonly client: number | undefined;
}

/** Sweeps spans in trace order: the most open at once, and the first moment more than `limit` are. */
function sweep(spans: readonly Span[], limit: number): { busiest: number; over?: { event: number; open: Span[] } } {
  const edges = spans.flatMap((s, k) => [
    { event: s.from, k, open: true },
    ...(s.to === undefined ? [] : [{ event: s.to, k, open: false }]),
  ]);
  // at one index a close comes before an open: a connection that ends as another starts is not two
  edges.sort((a, b) => a.event - b.event || Number(a.open) - Number(b.open));
  const open = new Set<number>();
  let busiest = 0;
  let over: { event: number; open: Span[] } | undefined;
  for (const edge of edges) {
    if (!edge.open) {
      open.delete(edge.k);
      continue;
    }
    open.add(edge.k);
    busiest = Math.max(busiest, open.size);
    if (open.size > limit && over === undefined) over = { event: edge.event, open: [...open].map((k) => spans[k]) };
  }
  return over === undefined ? { busiest } : { busiest, over };
}

/**
 * The limit, judged twice: the connections the server held open (accepted, not yet closed), and
 * the clients' served windows. The first moment either passes `limit` is the finding; the busiest
 * moment is the larger of the two counts.
 */
function checkLimit(events: readonly SimEvent[], trace: EchoTrace, limit: number) {
  const held = sweep(
    trace.serverConns.map((c) => ({ from: c.open, to: c.close, client: c.client })),
    limit,
  );
  const windows: Span[] = [];
  for (const c of trace.clients.values()) {
    const w = servedWindow(c);
    if (w !== undefined) windows.push({ from: w.from, to: w.to, client: c.id });
  }
  const served = sweep(windows, limit);
  const busiest = Math.max(held.busiest, served.busiest);
  const first =
    held.over !== undefined && (served.over === undefined || held.over.event <= served.over.event)
      ? { how: 'open' as const, ...held.over }
      : served.over === undefined
        ? undefined
        : { how: 'served' as const, ...served.over };
  if (first === undefined) return { busiest, violations: [] };
  const clients = first.open.flatMap((s) => (s.client === undefined ? [] : [s.client])).sort((a, b) => a - b);
  const over: EchoViolation = {
    kind: 'over-limit',
    how: first.how,
    clients,
    count: first.open.length,
    ...at(events, first.event),
  };
  return { busiest, violations: [over] };
}

function checkClients(events: readonly SimEvent[], trace: EchoTrace, plan: EchoPlan): EchoViolation[] {
  const out: EchoViolation[] = [];
  for (const c of trace.clients.values()) {
    const clientKind = plan.clients[c.id - 1]?.kind;
    const v = c.verdict;
    if (v === undefined) continue;
    if (v.text.startsWith('gave up')) {
      out.push({ kind: 'client-starved', client: c.id, clientKind, ...atLine(events, v) });
      continue;
    }
    const fine =
      clientKind === 'reset'
        ? v.text === 'reset'
        : clientKind === 'idle'
          ? v.text === IDLE_CLOSED
          : ECHOED_ALL.test(v.text);
    if (!fine) out.push({ kind: 'echo-broken', client: c.id, clientKind, verdict: v.text, ...atLine(events, v) });
  }
  return out;
}

function checkShutdown(events: readonly SimEvent[], trace: EchoTrace): EchoViolation[] {
  const out: EchoViolation[] = [];
  if (trace.serveStuck !== undefined) out.push({ kind: 'no-shutdown', ...atLine(events, trace.serveStuck) });
  if (trace.leftOpen !== undefined) out.push({ kind: 'left-open', ...atLine(events, trace.leftOpen) });
  for (const t of trace.learnerTasks) {
    if (t.panicEvent !== undefined) out.push({ kind: 'task-panicked', task: t.task, ...at(events, t.panicEvent) });
  }
  // The task that ran serve ends when serve returns: its connection tasks must be over by then.
  const serveTask = trace.serveTask === undefined ? undefined : trace.tasks.get(trace.serveTask);
  const returned = serveTask?.finishEvent;
  if (trace.serveReturned === undefined || returned === undefined) return out;
  for (const t of trace.learnerTasks) {
    if (t.spawnEvent < returned && (t.finishEvent === undefined || t.finishEvent > returned))
      out.push({ kind: 'leaked-task', task: t.task, ...at(events, returned) });
  }
  return out;
}

export function checkEchoTrace(events: readonly SimEvent[], plan: EchoPlan): EchoVerdict {
  const trace = readEchoTrace(events);
  const limit = checkLimit(events, trace, plan.limit);
  const violations = [...limit.violations, ...checkClients(events, trace, plan), ...checkShutdown(events, trace)];
  return { violations: violations.sort((a, b) => a.event - b.event), busiest: limit.busiest };
}
