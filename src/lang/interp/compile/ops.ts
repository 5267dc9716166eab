/**
 * Operators: unary, binary (integer fast paths inline; everything else through ops-rt), plain and
 * compound assignment (Rust evaluates the right side first, then the place; assignment drops the
 * old value before storing), and `as` casts.
 */
import type { AssignExpr, BinaryExpr, CastExpr, CompoundAssignExpr, Expr, UnaryExpr } from '../../syntax/ast.ts';
import { floatToFloat, floatToInt, intToFloat } from '../../num/cast.ts';
import { INT_TYPES, isIntName, U32, type IntType } from '../../num/int-type.ts';
import { NumPanic } from '../../num/panic.ts';
import { type Code, type Method, Site } from '../defs.ts';
import { CTL, type Frame, frameAt } from '../frame.ts';
import type { IntCell } from '../intcell.ts';
import { arithSlow, bitSlow, cmpValues, eqValues, negSlow } from '../ops-rt.ts';
import { claim, copyValue, dropInFlight, dropSlot } from '../owner.ts';
import { numPanicAt } from '../panic.ts';
import { MutRef, mkChar, Owned, RChar, RefBase, RFloat, RStruct, type Value } from '../values.ts';
import { type CE, gen, map1, seq, sync } from './ce.ts';
import { type Cx, fail } from './cx.ts';
import { compileExpr, compilePlaceRead } from './expr.ts';
import { compilePlace, P } from './place.ts';
import { typeFault } from '../type-fault.ts';
import { intIn, openTyOf } from './typed-generic.ts';
import { userDerefs } from './typed.ts';
import { userDeref } from '../std/user-deref.ts';

type ArithOp = 'add' | 'sub' | 'mul' | 'div' | 'rem';
const ARITH: Record<string, ArithOp> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'rem' };

function num(e: unknown, site: Site): never {
  if (e instanceof NumPanic) numPanicAt(site, e);
  throw e;
}

const BIT_METHOD = { '&': 'bitand', '|': 'bitor', '^': 'bitxor' } as const;

/** `a op b` on values: integers by `t`, everything else by ops-rt. */
export function binop(op: string, x: Value, y: Value, t: IntType, site: Site): Value {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return arithSlow(ARITH[op], x, y, t, site);
    case '&':
    case '|':
    case '^': {
      if (typeof x === 'boolean') return op === '&' ? x && y : op === '|' ? x || y : x !== y;
      // `&a | &b` on sets (and user `BitOr` impls): the operator's method
      if (typeof x === 'object' && x !== null) return bitSlow(BIT_METHOD[op], x, y, site);
      try {
        return op === '&'
          ? t.and(x as number, y as number)
          : op === '|'
            ? t.or(x as number, y as number)
            : t.xor(x as number, y as number);
      } catch (e) {
        return num(e, site);
      }
    }
    case '<<':
    case '>>':
      try {
        return op === '<<' ? t.shl(x as number, y as number) : t.shr(x as number, y as number);
      } catch (e) {
        return num(e, site);
      }
    case '==':
      return x === y || eqValues(x, y);
    case '!=':
      return !(x === y || eqValues(x, y));
    case '<':
      return cmpValues(x, y) < 0;
    case '<=':
      return cmpValues(x, y) <= 0;
    case '>':
      return cmpValues(x, y) > 0;
    case '>=':
      return cmpValues(x, y) >= 0;
  }
  throw new Error(`unknown operator ${op}`);
}

