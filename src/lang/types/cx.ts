/**
 * The inference context of one program: the table, the items, the local scopes and the stack of
 * bodies (fn, closure, async block) being checked, plus the side tables later passes read (the
 * type of every expression, the local every path names).
 */
import type { Expr, FnItem, FormatArg, Span, StrLit, Type } from '../syntax/ast.ts';
import type { Findings } from './findings.ts';
import type { Items } from './items.ts';
import { lowerType, type LowerEnv } from './lower.ts';
import { InferTable } from './table.ts';
import { UNIT, UNKNOWN, type Ty } from './ty.ts';

export interface Local {
  readonly id: number;
  readonly name: string;
  readonly ty: Ty;
  readonly span: Span;
  /** Index of the body that declared it (fnStack depth). */
  readonly body: number;
  /** `let mut x` (or `mut x` in any pattern). */
  readonly mutable: boolean;
  /** Bound by `let x;` without a value: its first assignment initialises it. */
  readonly deferred: boolean;
}

export type BodyKind = 'fn' | 'closure' | 'async';

export interface Body {
  readonly kind: BodyKind;
  /** What `return` and `?` target; unknown when the checker cannot say. */
  readonly ret: Ty;
  /** For `fn` bodies: an `async fn`. */
  readonly isAsync: boolean;
  /** A `fn` whose return type was omitted: `()`. */
  readonly retIsUnit: boolean;
}

export interface Sig {
  readonly generics: readonly string[];
  readonly params: readonly Ty[];
  readonly ret: Ty;
  readonly isAsync: boolean;
  /** null: an associated fn without `self`. */
  readonly self: 'value' | 'ref' | 'refMut' | null;
}

export class Cx {
  readonly table = new InferTable();
  readonly exprTy = new Map<Expr, Ty>();
  readonly localOf = new Map<Expr, Local>();
  /** Type arguments of each generic fn or method a path or method call names (facts.ts). */
  readonly instances = new Map<Expr, ReadonlyMap<string, Ty>>();
  /**
   * The error type each `?` takes and its body's return type (facts.ts tryErrors reads the `Result`
   * error type from it once inference is over: a closure's or async block's is often known later).
   */
  readonly tryErrors = new Map<Expr, { readonly from: Ty; readonly ret: Ty }>();
  /** Closures and async blocks handed to a spawn function: they must not borrow locals (E0373). */
  readonly spawnArgs = new Set<Expr>();
  /** Method calls whose receiver is borrowed `&mut` (a `&mut self` method, user or std). */
  readonly mutReceivers = new Set<Expr>();
  /** Parameter types a std adapter gives the closure passed to it (std-deferred.ts closureParamsOf). */
  readonly closureParams = new Map<Expr, readonly Ty[]>();
  /** Names of the locals moved out (wholly) before each `.await` expression (moves.ts). */
  readonly movedAtAwait = new Map<Expr, ReadonlySet<string>>();
  /** Futures handed to a multi-threaded spawn (they must be `Send`), and where rustc reports it. */
  /** Format macros, checked once types are known (Display/Debug of each argument). */
  readonly formatSites: { readonly format: StrLit; readonly args: readonly FormatArg[] }[] = [];
  /** Types that must be `Debug` (the error of an unwrapped `Result`), with where rustc reports it. */
  readonly debugSites: { readonly ty: Ty; readonly at: Span }[] = [];
  readonly sendSites: { readonly arg: Expr; readonly at: Span }[] = [];
  private scopes: Map<string, Local>[] = [];
  readonly bodies: Body[] = [];
  generics = new Set<string>();
  selfTy: Ty | null = null;
  private nextLocal = 0;
  /** A glob import from outside the program: unknown single names may come from it. */
  readonly openNames: boolean;

  constructor(
    readonly items: Items,
    readonly findings: Findings,
  ) {
    this.openNames = items.globs.some((g) => {
      const last = g.split('::').pop() ?? '';
      return !(
        items.adts.get(last)?.kind === 'enum' ||
        items.modules.has(last) ||
        ['super', 'self', 'crate'].includes(last)
      );
    });
  }

  get lowerEnv(): LowerEnv {
    return { items: this.items, generics: this.generics, selfTy: this.selfTy, fresh: () => this.table.fresh() };
  }

  lower(t: Parameters<typeof lowerType>[0] | null): Ty {
    return t === null ? this.table.fresh() : lowerType(t, this.lowerEnv);
  }

