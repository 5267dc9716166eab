/**
 * Paths, generic arguments, types, bounds, generic parameters and where clauses. Types are kept
 * loosely (the interpreter is dynamically typed) but parsed fully so real programs are accepted.
 */
import type {
  AngleArgs,
  GenericArg,
  GenericArgs,
  GenericParam,
  Generics,
  Path,
  PathSegment,
  QualifiedSelf,
  Type,
  TypeBound,
  WherePredicate,
} from './ast.ts';
import { parseBlockExpr, parseExpr, parseLiteral } from './parser-expr.ts';
import { describe } from './parser-core.ts';
import { expandUserMacro, isUserMacroCall } from './macro-expand.ts';
import type { Parser } from './parser-core.ts';

/** 'type': `Vec<T>` takes generics directly; 'expr': only with a turbofish (`Vec::<T>::new`). */
export type PathMode = 'type' | 'expr';

const PATH_KEYWORDS = new Set(['self', 'Self', 'super', 'crate']);

export function isPathStart(p: Parser): boolean {
  const t = p.tok;
  if (t.kind === 'ident') return p.isIdent() || (!t.rawIdent && PATH_KEYWORDS.has(t.text));
  return p.is('::') || p.is('<') || p.is('<<');
}

export function parsePath(p: Parser, mode: PathMode): Path {
  const start = p.tok;
  let qself: QualifiedSelf | undefined;
  let global = false;
  if (p.is('<') || p.is('<<')) {
    p.eatFirst('<');
    const type = parseType(p);
    const trait = p.eatKw('as') ? parsePath(p, 'type') : null;
    p.expectFirst('>', 'to close the qualified path');
    p.expect('::', 'after a qualified path `<T as Trait>`');
    qself = { type, trait };
  } else {
    global = p.eat('::');
  }
  const segments: PathSegment[] = [];
  for (;;) {
    segments.push(parseSegment(p, mode));
    if (!(p.is('::') && p.peek(1).kind === 'ident')) break;
    p.advance();
  }
  const path: Path = { kind: 'Path', global, segments, span: p.spanFrom(start) };
  if (qself) path.qself = qself;
  return path;
}

function parseSegment(p: Parser, mode: PathMode): PathSegment {
  const t = p.tok;
  if (!(t.kind === 'ident' && (p.isIdent() || PATH_KEYWORDS.has(t.text)))) {
    p.fail(`expected a path, found ${describe(t)}`);
  }
  p.advance();
  let args: GenericArgs | null = null;
  if (mode === 'type') {
    if (p.is('<') || p.is('<<')) args = parseAngleArgs(p, false);
    else if (p.is('::') && (p.isAt(1, '<') || p.isAt(1, '<<'))) {
      p.advance();
      args = parseAngleArgs(p, true);
    } else if (p.is('(')) {
      const s = p.tok;
      p.advance();
      const inputs = parseTypeList(p, ')');
      const output = p.eat('->') ? parseType(p, false) : null;
      args = { kind: 'ParenArgs', inputs, output, span: p.spanFrom(s) };
    }
  } else if (p.is('::') && (p.isAt(1, '<') || p.isAt(1, '<<'))) {
    p.advance();
    args = parseAngleArgs(p, true);
  }
  return { kind: 'PathSegment', name: t.text, args, span: p.spanFrom(t) };
}

/** At `<` (or `<<`): `<T, 'a, Item = U, N>` up to the matching `>`. */
export function parseAngleArgs(p: Parser, turbofish: boolean): AngleArgs {
  const start = p.tok;
  p.expectFirst('<');
  p.enter();
  const args: GenericArg[] = [];
  while (!p.eatFirst('>')) {
    args.push(parseGenericArg(p));
    if (!p.eat(',')) {
      p.expectFirst('>', 'to close the generic arguments');
      break;
    }
  }
  p.leave();
  return { kind: 'AngleArgs', turbofish, args, span: p.spanFrom(start) };
}

function parseGenericArg(p: Parser): GenericArg {
  const t = p.tok;
  if (t.kind === 'lifetime') {
    p.advance();
    return { kind: 'LifetimeArg', name: t.text, span: p.spanOf(t) };
  }
  if (p.isIdent() && (p.isAt(1, '=') || (p.isAt(1, ':') && !p.isAt(1, '::')))) {
    p.advance();
    if (p.eat('=')) {
      const type = parseType(p);
      return { kind: 'AssocTypeArg', name: t.text, type, bounds: [], span: p.spanFrom(t) };
    }
    p.expect(':');
    const bounds = parseBounds(p, true);
    return { kind: 'AssocTypeArg', name: t.text, type: null, bounds, span: p.spanFrom(t) };
  }
  if (p.is('{')) {
    const value = parseBlockExpr(p, null);
    return { kind: 'ConstArg', value, span: p.spanFrom(t) };
  }
  if (isLiteralStart(p) || (p.is('-') && p.peek(1).kind !== 'ident' && p.peek(1).kind !== 'punct')) {
    const value = p.is('-') ? parseExpr(p) : parseLiteral(p);
    return { kind: 'ConstArg', value, span: p.spanFrom(t) };
  }
  const type = parseType(p);
  return { kind: 'TypeArg', type, span: p.spanFrom(t) };
}

