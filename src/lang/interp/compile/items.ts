/**
 * Compiles a checked program: registers every item (including items nested in modules and
 * function bodies), `use` aliases, structs / enums with their derives, impls (inherent and trait;
 * `Drop`, `Display`, `Debug`, `From` are remembered specially; trait default methods are filled
 * in), then compiles every function body, and finally fixes the integer types.
 */
import { typeFault } from '../type-fault.ts';
import { noteFallback } from '../fallbacks.ts';
import type { Ty } from '../../types/ty.ts';
import { hintOfTy } from './typed.ts';
import { NO_FACTS, type TypeFacts } from '../../types/facts.ts';
import { spawnNames } from './spawn-names.ts';
import { constLens } from './const-lens.ts';
import type {
  Attribute,
  EnumItem,
  FnItem,
  ImplItem,
  Item,
  Meta,
  Program,
  StructFields,
  StructItem,
  Type,
  UseTree,
} from '../../syntax/ast.ts';
import { INT_TYPES, type IntType, isIntName } from '../../num/int-type.ts';
import {
  EnumDef,
  FnDef,
  type Method,
  type MethodTable,
  type SelfMode,
  StructDef,
  TraitDef,
  VariantDef,
} from '../defs.ts';
import type { IntCell } from '../intcell.ts';
import { invoke } from '../call.ts';
import { RLocalKey } from '../std/thread-local.ts';
import {
  BOOL_METHODS,
  CHAR_METHODS,
  FLOAT_METHODS,
  INT_METHODS,
  STR_METHODS,
  tableFor,
  UNIVERSAL,
} from '../std/tables.ts';
import { RDeque, RHeap, RVec, RMap, RTuple, type Value } from '../values.ts';
import { ATOMIC_NAMES, RAtomic } from '../std/sync.ts';
import { lookupBuiltin } from '../std/registry.ts';
import { RDuration, RInstant } from '../tokio/time.ts';
import { OPTION, RESULT } from '../std/enums.ts';
import { compileBlock } from './block.ts';
import { paramInts, retInts } from './calls.ts';
import { compileParams, makeLayout } from './closure.ts';
import { ConstCell, Cx, fail } from './cx.ts';
import { annotationCell, compileExpr } from './expr.ts';
import { FnScope } from './scope.ts';
import { CTL, Frame } from '../frame.ts';
import { asGen, type CE } from './ce.ts';
import { markMaySuspend, mayBlockFns, maySuspend, setSuspendingBody } from './blocking-fns.ts';
import { markResumableScope } from '../tokio/blocking.ts';

export interface MainInfo {
  readonly def: FnDef;
  /** From `#[tokio::main(...)]`; null for a plain `fn main`. */
  readonly tokio: { flavor: 'current_thread' | 'multi_thread'; workers: number | null; startPaused: boolean } | null;
  /** `main` returns a Result (an `Err` prints `Error: {e:?}` and exits with status 1). */
  readonly returnsResult: boolean;
}

export interface CompiledProgram {
  readonly file: string;
  readonly source: string;
  readonly main: MainInfo;
  readonly ext: Map<MethodTable, MethodTable>;
  /** User structs by name (for `Default::default()` by type). */
  readonly structs: Map<string, StructDef>;
  /** User structs and enums by name (`From::from` / `into()` by the expected type). */
  readonly types: Map<string, StructDef | EnumDef>;
  /** Associated fns of user impls on std types, as `u64::from` (`id.into()` to a `u64`). */
  readonly stdAssoc: Map<string, FnDef>;
}

interface PendingFn {
  readonly def: FnDef;
  readonly item: FnItem;
  readonly selfType: string | null;
}

function typeName(t: Type): string | null {
  switch (t.kind) {
    case 'PathType':
      return t.path.segments[t.path.segments.length - 1].name;
    case 'RefType':
    case 'ParenType':
      return typeName(t.inner);
    case 'SliceType':
    case 'ArrayType':
      return '[]';
    case 'TupleType':
      return '()';
    default:
      return null;
  }
}

function intOf(t: Type | null): IntType | null {
  if (!t) return null;
  const n = typeName(t);
  return n && isIntName(n) ? INT_TYPES[n] : null;
}

