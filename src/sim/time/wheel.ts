/**
 * The hierarchical timer wheel (tokio-facts.md §9 "Wheel"; Tokio `runtime/time/wheel/mod.rs` and
 * `level.rs`): 6 levels × 64 slots, slot width 64^level ms. An entry is filed at the level of the
 * highest bit in which `elapsed` and its deadline differ (low 6 bits forced), in slot
 * `(when >> 6·level) mod 64`. Processing a due slot moves entries that are really due to the
 * pending list and re-files (cascades) the rest one level down.
 *
 * Order is what the lessons show, so the list discipline is Tokio's: slots push at the front
 * and are drained from the back (oldest first), the pending list likewise. Entries that share a
 * tick therefore fire in the order they arrived in their slot.
 *
 * Ticks are JS numbers (exact to 2^53); 64-bit masks are split into two 32-bit halves.
 */
import { EntryList, type TimerEntry } from './entry.ts';
import { DEREGISTERED } from './entry.ts';

export const NUM_LEVELS = 6;
const LEVEL_MULT = 64;
/** The longest duration the wheel files exactly: 2^36 − 1 ms (about 2.2 years). */
export const MAX_DURATION = 2 ** (6 * NUM_LEVELS) - 1;
const TWO_32 = 4294967296;

/** 64^level: the width of one slot at each level. */
const SLOT_RANGE: readonly number[] = [1, 64, 4096, 262144, 16777216, 1073741824];
/** 64^(level+1): the span of a whole level. */
const LEVEL_RANGE: readonly number[] = SLOT_RANGE.map((r) => r * LEVEL_MULT);
/** Level of a highest differing bit (bits 0–5 → 0, 6–11 → 1, …). */
const LEVEL_OF_BIT: readonly number[] = Array.from({ length: 64 }, (_, b) => Math.floor(b / NUM_LEVELS));

// Fast paths below use 32-bit integer ops while ticks stay under 2^32 ms (~49 days); past that
// the same arithmetic is done exactly on doubles.

/** Index of the highest set bit of a non-negative integer below 2^53. */
function highestBit(x: number): number {
  const hi = Math.floor(x / TWO_32);
  if (hi > 0) return 63 - Math.clz32(hi);
  return 31 - Math.clz32(x >>> 0);
}

/** `level_for`: which level a deadline belongs to, seen from `elapsed`. */
export function levelFor(elapsed: number, when: number): number {
  if (elapsed < TWO_32 && when < TWO_32) return LEVEL_OF_BIT[31 - Math.clz32((elapsed ^ when) | 63)];
  const hi = (Math.floor(elapsed / TWO_32) ^ Math.floor(when / TWO_32)) >>> 0;
  const lo = (((elapsed >>> 0) ^ (when >>> 0)) | 63) >>> 0;
  let masked = hi * TWO_32 + lo;
  if (masked >= MAX_DURATION) masked = MAX_DURATION - 1;
  return Math.floor(highestBit(masked) / NUM_LEVELS);
}

/** `slot_for`. */
export function slotFor(when: number, level: number): number {
  if (when < TWO_32) return (when >>> (6 * level)) & 63;
  return Math.floor(when / SLOT_RANGE[level]) % LEVEL_MULT;
}

/** Lowest set bit index of a 32-bit word (word ≠ 0). */
function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

class Level {
  /** Occupancy bitmap: slots 0..31 in word 0, 32..63 in word 1 (a typed array: no boxed numbers). */
  private readonly occ = new Uint32Array(2);
  /** The slot found by the last `nextExpiration` call. */
  lastSlot = 0;
  readonly slots: EntryList[] = [];

  constructor(readonly level: number) {
    for (let i = 0; i < LEVEL_MULT; i++) this.slots.push(new EntryList());
  }

  isEmpty(): boolean {
    return (this.occ[0] | this.occ[1]) === 0;
  }

  /** `next_occupied_slot`: the first occupied slot at or after now's slot, wrapping around. */
  nextOccupiedSlot(now: number): number {
    const nowSlot = slotFor(now, this.level);
    const lo = this.occ[0] | 0;
    const hi = this.occ[1] | 0;
    if (nowSlot < 32) {
      const l = lo & (-1 << nowSlot);
      if (l !== 0) return lowestBit(l);
      if (hi !== 0) return 32 + lowestBit(hi);
    } else {
      const h = hi & (-1 << (nowSlot - 32));
      if (h !== 0) return 32 + lowestBit(h);
    }
    return lo !== 0 ? lowestBit(lo) : 32 + lowestBit(hi);
  }

