/**
 * The expression compiler's dispatcher, and the simple node kinds: literals, paths, references,
 * field and index reads, tuple / array / struct literals, ranges. Two modes:
 * - value mode (`compileExpr`): a by-value use; reading a place moves a non-Copy value out of it;
 * - place mode (`compilePlaceRead`): the value is only looked at (method receivers, `&e`, match
 *   scrutinees, format arguments); the place stays the owner and `P` tells where it is.
 */
import { typedInt } from './typed.ts';
import type { Path, Span, Type } from '../../syntax/ast.ts';
import type { Expr, StructExpr } from '../../syntax/ast.ts';
import { INT_TYPES, isIntName, USIZE } from '../../num/int-type.ts';
import { Site } from '../defs.ts';
import { CTL, type Frame, frameAt } from '../frame.ts';
import { claim, copyValue, noteTemp, take } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { RRange } from '../std/range.ts';
import { indexRead } from '../std/index-ops.ts';
import { mkChar, Owned, RefBase, RFloat, RStruct, RTuple, RVec, type Value, deref, REnum } from '../values.ts';
import { compileAwait, compileAsyncBlock, compileClosure } from './closure.ts';
import { compileBlockExpr } from './block.ts';
import { compileCall, compileMethodCall, hintInto } from './calls.ts';
import { type CE, gen, map1, seq, sync } from './ce.ts';
import { compileBreak, compileContinue, compileIf, compileMatch, compileReturn, compileTry } from './control.ts';
import { compileFor, compileLoop, compileWhile } from './loops.ts';
import { type Cx, fail } from './cx.ts';
import { compileMacro, elemBytes } from './macros.ts';
import { MAIN_STACK_BYTES, stackOverflow } from '../guards.ts';
import { compileAssign, compileBinary, compileCast, compileCompound, compileUnary } from './ops.ts';
import { fnValue, resolvePath, variantCtor } from './paths.ts';
import { genericAssocConst } from './typed-generic.ts';
import { compilePlace, P, isPlaceExpr, refTo } from './place.ts';

export function compileExpr(cx: Cx, e: Expr): CE {
  return typedInt(cx, e, compileUntyped(cx, e));
}