  /** Runs `f` with no locals in scope (an item nested in a body cannot see the body's locals). */
  isolate(f: () => void): void {
    const saved = this.scopes.splice(0, this.scopes.length);
    try {
      f();
    } finally {
      this.scopes.splice(0, this.scopes.length, ...saved);
    }
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }
  popScope(): void {
    this.scopes.pop();
  }

  /** Set while binding a `let` without an initialiser. */
  deferredLet = false;

  declare(name: string, ty: Ty, span: Span, mutable = true): Local {
    const local: Local = {
      id: this.nextLocal++,
      name,
      ty,
      span,
      body: this.bodies.length - 1,
      mutable,
      deferred: this.deferredLet,
    };
    this.scopes[this.scopes.length - 1]?.set(name, local);
    return local;
  }

  lookup(name: string): Local | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const l = this.scopes[i]?.get(name);
      if (l !== undefined) return l;
    }
    return undefined;
  }

  get body(): Body | undefined {
    return this.bodies[this.bodies.length - 1];
  }

  /** The innermost enclosing async context decides whether `.await` is allowed. */
  inAsync(): boolean {
    const b = this.body;
    return b !== undefined && (b.kind === 'async' || (b.kind === 'fn' && b.isAsync));
  }

  record(e: Expr, t: Ty): Ty {
    this.exprTy.set(e, t);
    return t;
  }

  resolved(t: Ty): Ty {
    return this.table.shallow(t);
  }

  /** The signature of a fn item, with `Self` and the impl's generics as given. */
  sigOf(fn: FnItem, selfTy: Ty | null, outerGenerics: readonly string[] = []): Sig {
    const savedG = this.generics;
    const savedS = this.selfTy;
    const own = fn.generics.params.filter((p) => p.kind === 'TypeParam').map((p) => p.name);
    this.generics = new Set([...outerGenerics, ...own]);
    this.selfTy = selfTy;
    // `x: impl Into<Meters>` is an anonymous type parameter: each call instantiates it, so the
    // body's `x.into()` knows at run time what the caller passed (facts.ts typeArgs).
    const params = fn.params.map((p, i): Ty => {
      if (!anonymousParam(p.type)) return lowerType(p.type, { ...this.lowerEnv, fresh: () => UNKNOWN });
      const name = `impl#${i}`;
      own.push(name);
      return { k: 'param', name };
    });
    const ret = fn.ret === null ? UNIT : lowerType(fn.ret, { ...this.lowerEnv, fresh: () => UNKNOWN });
    this.generics = savedG;
    this.selfTy = savedS;
    const self = fn.selfParam === null ? null : fn.selfParam.type !== null ? 'value' : fn.selfParam.mode;
    return { generics: [...outerGenerics, ...own], params, ret, isAsync: fn.isAsync, self };
  }
}

const NOT_ANONYMOUS = new Set(['Future', 'Fn', 'FnMut', 'FnOnce']);

/** An argument-position `impl Trait` the checker treats as a type parameter (not closures or futures). */
function anonymousParam(t: Type): boolean {
  return (
    t.kind === 'ImplTraitType' &&
    t.bounds.every(
      (b) => b.kind !== 'TraitBound' || !NOT_ANONYMOUS.has(b.path.segments[b.path.segments.length - 1]?.name ?? ''),
    )
  );
}

/** Replaces generic parameters by the types given for them. */
export function subst(t: Ty, map: ReadonlyMap<string, Ty>): Ty {
  if (map.size === 0) return t;
  switch (t.k) {
    case 'param':
      return map.get(t.name) ?? t;
    case 'tuple':
      return { k: 'tuple', elems: t.elems.map((e) => subst(e, map)) };
    case 'ref':
      return { k: 'ref', mut: t.mut, inner: subst(t.inner, map) };
    case 'array':
    case 'slice':
      return { k: t.k, elem: subst(t.elem, map) };
    case 'adt':
      return { k: 'adt', name: t.name, args: t.args.map((a) => subst(a, map)) };
    case 'fn':
      return { k: 'fn', params: t.params.map((p) => subst(p, map)), ret: subst(t.ret, map) };
    case 'future':
      return { k: 'future', output: subst(t.output, map), asyncBlock: t.asyncBlock };
    default:
      return t;
  }
}