/** The `E` of a declared `Result<T, E>` return type (what `?` converts errors into). */
function errTypeOf(t: Type | null): string | null {
  if (!t || t.kind !== 'PathType') return null;
  const last = t.path.segments[t.path.segments.length - 1];
  if (last.args?.kind === 'AngleArgs' && last.args.args.length >= 2) {
    const e = last.args.args[1];
    if (e.kind === 'TypeArg') {
      if (e.type.kind === 'PathType') return e.type.path.segments.map((s) => s.name).join('::');
      return typeName(e.type);
    }
  }
  if (last.name === 'Result' && last.args?.kind === 'AngleArgs' && last.args.args.length === 1) return 'io::Error';
  return null;
}

function derivesOf(attrs: Attribute[]): string[] {
  const out: string[] = [];
  for (const a of attrs) {
    if (a.meta.kind === 'MetaList' && a.meta.path === 'derive') {
      for (const m of a.meta.items) if (m.kind === 'MetaPath') out.push(m.path.split('::').pop()!);
    }
  }
  return out;
}

function fieldsOf(f: StructFields): {
  names: string[];
  kind: 'named' | 'tuple' | 'unit';
  ints: (IntType | null)[];
  types: string[];
} {
  if (f.kind === 'NamedFields') {
    return {
      names: f.fields.map((x) => x.name),
      kind: 'named',
      ints: f.fields.map((x) => intOf(x.type)),
      types: f.fields.map((x) => typeName(x.type) ?? ''),
    };
  }
  if (f.kind === 'TupleFields') {
    return {
      names: f.fields.map((_x, i) => String(i)),
      kind: 'tuple',
      ints: f.fields.map((x) => intOf(x.type)),
      types: f.fields.map((x) => typeName(x.type) ?? ''),
    };
  }
  return { names: [], kind: 'unit', ints: [], types: [] };
}

function builtinTable(name: string): MethodTable | null {
  if (isIntName(name)) return INT_METHODS;
  switch (name) {
    case 'f64':
    case 'f32':
      return FLOAT_METHODS;
    case 'str':
    case 'String':
      return STR_METHODS;
    case 'bool':
      return BOOL_METHODS;
    case 'char':
      return CHAR_METHODS;
    case 'Vec':
    case '[]':
      return tableFor(RVec);
    case 'HashMap':
    case 'BTreeMap':
    case 'HashSet':
    case 'BTreeSet':
      return tableFor(RMap);
    case '()':
      return tableFor(RTuple);
    case 'VecDeque':
      return tableFor(RDeque);
    case 'BinaryHeap':
      return tableFor(RHeap);
    case 'Duration':
      return tableFor(RDuration);
    case 'Instant':
      return tableFor(RInstant);
    case 'Option':
      return OPTION.methods;
    case 'Result':
      return RESULT.methods;
    default:
      // a user trait on an atomic (`impl Snapshot for AtomicUsize`): one table for the atomics
      return ATOMIC_NAMES.has(name) ? tableFor(RAtomic) : null;
  }
}

export class ProgramCompiler {
  readonly cx: Cx;
  private readonly fns: PendingFn[] = [];
  private readonly impls: ImplItem[] = [];
  private readonly traits = new Map<string, { def: TraitDef; item: Extract<Item, { kind: 'Trait' }> }>();

  constructor(
    readonly program: Program,
    source: string,
    facts: TypeFacts,
  ) {
    this.cx = new Cx(program.file, source, facts);
    this.cx.spawnNames = spawnNames(program);
    this.cx.constLens = constLens(program);
  }

