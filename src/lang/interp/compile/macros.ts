/**
 * The std macros: `println!` and the other format macros (compiled once with src/lang/fmt; their
 * arguments are borrowed, not moved), `panic!` / `unreachable!` / `todo!` / `unimplemented!`,
 * `assert!` / `assert_eq!` / `assert_ne!` with Rust's messages, `vec!`, `matches!` and `dbg!`.
 */
import type {
  AssertCmpMacro,
  AssertMacro,
  DbgMacro,
  Expr,
  FormatArg,
  FormatMacro,
  MacroExpr,
  MatchesMacro,
  StrLit,
  VecMacro,
} from '../../syntax/ast.ts';
import { type BoundFormat, compileFormat, FmtTraitError, formatBound, type Formattable } from '../../fmt/index.ts';
import type { Located } from '../../diagnostics.ts';
import { typeFault } from '../type-fault.ts';
import { allocate } from '../guards.ts';
import { type IntType, USIZE } from '../../num/int-type.ts';
import type { Ty } from '../../types/ty.ts';
import { typedInt } from './typed.ts';
import { intIn, openTyOf } from './typed-generic.ts';
import { Site } from '../defs.ts';
import { env } from '../env.ts';
import { CTL, type Frame } from '../frame.ts';
import { debugAt, toFmt } from '../fmt-value.ts';
import type { IntCell } from '../intcell.ts';
import { eqValues } from '../ops-rt.ts';
import { claim } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { cloneValue } from '../std/clone.ts';
import { ok } from '../std/enums.ts';
import { RFormatter } from '../std/formatter-value.ts';
import { RStdStream } from '../std/errors.ts';
import { deref, RefBase, RTuple, RVec, type Value } from '../values.ts';
import { type CE, gen, map1, seq, sync } from './ce.ts';
import { type Cx, fail } from './cx.ts';
import { compileExpr, compilePlaceRead } from './expr.ts';
import { panicPayloadIsStatic } from './panic-payload.ts';
import { compilePattern } from './pattern.ts';
import { isPlaceExpr, compilePlace, P, refTo } from './place.ts';
import { compileJoin, compilePin, compileSelect } from './select.ts';

interface FormatCode {
  readonly parts: CE[];
  readonly bound: BoundFormat;
  readonly ints: (IntCell | null)[];
  /** Arguments typed by the enclosing fn's type parameters (`{:x}` of `x: T`), resolved per call. */
  readonly open: (Ty | null)[];
  /** Where each argument is written (a captured name: the format string). */
  readonly at: Located[];
}

/** Compiles a format string and its arguments (positional, named, then captured variables). */
export function compileFormatArgs(cx: Cx, fmt: StrLit, args: FormatArg[]): FormatCode {
  const positional = args.filter((a) => a.name === null);
  const named = args.filter((a) => a.name !== null);
  const r = compileFormat(fmt.value, { positional: positional.length, named: named.map((a) => a.name!) });
  if (!r.ok) return fail(fmt.span, r.error.message);
  const bound = r.value;
  const written = [...positional, ...named];
  const parts: CE[] = written.map((a) => typedInt(cx, a.value, compilePlaceRead(cx, a.value)));
  const open = written.map((a) => openTyOf(cx, a.value));
  const at: Located[] = written.map((a) => a.value.span);
  for (const name of bound.captures) {
    // A captured name is a local, or else a `const` / `static` in scope (`{MAX_WORKERS}`).
    if (!cx.scope.resolve(name) && cx.item(name)?.kind !== 'const')
      return fail(fmt.span, `cannot find value \`${name}\` in this scope`);
    at.push(fmt.span);
    parts.push(
      compilePlaceRead(cx, {
        kind: 'PathExpr',
        path: {
          kind: 'Path',
          global: false,
          segments: [{ kind: 'PathSegment', name, args: null, span: fmt.span }],
          span: fmt.span,
        },
        span: fmt.span,
      }),
    );
  }
  return { parts, bound, ints: parts.map((p) => p.ic), open, at };
}

