/**
 * The compact trace store (design.md §4 "Events"): 16 bytes per event (word 0 = kind | c << 8,
 * then task, a, b) in fixed-size Uint32Array chunks (growing never copies), strings interned once,
 * and (step, virtual time) kept per *segment* of consecutive events in side arrays, so a
 * 10-million-event run fits in memory.
 */
import type { TraceSink } from '../contracts.ts';
import { EventKind, decodeEvent } from '../events.ts';
import type { RawEvent, SimEvent } from '../events.ts';

export type TraceLevel = 'full' | 'lifecycle' | 'off';

const WORDS = 4;
const CHUNK_SHIFT = 16;
const CHUNK_EVENTS = 1 << CHUNK_SHIFT;
const CHUNK_WORDS = CHUNK_EVENTS * WORDS;
/** segFirst (u32) + segStep (u32) + segTime (f64). */
const SEGMENT_BYTES = 4 + 4 + 8;
/** Kinds left out at the 'lifecycle' level: the chatty bookkeeping around each poll. */
const CHATTY: readonly number[] = [
  EventKind.TaskRef,
  EventKind.QueuePush,
  EventKind.QueuePop,
  EventKind.WakerDefer,
  EventKind.CoopBudget,
];

export class TraceRecorder implements TraceSink {
  private readonly chunks: Uint32Array[] = [];
  private chunk: Uint32Array = new Uint32Array(0);
  /** Next free word in `chunk`. */
  private off = 0;
  private count = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private segFirst: Uint32Array = new Uint32Array(256);
  private segStep: Uint32Array = new Uint32Array(256);
  private segTime: Float64Array = new Float64Array(256);
  private segCount = 0;
  private step = 0;
  private time = 0;
  private dirty = true;
  private readonly skip = new Uint8Array(256);

  constructor(level: TraceLevel = 'full') {
    this.setLevel(level);
  }

  setLevel(level: TraceLevel): void {
    this.skip.fill(level === 'off' ? 1 : 0);
    if (level === 'lifecycle') for (const k of CHATTY) this.skip[k] = 1;
  }

  /** Marks the start of a scheduler step at virtual time `timeNs`. */
  beginStep(step: number, timeNs: number): void {
    this.step = step;
    this.time = timeNs;
    this.dirty = true;
  }

  /** The virtual clock moved inside the current step. */
  setTime(timeNs: number): void {
    if (timeNs !== this.time) {
      this.time = timeNs;
      this.dirty = true;
    }
  }

  get currentStep(): number {
    return this.step;
  }

  emit(kind: number, task: number, a = 0, b = 0, c = 0): void {
    if (this.skip[kind] === 1) return;
    if (this.dirty) this.openSegment();
    let o = this.off;
    if (o === this.chunk.length) {
      this.chunk = new Uint32Array(CHUNK_WORDS);
      this.chunks.push(this.chunk);
      o = 0;
    }
    const buf = this.chunk;
    buf[o] = kind | (c << 8);
    buf[o + 1] = task;
    buf[o + 2] = a;
    buf[o + 3] = b;
    this.off = o + WORDS;
    this.count++;
  }

  intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  string(i: number): string {
    return this.strings[i] ?? '';
  }

  get length(): number {
    return this.count;
  }

  /**
   * Bytes allocated for the records and side arrays, including the unused tail of the last chunk
   * and of the segment arrays (strings not counted): the memory the trace holds.
   */
  get byteSize(): number {
    return (
      this.chunks.length * CHUNK_WORDS * 4 +
      this.segFirst.byteLength +
      this.segStep.byteLength +
      this.segTime.byteLength
    );
  }

  /**
   * Bytes the recorded events use: 16 per record plus 16 per segment (first index, step, time),
   * strings not counted. Divided by `length`, the honest bytes-per-event figure.
   */
  get usedBytes(): number {
    return this.count * WORDS * 4 + this.segCount * SEGMENT_BYTES;
  }