  compile(): CompiledProgram {
    const items = this.collect(this.program.items, '');
    this.refuseShadowedNested(items);
    for (const it of items) if (it.kind === 'Use') this.use(it.tree, []);
    this.builtinGlobs();
    for (const it of items) this.declare(it);
    for (const it of items) if (it.kind === 'Impl') this.impls.push(it);
    for (const impl of this.impls) this.implement(impl);
    const blocking = mayBlockFns(this.fns.filter((p) => !p.item.selfParam).map((p) => p.item));
    for (const p of this.fns) if (blocking.has(p.item)) markMaySuspend(p.def);
    for (const p of this.fns) this.compileFn(p);
    this.cx.cells.finalize();
    const main = this.cx.item('main');
    if (!main || main.kind !== 'fn') return fail(this.program.span, '`main` function not found in the program');
    const mainItem = items.find((i): i is FnItem => i.kind === 'Fn' && i.name === 'main')!;
    const structs = new Map<string, StructDef>();
    const types = new Map<string, StructDef | EnumDef>();
    const stdAssoc = new Map<string, FnDef>();
    for (const [name, it] of this.cx.items) {
      if (it.kind === 'struct') structs.set(name, it.def);
      if (it.kind === 'struct' || it.kind === 'enum') types.set(name, it.def);
      if (it.kind === 'fn' && name.includes('::')) stdAssoc.set(name, it.def);
    }
    return {
      file: this.program.file,
      source: this.cx.source,
      main: this.mainInfo(main.def, mainItem),
      ext: this.cx.ext,
      structs,
      types,
      stdAssoc,
    };
  }

  private mainInfo(def: FnDef, item: FnItem): MainInfo {
    let tokio: MainInfo['tokio'] = null;
    for (const a of item.attrs) {
      const m = a.meta;
      if ((m.kind === 'MetaPath' || m.kind === 'MetaList') && m.path.endsWith('main') && m.path !== 'main') {
        tokio = { flavor: 'multi_thread', workers: null, startPaused: false };
        if (m.kind === 'MetaList') for (const x of m.items) this.tokioOption(tokio, x);
      }
    }
    if (tokio && !item.isAsync) return fail(item.nameSpan, '`#[tokio::main]` needs `async fn main`');
    if (!tokio && item.isAsync) return fail(item.nameSpan, '`async fn main` needs `#[tokio::main]`');
    const returnsResult = item.ret !== null && typeName(item.ret) === 'Result';
    return { def, tokio, returnsResult };
  }

  private tokioOption(t: NonNullable<MainInfo['tokio']>, m: Meta): void {
    if (m.kind !== 'MetaNameValue') return;
    const v = m.value;
    if (m.path === 'flavor' && v.kind === 'StrLit')
      t.flavor = v.value === 'current_thread' ? 'current_thread' : 'multi_thread';
    else if (m.path === 'worker_threads' && v.kind === 'IntLit') t.workers = Number(v.value);
    else if (m.path === 'start_paused' && v.kind === 'BoolLit') t.startPaused = v.value;
  }

  /** Flattens modules (items also named `mod::name`) and items nested in function bodies. */
  private collect(items: Item[], prefix: string): Item[] {
    const out: Item[] = [];
    const visitBlock = (b: { stmts: { kind: string; item?: Item }[] } | null): void => {
      if (!b) return;
      for (const st of b.stmts)
        if (st.kind === 'ItemStmt' && st.item) {
          this.nested.add(st.item);
          out.push(...this.collect([st.item], prefix));
        }
    };
    for (const it of items) {
      if (it.kind === 'Mod') {
        if (it.items) out.push(...this.collect(it.items, `${prefix}${it.name}::`));
        continue;
      }
      out.push(it);
      if (prefix && 'name' in it)
        this.modAliases.push([`${prefix}${(it as { name: string }).name}`, (it as { name: string }).name]);
      if (it.kind === 'Fn') visitBlock(it.body);
      if (it.kind === 'Impl') for (const f of it.items) if (f.kind === 'Fn') visitBlock(f.body);
    }
    return out;
  }

  private readonly modAliases: [string, string][] = [];
  /** Items declared inside function bodies (flattened into the program's one namespace). */
  private readonly nested = new WeakSet<Item>();

  /**
   * Items nested in function bodies share the program's namespace here, while in Rust each is
   * seen only in its own block: two with one name (`thread_local! { static N … }` in two
   * functions) would silently be one item, so they are refused.
   */
  private refuseShadowedNested(items: readonly Item[]): void {
    const seen = new Map<string, Item>();
    for (const it of items) {
      if (it.kind === 'Impl' || it.kind === 'Use' || !('name' in it) || !('nameSpan' in it)) continue;
      const other = seen.get(it.name);
      if (other !== undefined && (this.nested.has(it) || this.nested.has(other)))
        fail(
          it.nameSpan,
          `an item named \`${it.name}\` is declared twice (one inside a function body): items in function bodies are not scoped to their block yet`,
          'give one of them another name',
        );
      seen.set(it.name, it);
    }
  }