/** The integer type argument `i` is formatted at: the checker's, or the call's for a generic one. */
function intAt(fc: FormatCode, i: number, f: Frame): IntType | null {
  const open = fc.open[i];
  return (open ? intIn(open, f) : null) ?? fc.ints[i]?.t ?? null;
}

function formatted(fc: FormatCode, vals: Value[], f: Frame): string {
  const n = vals.length;
  const fmts = new Array<Formattable>(n);
  for (let i = 0; i < n; i++) fmts[i] = toFmt(vals[i], intAt(fc, i, f));
  try {
    return formatBound(fc.bound, fmts);
  } catch (e) {
    // rustc refuses a placeholder whose argument lacks the trait, at the argument.
    if (!(e instanceof FmtTraitError)) throw e;
    const where = fc.at[e.arg] ?? fc.at[0];
    if (where === undefined) throw e;
    const what = e.trait === 'usize' ? e.message : `this value doesn't implement \`${traitPath(e.trait)}\``;
    return typeFault(where, what, 'E0277');
  }
}

function traitPath(t: string): string {
  return t === 'Display' ? 'std::fmt::Display' : t;
}

/** Whether `fmt` with `args` panics with a `&'static str` payload (see panic-payload.ts); no format: yes. */
function isStaticMessage(fmt: StrLit | null, args: FormatArg[]): boolean {
  if (!fmt) return true;
  const named = args.filter((a) => a.name !== null).map((a) => a.name!);
  const r = compileFormat(fmt.value, { positional: args.length - named.length, named });
  return r.ok && panicPayloadIsStatic(fmt, args, r.value);
}

/** A format macro's message as a string-producing CE (empty message when there is no format). */
function messageOf(cx: Cx, fmt: StrLit | null, args: FormatArg[]): CE {
  if (!fmt) return sync(() => '');
  const fc = compileFormatArgs(cx, fmt, args);
  return seq(fc.parts, (f, vals) => formatted(fc, vals, f));
}

export function compileMacro(cx: Cx, e: MacroExpr): CE {
  switch (e.kind) {
    case 'FormatMacro':
      return compileFormatMacro(cx, e);
    case 'AssertMacro':
      return compileAssert(cx, e);
    case 'AssertCmpMacro':
      return compileAssertCmp(cx, e);
    case 'VecMacro':
      return compileVec(cx, e);
    case 'MatchesMacro':
      return compileMatches(cx, e);
    case 'DbgMacro':
      return compileDbg(cx, e);
    case 'SelectMacro':
      return compileSelect(cx, e);
    case 'JoinMacro':
      return compileJoin(cx, e);
    case 'PinMacro':
      return compilePin(cx, e);
  }
}

function compileFormatMacro(cx: Cx, e: FormatMacro): CE {
  const site = Site.of(e.span);
  const msg = e.name === 'panic' ? sync(() => '') : messageOf(cx, e.format, e.args);
  switch (e.name) {
    case 'println':
      return map1(msg, (_f, s) => {
        env.stdout(`${s as string}\n`);
        return undefined;
      });
    case 'print':
      return map1(msg, (_f, s) => {
        env.stdout(s as string);
        return undefined;
      });
    case 'eprintln':
      return map1(msg, (_f, s) => {
        env.stderr(`${s as string}\n`);
        return undefined;
      });
    case 'eprint':
      return map1(msg, (_f, s) => {
        env.stderr(s as string);
        return undefined;
      });
    case 'format':
      return msg;
    case 'panic': {
      if (!e.format) return sync(() => panicAt(site, 'explicit panic', true));
      const fc = compileFormatArgs(cx, e.format, e.args);
      const isStr = panicPayloadIsStatic(e.format, e.args, fc.bound);
      return seq(fc.parts, (f, vals) => panicAt(site, formatted(fc, vals, f), isStr));
    }
    case 'unreachable': {
      // `panic!(concat!("internal error: entered unreachable code: ", $fmt), $args)`
      const isStr = isStaticMessage(e.format, e.args);
      return map1(msg, (_f, s) =>
        panicAt(
          site,
          e.format
            ? `internal error: entered unreachable code: ${s as string}`
            : 'internal error: entered unreachable code',
          isStr,
        ),
      );
    }
    // with a message these format it through `format_args!` (a String); bare, a &'static str
    case 'todo':
      return map1(msg, (_f, s) =>
        panicAt(site, e.format ? `not yet implemented: ${s as string}` : 'not yet implemented', !e.format),
      );
    case 'unimplemented':
      return map1(msg, (_f, s) =>
        panicAt(site, e.format ? `not implemented: ${s as string}` : 'not implemented', !e.format),
      );
    case 'write':
    case 'writeln':
      return compileWrite(cx, e, e.name === 'writeln');
    default:
      return fail(e.span, `the macro \`${e.name}!\` is not supported`);
  }
}

