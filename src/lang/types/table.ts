/**
 * The inference table: union-find over inference variables (rust-analyzer's `InferenceTable`
 * shape). An integer or float literal without a suffix gets a variable of kind `int`/`float`, which
 * may only be bound to an integer/float type; at the end `fallback` gives the unbound ones `i32`
 * and `f64`, as rustc does. Binding a variable to `unknown` is how a value escapes into code the
 * tables do not describe: it then never produces an error.
 */
import { UNKNOWN, floatTy, intTy, type Ty } from './ty.ts';

export type VarKind = 'general' | 'int' | 'float';

interface VarSlot {
  parent: number;
  kind: VarKind;
  value: Ty | null;
}

export class InferTable {
  private readonly slots: VarSlot[] = [];

  fresh(kind: VarKind = 'general'): Ty {
    const id = this.slots.length;
    this.slots.push({ parent: id, kind, value: null });
    return { k: 'var', id };
  }

  private root(id: number): number {
    let r = id;
    while (this.slots[r].parent !== r) r = this.slots[r].parent;
    // Path compression keeps chains short.
    let i = id;
    while (i !== r) {
      const s = this.slots[i];
      i = s.parent;
      s.parent = r;
    }
    return r;
  }

  kindOf(id: number): VarKind {
    return this.slots[this.root(id)].kind;
  }

  /** Follows bound variables until a non-variable or an unbound variable (its root). */
  shallow(t: Ty): Ty {
    let cur = t;
    while (cur.k === 'var') {
      const r = this.root(cur.id);
      const v = this.slots[r].value;
      if (v === null) return r === cur.id ? cur : { k: 'var', id: r };
      cur = v;
    }
    return cur;
  }

  /** The type with every bound variable replaced by its value. */
  deep(t: Ty): Ty {
    const s = this.shallow(t);
    switch (s.k) {
      case 'tuple':
        return { k: 'tuple', elems: s.elems.map((e) => this.deep(e)) };
      case 'ref':
        return { k: 'ref', mut: s.mut, inner: this.deep(s.inner) };
      case 'array':
        return { k: 'array', elem: this.deep(s.elem), len: s.len };
      case 'slice':
        return { k: 'slice', elem: this.deep(s.elem) };
      case 'adt':
        return { k: 'adt', name: s.name, args: s.args.map((a) => this.deep(a)) };
      case 'fn':
        return { k: 'fn', params: s.params.map((p) => this.deep(p)), ret: this.deep(s.ret) };
      case 'future':
        return { k: 'future', output: this.deep(s.output), asyncBlock: s.asyncBlock };
      default:
        return s;
    }
  }

  private bind(id: number, t: Ty): boolean {
    const r = this.root(id);
    const slot = this.slots[r];
    if (t.k === 'var') {
      const r2 = this.root(t.id);
      if (r2 === r) return true;
      const other = this.slots[r2];
      const kind = mergeKinds(slot.kind, other.kind);
      if (kind === null) return false;
      other.kind = kind;
      slot.parent = r2;
      return true;
    }
    if (t.k === 'unknown' || t.k === 'never') {
      slot.value = t.k === 'never' ? UNKNOWN : t;
      return true;
    }
    if (slot.kind === 'int' && t.k !== 'int') return false;
    if (slot.kind === 'float' && t.k !== 'float') return false;
    if (this.occurs(r, t)) {
      slot.value = UNKNOWN;
      return true;
    }
    slot.value = t;
    return true;
  }

  private occurs(root: number, t: Ty): boolean {
    const s = this.shallow(t);
    switch (s.k) {
      case 'var':
        return this.root(s.id) === root;
      case 'tuple':
        return s.elems.some((e) => this.occurs(root, e));
      case 'ref':
        return this.occurs(root, s.inner);
      case 'array':
      case 'slice':
        return this.occurs(root, s.elem);
      case 'adt':
        return s.args.some((a) => this.occurs(root, a));
      case 'fn':
        return s.params.some((p) => this.occurs(root, p)) || this.occurs(root, s.ret);
      case 'future':
        return this.occurs(root, s.output);
      default:
        return false;
    }
  }

