/**
 * Packing trace events for the worker boundary and unpacking them on the page (protocol.ts
 * `WireBatch`). The worker reads the trace recorder's raw records (src/sim/trace/recorder.ts);
 * the page turns records back into `SimEvent`s with the simulator's own decoder, so both sides
 * agree on the vocabulary by construction.
 */
import { decodeEvent, EventKind } from '../sim/index.ts';
import type { RawEvent, SimEvent } from '../sim/index.ts';
import { EVENT_WORDS } from './protocol.ts';
import type { WireBatch } from './protocol.ts';

/** What the packer needs of a trace (TraceRecorder satisfies it). */
export interface TraceReader {
  readonly length: number;
  raws(from: number): Iterable<RawEvent>;
  string(i: number): string;
}

/** The interned string a record references, or −1 (events.ts documents each kind's fields). */
export function stringRefOf(kind: number, a: number, b: number): number {
  switch (kind) {
    case EventKind.TaskSpawned:
      return b === 0 ? -1 : b - 1;
    case EventKind.Stdout:
    case EventKind.Stderr:
      return a;
    case EventKind.Diagnostic:
      return b;
    default:
      return -1;
  }
}

/** Packs one run's trace into batches, remembering which strings the page already has. */
export class BatchPacker {
  private sent = 0;
  private readonly sentStrings = new Set<number>();

  constructor(private readonly trace: TraceReader) {}

  /** Events recorded but not yet packed. */
  get pending(): number {
    return this.trace.length - this.sent;
  }

  get packed(): number {
    return this.sent;
  }

  /**
   * Packs the events recorded since the last call, at most `limit` of them. A batch ends on a
   * step boundary (src/flow/runner.ts: a step's events never straddle two batches) unless one
   * step alone holds more than `limit` events.
   */
  next(limit = Number.MAX_SAFE_INTEGER): WireBatch {
    const first = this.sent;
    const available = Math.max(0, this.trace.length - first);
    const size = Math.min(limit, available);
    const words = new Uint32Array(size * EVENT_WORDS);
    const times = new Float64Array(size);
    /** [event index in batch, string id, text] */
    const strings: [number, number, string][] = [];
    let count = 0;
    let stepStart = 0;
    let lastStep = -1;
    if (size > 0) {
      for (const r of this.trace.raws(first)) {
        if (r.step !== lastStep) {
          stepStart = count;
          lastStep = r.step;
        }
        if (count === size) {
          // The lookahead event continues the last step: end the batch where that step began.
          if (stepStart === count || stepStart === 0) break;
          count = stepStart;
          break;
        }
        const o = count * EVENT_WORDS;
        words[o] = (r.kind | (r.c << 8)) >>> 0;
        words[o + 1] = r.task;
        words[o + 2] = r.a;
        words[o + 3] = r.b;
        words[o + 4] = r.step;
        times[count] = r.time;
        const s = stringRefOf(r.kind, r.a, r.b);
        if (s >= 0 && !this.sentStrings.has(s)) {
          this.sentStrings.add(s);
          strings.push([count, s, this.trace.string(s)]);
        }
        count++;
      }
    }
    const kept: [number, string][] = [];
    for (const [at, id, text] of strings) {
      if (at < count) kept.push([id, text]);
      else this.sentStrings.delete(id);
    }
    this.sent = first + count;
    return {
      first,
      count,
      words: count === size ? words : words.slice(0, count * EVENT_WORDS),
      times: count === size ? times : times.slice(0, count),
      strings: kept,
    };
  }
}

/** Decodes record `i` of packed `words` / `times` (protocol.ts `WireBatch`) as trace event `index`. */
export function decodeRecord(
  words: Uint32Array,
  times: Float64Array,
  i: number,
  index: number,
  lookup: (id: number) => string,
): SimEvent {
  const o = i * EVENT_WORDS;
  const w0 = words[o];
  return decodeEvent(
    {
      index,
      step: words[o + 4],
      time: times[i],
      kind: w0 & 0xff,
      task: words[o + 1],
      a: words[o + 2],
      b: words[o + 3],
      c: w0 >>> 8,
    },
    lookup,
  );
}

/** Unpacks one run's batches, in order, keeping the run's string table. */
export class BatchUnpacker {
  private readonly strings: string[] = [];
  private expected = 0;
  private readonly lookup = (i: number): string => this.strings[i] ?? '';

  /** Events unpacked so far. */
  get length(): number {
    return this.expected;
  }

  unpack(batch: WireBatch): SimEvent[] {
    if (batch.first !== this.expected) {
      throw new Error(`trace batch out of order: expected event ${this.expected}, got ${batch.first}`);
    }
    for (const [id, text] of batch.strings) this.strings[id] = text;
    const out: SimEvent[] = new Array<SimEvent>(batch.count);
    for (let i = 0; i < batch.count; i++)
      out[i] = decodeRecord(batch.words, batch.times, i, batch.first + i, this.lookup);
    this.expected = batch.first + batch.count;
    return out;
  }
}