function compileWrite(cx: Cx, e: FormatMacro, nl: boolean): CE {
  if (!e.target) return fail(e.span, '`write!` needs a destination');
  const target: CE = isPlaceExpr(e.target)
    ? map1(compilePlace(cx, e.target).loc, () => {
        const c = P.c!;
        const v = c instanceof RefBase ? c.get() : c[P.k];
        return v instanceof RFormatter || v instanceof RefBase ? v : refTo(c, P.k, v);
      })
    : compileExpr(cx, e.target);
  const fc = e.format ? compileFormatArgs(cx, e.format, e.args) : null;
  const parts = fc ? [target, ...fc.parts] : [target];
  return seq(parts, (f, vals) => {
    const t = vals[0];
    if (t instanceof RFormatter) {
      if (fc) {
        const n = vals.length - 1;
        const fmts = new Array<Formattable>(n);
        for (let i = 0; i < n; i++) fmts[i] = toFmt(vals[i + 1], intAt(fc, i, f));
        t.f.writeFmt(fc.bound, fmts);
      }
      if (nl) t.f.writeStr('\n');
      return ok(undefined);
    }
    const s = (fc ? formatted(fc, vals.slice(1), f) : '') + (nl ? '\n' : '');
    const stream = deref(t);
    if (stream instanceof RStdStream) {
      (stream.err ? env.stderr : env.stdout)(s);
      return ok(undefined);
    }
    if (t instanceof RefBase) {
      const cur = t.get();
      if (typeof cur === 'string') t.set(cur + s);
      else if (cur instanceof RVec) for (const b of new TextEncoder().encode(s)) cur.a.push(b);
      else env.stdout(s);
    } else env.stdout(s);
    return ok(undefined);
  });
}

function exprText(cx: Cx, e: Expr): string {
  return cx.source.slice(e.span.start, e.span.end);
}

function compileAssert(cx: Cx, e: AssertMacro): CE {
  const site = Site.of(e.span);
  const cond = compileExpr(cx, e.cond);
  const text = `assertion failed: ${exprText(cx, e.cond)}`;
  const msg = e.format ? messageOf(cx, e.format, e.args) : null;
  const isStr = isStaticMessage(e.format, e.args);
  return seq([cond, ...(msg ? [msg] : [])], (_f, vals) => {
    if (vals[0] === true) return undefined;
    return panicAt(site, msg ? (vals[1] as string) : text, isStr);
  });
}

function compileAssertCmp(cx: Cx, e: AssertCmpMacro): CE {
  const site = Site.of(e.span);
  const l = compilePlaceRead(cx, e.left);
  const r = compilePlaceRead(cx, e.right);
  cx.cells.unify(l.ic, r.ic);
  const msg = e.format ? messageOf(cx, e.format, e.args) : null;
  const eq = e.op === 'eq';
  const op = eq ? '==' : '!=';
  return seq([l, r, ...(msg ? [msg] : [])], (_f, vals) => {
    const same = eqValues(vals[0], vals[1]);
    if (same === eq) return undefined;
    const head = `assertion \`left ${op} right\` failed${msg ? `: ${vals[2] as string}` : ''}`;
    return panicAt(site, `${head}\n  left: ${debugAt(site, vals[0])}\n right: ${debugAt(site, vals[1])}`);
  });
}