function compileUntyped(cx: Cx, e: Expr): CE {
  switch (e.kind) {
    case 'IntLit': {
      const v = e.value;
      const val: Value = v <= 9007199254740991n && v >= -9007199254740991n ? Number(v) : v;
      const ic = e.suffix ? cx.cells.named(e.suffix) : cx.cells.lit();
      return sync(() => val, false, ic);
    }
    case 'FloatLit': {
      const f32 = (e.suffix ?? cx.facts.floatOf(e)) === 'f32';
      const val = new RFloat(f32 ? Math.fround(e.value) : e.value, f32);
      return sync(() => val);
    }
    case 'StrLit': {
      const s = e.value;
      return sync(() => s);
    }
    case 'CharLit': {
      const c = mkChar(e.value);
      return sync(() => c);
    }
    case 'BoolLit': {
      const b = e.value;
      return sync(() => b);
    }
    case 'ByteLit': {
      const b = e.value;
      return sync(() => b, false, cx.cells.named('u8'));
    }
    case 'ByteStrLit': {
      const bytes = e.value;
      return sync(() => new RVec(bytes.slice(), true), false, null, cx.cells.named('u8'));
    }
    case 'PathExpr':
      return compilePathValue(cx, e.path, e.span);
    case 'Paren':
      return compileExpr(cx, e.expr);
    case 'Unary':
      return compileUnary(cx, e);
    case 'Ref':
      return compileRef(cx, e.operand, e.mutable);
    case 'Binary':
      return compileBinary(cx, e);
    case 'Assign':
      return compileAssign(cx, e);
    case 'CompoundAssign':
      return compileCompound(cx, e);
    case 'Cast':
      return compileCast(cx, e);
    case 'Call':
      return compileCall(cx, e);
    case 'MethodCall':
      return compileMethodCall(cx, e);
    case 'Field':
    case 'TupleIndex': {
      const pl = compilePlace(cx, e, false);
      return map1(pl.loc, () => take(P.c as Value[], P.k), pl.ic);
    }
    case 'Index': {
      const base = compilePlaceRead(cx, e.object);
      const idx = compileExpr(cx, e.index);
      const site = bracketSite(e);
      const arraySite = Site.of(e.span);
      return seq(
        [base, idx],
        (_f, [b, i]) => {
          const v = indexRead(b, i, site, arraySite);
          return v instanceof Owned ? copyValue(v) : v;
        },
        base.elem ?? null,
      );
    }
    case 'Range': {
      const parts: CE[] = [];
      if (e.start) parts.push(compileExpr(cx, e.start));
      if (e.end) parts.push(compileExpr(cx, e.end));
      const hasStart = e.start !== null;
      const hasEnd = e.end !== null;
      const inclusive = e.inclusive;
      const ic = cx.cells.unify(hasStart ? parts[0].ic : null, hasEnd ? parts[parts.length - 1].ic : null);
      const ce = seq(parts, (_f, vals) => {
        const s = hasStart ? vals[0] : undefined;
        const en = hasEnd ? vals[vals.length - 1] : undefined;
        return new RRange(s, en, inclusive, hasStart, hasEnd);
      });
      return { ...ce, elem: ic ?? cx.cells.lit() };
    }
    case 'Try':
      return compileTry(cx, e);
    case 'Await':
      return compileAwait(cx, e);
    case 'BlockExpr':
      return compileBlockExpr(cx, e.block, e.label);
    case 'Unsafe':
      return fail(e.span, 'unsafe blocks are not supported');
    case 'AsyncBlock':
      return compileAsyncBlock(cx, e);
    case 'If':
      return compileIf(cx, e);
    case 'Let':
      return fail(e.span, '`let` is only supported as the condition of `if` and `while`');
    case 'While':
      return compileWhile(cx, e);
    case 'Loop':
      return compileLoop(cx, e);
    case 'For':
      return compileFor(cx, e);
    case 'Match':
      return compileMatch(cx, e);
    case 'Closure':
      return compileClosure(cx, e);
    case 'Break':
      return compileBreak(cx, e);
    case 'Continue':
      return compileContinue(cx, e);
    case 'Return':
      return compileReturn(cx, e);
    case 'Tuple': {
      if (e.elems.length === 0) return sync(() => undefined);
      const parts = e.elems.map((x) => compileExpr(cx, x));
      return seq(parts, (_f, vals) => {
        const t = new RTuple(vals);
        for (let i = 0; i < vals.length; i++) claim(vals[i], vals, i);
        return t;
      });
    }
    case 'Array': {
      const parts = e.elems.map((x) => compileExpr(cx, x));
      let ic = null;
      for (const p of parts) ic = cx.cells.unify(ic, p.ic);
      const ce = seq(parts, (_f, vals) => {
        const v = new RVec(vals, true);
        for (let i = 0; i < vals.length; i++) claim(vals[i], vals, i);
        return v;
      });
      return { ...ce, elem: ic };
    }
    case 'ArrayRepeat': {
      const val = compileExpr(cx, e.value);
      const count = compileExpr(cx, e.count);
      cx.cells.unify(count.ic, cx.cells.of(USIZE));
      const ce = seq([val, count], (_f, [v, n]) => {
        // An array lives on the stack: one past any thread's stack overflows it (a fuzzed
        // `[1u32; 3_000_000_000]` took the host down before this check).
        if (Number(n) * elemBytes(val.ic) > MAIN_STACK_BYTES) stackOverflow();
        const a = new Array<Value>(Number(n));
        for (let i = 0; i < a.length; i++) a[i] = v instanceof Owned ? copyValue(v) : v;
        return new RVec(a, true);
      });
      return { ...ce, elem: val.ic };
    }
    case 'StructLit':
      return compileStructLit(cx, e);
    case 'FormatMacro':
    case 'AssertMacro':
    case 'AssertCmpMacro':
    case 'VecMacro':
    case 'MatchesMacro':
    case 'DbgMacro':
    case 'SelectMacro':
    case 'JoinMacro':
    case 'PinMacro':
      return compileMacro(cx, e);
  }
}