  /** `next_expiration`: the start tick of the next occupied slot, or -1. */
  nextExpiration(now: number): number {
    if (this.isEmpty()) return -1;
    const slot = this.nextOccupiedSlot(now);
    this.lastSlot = slot;
    const levelRange = LEVEL_RANGE[this.level];
    const levelStart = now < TWO_32 && this.level < 5 ? (now & -levelRange) >>> 0 : now - (now % levelRange);
    let deadline = levelStart + slot * SLOT_RANGE[this.level];
    // Only the top level can wrap (its range is clamped), as Tokio asserts.
    if (deadline <= now) deadline += levelRange;
    return deadline;
  }

  setOccupied(slot: number): void {
    this.occ[slot >>> 5] |= 1 << (slot & 31);
  }

  clearOccupied(slot: number): void {
    this.occ[slot >>> 5] &= ~(1 << (slot & 31));
  }

  addEntry(e: TimerEntry): void {
    const slot = slotFor(e.registeredWhen, this.level);
    this.slots[slot].pushFront(e);
    this.setOccupied(slot);
  }

  removeEntry(e: TimerEntry): void {
    const slot = slotFor(e.registeredWhen, this.level);
    const list = this.slots[slot];
    list.remove(e);
    if (list.isEmpty()) this.clearOccupied(slot);
  }
}

export class Wheel {
  /** Ticks processed so far: nothing due at or before it is still in a slot. */
  elapsed = 0;
  private readonly levels: Level[] = [];
  private readonly pending = new EntryList();
  /** The last `nextExpiration` result (level, slot, deadline), kept in fields to avoid allocating. */
  private expLevel = 0;
  private expSlot = 0;
  private expDeadline = 0;
  /** A scratch list for the slot being processed (reused, never escapes). */
  private readonly taken = new EntryList();

  constructor() {
    for (let l = 0; l < NUM_LEVELS; l++) this.levels.push(new Level(l));
  }

  /** `insert`: files the entry at its true deadline; false (not inserted) if already due. */
  insert(e: TimerEntry): boolean {
    const when = e.when;
    e.registeredWhen = when;
    if (when <= this.elapsed) return false;
    this.levels[levelFor(this.elapsed, when)].addEntry(e);
    return true;
  }

  remove(e: TimerEntry): void {
    if (e.registeredWhen === DEREGISTERED) {
      this.pending.remove(e);
    } else {
      this.levels[levelFor(this.elapsed, e.registeredWhen)].removeEntry(e);
    }
  }

  /** `poll_at` / `next_expiration_time`: the tick of the next slot to process, or -1. */
  nextExpirationTime(): number {
    return this.nextExpiration() ? this.expDeadline : -1;
  }

  private nextExpiration(): boolean {
    if (!this.pending.isEmpty()) {
      this.expLevel = 0;
      this.expSlot = 0;
      this.expDeadline = this.elapsed;
      return true;
    }
    for (let l = 0; l < NUM_LEVELS; l++) {
      const d = this.levels[l].nextExpiration(this.elapsed);
      if (d >= 0) {
        this.expLevel = l;
        this.expSlot = this.levels[l].lastSlot;
        this.expDeadline = d;
        return true;
      }
    }
    return false;
  }

  /** `poll`: the next entry due at or before `now`, advancing `elapsed`; null when none. */
  poll(now: number): TimerEntry | null {
    for (;;) {
      const p = this.pending.popBack();
      if (p !== null) return p;
      if (this.nextExpiration() && this.expDeadline <= now) {
        const deadline = this.expDeadline;
        this.processExpiration(this.expLevel, this.expSlot, deadline);
        this.setElapsed(deadline);
      } else {
        this.setElapsed(now);
        break;
      }
    }
    return this.pending.popBack();
  }

  private processExpiration(level: number, slot: number, deadline: number): void {
    const lvl = this.levels[level];
    const src = lvl.slots[slot];
    lvl.clearOccupied(slot);
    // `take_slot`: move the slot's list aside so re-filed entries cannot land in it mid-walk.
    const taken = this.taken;
    taken.head = src.head;
    taken.tail = src.tail;
    src.head = null;
    src.tail = null;
    for (let e = taken.popBack(); e !== null; e = taken.popBack()) {
      if (e.markPending(deadline)) {
        this.pending.pushFront(e);
      } else {
        this.levels[levelFor(deadline, e.registeredWhen)].addEntry(e);
      }
    }
  }

  private setElapsed(when: number): void {
    if (when < this.elapsed) throw new Error(`elapsed=${this.elapsed}; when=${when}`);
    this.elapsed = when;
  }
}