  private use(t: UseTree, prefix: string[]): void {
    switch (t.kind) {
      case 'UsePath':
        this.use(t.rest, [...prefix, t.name]);
        return;
      case 'UseName': {
        const path = t.name === 'self' ? prefix : [...prefix, t.name];
        const alias = t.alias ?? (t.name === 'self' ? prefix[prefix.length - 1] : t.name);
        if (alias === '_') return;
        const clean = path.filter((s) => s !== 'crate' && s !== 'self' && s !== 'super');
        if (clean.length === 1 && clean[0] === alias) return;
        this.cx.uses.set(alias, clean);
        return;
      }
      case 'UseGroup':
        for (const x of t.items) this.use(x, prefix);
        return;
      case 'UseGlob':
        this.globs.push(prefix.filter((s) => s !== 'crate' && s !== 'self' && s !== 'super'));
        return;
    }
  }

  private readonly globs: string[][] = [];

  /** `use std::sync::atomic::Ordering::*`: the values of a built-in namespace, by their names. */
  private builtinGlobs(): void {
    for (const g of this.globs) {
      const e = g.length > 0 ? lookupBuiltin(g) : undefined;
      if (e?.kind !== 'ns') continue;
      for (const [name, m] of e.m)
        if (m.kind === 'value' && !this.cx.uses.has(name)) this.cx.uses.set(name, [...g, name]);
    }
  }

  private declare(it: Item): void {
    const cx = this.cx;
    switch (it.kind) {
      case 'Struct':
        this.declareStruct(it);
        return;
      case 'Enum':
        this.declareEnum(it);
        return;
      case 'Fn': {
        const def = this.fnDef(it, null);
        cx.items.set(it.name, { kind: 'fn', def });
        return;
      }
      case 'Const':
      case 'Static': {
        const cell = new ConstCell(it.name, it.kind === 'Static', it.span);
        const value = it.value;
        const ty = it.type;
        if (value) {
          const threadLocal = it.kind === 'Static' && it.threadLocal === true;
          cell.init = () => {
            const scope = new FnScope(null, false, false, null);
            const ce = cx.withScope(scope, () => {
              const c = compileExpr(cx, value);
              cx.cells.unify(c.ic, annotationCell(cx, ty));
              return c;
            });
            const run = ce.s;
            if (!run) return fail(value.span, '`.await` in a constant');
            cx.cells.finalize();
            // a thread-local's initializer runs once on each thread that uses it
            if (threadLocal) return new RLocalKey(it.name, () => run(new Frame(scope.nslots, null)));
            return run(new Frame(scope.nslots, null));
          };
        }
        cx.items.set(it.name, { kind: 'const', cell });
        return;
      }
      case 'Trait': {
        const def = new TraitDef(it.name);
        for (const m of it.items) if (m.kind === 'Fn') def.names.add(m.name);
        this.traits.set(it.name, { def, item: it });
        cx.items.set(it.name, { kind: 'trait', def });
        return;
      }
      default:
        return;
    }
  }

  private declareStruct(it: StructItem): void {
    const { names, kind, ints, types } = fieldsOf(it.fields);
    const def = new StructDef(it.name, names, kind, ints, types);
    for (const d of derivesOf(it.attrs)) def.derives.add(d);
    this.cx.items.set(it.name, { kind: 'struct', def });
    names.forEach((n, i) => {
      const prev = this.cx.fieldInts.get(n);
      const t = ints[i] ?? null;
      if (prev === undefined) this.cx.fieldInts.set(n, t);
      else if (prev !== t) this.cx.fieldInts.set(n, null);
    });
  }

