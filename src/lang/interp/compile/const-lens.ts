/**
 * The `N` of slice methods whose result length is a const generic (`first_chunk::<N>`,
 * `split_first_chunk`, `as_chunks`, `array_windows`, `as_array`, …). rustc infers it from the
 * types; the interpreter reads it from the syntax around the call before compiling, in this order:
 * the turbofish (`first_chunk::<3>()`); the annotation of the `let` the call initializes
 * (`let t: Option<&[i32; 2]> = v.last_chunk();`); the pattern the result is matched against
 * (`if let Some([a, b]) = v.first_chunk()`, `let Some((hdr, rest)) = p.split_first_chunk()`,
 * `for [a, b] in v.array_windows()`, `.map(|&[a, b]| …)` right after `array_windows()`).
 * A length written as a `const` item's name counts too. A call whose `N` none of these gives is
 * refused at compile time, naming the turbofish as the way to write it.
 */
import type { Expr, MethodCallExpr, Pattern, Program, Type } from '../../syntax/ast.ts';
import { walk } from '../../syntax/visit.ts';

/** Where the `[T; N]` sits in the method's result (`opt`: inside an `Option`). */
interface Shape {
  readonly part: 'arr' | 'first' | 'second' | 'none';
  readonly opt: boolean;
}

/** The methods, with where their result holds the array a pattern can show. */
export const CONST_LEN_METHODS: ReadonlyMap<string, Shape> = new Map<string, Shape>([
  ['first_chunk', { part: 'arr', opt: true }],
  ['first_chunk_mut', { part: 'arr', opt: true }],
  ['last_chunk', { part: 'arr', opt: true }],
  ['last_chunk_mut', { part: 'arr', opt: true }],
  ['as_array', { part: 'arr', opt: true }],
  ['as_mut_array', { part: 'arr', opt: true }],
  ['split_first_chunk', { part: 'first', opt: true }],
  ['split_first_chunk_mut', { part: 'first', opt: true }],
  ['split_last_chunk', { part: 'second', opt: true }],
  ['split_last_chunk_mut', { part: 'second', opt: true }],
  ['as_chunks', { part: 'none', opt: false }],
  ['as_chunks_mut', { part: 'none', opt: false }],
  ['as_rchunks', { part: 'none', opt: false }],
  ['as_rchunks_mut', { part: 'none', opt: false }],
  // an iterator of arrays: the pattern of its items (a `for` loop, a closure right after it)
  ['array_windows', { part: 'arr', opt: false }],
]);

/** Adapters whose closure's first parameter is an item of the iterator they are called on. */
const ITEM_CLOSURES = new Set([
  'map',
  'filter',
  'for_each',
  'any',
  'all',
  'find',
  'position',
  'filter_map',
  'take_while',
  'skip_while',
  'inspect',
  'map_while',
  'find_map',
]);

/** Methods that take the `Some` / `Ok` off their receiver (the pattern then sees the inside). */
const UNWRAPS = new Set(['unwrap', 'expect', 'unwrap_or', 'unwrap_or_default']);

type Consts = ReadonlyMap<string, number>;

function lenOf(e: Expr, consts: Consts): number | null {
  if (e.kind === 'IntLit') return Number(e.value);
  if (e.kind === 'PathExpr' && e.path.segments.length === 1) return consts.get(e.path.segments[0].name) ?? null;
  if (e.kind === 'Paren') return lenOf(e.expr, consts);
  return null;
}

/** The first `[_; N]` written in a type, if its length is known. */
function arrayLenIn(t: Type, consts: Consts): number | null {
  let out: number | null = null;
  walk(t, (n) => {
    if (out !== null) return false;
    if (n.kind === 'ArrayType') out = lenOf(n.len, consts);
    return undefined;
  });
  return out;
}

function strip(p: Pattern): Pattern {
  let x = p;
  while (x.kind === 'RefPat' || x.kind === 'ParenPat') x = x.pat;
  return x;
}

/** The `N` a pattern shows for a result of `shape`. */
function lenFromPat(p0: Pattern, shape: Shape): number | null {
  let p = strip(p0);
  if (shape.opt) {
    if (p.kind !== 'TupleStructPat' || p.elems.length !== 1) return null;
    const segs = p.path.segments;
    if (segs[segs.length - 1]?.name !== 'Some') return null;
    p = strip(p.elems[0]);
  }
  if (shape.part === 'first' || shape.part === 'second') {
    if (p.kind !== 'TuplePat' || p.elems.length !== 2) return null;
    p = strip(p.elems[shape.part === 'first' ? 0 : 1]);
  }
  if (shape.part === 'none' || p.kind !== 'SlicePat') return null;
  const rest = p.elems.some((x) => x.kind === 'RestPat' || (x.kind === 'IdentPat' && x.sub?.kind === 'RestPat'));
  return rest ? null : p.elems.length;
}

