/**
 * The lab's Faults menu in the `--fault` text form (issue 17 item 2): what the learner picked,
 * written as a fault the worker reads back (src/sim/net/faults.ts), and a fault's text in words.
 * Here because the UI may name only the simulator's types; the worker holds its functions.
 */
import { describeFault, formatFault, parseFault, type Fault, type FaultSide } from '../sim/net/faults.ts';

export type FaultChoiceKind = 'reset' | 'refuse' | 'slow';
/** When a reset happens: at the shown step, as soon as the connection is open, or after some bytes. */
export type ResetWhen = 'now' | 'open' | 'bytes';

export interface FaultChoice {
  readonly kind: FaultChoiceKind;
  readonly conn: number;
  readonly by: FaultSide;
  readonly when: ResetWhen;
  readonly bytes: number;
}

/**
 * The fault text for a choice; `nextStep` is the trace step id the replay resumes at, where a
 * reset "now" happens (before anything else of that step).
 */
export function faultText(c: FaultChoice, nextStep: number): string {
  const target = { kind: 'conn', conn: c.conn } as const;
  let f: Fault;
  if (c.kind === 'refuse') f = { kind: 'refuse', target };
  else if (c.kind === 'slow') f = { kind: 'slow', target, by: c.by, window: 4096, delayMs: 10 };
  else {
    const at =
      c.when === 'now'
        ? ({ kind: 'step', step: nextStep } as const)
        : c.when === 'bytes'
          ? ({ kind: 'bytes', bytes: Math.max(0, Math.floor(c.bytes)) } as const)
          : ({ kind: 'open' } as const);
    f = { kind: 'reset', target, at, by: c.by };
  }
  return formatFault(f);
}

/** A fault's text in words for the menu's list ("connection 2: the client resets it at step 40"). */
export function faultWords(text: string): string {
  const f = parseFault(text);
  return typeof f === 'string' ? text : describeFault(f);
}

/** Whether a text is a fault the worker can run (a share link's faults are checked with this). */
export function isFaultText(text: string): boolean {
  return typeof parseFault(text) !== 'string';
}