function fastArith(op: string, a: Code, b: Code, cell: IntCell, site: Site): Code | null {
  switch (op) {
    case '+':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number') {
          const r = x + y;
          const t = cell.t;
          if (r >= t.loN && r <= t.hiN) return r;
        }
        return arithSlow('add', x, y, cell.t, site);
      };
    case '-':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number') {
          const r = x - y;
          const t = cell.t;
          if (r >= t.loN && r <= t.hiN) return r;
        }
        return arithSlow('sub', x, y, cell.t, site);
      };
    case '*':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number') {
          const r = x * y;
          const t = cell.t;
          if (r >= t.loN && r <= t.hiN) return r === 0 ? 0 : r;
        }
        return arithSlow('mul', x, y, cell.t, site);
      };
    case '/':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number' && y > 0 && x >= 0) return Math.floor(x / y);
        return arithSlow('div', x, y, cell.t, site);
      };
    case '%':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number' && y > 0 && x >= 0) return x % y;
        return arithSlow('rem', x, y, cell.t, site);
      };
    case '<':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number') return x < y;
        return cmpValues(x, y) < 0;
      };
    case '<=':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number') return x <= y;
        return cmpValues(x, y) <= 0;
      };
    case '>':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number') return x > y;
        return cmpValues(x, y) > 0;
      };
    case '>=':
      return (f) => {
        const x = a(f);
        const y = b(f);
        if (typeof x === 'number' && typeof y === 'number') return x >= y;
        return cmpValues(x, y) >= 0;
      };
    case '==':
      return (f) => {
        const x = a(f);
        const y = b(f);
        return x === y || (typeof x === 'object' && eqValues(x, y)) || (typeof x === 'bigint' && eqValues(x, y));
      };
    case '!=':
      return (f) => {
        const x = a(f);
        const y = b(f);
        return !(x === y || (typeof x === 'object' && eqValues(x, y)) || (typeof x === 'bigint' && eqValues(x, y)));
      };
    default:
      return null;
  }
}

const COMPARISON = new Set(['==', '!=', '<', '<=', '>', '>=']);

function isChainLink(x: Expr): x is BinaryExpr {
  return x.kind === 'Binary' && x.op !== '&&' && x.op !== '||';
}

/**
 * `a + b + c + …` nests to the left; it is compiled from the innermost operation outwards in a loop,
 * so a chain of thousands of terms never deepens the host's stack.
 */
export function compileBinary(cx: Cx, e: BinaryExpr): CE {
  if (!isChainLink(e)) return compileLogical(cx, e);
  const spine: BinaryExpr[] = [e];
  for (let x = e.left; isChainLink(x); x = x.left) spine.push(x);
  let acc = compileExpr(cx, spine[spine.length - 1].left);
  for (let i = spine.length - 1; i >= 0; i--) {
    const link = spine[i];
    acc = combineBinary(cx, link, acc, compileExpr(cx, link.right));
  }
  return acc;
}

function combineBinary(cx: Cx, e: BinaryExpr, l: CE, r: CE): CE {
  const site = Site.of(e.span);
  const op = e.op;
  const shift = op === '<<' || op === '>>';
  let cell: IntCell;
  if (shift) cell = l.ic ?? cx.cells.unknown();
  else cell = cx.cells.unify(l.ic, r.ic) ?? (isArith(op) ? cx.cells.unknown() : cx.cells.lit());
  const resultIc = COMPARISON.has(op) ? null : l.ic || r.ic || isArith(op) ? cell : null;
  // An integer operand's width is the result's (std's `Add for i8` is the only `i8 + i8`).
  const open = isArith(op) ? (openTyOf(cx, e) ?? openTyOf(cx, e.left)) : null;
  if (open !== null) {
    // Generic arithmetic (`x + x` with `x: T`): the width is the one this call gives `T`.
    return seq([l, r], (f, [x, y]) => binop(op, x, y, intIn(open, f) ?? cell.t, site), resultIc);
  }
  if (l.s && r.s && !l.ctl && !r.ctl) {
    const fast = fastArith(op, l.s, r.s, cell, site);
    if (fast) return sync(fast, false, resultIc);
    const a = l.s;
    const b = r.s;
    return sync(
      (f) => {
        const x = a(f);
        return binop(op, x, b(f), cell.t, site);
      },
      false,
      resultIc,
    );
  }
  return seq([l, r], (_f, [x, y]) => binop(op, x, y, cell.t, site), resultIc);
}

function isArith(op: string): boolean {
  return op === '+' || op === '-' || op === '*' || op === '/' || op === '%';
}

