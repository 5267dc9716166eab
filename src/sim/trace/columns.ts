/**
 * Append-only numeric columns in fixed-size typed-array chunks: growing allocates one more chunk
 * and never copies, so a column of millions of entries holds no doubling slack and no transient
 * second copy at its peak (the trace's side arrays).
 */

const SHIFT = 14;
const SIZE = 1 << SHIFT;
const MASK = SIZE - 1;

abstract class Column<A extends Uint32Array | Float64Array> {
  protected readonly chunks: A[] = [];
  length = 0;

  protected abstract make(): A;

  get(i: number): number {
    return this.chunks[i >>> SHIFT]?.[i & MASK] ?? 0;
  }

  /** Overwrites entry `i` (< length). */
  set(i: number, v: number): void {
    const chunk = this.chunks[i >>> SHIFT];
    if (chunk !== undefined) chunk[i & MASK] = v;
  }

  push(v: number): void {
    const i = this.length;
    if ((i & MASK) === 0 && i >>> SHIFT === this.chunks.length) this.chunks.push(this.make());
    this.set(i, v);
    this.length = i + 1;
  }

  /** Drops the last entry. */
  pop(): void {
    if (this.length > 0) this.length--;
  }

  get byteSize(): number {
    return this.chunks.reduce((n, c) => n + c.byteLength, 0);
  }

  /** The first index in [lo, hi) whose entry is > `v` (entries ascending); hi when none. */
  upperBound(v: number, lo = 0, hi = this.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.get(mid) <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class U32Column extends Column<Uint32Array> {
  protected make(): Uint32Array {
    return new Uint32Array(SIZE);
  }
}

export class F64Column extends Column<Float64Array> {
  protected make(): Float64Array {
    return new Float64Array(SIZE);
  }
}
