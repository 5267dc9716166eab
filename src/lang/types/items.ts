/**
 * Item collection: every struct, enum, trait, impl, fn, const, static and `use` of the program,
 * flattened over modules and function bodies (a name two modules define differently is marked
 * ambiguous and then types as unknown). Signatures are lowered later, once all names are known.
 */
import type {
  Attribute,
  EnumItem,
  FnItem,
  ImplItem,
  Item,
  Program,
  Span,
  StructFields,
  StructItem,
  TraitItem,
  TypeAliasItem,
  UseTree,
} from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';

export interface AdtDef {
  readonly kind: 'struct' | 'enum';
  readonly name: string;
  readonly generics: readonly string[];
  readonly item: StructItem | EnumItem;
  readonly derives: ReadonlySet<string>;
}

export interface ImplDef {
  readonly item: ImplItem;
  /** The user type this impl is for, when it is a plain path to one; null otherwise. */
  readonly selfName: string | null;
  /** Last segment of the implemented trait; null for an inherent impl. */
  readonly trait: string | null;
  /** `impl<T> Trait for T`: applies to types the checker cannot enumerate. */
  readonly blanket: boolean;
}

export interface Items {
  readonly adts: Map<string, AdtDef>;
  readonly traits: Map<string, TraitItem>;
  readonly aliases: Map<string, TypeAliasItem>;
  readonly fns: Map<string, FnItem>;
  /** Names of consts and statics. */
  readonly values: Map<string, Item>;
  readonly modules: Set<string>;
  readonly impls: ImplDef[];
  /** Names defined more than once (in different modules): never resolved precisely. */
  readonly ambiguous: Set<string>;
  /** Local name → the path it was imported from (`Mutex` → `std::sync::Mutex`). */
  readonly imports: Map<string, string>;
  /** Paths of `use …::*` imports. */
  readonly globs: string[];
  /** Functions nested in other functions or modules are collected too; this marks every fn item. */
  readonly allFns: FnItem[];
}

export function derivesOf(attrs: readonly Attribute[]): Set<string> {
  const out = new Set<string>();
  for (const a of attrs) {
    if (a.meta.kind !== 'MetaList' || a.meta.path !== 'derive') continue;
    for (const m of a.meta.items) if (m.kind === 'MetaPath') out.add(m.path.split('::').pop() ?? m.path);
  }
  return out;
}

function genericNames(g: { params: readonly { kind: string; name: string }[] }): string[] {
  return g.params.filter((p) => p.kind === 'TypeParam').map((p) => p.name);
}

export function lastName(path: { segments: readonly { name: string }[] }): string {
  return path.segments[path.segments.length - 1]?.name ?? '';
}

function collectUse(tree: UseTree, prefix: string[], items: Items): void {
  switch (tree.kind) {
    case 'UsePath':
      collectUse(tree.rest, [...prefix, tree.name], items);
      return;
    case 'UseName': {
      if (tree.name === 'self') {
        const last = prefix[prefix.length - 1];
        if (last !== undefined) items.imports.set(tree.alias ?? last, prefix.join('::'));
        return;
      }
      const local = tree.alias ?? tree.name;
      if (local !== '_') items.imports.set(local, [...prefix, tree.name].join('::'));
      return;
    }
    case 'UseGlob':
      items.globs.push(prefix.join('::'));
      return;
    case 'UseGroup':
      for (const t of tree.items) collectUse(t, prefix, items);
      return;
  }
}

export function collectItems(program: Program): Items {
  const items: Items = {
    adts: new Map(),
    traits: new Map(),
    aliases: new Map(),
    fns: new Map(),
    values: new Map(),
    modules: new Set(),
    impls: [],
    ambiguous: new Set(),
    imports: new Map(),
    globs: [],
    allFns: [],
  };
  const define = <T>(map: Map<string, T>, name: string, v: T): void => {
    if (map.has(name)) items.ambiguous.add(name);
    else map.set(name, v);
  };
  const implItems = new Set<FnItem>();
  const traitItems = new Set<FnItem>();
  walk(program, (node) => {
    switch (node.kind) {
      case 'Struct':
        define(items.adts, node.name, {
          kind: 'struct',
          name: node.name,
          generics: genericNames(node.generics),
          item: node,
          derives: derivesOf(node.attrs),
        });
        break;
      case 'Enum':
        define(items.adts, node.name, {
          kind: 'enum',
          name: node.name,
          generics: genericNames(node.generics),
          item: node,
          derives: derivesOf(node.attrs),
        });
        break;
      case 'Trait':
        define(items.traits, node.name, node);
        for (const it of node.items) if (it.kind === 'Fn') traitItems.add(it);
        break;
      case 'TypeAlias':
        break;
      case 'Impl': {
        for (const it of node.items) if (it.kind === 'Fn') implItems.add(it);
        const st = node.selfType;
        const selfName = st.kind === 'PathType' && st.path.segments.length === 1 ? lastName(st.path) : null;
        const generics = genericNames(node.generics);
        items.impls.push({
          item: node,
          selfName: selfName !== null && !generics.includes(selfName) ? selfName : null,
          trait: node.trait === null ? null : lastName(node.trait),
          blanket: selfName === null || generics.includes(selfName),
        });
        break;
      }
      case 'Fn':
        items.allFns.push(node);
        if (!implItems.has(node) && !traitItems.has(node)) define(items.fns, node.name, node);
        break;
      case 'Const':
      case 'Static':
        define(items.values, node.name, node);
        break;
      case 'Mod':
        items.modules.add(node.name);
        break;
      case 'Use':
        collectUse(node.tree, node.global ? [''] : [], items);
        break;
      default:
        break;
    }
    return true;
  });
  // Type aliases at item level (associated types in traits and impls are not aliases).
  walk(program, (node) => {
    if (node.kind === 'Impl' || node.kind === 'Trait') return false;
    if (node.kind === 'TypeAlias') define(items.aliases, node.name, node);
    return true;
  });
  return items;
}

export function fieldsOf(f: StructFields): 'named' | 'tuple' | 'unit' {
  return f.kind === 'NamedFields' ? 'named' : f.kind === 'TupleFields' ? 'tuple' : 'unit';
}

export type { Span };
