/**
 * Compile-time name resolution for locals. Each function body, closure and async block has a
 * FnScope (one runtime Frame); blocks nest inside it. A name not found in the current FnScope is
 * looked up outward: through a non-capturing scope it is reached by reference via `frame.up`; a
 * capturing scope (`move` closure, `async move`) gets its own slot for it, filled when the
 * closure / future is created (first mention first, which is also Rust's capture drop order).
 */
import type { IntCell } from '../intcell.ts';

export interface VarInfo {
  readonly name: string;
  readonly slot: number;
  ic: IntCell | null;
  elem: IntCell | null;
}

export interface VarRef {
  readonly depth: number;
  readonly slot: number;
  readonly info: VarInfo;
}

export interface Capture {
  /** Where the value is taken from, relative to the scope enclosing the capturing one. */
  readonly from: VarRef;
  /** The slot in the capturing scope's frame. */
  readonly slot: number;
}

class BlockScope {
  readonly vars = new Map<string, VarInfo>();
}

export class FnScope {
  nslots = 0;
  private readonly blocks: BlockScope[] = [new BlockScope()];
  readonly captures: Capture[] = [];
  /** Slots holding captures: block-scope drops must skip them (they live as long as the frame). */
  readonly capSet = new Set<number>();
  /** Slots that are parameters or captures (dropped last, in order). */
  readonly headSlots: number[] = [];
  /** Labels of enclosing loops/blocks inside this scope (innermost last). */
  readonly labels: (string | null)[] = [];
  /** The error type `?` converts into (from the declared return type), e.g. `io::Error`. */
  retErr: string | null = null;

  constructor(
    readonly parent: FnScope | null,
    /** Captures outer variables into own slots (move closures, async move blocks). */
    readonly capturing: boolean,
    readonly isAsync: boolean,
    /** The `Self` type name inside impl blocks. */
    readonly selfType: string | null,
  ) {}

  push(): void {
    this.blocks.push(new BlockScope());
  }
  pop(): void {
    this.blocks.pop();
  }

  /** Declares a new local (shadowing) in the innermost block. */
  declare(name: string, ic: IntCell | null = null): VarInfo {
    const info: VarInfo = { name, slot: this.nslots++, ic, elem: null };
    this.blocks[this.blocks.length - 1].vars.set(name, info);
    return info;
  }

  /** A slot not bound to a name (hidden temporaries such as a `for` loop's iterator). */
  hidden(): number {
    return this.nslots++;
  }

  resolve(name: string): VarRef | null {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const v = this.blocks[i].vars.get(name);
      if (v) return { depth: 0, slot: v.slot, info: v };
    }
    const cap = this.captureByName.get(name);
    if (cap) return { depth: 0, slot: cap.slot, info: cap };
    if (!this.parent) return null;
    const outer = this.parent.resolve(name);
    if (!outer) return null;
    if (!this.capturing) return { depth: outer.depth + 1, slot: outer.slot, info: outer.info };
    const info: VarInfo = { name, slot: this.nslots++, ic: outer.info.ic, elem: outer.info.elem };
    this.captureByName.set(name, info);
    this.capSet.add(info.slot);
    this.captures.push({ from: outer, slot: info.slot });
    this.headSlots.push(info.slot);
    return { depth: 0, slot: info.slot, info };
  }

  private readonly captureByName = new Map<string, VarInfo>();

  /** `.await`s compiled so far in this body: rustc numbers its suspend states in this order. */
  awaits = 0;

  /** The named locals in scope now, outermost block first (a shadowed name only as its newest). */
  inScope(): VarInfo[] {
    const byName = new Map<string, VarInfo>();
    for (const b of this.blocks) for (const [name, v] of b.vars) byName.set(name, v);
    return [...byName.values()];
  }

  /** Drop order for unwinding / dropping a suspended frame: locals newest first, then head slots. */
  dropOrder(): number[] {
    const head = new Set(this.headSlots);
    const order: number[] = [];
    for (let i = this.nslots - 1; i >= 0; i--) if (!head.has(i)) order.push(i);
    for (const h of this.headSlots) order.push(h);
    return order;
  }
}
