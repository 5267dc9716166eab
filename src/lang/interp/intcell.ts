/**
 * Loose integer type inference. Every integer-valued expression the compiler sees gets a cell;
 * operators, assignments, annotations, parameters and literal suffixes unify cells (union-find).
 * After the whole program is compiled, `finalize` gives each cell its type: the one a member fixed,
 * else `i32` (Rust's default for unconstrained literals), or a lenient `i64` when some member came
 * from a source the compiler could not type (so we never invent an overflow Rust would not have).
 * Compiled operators read `cell.t` at run time.
 */
import { I32, I64, INT_TYPES, type IntType, isIntName } from '../num/int-type.ts';

export class IntCell {
  /** The final type (valid after finalize; I32 before). */
  t: IntType = I32;
  parent: IntCell | null = null;
  fixed: IntType | null;
  unknown: boolean;
  constructor(fixed: IntType | null, unknown: boolean) {
    this.fixed = fixed;
    this.unknown = unknown;
    if (fixed) this.t = fixed;
  }
}

export class IntCells {
  private readonly all: IntCell[] = [];

  lit(): IntCell {
    return this.add(new IntCell(null, false));
  }
  unknown(): IntCell {
    return this.add(new IntCell(null, true));
  }
  of(t: IntType): IntCell {
    return this.add(new IntCell(t, false));
  }
  named(name: string): IntCell | null {
    return isIntName(name) ? this.of(INT_TYPES[name]) : null;
  }
  private add(c: IntCell): IntCell {
    this.all.push(c);
    return c;
  }

  static find(c: IntCell): IntCell {
    let r = c;
    while (r.parent) r = r.parent;
    let x = c;
    while (x.parent && x.parent !== r) {
      const n: IntCell = x.parent;
      x.parent = r;
      x = n;
    }
    return r;
  }

  /** Unifies two cells; returns the representative (either may be null). */
  unify(a: IntCell | null, b: IntCell | null): IntCell | null {
    if (!a) return b;
    if (!b) return a;
    const ra = IntCells.find(a);
    const rb = IntCells.find(b);
    if (ra === rb) return ra;
    // A fixed type wins; two different fixed types stay apart (a cast or a checker's job).
    if (ra.fixed && rb.fixed) return a;
    if (rb.fixed) {
      ra.parent = rb;
      rb.unknown = rb.unknown || ra.unknown;
      return b;
    }
    rb.parent = ra;
    ra.unknown = ra.unknown || rb.unknown;
    return a;
  }

  finalize(): void {
    for (const c of this.all) {
      const r = IntCells.find(c);
      c.t = r.fixed ?? (r.unknown ? I64 : I32);
    }
  }
}