/** `size_of` an element: an integer's width, else a pointer-sized word. */
export function elemBytes(ic: IntCell | null): number {
  return ic === null ? 8 : ic.t.bits / 8;
}

function compileVec(cx: Cx, e: VecMacro): CE {
  if (e.repeat) {
    const val = compileExpr(cx, e.repeat.value);
    const count = compileExpr(cx, e.repeat.count);
    cx.cells.unify(count.ic, cx.cells.of(USIZE));
    const ce = seq([val, count], (_f, [v, n]) => {
      const len = Number(n);
      allocate(len * elemBytes(val.ic));
      const a = new Array<Value>(len);
      for (let i = 0; i < len; i++) a[i] = i === len - 1 ? v : cloneValue(v);
      const vec = new RVec(a);
      for (let i = 0; i < len; i++) claim(a[i], a, -1);
      return vec;
    });
    return { ...ce, elem: val.ic };
  }
  const parts = e.elems.map((x) => compileExpr(cx, x));
  let ic = null;
  for (const p of parts) ic = cx.cells.unify(ic, p.ic);
  const ce = seq(parts, (_f, vals) => {
    const v = new RVec(vals);
    for (let i = 0; i < vals.length; i++) claim(vals[i], vals, -1);
    return v;
  });
  return { ...ce, elem: ic };
}

function compileMatches(cx: Cx, e: MatchesMacro): CE {
  const scrut = compilePlaceRead(cx, e.expr);
  cx.scope.push();
  const cp = compilePattern(cx, e.pat);
  const guard = e.guard ? compileExpr(cx, e.guard) : null;
  cx.scope.pop();
  if (guard?.g) {
    // the guard awaits
    const gg = guard.g;
    const ss = scrut.s;
    const sg = scrut.g;
    return gen(function* (f: Frame) {
      const v = ss ? ss(f) : yield* sg!(f);
      if (v === CTL) return CTL;
      if (cp.test && !cp.test(v)) return false;
      cp.bind?.(f, v, false, false, null, 0);
      const g = yield* gg(f);
      return g === CTL ? CTL : g === true;
    }, true);
  }
  const gs = guard?.s ?? null;
  return map1(scrut, (f: Frame, v) => {
    if (cp.test && !cp.test(v)) return false;
    if (gs) {
      cp.bind?.(f, v, false, false, null, 0);
      const g = gs(f);
      return g === CTL ? CTL : g === true;
    }
    return true;
  });
}

function compileDbg(cx: Cx, e: DbgMacro): CE {
  const site = Site.of(e.span);
  const parts = e.args.map((a) => compileExpr(cx, a));
  const texts = e.args.map((a) => exprText(cx, a));
  return seq(parts, (_f, vals) => {
    for (let i = 0; i < vals.length; i++) {
      const s = formatBound(
        {
          pieces: [
            {
              kind: 'placeholder',
              arg: 0,
              trait: 'Debug',
              fill: ' ',
              align: undefined,
              flags: 4,
              width: -1,
              widthArg: -1,
              precision: -1,
              precisionArg: -1,
            },
          ],
          argCount: 1,
          captures: [],
        },
        [toFmt(vals[i], parts[i].ic?.t ?? null)],
      );
      env.stderr(`[${env.file}:${site.line}:${site.col}] ${texts[i]} = ${s}\n`);
    }
    if (vals.length === 0) {
      env.stderr(`[${env.file}:${site.line}:${site.col}]\n`);
      return undefined;
    }
    if (vals.length === 1) return vals[0];
    const t = new RTuple(vals);
    for (let i = 0; i < vals.length; i++) claim(vals[i], vals, i);
    return t;
  });
}

export { deref };
