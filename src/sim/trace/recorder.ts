/**
 * The compact trace store (design.md §4 "Events"). An event is the record (kind, c, task, a, b):
 * the kind as one byte, then c, task, a and b as LEB128 varints (7 bits a byte), so the common
 * small ids and zeros take one byte each; a million-task run averages about 7 bytes an event where
 * fixed 16-byte records took 16. Records go into fixed-size byte chunks (growing never copies; a
 * record never straddles two), with the position of every 64th record kept so event i is found
 * by one lookup and at most 63 skips. Strings are interned once. (step, virtual time) are kept per
 * *segment* of consecutive events in chunked side columns, and the time only where it changes, so
 * a 10-million-event run fits in memory.
 *
 * The decoded record is exactly what the 16-byte layout held (word 0 = kind | c << 8, then task, a,
 * b, each as an unsigned 32-bit value), so `hash()` and every reader see the same trace as before.
 */
import type { TraceSink } from '../contracts.ts';
import { EventKind, decodeEvent } from '../events.ts';
import type { RawEvent, SimEvent } from '../events.ts';
import { F64Column, U32Column } from './columns.ts';

export type TraceLevel = 'full' | 'lifecycle' | 'off';

/** The first chunk is small, so the many short runs of a lesson each cost little. */
const FIRST_CHUNK_BYTES = 1 << 16;
const CHUNK_BYTES = 1 << 20;
/** The kind byte and four varints of at most 5 bytes. */
const MAX_RECORD_BYTES = 1 + 4 * 5;
/** A record position is kept every 2^BLOCK_SHIFT records. */
const BLOCK_SHIFT = 6;
const BLOCK_MASK = (1 << BLOCK_SHIFT) - 1;
/** Kinds left out at the 'lifecycle' level: the chatty bookkeeping around each poll. */
const CHATTY: readonly number[] = [
  EventKind.TaskRef,
  EventKind.QueuePush,
  EventKind.QueuePop,
  EventKind.WakerDefer,
  EventKind.CoopBudget,
];