function compileLogical(cx: Cx, e: BinaryExpr): CE {
  const l = compileExpr(cx, e.left);
  const r = compileExpr(cx, e.right);
  const and = e.op === '&&';
  const ctl = l.ctl || r.ctl;
  if (l.s && r.s) {
    const a = l.s;
    const b = r.s;
    if (!ctl) return sync(and ? (f) => a(f) === true && b(f) === true : (f) => a(f) === true || b(f) === true);
    return sync((f) => {
      const x = a(f);
      if (x === CTL) return CTL;
      if (and ? x !== true : x === true) return x;
      return b(f);
    }, true);
  }
  const ga = l.g;
  const gb = r.g;
  const sa = l.s;
  const sb = r.s;
  return gen(function* (f: Frame) {
    const x = ga ? yield* ga(f) : sa!(f);
    if (x === CTL) return CTL;
    if (and ? x !== true : x === true) return x;
    return gb ? yield* gb(f) : sb!(f);
  }, ctl);
}

export function compileUnary(cx: Cx, e: UnaryExpr): CE {
  const site = Site.of(e.span);
  const v = e.op === '*' ? compilePlaceRead(cx, e.operand) : compileExpr(cx, e.operand);
  switch (e.op) {
    case '-': {
      // `-5i32::MIN`-style literals: negate the literal exactly
      if (e.operand.kind === 'IntLit') {
        const n = -e.operand.value;
        const val: Value = n >= -9007199254740991n ? Number(n) : n;
        return sync(() => val, false, v.ic);
      }
      const cell = v.ic ?? cx.cells.unknown();
      return map1(
        v,
        (_f, x) => {
          if (typeof x === 'number' || typeof x === 'bigint') {
            try {
              return cell.t.neg(x);
            } catch (err) {
              return num(err, site);
            }
          }
          return negSlow(x, site);
        },
        v.ic,
      );
    }
    case '!': {
      const cell = v.ic;
      return map1(
        v,
        (_f, x) => {
          if (typeof x === 'boolean') return !x;
          if (typeof x === 'number' || typeof x === 'bigint') return (cell?.t ?? U32).not(x);
          return typeFault(site, 'cannot apply unary operator `!` to this type', 'E0600');
        },
        v.ic,
      );
    }
    case '*': {
      // `*x` with `x` of a user type (not a reference to one): `*Deref::deref(&x)`
      const viaDeref = userDerefs(cx, e.operand);
      return map1(
        v,
        (_f, x0) => {
          const x = viaDeref ? (userDeref(x0, site, false) ?? x0) : x0;
          const y = x instanceof RefBase ? x.get() : x;
          return y instanceof Owned ? copyValue(y) : y;
        },
        v.ic,
      );
    }
  }
}

/** `place = value` */
export function compileAssign(cx: Cx, e: AssignExpr): CE {
  const val = compileExpr(cx, e.value);
  const t = e.target;
  if (t.kind === 'PathExpr' && t.path.segments.length === 1 && t.path.segments[0].name === '_') {
    return map1(val, (_f, x) => {
      dropInFlight(x);
      return undefined;
    });
  }
  if (t.kind === 'Tuple') return compileTupleAssign(cx, e, val);
  const pl = compilePlace(cx, t);
  cx.cells.unify(pl.ic, val.ic);
  if (pl.local && val.s && !val.ctl) {
    const { depth, slot } = pl.local;
    const vs = val.s;
    return sync((f) => {
      const x = vs(f);
      const s = depth === 0 ? f.s : frameAt(f, depth).s;
      const old = s[slot];
      if (old instanceof Owned) dropSlot(old, s, slot);
      s[slot] = x;
      if (x instanceof Owned && x.o === null) {
        x.o = s;
        x.oi = slot;
      }
      return undefined;
    });
  }
  return seqThenPlace(val, pl.loc, (x) => {
    storeAtP(x);
    return undefined;
  });
}

/** Drops the value at P (if the place owns it) and stores `x` there. */
export function storeAtP(x: Value): void {
  let c = P.c!;
  let k = P.k;
  if (c instanceof MutRef) {
    k = c.k;
    c = c.c;
  }
  if (c instanceof RefBase) {
    const old = c.get();
    c.set(x);
    dropInFlightOrOwned(old);
    return;
  }
  const old = c[k];
  if (old instanceof Owned && old.o === c && (old.oi === k || old.oi === -1)) dropSlot(old, c, old.oi);
  c[k] = x;
  claim(x, c, k);
}