export function isLiteralStart(p: Parser): boolean {
  const k = p.tok.kind;
  return k === 'int' || k === 'float' || k === 'str' || k === 'char' || k === 'byte' || k === 'byteStr';
}

/** Types separated by commas up to `close` (consumed). */
function parseTypeList(p: Parser, close: string): Type[] {
  const types: Type[] = [];
  while (!p.eat(close)) {
    types.push(parseType(p));
    if (!p.eat(',')) {
      p.expect(close);
      break;
    }
  }
  return types;
}

/** A type. `allowPlus` false stops `dyn A + B` at `A` (after `&`, `->` of Fn sugar, `as`). */
export function parseType(p: Parser, allowPlus = true): Type {
  p.enter();
  try {
    // A `macro_rules!` call in type position expands to the type's tokens.
    if (isUserMacroCall(p)) expandUserMacro(p, 'inline');
    return parseTypeInner(p, allowPlus);
  } finally {
    p.leave();
  }
}

function parseTypeInner(p: Parser, allowPlus: boolean): Type {
  const start = p.tok;
  if (p.is('(')) {
    p.advance();
    if (p.eat(')')) return { kind: 'TupleType', elems: [], span: p.spanFrom(start) };
    const first = parseType(p);
    if (p.eat(')')) return { kind: 'ParenType', inner: first, span: p.spanFrom(start) };
    p.expect(',', 'in a tuple type');
    const elems = [first, ...parseTypeList(p, ')')];
    return { kind: 'TupleType', elems, span: p.spanFrom(start) };
  }
  if (p.eat('!')) return { kind: 'NeverType', span: p.spanFrom(start) };
  if (p.isUnderscore()) {
    p.advance();
    return { kind: 'InferType', span: p.spanFrom(start) };
  }
  if (p.eatFirst('&')) {
    let lifetime: string | null = null;
    if (p.tok.kind === 'lifetime') lifetime = p.advance().text;
    const mutable = p.eatKw('mut');
    const inner = parseType(p, false);
    return { kind: 'RefType', lifetime, mutable, inner, span: p.spanFrom(start) };
  }
  if (p.eat('*')) {
    const mutable = p.eatKw('mut');
    if (!mutable) p.expectKw('const');
    const inner = parseType(p, false);
    return { kind: 'PtrType', mutable, inner, span: p.spanFrom(start) };
  }
  if (p.eat('[')) {
    const elem = parseType(p);
    if (p.eat(';')) {
      const saved = p.noStruct;
      p.noStruct = false;
      const len = parseExpr(p);
      p.noStruct = saved;
      p.expect(']', 'to close the array type');
      return { kind: 'ArrayType', elem, len, span: p.spanFrom(start) };
    }
    p.expect(']', 'to close the slice type');
    return { kind: 'SliceType', elem, span: p.spanFrom(start) };
  }
  if (p.eatKw('impl')) {
    const bounds = parseBounds(p, allowPlus);
    return { kind: 'ImplTraitType', bounds, span: p.spanFrom(start) };
  }
  if (p.eatKw('dyn')) {
    const bounds = parseBounds(p, allowPlus);
    return { kind: 'DynTraitType', bounds, span: p.spanFrom(start) };
  }
  if (p.isKw('fn') || p.isKw('unsafe') || p.isKw('extern') || (p.isKw('for') && isFnAfterFor(p))) {
    return parseFnPtr(p);
  }
  if (isPathStart(p)) {
    const path = parsePath(p, 'type');
    return { kind: 'PathType', path, span: p.spanFrom(start) };
  }
  return p.fail(`expected a type, found ${describe(p.tok)}`);
}

function isFnAfterFor(p: Parser): boolean {
  let k = 1;
  let depth = 0;
  for (; k < 64; k++) {
    const t = p.peek(k);
    if (t.kind === 'eof') return false;
    if (t.kind === 'punct' && t.text === '<') depth++;
    if (t.kind === 'punct' && t.text === '>') {
      depth--;
      if (depth === 0) break;
    }
  }
  const next = p.peek(k + 1);
  return next.kind === 'ident' && (next.text === 'fn' || next.text === 'unsafe' || next.text === 'extern');
}

function parseFnPtr(p: Parser): Type {
  const start = p.tok;
  if (p.isKw('for')) parseForLifetimes(p);
  const isUnsafe = p.eatKw('unsafe');
  let abi: string | null = null;
  if (p.eatKw('extern')) abi = p.tok.kind === 'str' ? p.advance().str : '';
  p.expectKw('fn');
  p.expect('(', 'to start the parameter types');
  const inputs: Type[] = [];
  while (!p.eat(')')) {
    if ((p.isIdent() || p.isUnderscore()) && p.isAt(1, ':')) {
      p.advance();
      p.advance();
    }
    inputs.push(parseType(p));
    if (!p.eat(',')) {
      p.expect(')');
      break;
    }
  }
  const output = p.eat('->') ? parseType(p, false) : null;
  return { kind: 'FnPtrType', isUnsafe, abi, inputs, output, span: p.spanFrom(start) };
}

