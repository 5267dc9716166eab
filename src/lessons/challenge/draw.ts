/** A small xorshift32 for the checkers: a challenge's setup for a seed depends on nothing but the seed. */
export class Draw {
  private s: number;
  constructor(seed: number) {
    this.s = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + (this.next() % (hi - lo + 1));
  }
}
