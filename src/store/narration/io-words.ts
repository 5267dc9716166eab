/**
 * The I/O driver and Ctrl-C in words (issue 17): which socket a task waits on, what a driver
 * turn reported and whom it woke, and what a Ctrl-C press did.
 */
import { readinessWords } from '../view/reduce-io.ts';
import type { NarrationContext } from './narrate.ts';
import type { PollFacts, SignalFacts, TurnFacts } from './step-facts.ts';

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function socketWords(id: number, ctx: NarrationContext): string {
  return ctx.socketName?.(id) ?? `socket ${id}`;
}

/** "waiting for listener :40000 to become readable" (the last wait the poll stored). */
export function ioWaitClause(p: PollFacts, ctx: NarrationContext): string | undefined {
  const w = p.ioWaits[p.ioWaits.length - 1];
  if (w === undefined) return undefined;
  const what = w.direction === 'read' ? 'readable' : 'writable';
  return `waiting for ${socketWords(w.socket, ctx)} to become ${what}`;
}

export const ioClauses = {
  registered: (sockets: readonly number[], ctx: NarrationContext): string[] =>
    sockets.map((s) => `registers ${socketWords(s, ctx)} with the I/O driver`),
  /** "the I/O driver's turn finds listener :40000 readable, waking task 1". */
  turn: (t: TurnFacts, ctx: NarrationContext, tasks: (ids: readonly number[]) => string): string => {
    const found = t.ready.map((r) => `${socketWords(r.socket, ctx)} ${listWords(readinessWords(r.ready))}`);
    const what = found.length > 0 ? `finds ${listWords(found)}` : 'finds nothing new';
    const woken = [...new Set(t.woke.map((w) => w.task))];
    return woken.length > 0 ? `the I/O driver's turn ${what}, waking ${tasks(woken)}` : `the I/O driver's turn ${what}`;
  },
  delivered: (woken: number): string =>
    woken === 0
      ? 'the signal driver sees the Ctrl-C, but no ctrl_c() is waiting'
      : `the signal driver delivers the Ctrl-C to ${woken === 1 ? 'the waiting ctrl_c()' : `${woken} waiting ctrl_c() calls`}`,
};

export function signalSentence(s: SignalFacts): string {
  if (s.kills) {
    return 'Ctrl-C arrives before any ctrl_c() is listening: SIGINT kills the process at once (exit status 130), with no shutdown and no destructors';
  }
  return 'Ctrl-C arrives; the signal driver hands it on at its next turn';
}