/** The const-length call `e` evaluates to (through parentheses, `*`, `&`, `?` and unwraps), with its shape there. */
function callUnder(e0: Expr): { call: MethodCallExpr; shape: Shape } | null {
  let e = e0;
  let unwrapped = false;
  for (;;) {
    if (e.kind === 'Paren' || e.kind === 'Try') {
      if (e.kind === 'Try') unwrapped = true;
      e = e.expr;
    } else if (e.kind === 'Unary' || e.kind === 'Ref') e = e.operand;
    else if (e.kind === 'MethodCall' && UNWRAPS.has(e.method)) {
      unwrapped = true;
      e = e.receiver;
    } else break;
  }
  if (e.kind !== 'MethodCall') return null;
  const shape = CONST_LEN_METHODS.get(e.method);
  if (shape === undefined) return null;
  return { call: e, shape: unwrapped ? { ...shape, opt: false } : shape };
}

/** The const-length calls `e` reaches through iterator adapters that keep its items' type (`.collect()` too). */
function callThroughAdapters(e: Expr): MethodCallExpr | null {
  let x = e;
  while (
    x.kind === 'MethodCall' &&
    (x.method === 'collect' || x.method === 'rev' || x.method === 'skip' || x.method === 'take')
  )
    x = x.receiver;
  return x.kind === 'MethodCall' && CONST_LEN_METHODS.has(x.method) ? x : null;
}

function constItems(program: Program): Map<string, number> {
  const out = new Map<string, number>();
  walk(program, (n) => {
    if (n.kind === 'Const' && n.value !== null) {
      const v = lenOf(n.value, out);
      if (v !== null) out.set(n.name, v);
    }
    return undefined;
  });
  return out;
}

/** Each const-length method call of the program whose `N` its syntax gives. */
export function constLens(program: Program): Map<MethodCallExpr, number> {
  const consts = constItems(program);
  const out = new Map<MethodCallExpr, number>();
  const give = (call: MethodCallExpr, n: number | null): void => {
    if (n !== null && !out.has(call)) out.set(call, n);
  };
  walk(program, (n) => {
    if (n.kind === 'MethodCall' && CONST_LEN_METHODS.has(n.method) && n.turbofish !== null) {
      const a = n.turbofish[0];
      if (a?.kind === 'ConstArg') give(n, lenOf(a.value, consts));
    }
    return undefined;
  });
  walk(program, (n) => {
    if (n.kind === 'LetStmt' && n.init !== null) {
      if (n.type !== null) {
        const c = callUnder(n.init)?.call ?? callThroughAdapters(n.init);
        if (c) give(c, arrayLenIn(n.type, consts));
      }
      const u = callUnder(n.init);
      if (u) give(u.call, lenFromPat(n.pat, u.shape));
    } else if (n.kind === 'Let') {
      const u = callUnder(n.expr);
      if (u) give(u.call, lenFromPat(n.pat, u.shape));
    } else if (n.kind === 'For') {
      const u = callUnder(n.iter);
      if (u && u.call.method === 'array_windows') give(u.call, lenFromPat(n.pat, u.shape));
    } else if (n.kind === 'MethodCall' && ITEM_CLOSURES.has(n.method)) {
      const r = n.receiver;
      const f = n.args[0];
      if (r.kind === 'MethodCall' && r.method === 'array_windows' && f?.kind === 'Closure' && f.params[0])
        give(r, lenFromPat(f.params[0].pat, { part: 'arr', opt: false }));
    }
    return undefined;
  });
  return out;
}

/**
 * Whether `pat` takes a whole `[T; N]` that `init` (a const-length call, unwrapped) gives, with no
 * sub-pattern that can fail: then it is irrefutable, as rustc sees from the types
 * (`let [a, b] = *v.first_chunk::<2>().unwrap()`, `for [a, b] in v.array_windows()`).
 */
export function takesWholeArray(lens: ReadonlyMap<object, number>, pat: Pattern, init: Expr): boolean {
  const u = callUnder(init);
  if (u === null || u.shape.opt || u.shape.part !== 'arr') return false;
  const p = strip(pat);
  if (p.kind !== 'SlicePat') return false;
  const plain = (e: Pattern): boolean => e.kind === 'WildPat' || (e.kind === 'IdentPat' && e.sub === null);
  return p.elems.every(plain) && lens.get(u.call) === p.elems.length;
}
