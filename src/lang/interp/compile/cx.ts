/**
 * The compiler's state: the program's items, `use` aliases, integer cells, and the scope of the
 * function being compiled. Compile errors are located `CompileError`s, collected as diagnostics.
 */
import type { IntType } from '../../num/int-type.ts';
import type { Span } from '../../syntax/ast.ts';
import type { EnumDef, FnDef, MethodTable, StructDef, TraitDef } from '../defs.ts';
import { IntCells } from '../intcell.ts';
import type { Value } from '../values.ts';
import { FnScope } from './scope.ts';
import { setHiddenSlots } from './ce.ts';
import { NO_FACTS, type TypeFacts } from '../../types/facts.ts';
import { typeFault } from '../type-fault.ts';

export class CompileError extends Error {
  constructor(
    readonly span: Span,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

export function fail(span: Span, message: string, hint?: string): never {
  throw new CompileError(span, message, hint);
}

export type UserItem =
  | { readonly kind: 'fn'; readonly def: FnDef }
  | { readonly kind: 'struct'; readonly def: StructDef }
  | { readonly kind: 'enum'; readonly def: EnumDef }
  | { readonly kind: 'trait'; readonly def: TraitDef }
  | { readonly kind: 'const'; readonly cell: ConstCell }
  | { readonly kind: 'alias'; readonly target: string[] };

/** A `const` / `static`: evaluated once, on first use. */
export class ConstCell {
  value: Value = undefined;
  state: 0 | 1 | 2 = 0;
  init: (() => Value) | null = null;
  constructor(
    readonly name: string,
    readonly isStatic: boolean,
    /** The item, where rustc reports a const that needs its own value. */
    readonly at: { readonly line: number; readonly col: number } = { line: 0, col: 0 },
  ) {}
  get(): Value {
    if (this.state === 2) return this.value;
    if (this.state === 1) typeFault(this.at, `cycle detected when evaluating \`${this.name}\``, 'E0391');
    this.state = 1;
    this.value = this.init!();
    this.state = 2;
    return this.value;
  }
}

export class Cx {
  readonly cells = new IntCells();
  /** User items by name (module items also under `mod::name`). */
  readonly items = new Map<string, UserItem>();
  /** `use` aliases: local name → full path segments. */
  readonly uses = new Map<string, string[]>();
  /** Methods that user trait impls add to built-in types. */
  readonly ext = new Map<MethodTable, MethodTable>();
  /** Integer types of struct fields by field name, when every struct agrees. */
  readonly fieldInts = new Map<string, IntType | null>();
  /** Declared integer return types of methods by name, when every impl agrees. */
  readonly methodInts = new Map<string, IntType | null>();
  scope: FnScope = new FnScope(null, false, false, null);
  /** Types the context expects of some expressions (`let x: T = e`, struct update bases). */
  readonly hints = new Map<object, string>();
  /** Counts rvalues compiled in place mode (each may leave a temporary for its statement). */
  tempSites = 0;
  /** Task names of the program's spawn calls (spawn-names.ts), set before bodies compile. */
  spawnNames: ReadonlyMap<object, string> = new Map();
  /** The `N` of each const-length slice method call (compile/const-lens.ts). */
  constLens: ReadonlyMap<object, number> = new Map();
  /** Locals the type checker found moved out before each `.await` (hidden from saved locals). */
  movedAtAwait: ReadonlyMap<object, ReadonlySet<string>> = new Map();
  /** Set while compiling a `Drop::drop` or method body: the impl's self type name. */
  selfType: string | null = null;
  /** The type parameters of the fn being compiled (`T` in `T::make()`, resolved per call). */
  generics: ReadonlySet<string> = new Set();

  constructor(
    readonly file: string,
    readonly source: string,
    /** What the type checker knows (types/facts.ts). */
    readonly facts: TypeFacts = NO_FACTS,
  ) {}

  /** Runs `body` with a new function scope. */
  withScope<T>(s: FnScope, body: () => T): T {
    const prev = this.scope;
    this.scope = s;
    const prevSlots = setHiddenSlots(s);
    try {
      return body();
    } finally {
      this.scope = prev;
      setHiddenSlots(prevSlots);
    }
  }

  item(name: string): UserItem | undefined {
    return this.items.get(name);
  }
}