/** Writes `v` (an unsigned 32-bit value) as a varint at `o`; returns the offset after it. */
function putVarint(buf: Uint8Array, o: number, v: number): number {
  while (v > 0x7f) {
    buf[o++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[o] = v;
  return o + 1;
}

export class TraceRecorder implements TraceSink {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes used in each chunk but the last (whose end is `off`). */
  private readonly chunkEnds: number[] = [];
  private chunk: Uint8Array = new Uint8Array(0);
  /** Next free byte in `chunk`. */
  private off = 0;
  private count = 0;
  /** Record bytes written. */
  private bytes = 0;
  /** Chunk and offset of records 0, 64, 128, … */
  private readonly blockChunk = new U32Column();
  private readonly blockOff = new U32Column();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly segFirst = new U32Column();
  private readonly segStep = new U32Column();
  /** The segments at which the time changes (ascending), and the time from each on. */
  private readonly timeSeg = new U32Column();
  private readonly timeVal = new F64Column();
  private step = 0;
  private time = 0;
  private dirty = true;
  private readonly skip = new Uint8Array(256);
  /** The read cursor and the fields of the record `read` decoded last. */
  private rk = 0;
  private ro = 0;
  private rWord = 0;
  private rTask = 0;
  private rA = 0;
  private rB = 0;

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
    if (o + MAX_RECORD_BYTES > this.chunk.length) o = this.newChunk();
    if ((this.count & BLOCK_MASK) === 0) {
      this.blockChunk.push(this.chunks.length - 1);
      this.blockOff.push(o);
    }
    const buf = this.chunk;
    const start = o;
    // The word the 16-byte layout stored first; its low byte is the kind.
    const w0 = (kind | (c << 8)) >>> 0;
    buf[o++] = w0 & 0xff;
    o = putVarint(buf, o, w0 >>> 8);
    o = putVarint(buf, o, task >>> 0);
    o = putVarint(buf, o, a >>> 0);
    o = putVarint(buf, o, b >>> 0);
    this.bytes += o - start;
    this.off = o;
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
   * Bytes allocated for the records and side columns, including the unused tail of the last chunk
   * of each (strings not counted): the memory the trace holds.
   */
  get byteSize(): number {
    let n = 0;
    for (const c of this.chunks) n += c.byteLength;
    for (const col of [this.blockChunk, this.blockOff, this.segFirst, this.segStep, this.timeSeg, this.timeVal]) {
      n += col.byteSize;
    }
    return n;
  }

  /**
   * Bytes the recorded events use: the records, 8 per 64 records for their positions, 8 per segment
   * (first index, step) and 12 per time change, strings not counted. Divided by `length`, the
   * honest bytes-per-event figure.
   */
  get usedBytes(): number {
    return this.bytes + this.blockChunk.length * 8 + this.segFirst.length * 8 + this.timeSeg.length * 12;
  }

  raw(i: number): RawEvent {
    if (i < 0 || i >= this.count) throw new RangeError(`trace event ${i} out of range (0..${this.count})`);
    const seg = this.segmentOf(i);
    this.seekRecord(i);
    this.read();
    return this.record(i, this.segStep.get(seg), this.timeOf(seg));
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
    let step = this.segStep.get(seg);
    let ti = this.timeSeg.upperBound(seg) - 1;
    let time = ti >= 0 ? this.timeVal.get(ti) : 0;
    this.seekRecord(from);
    // Kept in locals between records: a caller may read other events while this one is paused.
    let k = this.rk;
    let o = this.ro;
    for (let i = from; i < this.count; i++) {
      if (seg + 1 < this.segFirst.length && this.segFirst.get(seg + 1) <= i) {
        while (seg + 1 < this.segFirst.length && this.segFirst.get(seg + 1) <= i) seg++;
        step = this.segStep.get(seg);
        while (ti + 1 < this.timeSeg.length && this.timeSeg.get(ti + 1) <= seg) ti++;
        time = ti >= 0 ? this.timeVal.get(ti) : 0;
      }
      this.rk = k;
      this.ro = o;
      this.read();
      k = this.rk;
      o = this.ro;
      yield this.record(i, step, time);
    }
  }

  [Symbol.iterator](): IterableIterator<SimEvent> {
    return this.events(0);
  }

  /** Index of the first event recorded at or after step `step` (length if none). */
  firstEventOfStep(step: number): number {
    let lo = 0;
    let hi = this.segFirst.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.segStep.get(mid) < step) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.segFirst.length ? this.segFirst.get(lo) : this.count;
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
    // Over the 16-byte layout's words, so a trace hashes as it did before records were packed.
    if (this.count > 0) this.seekRecord(0);
    for (let i = 0; i < this.count; i++) {
      this.read();
      mix(this.rWord);
      mix(this.rTask);
      mix(this.rA);
      mix(this.rB);
    }
    let ti = -1;
    for (let s = 0; s < this.segFirst.length; s++) {
      while (ti + 1 < this.timeSeg.length && this.timeSeg.get(ti + 1) <= s) ti++;
      mix(this.segFirst.get(s));
      mix(this.segStep.get(s));
      const t = ti >= 0 ? this.timeVal.get(ti) : 0;
      mix(t % 0x100000000);
      mix(Math.floor(t / 0x100000000));
    }
    for (const str of this.strings) for (let i = 0; i < str.length; i++) mix(str.charCodeAt(i));
    return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
  }

  private record(index: number, step: number, time: number): RawEvent {
    const w0 = this.rWord;
    return { index, step, time, kind: w0 & 0xff, task: this.rTask, a: this.rA, b: this.rB, c: w0 >>> 8 };
  }

  /** Bytes used in chunk `k`. */
  private endOf(k: number): number {
    return k === this.chunks.length - 1 ? this.off : (this.chunkEnds[k] ?? 0);
  }

  /** Moves the read cursor to record `i`: its block's position, then the records before it skipped. */
  private seekRecord(i: number): void {
    const block = i >>> BLOCK_SHIFT;
    let k = this.blockChunk.get(block);
    let o = this.blockOff.get(block);
    for (let j = block << BLOCK_SHIFT; j < i; j++) {
      if (o >= this.endOf(k)) {
        k++;
        o = 0;
      }
      const buf = this.chunks[k] ?? this.chunk;
      o++;
      for (let f = 0; f < 4; f++) while ((buf[o++] ?? 0) > 0x7f);
    }
    this.rk = k;
    this.ro = o;
  }

  /** Decodes the record at the read cursor into rWord, rTask, rA, rB and moves past it. */
  private read(): void {
    if (this.ro >= this.endOf(this.rk)) {
      this.rk++;
      this.ro = 0;
    }
    const buf = this.chunks[this.rk] ?? this.chunk;
    const kind = buf[this.ro++] ?? 0;
    this.rWord = (kind | (this.varint(buf) << 8)) >>> 0;
    this.rTask = this.varint(buf);
    this.rA = this.varint(buf);
    this.rB = this.varint(buf);
  }

  private varint(buf: Uint8Array): number {
    let o = this.ro;
    let byte = buf[o++] ?? 0;
    let v = byte & 0x7f;
    let scale = 0x80;
    while (byte > 0x7f) {
      byte = buf[o++] ?? 0;
      v += (byte & 0x7f) * scale;
      scale *= 0x80;
    }
    this.ro = o;
    return v;
  }

  private newChunk(): number {
    const n = this.chunks.length;
    if (n > 0) this.chunkEnds[n - 1] = this.off;
    this.chunk = new Uint8Array(n === 0 ? FIRST_CHUNK_BYTES : CHUNK_BYTES);
    this.chunks.push(this.chunk);
    this.off = 0;
    return 0;
  }

  private segmentOf(i: number): number {
    return Math.max(0, this.segFirst.upperBound(i) - 1);
  }

  private timeOf(seg: number): number {
    const j = this.timeSeg.upperBound(seg) - 1;
    return j >= 0 ? this.timeVal.get(j) : 0;
  }

  private openSegment(): void {
    this.dirty = false;
    const n = this.segFirst.length;
    // An empty previous segment is reused, so steps without events cost nothing.
    if (n > 0 && this.segFirst.get(n - 1) === this.count) {
      this.segStep.set(n - 1, this.step);
      this.noteTime(n - 1);
      return;
    }
    this.segFirst.push(this.count);
    this.segStep.push(this.step);
    this.noteTime(n);
  }

  /** Segment `seg`, the last, is at the current time: a time entry only where the time changes. */
  private noteTime(seg: number): void {
    const last = this.timeSeg.length - 1;
    // A reused segment's own entry is replaced.
    if (last >= 0 && this.timeSeg.get(last) === seg) {
      this.timeSeg.pop();
      this.timeVal.pop();
    }
    const m = this.timeSeg.length;
    if (m > 0 && this.timeVal.get(m - 1) === this.time) return;
    this.timeSeg.push(seg);
    this.timeVal.push(this.time);
  }
}
