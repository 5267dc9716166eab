/**
 * The checker's types (design.md §5). `unknown` is the escape hatch: whatever the tables do not
 * describe has this type, which unifies with anything and silences every check downstream, so a
 * gap in the tables can never turn into a false rejection.
 */
import type { IntName } from '../num/int-type.ts';
import type { Expr } from '../syntax/ast.ts';

export type FloatName = 'f32' | 'f64';

/** A nominal type: a user struct/enum (by its item name) or a std/tokio type (by a canonical path). */
export interface AdtTy {
  readonly k: 'adt';
  readonly name: string;
  readonly args: readonly Ty[];
}

export type Ty =
  | { readonly k: 'int'; readonly name: IntName }
  | { readonly k: 'float'; readonly name: FloatName }
  | { readonly k: 'bool' }
  | { readonly k: 'char' }
  | { readonly k: 'str' }
  | { readonly k: 'tuple'; readonly elems: readonly Ty[] }
  | { readonly k: 'ref'; readonly mut: boolean; readonly inner: Ty }
  /** `len` is the length when the program writes it as a literal (`[u16; 3]`, `[x, y]`). */
  | { readonly k: 'array'; readonly elem: Ty; readonly len?: number }
  | { readonly k: 'slice'; readonly elem: Ty }
  | AdtTy
  | { readonly k: 'param'; readonly name: string }
  | { readonly k: 'var'; readonly id: number }
  | { readonly k: 'fn'; readonly params: readonly Ty[]; readonly ret: Ty }
  | { readonly k: 'future'; readonly output: Ty; readonly asyncBlock: boolean }
  | { readonly k: 'never' }
  | { readonly k: 'unknown' };

export const UNKNOWN: Ty = { k: 'unknown' };
export const UNIT: Ty = { k: 'tuple', elems: [] };
export const BOOL: Ty = { k: 'bool' };
export const CHAR: Ty = { k: 'char' };
export const STR: Ty = { k: 'str' };
export const NEVER: Ty = { k: 'never' };
export const REF_STR: Ty = { k: 'ref', mut: false, inner: STR };

/** An array type; its length is kept when `len` is an integer literal. */
export const arrayTy = (elem: Ty, len: Expr): Ty =>
  len.kind === 'IntLit' ? { k: 'array', elem, len: Number(len.value) } : { k: 'array', elem };
export const intTy = (name: IntName): Ty => ({ k: 'int', name });
export const floatTy = (name: FloatName): Ty => ({ k: 'float', name });
export const adt = (name: string, args: readonly Ty[] = []): AdtTy => ({ k: 'adt', name, args });
export const refTy = (inner: Ty, mut = false): Ty => ({ k: 'ref', mut, inner });

/** Canonical names of the std and tokio types the tables know. */
export const STRING = 'String';
export const VEC = 'Vec';
export const OPTION = 'Option';
export const RESULT = 'Result';
export const BOX = 'Box';
export const ARC = 'Arc';
export const RC = 'Rc';
export const HASHMAP = 'HashMap';
export const STD_MUTEX = 'std::sync::Mutex';
export const STD_MUTEX_GUARD = 'std::sync::MutexGuard';
export const JOIN_HANDLE = 'JoinHandle';
export const JOIN_ERROR = 'JoinError';

/** What a learner sees in rustc's messages: `i32`, `&str`, `Vec<{integer}>`, `Option<String>`. */
export function showTy(t: Ty, show: (v: number) => string = () => '_'): string {
  const go = (x: Ty): string => showTy(x, show);
  switch (t.k) {
    case 'int':
    case 'float':
      return t.name;
    case 'bool':
    case 'char':
    case 'str':
      return t.k;
    case 'tuple':
      return t.elems.length === 1 ? `(${go(t.elems[0])},)` : `(${t.elems.map(go).join(', ')})`;
    case 'ref':
      return `&${t.mut ? 'mut ' : ''}${go(t.inner)}`;
    case 'array':
      return `[${go(t.elem)}; ${t.len ?? '_'}]`;
    case 'slice':
      return `[${go(t.elem)}]`;
    case 'adt': {
      const base = t.name.split('::').pop() ?? t.name;
      return t.args.length === 0 ? base : `${base}<${t.args.map(go).join(', ')}>`;
    }
    case 'param':
      return t.name;
    case 'var':
      return show(t.id);
    case 'fn':
      return `fn(${t.params.map(go).join(', ')}) -> ${go(t.ret)}`;
    case 'future':
      return t.asyncBlock ? '{async block}' : `impl Future<Output = ${go(t.output)}>`;
    case 'never':
      return '!';
    case 'unknown':
      return '_';
  }
}