function dropInFlightOrOwned(v: Value): void {
  dropInFlight(v);
}

/** Evaluates `val`, then the place, then `then(value)` (Rust's order for assignments). */
function seqThenPlace(val: CE, loc: CE, then: (x: Value) => Value): CE {
  const ctl = val.ctl || loc.ctl;
  if (val.s && loc.s) {
    const vs = val.s;
    const ls = loc.s;
    return sync((f) => {
      const x = vs(f);
      if (x === CTL) return CTL;
      if (ls(f) === CTL) return CTL;
      return then(x);
    }, ctl);
  }
  if (loc.s) {
    // Only the value suspends (`sum += h.await`): a map over it, which `.await` fuses into itself.
    const ls = loc.s;
    return map1(val, (f, x) => (ls(f) === CTL ? CTL : then(x)), null, ctl);
  }
  const vg = val.g;
  const vs = val.s;
  const lg = loc.g!;
  return gen(function* (f: Frame) {
    const x = vg ? yield* vg(f) : vs!(f);
    if (x === CTL) return CTL;
    const r = yield* lg(f);
    if (r === CTL) return CTL;
    return then(x);
  }, ctl);
}

function compileTupleAssign(cx: Cx, e: AssignExpr, val: CE): CE {
  const t = e.target as Extract<Expr, { kind: 'Tuple' }>;
  const places = t.elems.map((x) => compilePlace(cx, x));
  return map1(val, (f, x) => {
    const tv = x as { f: Value[] };
    for (let i = 0; i < places.length; i++) {
      const r = places[i].loc.s!(f);
      if (r === CTL) return CTL;
      storeAtP(tv.f[i]);
    }
    return undefined;
  });
}

const COMPOUND: Record<string, string> = {
  '+=': '+',
  '-=': '-',
  '*=': '*',
  '/=': '/',
  '%=': '%',
  '&=': '&',
  '|=': '|',
  '^=': '^',
  '<<=': '<<',
  '>>=': '>>',
};

/** `place op= value` */
export function compileCompound(cx: Cx, e: CompoundAssignExpr): CE {
  const site = Site.of(e.span);
  const op = COMPOUND[e.op];
  const val = compileExpr(cx, e.value);
  const pl = compilePlace(cx, e.target);
  const user = userOpAssign(cx, e);
  if (user !== null) {
    // `a += b` on a type with its own `AddAssign`: `AddAssign::add_assign(&mut a, b)`
    return seqThenPlace(val, pl.loc, (y) => {
      const c = P.c!;
      const k = P.k;
      const x = c instanceof RefBase ? c.get() : c[k];
      const self = x instanceof RefBase || x instanceof RStruct ? x : c instanceof RefBase ? c : new MutRef(c, k);
      user.call(site, [self, y]);
      return undefined;
    });
  }
  const shift = op === '<<' || op === '>>';
  const cell = (shift ? pl.ic : cx.cells.unify(pl.ic, val.ic)) ?? cx.cells.unknown();
  if (pl.local && val.s && !val.ctl) {
    const { depth, slot } = pl.local;
    const vs = val.s;
    if ((op === '+' || op === '-' || op === '*') && depth === 0) {
      const sub = op === '-';
      const mul = op === '*';
      return sync((f) => {
        const y = vs(f);
        const s = f.s;
        const x = s[slot];
        if (typeof x === 'number' && typeof y === 'number') {
          const r = sub ? x - y : mul ? x * y : x + y;
          const t = cell.t;
          if (r >= t.loN && r <= t.hiN) {
            s[slot] = r === 0 ? 0 : r;
            return undefined;
          }
        }
        s[slot] = compoundValue(op, x, y, cell.t, site);
        return undefined;
      });
    }
    if (op === '+' && depth === 0) {
      return sync((f) => {
        const y = vs(f);
        const s = f.s;
        const x = s[slot];
        if (typeof x === 'number' && typeof y === 'number') {
          const r = x + y;
          const t = cell.t;
          if (r >= t.loN && r <= t.hiN) {
            s[slot] = r;
            return undefined;
          }
        }
        s[slot] = compoundValue(op, x, y, cell.t, site);
        return undefined;
      });
    }
    return sync((f) => {
      const y = vs(f);
      const s = depth === 0 ? f.s : frameAt(f, depth).s;
      s[slot] = compoundValue(op, s[slot], y, cell.t, site);
      return undefined;
    });
  }
  return seqThenPlace(val, pl.loc, (y) => {
    const c = P.c!;
    const k = P.k;
    const x = c instanceof RefBase ? c.get() : c[k];
    const r = compoundValue(op, x, y, cell.t, site);
    if (c instanceof RefBase) c.set(r);
    else c[k] = r;
    return undefined;
  });
}

