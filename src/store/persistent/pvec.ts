/**
 * A persistent (immutable, structurally shared) vector keyed by small non-negative integers: a
 * 32-way trie, so `set` copies one path of at most ⌈log32 n⌉ nodes of 32 slots and leaves every
 * older version intact. The view state keeps tasks, timers and console lines in these so that a
 * checkpoint of the folded state costs one pointer, not a copy of a million tasks (design.md §2).
 *
 * Holes are allowed (`get` returns undefined), so it doubles as an integer-keyed map.
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;
/** Indices stay within unsigned 30-bit range so every shift below is exact. */
const MAX_INDEX = 2 ** 30 - 1;

type Node = unknown[];

function setIn(node: Node | undefined, shift: number, i: number, value: unknown): Node {
  const copy: Node = node === undefined ? new Array<unknown>(WIDTH) : node.slice();
  if (shift === 0) {
    copy[i & MASK] = value;
  } else {
    const slot = (i >>> shift) & MASK;
    copy[slot] = setIn(copy[slot] as Node | undefined, shift - BITS, i, value);
  }
  return copy;
}

function visit<T>(node: Node | undefined, shift: number, base: number, fn: (value: T, index: number) => void): void {
  if (node === undefined) return;
  if (shift === 0) {
    for (let k = 0; k < node.length; k++) {
      const v = node[k];
      if (v !== undefined) fn(v as T, base + k);
    }
    return;
  }
  for (let k = 0; k < node.length; k++) {
    visit(node[k] as Node | undefined, shift - BITS, base + k * (1 << shift), fn);
  }
}

/** Like visit, in index order, stopping once `fn` returns false; returns false when stopped. */
function visitWhile<T>(
  node: Node | undefined,
  shift: number,
  base: number,
  fn: (value: T, index: number) => boolean,
): boolean {
  if (node === undefined) return true;
  for (let k = 0; k < node.length; k++) {
    if (shift === 0) {
      const v = node[k];
      if (v !== undefined && !fn(v as T, base + k)) return false;
    } else if (!visitWhile(node[k] as Node | undefined, shift - BITS, base + k * (1 << shift), fn)) return false;
  }
  return true;
}

export class PVec<T> {
  private static readonly EMPTY = new PVec<never>(0, 0, undefined);

  private constructor(
    /** One past the highest index ever set (holes included). */
    readonly size: number,
    private readonly shift: number,
    private readonly root: Node | undefined,
  ) {}

  static empty<T>(): PVec<T> {
    return PVec.EMPTY;
  }

  /** Builds a vector holding `items` at indices 0…n−1 (bottom-up, no intermediate versions). */
  static from<T>(items: readonly T[]): PVec<T> {
    if (items.length === 0) return PVec.empty<T>();
    let level: Node[] = [];
    for (let i = 0; i < items.length; i += WIDTH) level.push(items.slice(i, i + WIDTH));
    let shift = 0;
    while (level.length > 1) {
      const up: Node[] = [];
      for (let i = 0; i < level.length; i += WIDTH) up.push(level.slice(i, i + WIDTH));
      level = up;
      shift += BITS;
    }
    return new PVec<T>(items.length, shift, level[0]);
  }

  get(i: number): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    let node = this.root;
    for (let level = this.shift; level > 0 && node !== undefined; level -= BITS) {
      node = node[(i >>> level) & MASK] as Node | undefined;
    }
    return node === undefined ? undefined : (node[i & MASK] as T | undefined);
  }

  /** A new version with `value` at `i` (undefined makes a hole). Throws on an index out of range. */
  set(i: number, value: T | undefined): PVec<T> {
    if (!Number.isInteger(i) || i < 0 || i > MAX_INDEX) throw new RangeError(`PVec index out of range: ${i}`);
    if (value === undefined && i >= this.size) return this;
    let shift = this.shift;
    let root = this.root;
    // Grow the trie upward until the index fits under the root.
    while (i >= WIDTH << shift) {
      if (root !== undefined) {
        const up = new Array<unknown>(WIDTH);
        up[0] = root;
        root = up;
      }
      shift += BITS;
    }
    return new PVec<T>(Math.max(this.size, i + 1), shift, setIn(root, shift, i, value));
  }

  push(value: T): PVec<T> {
    return this.set(this.size, value);
  }

  /** Calls `fn` for every defined entry in index order. */
  forEach(fn: (value: T, index: number) => void): void {
    visit(this.root, this.shift, 0, fn);
  }

  /** Calls `fn` for defined entries in index order until it returns false; holes cost nothing per index. */
  forEachWhile(fn: (value: T, index: number) => boolean): void {
    visitWhile(this.root, this.shift, 0, fn);
  }

  /** The entries in [from, to) as a dense array (holes stay undefined). */
  slice(from = 0, to = this.size): (T | undefined)[] {
    const out: (T | undefined)[] = [];
    const end = Math.min(to, this.size);
    for (let i = Math.max(0, from); i < end; i++) out.push(this.get(i));
    return out;
  }
}
