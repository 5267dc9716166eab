/**
 * The connections the lab's Faults menu offers (issue 17 item 2): those the run has made up to the
 * shown moment, read from its `net.connect` events.
 */
import type { SimEvent } from '../../sim/index.ts';

/** The slice of a timeline read here (LabTimeline satisfies it). */
export interface ConnectionSource {
  readonly length: number;
  eventAt(index: number): SimEvent | undefined;
}

export interface SeenConnection {
  readonly conn: number;
  readonly port: number;
  readonly refused: boolean;
}

/** Connections made in the first `position` events, in order. */
export function connectionsBefore(source: ConnectionSource, position: number): SeenConnection[] {
  const out: SeenConnection[] = [];
  const end = Math.min(position, source.length);
  for (let i = 0; i < end; i++) {
    const e = source.eventAt(i);
    if (e?.type === 'net.connect') out.push({ conn: e.conn, port: e.port, refused: e.refused });
  }
  return out;
}

/** "1 connect in 4" for a rate of 0.25: how the menu names a rate of faults drawn from the seed. */
export function rateWords(rate: number): string {
  return rate >= 1 ? 'every connect' : `1 connect in ${Math.round(1 / rate)}`;
}
