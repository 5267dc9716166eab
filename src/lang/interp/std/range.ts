/** `a..b`, `a..=b`, `a..`, `..b`, `..`: a Copy-like value (ranges have no drop glue). */
import type { Value } from '../values.ts';

export class RRange {
  constructor(
    readonly start: Value,
    readonly end: Value,
    readonly inclusive: boolean,
    readonly hasStart: boolean,
    readonly hasEnd: boolean,
  ) {}

  /** Start and exclusive end as numbers, clamped to `len` when open. */
  bounds(len: number): [number, number] {
    const s = this.hasStart ? Number(this.start) : 0;
    let e = this.hasEnd ? Number(this.end) : len;
    if (this.inclusive) e += 1;
    return [s, e];
  }
}