  private declareEnum(it: EnumItem): void {
    let next = 0;
    const variants = it.variants.map((v) => {
      const { names, kind, ints } = fieldsOf(v.fields);
      let d = next;
      if (v.discriminant && v.discriminant.kind === 'IntLit') d = Number(v.discriminant.value);
      else if (v.discriminant && v.discriminant.kind === 'Unary' && v.discriminant.operand.kind === 'IntLit') {
        d = -Number(v.discriminant.operand.value);
      }
      next = d + 1;
      return new VariantDef(v.name, names, kind, d, ints);
    });
    const def = new EnumDef(it.name, variants);
    for (const d of derivesOf(it.attrs)) def.derives.add(d);
    this.cx.items.set(it.name, { kind: 'enum', def });
    for (const g of this.globs) {
      if (g[g.length - 1] === it.name) for (const v of variants) this.cx.uses.set(v.name, [it.name, v.name]);
    }
  }

  private fnDef(it: FnItem, selfType: string | null): FnDef {
    const mode: SelfMode = it.selfParam ? it.selfParam.mode : 'none';
    const def = new FnDef(it.name, it.nameSpan, mode, it.isAsync, it.params.length + (it.selfParam ? 1 : 0));
    def.selfType = selfType;
    const st = it.selfParam?.type ?? null;
    const ptr = st === null ? null : typeName(st.kind === 'RefType' ? st.inner : st);
    def.selfPtr = ptr === 'Rc' || ptr === 'Arc';
    const ints: (IntCell | null)[] = it.params.map((p) => annotationCell(this.cx, p.type));
    paramInts.set(def, it.selfParam ? [null, ...ints] : ints);
    const p0 = it.params[0];
    if (p0) {
      const n = typeName(p0.type);
      if (n) {
        paramTypeNames.set(def, isIntName(n) ? 'int' : n === 'str' ? 'String' : n);
      }
      const key = writtenKey(p0.type);
      if (key !== null) paramTypeKeys.set(def, key);
    }
    retInts.set(def, annotationCell(this.cx, it.ret));
    this.fns.push({ def, item: it, selfType });
    return def;
  }

  private implement(impl: ImplItem): void {
    const cx = this.cx;
    const selfName = typeName(impl.selfType);
    if (!selfName) return fail(impl.selfType.span, 'unsupported `impl` target');
    const traitName = impl.trait ? impl.trait.segments[impl.trait.segments.length - 1].name : null;
    const target = cx.item(selfName);
    let table: MethodTable;
    let adt: StructDef | EnumDef | null = null;
    if (target && (target.kind === 'struct' || target.kind === 'enum')) {
      adt = target.def;
      table = adt.methods;
    } else {
      // `impl<T: Display> Loud for T`: a method of every type (the checker proved the bounds)
      const blanket = impl.generics.params.some((g) => g.kind === 'TypeParam' && g.name === selfName);
      const base = blanket ? UNIVERSAL : builtinTable(selfName);
      if (!base) return fail(impl.selfType.span, `\`impl\` for \`${selfName}\` is not supported`);
      let ext = cx.ext.get(base);
      if (!ext) {
        ext = new Map();
        cx.ext.set(base, ext);
      }
      table = ext;
    }
    if (adt && traitName) adt.traits.add(traitName);
    const defined = new Set<string>();
    for (const m of impl.items) {
      if (m.kind === 'Const' && m.value) {
        const cell = new ConstCell(m.name, false);
        const value = m.value;
        cell.init = () => {
          const scope = new FnScope(null, false, false, selfName);
          const ce = cx.withScope(scope, () => compileExpr(cx, value));
          cx.cells.finalize();
          return ce.s!(new Frame(scope.nslots, null));
        };
        cx.items.set(`${selfName}::${m.name}`, { kind: 'const', cell });
        continue;
      }
      if (m.kind !== 'Fn') continue;
      const def = this.fnDef(m, selfName);
      defined.add(m.name);
      this.addMethod(table, adt, traitName, def);
      if (!adt) this.primAssoc(selfName, def);
      const rt = intOf(m.ret);
      const prev = cx.methodInts.get(m.name);
      if (prev === undefined) cx.methodInts.set(m.name, rt);
      else if (prev !== rt) cx.methodInts.set(m.name, null);
    }
    if (traitName) {
      const tr = this.traits.get(traitName);
      if (tr) {
        for (const m of tr.item.items) {
          if (m.kind !== 'Fn' || !m.body || defined.has(m.name)) continue;
          const def = this.fnDef(m, selfName);
          this.addMethod(table, adt, traitName, def);
          if (!adt) this.primAssoc(selfName, def);
        }
      }
    }
  }