/** A path in value mode: a local is moved (or copied); items evaluate to their value. */
function compilePathValue(cx: Cx, path: Path, span: Span): CE {
  const generic = genericAssocConst(cx, path, span);
  if (generic !== null) return generic;
  const r = resolvePath(cx, path, span);
  if (r.kind === 'local') {
    const { depth, slot, info } = r.ref;
    if (info.ic) {
      // integers are never owned: a plain read
      if (depth === 0) return sync((f) => f.s[slot], false, info.ic, info.elem);
      return sync((f) => frameAt(f, depth).s[slot], false, info.ic, info.elem);
    }
    if (depth === 0) return sync((f) => take(f.s, slot), false, null, info.elem);
    return sync((f) => take(frameAt(f, depth).s, slot), false, null, info.elem);
  }
  if (r.kind === 'value') {
    const get = r.get;
    return sync(() => get(), false, r.ret ? cx.cells.of(r.ret) : null);
  }
  const fv = fnValue(r);
  return sync(() => fv);
}

/**
 * Place mode: evaluates `e` without moving out of it. Afterwards `P.c`/`P.k` locate the place,
 * or `P.c` is null for an rvalue (a temporary, registered to be dropped at the statement's end).
 */
export function compilePlaceRead(cx: Cx, e: Expr, mutable = false): CE {
  if (e.kind === 'Paren') return compilePlaceRead(cx, e.expr, mutable);
  if (e.kind === 'PathExpr' && e.path.segments.length === 1) {
    const r = cx.scope.resolve(e.path.segments[0].name);
    if (r) {
      const { depth, slot, info } = r;
      if (depth === 0) {
        return sync(
          (f) => {
            const s = f.s;
            P.c = s;
            P.k = slot;
            return s[slot];
          },
          false,
          info.ic,
          info.elem,
        );
      }
      return sync(
        (f) => {
          const s = frameAt(f, depth).s;
          P.c = s;
          P.k = slot;
          return s[slot];
        },
        false,
        info.ic,
        info.elem,
      );
    }
  }
  if (e.kind === 'Field' || e.kind === 'TupleIndex' || (e.kind === 'Unary' && e.op === '*')) {
    const pl = compilePlace(cx, e, mutable);
    return map1(
      pl.loc,
      () => {
        const c = P.c!;
        return c instanceof RefBase ? c.get() : c[P.k];
      },
      pl.ic,
    );
  }
  if (e.kind === 'Index') {
    const base = compilePlaceRead(cx, e.object);
    const idx = compileExpr(cx, e.index);
    const site = bracketSite(e);
    const arraySite = Site.of(e.span);
    return seq(
      [base, idx],
      (_f, [b, i]) => {
        const v = indexRead(b, i, site, arraySite);
        P.c = null;
        return v;
      },
      base.elem ?? null,
    );
  }
  return tempRead(cx, compileExpr(cx, e));
}

/** A computed value read in place (a temporary: it lives to the end of the statement). */
export function tempRead(cx: Cx, v: CE): CE {
  cx.tempSites++;
  return map1(
    v,
    (f, x) => {
      noteTemp(f, x);
      P.c = null;
      return x;
    },
    v.ic,
  );
}

/** `&e` / `&mut e`. A shared reference is the value itself; `&mut` is a place reference. */
function compileRef(cx: Cx, operand: Expr, mutable: boolean): CE {
  if (!mutable) {
    const r = compilePlaceRead(cx, operand);
    return { ...r, ic: r.ic };
  }
  if (isPlaceExpr(operand)) {
    const pl = compilePlace(cx, operand);
    return map1(
      pl.loc,
      () => {
        const c = P.c;
        if (c instanceof RefBase) return c;
        return refTo(c, P.k, undefined);
      },
      pl.ic,
    );
  }
  const v = compilePlaceRead(cx, operand);
  return map1(v, (_f, x) => (x instanceof RefBase ? x : refTo(null, 0, x)), v.ic);
}

