/**
 * A run's events kept as the wire batches they arrived in (protocol.ts `WireBatch`: 28 bytes an
 * event in typed arrays) and decoded on `at`, instead of one `SimEvent` object per event (about
 * 300 bytes each on the page heap: a million-event run held ≈300 MB). It is the fold timeline's
 * event log (store/timeline/fold-timeline.ts `EventLog`): the timeline decodes at most K events
 * per seek, so decoding on demand costs a seek little.
 *
 * Protocol: `accept(batch)` hands over a batch's records just before the timeline `push`es the
 * events decoded from it; `push` then only counts. Events pushed without their records (a source
 * that is not the worker, e.g. arrays in tests) are kept as objects, so any source stays correct.
 */
import type { SimEvent } from '../sim/index.ts';
import type { WireBatch } from './protocol.ts';
import { decodeRecord } from './wire.ts';

export class WireLog {
  private readonly batches: WireBatch[] = [];
  /** Index of the first event of each kept batch (ascending). */
  private readonly starts: number[] = [];
  /** Events with records: the kept batches cover [0, recorded) with no gap. */
  private recorded = 0;
  private count = 0;
  /** Events pushed without records, by index. */
  private readonly objects = new Map<number, SimEvent>();
  private readonly strings: string[] = [];
  private readonly lookup = (id: number): string => this.strings[id] ?? '';
  /** The batch `at` read last: playback and scans read forward, so the next read is usually in it. */
  private hint = 0;

  get length(): number {
    return this.count;
  }

  /** Bytes of typed arrays held (the records; strings and objects not counted). */
  get byteSize(): number {
    let n = 0;
    for (const b of this.batches) n += b.words.byteLength + b.times.byteLength;
    return n;
  }

  /**
   * The records of the events about to be pushed. Ignored unless they continue the log exactly
   * (every event so far has its record and the batch starts at the next index): those events are
   * then kept as objects by `push`.
   */
  accept(batch: WireBatch): void {
    for (const [id, text] of batch.strings) this.strings[id] = text;
    if (batch.count === 0 || batch.first !== this.count || this.recorded !== this.count) return;
    this.batches.push(batch);
    this.starts.push(batch.first);
    this.recorded += batch.count;
  }

  push(event: SimEvent): void {
    const index = this.count++;
    if (index >= this.recorded) this.objects.set(index, event);
  }

  at(index: number): SimEvent {
    if (index >= this.recorded || index < 0) {
      const kept = this.objects.get(index);
      if (kept === undefined) throw new RangeError(`event ${index} is not in the log (length ${this.count})`);
      return kept;
    }
    const batch = this.batches[this.batchOf(index)];
    return decodeRecord(batch.words, batch.times, index - batch.first, index, this.lookup);
  }

  private batchOf(index: number): number {
    const { starts } = this;
    const h = this.hint;
    if (index >= (starts[h] ?? Infinity) && index < (starts[h + 1] ?? this.recorded)) return h;
    if (index >= (starts[h + 1] ?? Infinity) && index < (starts[h + 2] ?? this.recorded)) return (this.hint = h + 1);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }
}