const OP_ASSIGN: Record<string, string> = {
  '+=': 'AddAssign::add_assign',
  '-=': 'SubAssign::sub_assign',
  '*=': 'MulAssign::mul_assign',
  '/=': 'DivAssign::div_assign',
  '%=': 'RemAssign::rem_assign',
};

/** The user `XAssign` impl of the target's type (from the checker), if it has one. */
function userOpAssign(cx: Cx, e: CompoundAssignExpr): Method | null {
  const name = OP_ASSIGN[e.op];
  let t = cx.facts.typeOf(e.target);
  while (t?.k === 'ref') t = t.inner;
  if (name === undefined || t?.k !== 'adt') return null;
  const it = cx.item(t.name);
  return (it?.kind === 'struct' || it?.kind === 'enum' ? it.def.methods.get(name) : undefined) ?? null;
}

function compoundValue(op: string, x: Value, y: Value, t: IntType, site: Site): Value {
  const base = x instanceof RefBase ? x.get() : x;
  return binop(op, base, y, t, site);
}

export function compileCast(cx: Cx, e: CastExpr): CE {
  const v = compileExpr(cx, e.expr);
  const ty = e.type;
  const name = ty.kind === 'PathType' ? ty.path.segments[ty.path.segments.length - 1].name : '';
  const site = Site.of(e.span);
  if (isIntName(name)) {
    const t = INT_TYPES[name];
    return map1(
      v,
      (_f, x0) => {
        const x = x0 instanceof RefBase ? x0.get() : x0;
        if (typeof x === 'number' || typeof x === 'bigint') return t.wrap(x);
        if (x instanceof RFloat) return floatToInt(t, x.v);
        if (typeof x === 'boolean') return x ? 1 : 0;
        if (x instanceof RChar) return t.wrap(x.c.codePointAt(0)!);
        if (x && typeof x === 'object' && 'discriminant' in x)
          return t.wrap((x as { discriminant: number }).discriminant);
        return enumDiscriminant(x, t, site);
      },
      cx.cells.of(t),
    );
  }
  if (name === 'f64' || name === 'f32') {
    const k = name;
    return map1(v, (_f, x0) => {
      const x = x0 instanceof RefBase ? x0.get() : x0;
      if (typeof x === 'number' || typeof x === 'bigint') return new RFloat(intToFloat(k, x), k === 'f32');
      if (x instanceof RFloat) return new RFloat(floatToFloat(k, x.v), k === 'f32');
      return typeFault(site, `non-primitive cast to \`${k}\``, 'E0605');
    });
  }
  if (name === 'char') {
    return map1(v, (_f, x) => (typeof x === 'number' ? mkChar(String.fromCodePoint(x)) : x));
  }
  if (name === 'usize' || name === 'bool') return v;
  // `as &dyn Trait`, `as Box<dyn Error>` and friends change nothing at run time
  if (ty.kind === 'RefType' || ty.kind === 'PathType' || ty.kind === 'InferType') return v;
  return fail(e.span, 'this cast is not supported');
}

function enumDiscriminant(x: Value, t: IntType, site: Site): Value {
  if (x && typeof x === 'object' && 'def' in x && 'v' in x) {
    const en = x as unknown as { def: { variants: { discriminant: number }[] }; v: number };
    return t.wrap(en.def.variants[en.v].discriminant);
  }
  return typeFault(site, 'casting this value to an integer is invalid', 'E0606');
}