  /**
   * Makes two types equal. Returns false only for a definite clash of known types; `unknown`,
   * generic parameters and `!` agree with anything.
   */
  unify(a: Ty, b: Ty): boolean {
    const x = this.shallow(a);
    const y = this.shallow(b);
    if (x.k === 'var') return this.bind(x.id, y);
    if (y.k === 'var') return this.bind(y.id, x);
    if (x.k === 'unknown' || y.k === 'unknown' || x.k === 'never' || y.k === 'never') {
      this.escape(x);
      this.escape(y);
      return true;
    }
    if (x.k === 'param' || y.k === 'param') {
      this.escape(x);
      this.escape(y);
      return true;
    }
    // Fn items, closures and fn pointers coerce among each other in ways this table does not
    // model; agreeing (and unifying what lines up) is the safe answer. Futures likewise.
    if (x.k === 'fn' || x.k === 'future') {
      if (x.k === 'fn' && y.k === 'fn') {
        if (y.params.length === x.params.length) x.params.forEach((p, i) => this.unify(p, y.params[i]));
        this.unify(x.ret, y.ret);
      } else if (x.k === 'future' && y.k === 'future') this.unify(x.output, y.output);
      else this.escape(y);
      return true;
    }
    return sameHead(x, y, (p, q) => this.unify(p, q));
  }

  /** Would `unify` succeed? Binds nothing. */
  compatible(a: Ty, b: Ty): boolean {
    const x = this.shallow(a);
    const y = this.shallow(b);
    if (x.k === 'var' || y.k === 'var') {
      const v = x.k === 'var' ? x : y;
      const o = x.k === 'var' ? y : x;
      if (v.k !== 'var') return true;
      const kind = this.kindOf(v.id);
      if (o.k === 'var') return mergeKinds(kind, this.kindOf(o.id)) !== null;
      if (['unknown', 'never', 'param'].includes(o.k)) return true;
      return kind === 'general' || o.k === kind;
    }
    if (['unknown', 'never', 'param'].includes(x.k) || ['unknown', 'never', 'param'].includes(y.k)) return true;
    return sameHead(x, y, (p, q) => this.compatible(p, q));
  }

  /** The value flows somewhere the tables do not describe: its open variables become unknown. */
  escape(t: Ty): void {
    const s = this.shallow(t);
    switch (s.k) {
      case 'var':
        this.slots[this.root(s.id)].value = UNKNOWN;
        return;
      case 'tuple':
        for (const e of s.elems) this.escape(e);
        return;
      case 'ref':
        this.escape(s.inner);
        return;
      case 'array':
      case 'slice':
        this.escape(s.elem);
        return;
      case 'adt':
        for (const a of s.args) this.escape(a);
        return;
      case 'fn':
        for (const p of s.params) this.escape(p);
        this.escape(s.ret);
        return;
      case 'future':
        this.escape(s.output);
        return;
      default:
        return;
    }
  }

  /** rustc's literal fallback: unbound `{integer}` → i32, `{float}` → f64. */
  fallback(): void {
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (slot.parent !== i || slot.value !== null) continue;
      if (slot.kind === 'int') slot.value = intTy('i32');
      else if (slot.kind === 'float') slot.value = floatTy('f64');
    }
  }

  /** How rustc prints an unresolved variable: `{integer}`, `{float}` or `_`. */
  showVar = (id: number): string => {
    const k = this.kindOf(id);
    return k === 'int' ? '{integer}' : k === 'float' ? '{float}' : '_';
  };
}

/** Compares two known types' heads, and their children with `child`; fn and future heads agree. */
function sameHead(x: Ty, y: Ty, child: (a: Ty, b: Ty) => boolean): boolean {
  const each = (xs: readonly Ty[], ys: readonly Ty[]): boolean =>
    xs.length === ys.length && xs.every((t, i) => child(t, ys[i]));
  switch (x.k) {
    case 'int':
    case 'float':
      return y.k === x.k && y.name === x.name;
    case 'bool':
    case 'char':
    case 'str':
      return y.k === x.k;
    case 'tuple':
      return y.k === 'tuple' && each(x.elems, y.elems);
    case 'ref':
      return y.k === 'ref' && y.mut === x.mut && child(x.inner, y.inner);
    case 'array':
    case 'slice':
      return y.k === x.k && child(x.elem, y.elem);
    case 'adt':
      return y.k === 'adt' && y.name === x.name && each(x.args, y.args);
    default:
      return true;
  }
}

function mergeKinds(a: VarKind, b: VarKind): VarKind | null {
  if (a === 'general') return b;
  if (b === 'general' || a === b) return a;
  return null;
}