  raw(i: number): RawEvent {
    if (i < 0 || i >= this.count) throw new RangeError(`trace event ${i} out of range (0..${this.count})`);
    const seg = this.segmentOf(i);
    return this.rawAt(i, seg);
  }

  decode(i: number): SimEvent {
    return decodeEvent(this.raw(i), (s) => this.string(s));
  }

  /** Iterates decoded events from `from`, walking segments forward (no per-event search). */
  *events(from = 0): IterableIterator<SimEvent> {
    const str = (s: number): string => this.string(s);
    for (const r of this.raws(from)) yield decodeEvent(r, str);
  }

  *raws(from = 0): IterableIterator<RawEvent> {
    if (from >= this.count) return;
    let seg = this.segmentOf(from);
    for (let i = from; i < this.count; i++) {
      while (seg + 1 < this.segCount && (this.segFirst[seg + 1] ?? 0) <= i) seg++;
      yield this.rawAt(i, seg);
    }
  }

  [Symbol.iterator](): IterableIterator<SimEvent> {
    return this.events(0);
  }

  /** Index of the first event recorded at or after step `step` (length if none). */
  firstEventOfStep(step: number): number {
    let lo = 0;
    let hi = this.segCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.segStep[mid] ?? 0) < step) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.segCount ? (this.segFirst[lo] ?? this.count) : this.count;
  }

  /** FNV-1a (two independent 32-bit lanes) over every record and string: equal traces, equal hash. */
  hash(): string {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ 0x5bd1e995;
    const mix = (v: number): void => {
      h1 = Math.imul(h1 ^ (v & 0xffff), 0x01000193);
      h1 = Math.imul(h1 ^ (v >>> 16), 0x01000193);
      h2 = Math.imul(h2 ^ v, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    };
    for (let i = 0; i < this.count; i++) {
      const buf = this.chunks[i >>> CHUNK_SHIFT];
      const o = (i & (CHUNK_EVENTS - 1)) * WORDS;
      if (buf === undefined) break;
      for (let k = 0; k < WORDS; k++) mix(buf[o + k] ?? 0);
    }
    for (let s = 0; s < this.segCount; s++) {
      mix(this.segFirst[s] ?? 0);
      mix(this.segStep[s] ?? 0);
      const t = this.segTime[s] ?? 0;
      mix(t % 0x100000000);
      mix(Math.floor(t / 0x100000000));
    }
    for (const str of this.strings) for (let i = 0; i < str.length; i++) mix(str.charCodeAt(i));
    return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
  }

  private rawAt(i: number, seg: number): RawEvent {
    const buf = this.chunks[i >>> CHUNK_SHIFT] ?? this.chunk;
    const o = (i & (CHUNK_EVENTS - 1)) * WORDS;
    const w0 = buf[o] ?? 0;
    return {
      index: i,
      step: this.segStep[seg] ?? 0,
      time: this.segTime[seg] ?? 0,
      kind: w0 & 0xff,
      task: buf[o + 1] ?? 0,
      a: buf[o + 2] ?? 0,
      b: buf[o + 3] ?? 0,
      c: w0 >>> 8,
    };
  }

  private segmentOf(i: number): number {
    let lo = 0;
    let hi = this.segCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.segFirst[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private openSegment(): void {
    this.dirty = false;
    const n = this.segCount;
    // An empty previous segment is reused, so steps without events cost nothing.
    if (n > 0 && this.segFirst[n - 1] === this.count) {
      this.segStep[n - 1] = this.step;
      this.segTime[n - 1] = this.time;
      return;
    }
    if (n === this.segFirst.length) {
      const first = new Uint32Array(n * 2);
      first.set(this.segFirst);
      this.segFirst = first;
      const step = new Uint32Array(n * 2);
      step.set(this.segStep);
      this.segStep = step;
      const time = new Float64Array(n * 2);
      time.set(this.segTime);
      this.segTime = time;
    }
    this.segFirst[n] = this.count;
    this.segStep[n] = this.step;
    this.segTime[n] = this.time;
    this.segCount = n + 1;
  }
}