function compileStructLit(cx: Cx, e: StructExpr): CE {
  const segs = e.path.segments.map((s) => s.name);
  let name = segs[segs.length - 1];
  if (name === 'Self' && cx.selfType) name = cx.selfType;
  const site = Site.of(e.span);
  // enum struct variant `E::V { … }`
  if (segs.length >= 2) {
    let ename = segs[segs.length - 2];
    if (ename === 'Self' && cx.selfType) ename = cx.selfType;
    const it = cx.item(ename);
    if (it && it.kind === 'enum') {
      const vi = it.def.index.get(name);
      if (vi === undefined) return fail(e.span, `no variant \`${name}\` in \`${ename}\``);
      const vd = it.def.variants[vi];
      const order = e.fields.map((fi) => {
        const k = vd.index.get(fi.name);
        if (k === undefined) return fail(fi.span, `variant \`${ename}::${name}\` has no field \`${fi.name}\``);
        return k;
      });
      const parts = e.fields.map((fi, j) => {
        const c = compileExpr(cx, fi.value);
        const ft = vd.fieldInts[order[j]];
        if (ft) cx.cells.unify(c.ic, cx.cells.of(ft));
        return c;
      });
      const ctor = variantCtor(it.def, vi);
      const n = vd.fields.length;
      return seq(parts, (_f, vals) => {
        const a = new Array<Value>(n);
        for (let j = 0; j < vals.length; j++) a[order[j]] = vals[j];
        return ctor(site, a);
      });
    }
  }
  const it = cx.item(cx.uses.get(name)?.at(-1) ?? name) ?? cx.item(name);
  if (!it || it.kind !== 'struct') return fail(e.path.span, `cannot find struct \`${name}\``);
  const def = it.def;
  const order = e.fields.map((fi) => {
    const k = def.index.get(fi.name);
    if (k === undefined) return fail(fi.span, `struct \`${def.name}\` has no field named \`${fi.name}\``);
    return k;
  });
  const parts = e.fields.map((fi, j) => {
    // the field's declared type is what `.into()`, `parse()`, `Default::default()` there produce
    hintInto(cx, fi.value, def.fieldTypes[order[j]] || null);
    const c = compileExpr(cx, fi.value);
    const ft = def.fieldInts[order[j]];
    if (ft) cx.cells.unify(c.ic, cx.cells.of(ft));
    return c;
  });
  const n = def.fields.length;
  if (e.base) {
    hintInto(cx, e.base, def.name);
    parts.push(compileExpr(cx, e.base));
  }
  const hasBase = e.base !== null;
  const nf = e.fields.length;
  return seq(parts, (_f, vals) => {
    const a = new Array<Value>(n);
    const seen = new Array<boolean>(n).fill(false);
    for (let j = 0; j < nf; j++) {
      a[order[j]] = vals[j];
      seen[order[j]] = true;
    }
    if (hasBase) {
      const b = deref(vals[nf]) as RStruct;
      for (let k = 0; k < n; k++) {
        if (!seen[k]) {
          const v = b.f[k];
          a[k] = v instanceof Owned ? take(b.f, k) : v;
        }
      }
    } else {
      for (let k = 0; k < n; k++) if (!seen[k]) panicAt(site, `missing field \`${def.fields[k]}\``);
    }
    const s = new RStruct(def, a);
    for (let k = 0; k < n; k++) claim(a[k], a, k);
    return s;
  });
}

/** Integer cell for a type name used as an annotation (`let x: u64`), or null. */
export function annotationCell(cx: Cx, ty: Type | null) {
  if (!ty) return null;
  if (ty.kind === 'PathType' && ty.path.segments.length === 1) {
    const n = ty.path.segments[0].name;
    if (isIntName(n)) return cx.cells.of(INT_TYPES[n]);
  }
  if (ty.kind === 'RefType') return annotationCell(cx, ty.inner);
  if (ty.kind === 'ParenType') return annotationCell(cx, ty.inner);
  return null;
}

export { CTL, gen, REnum };
export type { Frame };

/** The position of the `[` of an index expression (where Rust reports `Index` panics). */
export function bracketSite(e: Extract<Expr, { kind: 'Index' }>): Site {
  const at = e.index.span;
  return new Site(at.line, Math.max(1, at.col - 1));
}