  /**
   * An associated fn of a user trait on a std type (`impl Make for u8 { fn make() -> Self }`): the
   * shared method tables cannot tell `u8` from `i32`, so `u8::make` is an item of its own, which
   * paths and generic calls (`T::make()` with `T = u8`) find by the exact type's name.
   */
  private primAssoc(selfName: string, def: FnDef): void {
    // `&self` methods too: a call on a `u8` receiver finds `u8::describe` (compile/calls.ts primTraitCall)
    if (def.selfMode === 'none' || def.selfMode === 'ref')
      this.cx.items.set(`${selfName}::${def.name}`, { kind: 'fn', def });
  }

  private addMethod(table: MethodTable, adt: StructDef | EnumDef | null, traitName: string | null, def: FnDef): void {
    const method: Method = {
      name: def.name,
      selfMode: def.selfMode,
      call: (site, args) => invoke(def, args, site),
      user: def,
    };
    if (adt && traitName === 'Drop' && def.name === 'drop') {
      adt.dropFn = def;
      return;
    }
    if (adt && traitName === 'Display' && def.name === 'fmt') {
      adt.displayFn = def;
      table.set('__display_fmt', method);
      return;
    }
    if (adt && traitName === 'Debug' && def.name === 'fmt') {
      adt.debugFn = def;
      return;
    }
    if (traitName === 'From' && def.name === 'from' && adt) {
      const prev = table.get('from');
      if (prev) {
        // several `From` impls: dispatch on the argument's runtime type
        const list = (this.froms.get(adt) ?? [prev]).concat([method]);
        this.froms.set(adt, list);
        table.set('from', { name: 'from', selfMode: 'none', call: fromDispatch(list) });
        return;
      }
    }
    table.set(def.name, method);
    if (traitName) table.set(`${traitName}::${def.name}`, method);
  }

  private readonly froms = new Map<object, Method[]>();

  private compileFn(p: PendingFn): void {
    const { def, item } = p;
    if (!item.body) return;
    const plain = this.compileFnBody(p, false);
    def.nslots = plain.nslots;
    def.bind = plain.bind;
    def.paramSlots = plain.paramSlots;
    def.dropOrder = plain.dropOrder;
    if (item.isAsync) {
      def.layout = makeLayout(plain.body, plain.scope, plain.paramSlots, item.name, false);
    } else {
      if (!plain.body.s) fail(item.nameSpan, '`.await` is only allowed inside `async` functions and blocks');
      def.body = plain.body.s;
    }
    // a fn a std thread may block in also gets a generator body (compile/blocking-fns.ts)
    if (maySuspend(def)) {
      const g = this.compileFnBody(p, true);
      setSuspendingBody(def, { ...g, body: asGen(g.body) });
    }
  }

  /** Compiles a fn's parameters and body in a fresh scope (`resumable`: as a thread may suspend in it). */
  private compileFnBody(
    p: PendingFn,
    resumable: boolean,
  ): {
    scope: FnScope;
    body: CE;
    nslots: number;
    bind: (f: Frame, args: Value[]) => void;
    paramSlots: number[];
    dropOrder: number[];
  } {
    const cx = this.cx;
    const { def, item } = p;
    const scope = new FnScope(null, false, item.isAsync, p.selfType);
    scope.retErr = errTypeOf(item.ret);
    if (resumable) markResumableScope(scope);
    const prevSelf = cx.selfType;
    const prevGenerics = cx.generics;
    cx.selfType = p.selfType;
    cx.generics = new Set(item.generics.params.filter((g) => g.kind === 'TypeParam').map((g) => g.name));
    try {
      return cx.withScope(scope, () => {
        const slots: number[] = [];
        let selfSlot = -1;
        if (item.selfParam) {
          selfSlot = scope.declare('self').slot;
          slots.push(selfSlot);
        }
        const given = paramInts.get(def);
        const ps = compileParams(
          cx,
          item.params.map((x) => ({ pat: x.pat, type: x.type })),
          item.selfParam ? given?.slice(1) : given,
        );
        slots.push(...ps.slots);
        const body = compileBlock(cx, item.body!);
        cx.cells.unify(body.ic, retInts.get(def) ?? null);
        const byValueSelf = item.selfParam?.mode === 'value';
        const from = item.selfParam ? 1 : 0;
        const bind = (f: Frame, args: Value[]): void => {
          if (selfSlot >= 0) {
            const v = args[0];
            f.s[selfSlot] = v;
            if (byValueSelf && v instanceof Object && 'o' in v && v.o === null) {
              (v as { o: unknown; oi: number }).o = f.s;
              (v as { o: unknown; oi: number }).oi = selfSlot;
            }
          }
          ps.bind(f, args, from);
        };
        return { scope, body, nslots: scope.nslots, bind, paramSlots: slots, dropOrder: scope.dropOrder() };
      });
    } finally {
      cx.selfType = prevSelf;
      cx.generics = prevGenerics;
    }
  }
}

