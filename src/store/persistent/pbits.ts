/**
 * A persistent set of small non-negative integers (task ids): 32-bit words in a PVec, with its
 * size. Adding or removing an id copies one trie path; the lowest or highest `n` members are found
 * by walking words from either end, and the walk stops once the set's size is reached, so a view
 * asking for the newest few of 39,000 tasks reads a few words, not 39,000 records.
 */
import { PVec } from './pvec.ts';

export class PBits {
  private static readonly EMPTY = new PBits(PVec.empty<number>(), 0);

  private constructor(
    private readonly words: PVec<number>,
    /** How many ids the set holds. */
    readonly size: number,
  ) {}

  static empty(): PBits {
    return PBits.EMPTY;
  }

  has(id: number): boolean {
    return ((this.words.get(id >>> 5) ?? 0) & (1 << (id & 31))) !== 0;
  }

  add(id: number): PBits {
    const w = id >>> 5;
    const word = this.words.get(w) ?? 0;
    const bit = 1 << (id & 31);
    if ((word & bit) !== 0) return this;
    return new PBits(this.words.set(w, word | bit), this.size + 1);
  }

  delete(id: number): PBits {
    const w = id >>> 5;
    const word = this.words.get(w) ?? 0;
    const bit = 1 << (id & 31);
    if ((word & bit) === 0) return this;
    if (this.size === 1) return PBits.EMPTY;
    const rest = word & ~bit;
    return new PBits(this.words.set(w, rest === 0 ? undefined : rest), this.size - 1);
  }

  /** The `n` smallest members, ascending. */
  lowest(n: number): number[] {
    const out: number[] = [];
    const want = Math.min(n, this.size);
    for (let w = 0; out.length < want && w < this.words.size; w++) {
      let word = this.words.get(w) ?? 0;
      while (word !== 0 && out.length < want) {
        const low = word & -word;
        out.push(w * 32 + 31 - Math.clz32(low));
        word ^= low;
      }
    }
    return out;
  }

  /** The `n` largest members, ascending. */
  highest(n: number): number[] {
    const out: number[] = [];
    const want = Math.min(n, this.size);
    for (let w = this.words.size - 1; out.length < want && w >= 0; w--) {
      let word = this.words.get(w) ?? 0;
      while (word !== 0 && out.length < want) {
        const top = 31 - Math.clz32(word);
        out.push(w * 32 + top);
        word &= ~(1 << top);
      }
    }
    return out.reverse();
  }
}