/** `for<'a, 'b>`: the lifetime names. */
export function parseForLifetimes(p: Parser): string[] {
  p.expectKw('for');
  p.expectFirst('<');
  const names: string[] = [];
  while (!p.eatFirst('>')) {
    const t = p.tok;
    if (t.kind !== 'lifetime') p.fail(`expected a lifetime, found ${describe(t)}`);
    names.push(p.advance().text);
    if (!p.eat(',')) {
      p.expectFirst('>');
      break;
    }
  }
  return names;
}

/** `Trait + Send + 'static`, `?Sized`, `for<'a> Fn(&'a T)`, `(dyn A)`. */
export function parseBounds(p: Parser, allowPlus: boolean): TypeBound[] {
  const bounds: TypeBound[] = [];
  for (;;) {
    bounds.push(parseBound(p));
    if (!allowPlus || !p.is('+')) break;
    p.advance();
    if (!isBoundStart(p)) break;
  }
  return bounds;
}

function isBoundStart(p: Parser): boolean {
  return p.tok.kind === 'lifetime' || p.is('?') || p.is('(') || p.isKw('for') || isPathStart(p);
}

function parseBound(p: Parser): TypeBound {
  const start = p.tok;
  if (start.kind === 'lifetime') {
    p.advance();
    return { kind: 'LifetimeBound', name: start.text, span: p.spanOf(start) };
  }
  const parenthesized = p.eat('(');
  const forLifetimes = p.isKw('for') ? parseForLifetimes(p) : [];
  const maybe = p.eat('?');
  if (!isPathStart(p)) p.fail(`expected a trait bound, found ${describe(p.tok)}`);
  const path = parsePath(p, 'type');
  if (parenthesized) p.expect(')', 'to close the bound');
  return { kind: 'TraitBound', maybe, forLifetimes, path, parenthesized, span: p.spanFrom(start) };
}

/** `<'a, T: Bound = Default, const N: usize>` (optional). */
export function parseGenericParams(p: Parser): GenericParam[] {
  const params: GenericParam[] = [];
  if (!(p.is('<') || p.is('<<'))) return params;
  p.expectFirst('<');
  while (!p.eatFirst('>')) {
    const t = p.tok;
    if (t.kind === 'lifetime') {
      p.advance();
      const bounds: string[] = [];
      if (p.eat(':')) {
        while (p.tok.kind === 'lifetime') {
          bounds.push(p.advance().text);
          if (!p.eat('+')) break;
        }
      }
      params.push({ kind: 'LifetimeParam', name: t.text, bounds, span: p.spanFrom(t) });
    } else if (p.eatKw('const')) {
      const name = p.expectIdent('a const parameter name').text;
      p.expect(':');
      const type = parseType(p);
      const def = p.eat('=') ? (p.is('{') ? parseBlockExpr(p, null) : parseLiteral(p)) : null;
      params.push({ kind: 'ConstParam', name, type, default: def, span: p.spanFrom(t) });
    } else {
      const name = p.expectIdent('a type parameter name').text;
      const bounds = p.eat(':') && !p.is(',') && !p.is('>') && !p.is('=') ? parseBounds(p, true) : [];
      const def = p.eat('=') ? parseType(p) : null;
      params.push({ kind: 'TypeParam', name, bounds, default: def, span: p.spanFrom(t) });
    }
    if (!p.eat(',')) {
      p.expectFirst('>', 'to close the generic parameters');
      break;
    }
  }
  return params;
}

/** `where T: A + B, 'a: 'b` (optional); stops before `{`, `;` or `=`. */
export function parseWhere(p: Parser): WherePredicate[] {
  const preds: WherePredicate[] = [];
  if (!p.eatKw('where')) return preds;
  while (!p.is('{') && !p.is(';') && !p.is('=') && !p.isEof()) {
    const t = p.tok;
    if (t.kind === 'lifetime') {
      p.advance();
      p.expect(':');
      const bounds: string[] = [];
      while (p.tok.kind === 'lifetime') {
        bounds.push(p.advance().text);
        if (!p.eat('+')) break;
      }
      preds.push({ kind: 'LifetimePredicate', name: t.text, bounds, span: p.spanFrom(t) });
    } else {
      const forLifetimes = p.isKw('for') ? parseForLifetimes(p) : [];
      const type = parseType(p);
      p.expect(':', 'in a where clause');
      const bounds = parseBounds(p, true);
      preds.push({ kind: 'BoundPredicate', forLifetimes, type, bounds, span: p.spanFrom(t) });
    }
    if (!p.eat(',')) break;
  }
  return preds;
}

export function parseGenerics(p: Parser): Generics {
  return { params: parseGenericParams(p), where: [] };
}