function fromDispatch(list: Method[]): Method['call'] {
  return (site, args) => {
    // The checker's type of the argument picks the impl (`From<u8>` vs `From<u32>`).
    const want = site.from === null ? null : tyKey(site.from);
    const typed = want === null ? undefined : list.find((m) => m.user && paramTypeKeys.get(m.user) === want);
    if (typed !== undefined) return typed.call(site, args);
    // Only when the checker left the argument open (none of the corpus does): the value's JS kind,
    // and only where it tells the impls apart (a `String` from a struct); two integer impls it cannot.
    noteFallback('fromDispatch', site.line, site.col);
    const fits = list.filter((m) => m.user !== undefined && matchesParam(m.user, args[0]));
    if (fits.length === 1) return fits[0].call(site, args);
    return typeFault(site, 'type annotations needed: the argument of this `from` has no known type', 'E0283');
  };
}

/** Whether `v` fits the first parameter of `def` (used to pick among several `From` impls). */
function matchesParam(def: FnDef, v: unknown): boolean {
  const want = paramTypeNames.get(def);
  if (!want) return false;
  return runtimeTypeName(v) === want;
}

export const paramTypeNames = new WeakMap<FnDef, string>();
/** The first parameter's type as written (last path segment, references peeled): `u8`, `str`, `Celsius`. */
const paramTypeKeys = new WeakMap<FnDef, string>();

/** A checker type in the form paramTypeKeys holds (references peeled, no type arguments), or null. */
function tyKey(t: Ty): string | null {
  if (t.k === 'ref') return tyKey(t.inner);
  if (t.k === 'tuple') {
    const es = t.elems.map(tyKey);
    return es.every((x) => x !== null) ? `(${es.join(',')})` : null;
  }
  return hintOfTy(t)?.replace(/<.*$/, '') ?? null;
}

/** A written parameter type in the form tyKey gives: `u8`, `str`, `Celsius`, `(char,u32)`. */
function writtenKey(t: Type): string | null {
  switch (t.kind) {
    case 'RefType':
    case 'ParenType':
      return writtenKey(t.inner);
    case 'TupleType': {
      if (t.elems.length === 0) return '()';
      const es = t.elems.map(writtenKey);
      return es.every((x) => x !== null) ? `(${es.join(',')})` : null;
    }
    default:
      return typeName(t);
  }
}

export function runtimeTypeName(v: unknown): string {
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (v && typeof v === 'object' && 'def' in v) return (v as { def: { name: string } }).def.name;
  // Not the class's name: the minified page renames classes, and could then match a user type's.
  return typeof v;
}

/** What the type checker learnt that the compiled program uses (absent: compiled unchecked). */
export interface CheckedFacts {
  /** Locals moved out before each `.await` (cx.ts `movedAtAwait`). */
  readonly movedAtAwait: ReadonlyMap<object, ReadonlySet<string>>;
}

/** `facts` come from the type checker; without them the compiler falls back on its own inference. */
export function compileProgram(
  program: Program,
  source: string,
  facts: TypeFacts = NO_FACTS,
  checked?: CheckedFacts,
): CompiledProgram {
  const c = new ProgramCompiler(program, source, facts);
  if (checked !== undefined) c.cx.movedAtAwait = checked.movedAtAwait;
  return c.compile();
}

export { CTL };
