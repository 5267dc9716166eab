/**
 * Coercion sites (let with a type, arguments, returns, branch joins): the actual type must fit
 * the expected one after the coercions Rust applies there — `!` to anything, `&mut T` to `&T`,
 * and deref coercion of references (`&String` → `&str`, `&Vec<T>` → `&[T]`, `&Box<T>` → `&T`).
 * Only a definite clash is an E0308.
 */
import type { Located } from '../diagnostics.ts';
import type { Cx } from './cx.ts';
import { showTy, type Ty } from './ty.ts';

const SMART = new Set(['Box', 'Arc', 'Rc', 'std::sync::MutexGuard', 'tokio::sync::MutexGuard']);

/** One deref step of the types whose `Deref` the checker knows; null when there is none. */
export function derefStep(cx: Cx, t: Ty): Ty | null {
  const s = cx.resolved(t);
  if (s.k === 'ref') return s.inner;
  if (s.k === 'adt') {
    if (s.name === 'String') return { k: 'str' };
    if (s.name === 'Vec') return { k: 'slice', elem: s.args[0] ?? { k: 'unknown' } };
    if (SMART.has(s.name)) return s.args[0] ?? null;
  }
  if (s.k === 'array') return { k: 'slice', elem: s.elem };
  return null;
}

/** Does a user type implement `Deref` (so coercions the checker cannot follow may apply)? */
function userDeref(cx: Cx, t: Ty): boolean {
  const s = cx.resolved(t);
  if (s.k !== 'adt') return false;
  return cx.items.impls.some(
    (i) => (i.selfName === s.name || i.blanket) && (i.trait === 'Deref' || i.trait === 'DerefMut'),
  );
}

export function coerce(
  cx: Cx,
  actual: Ty,
  expected: Ty,
  at: Located | { span: Located },
  message = 'mismatched types',
): void {
  const a = cx.resolved(actual);
  const e = cx.resolved(expected);
  if (a.k === 'ref' && e.k === 'ref' && !(e.mut && !a.mut)) {
    // Deref coercion: step the actual pointee until it fits the expected one.
    let inner: Ty | null = a.inner;
    for (let i = 0; inner !== null && i < 8; i++) {
      if (cx.table.compatible(inner, e.inner)) {
        cx.table.unify(inner, e.inner);
        return;
      }
      if (userDeref(cx, inner)) return;
      inner = derefStep(cx, inner);
    }
  }
  // a user type with its own `impl Future` stands where `impl Future<Output = T>` is expected
  if (e.k === 'future' && a.k === 'adt' && userFuture(cx, a.name)) return;
  if (a.k === 'future' && isData(cx, e)) {
    mismatch(cx, a, e, at, message);
    return;
  }
  if (cx.table.compatible(a, e)) {
    cx.table.unify(a, e);
    return;
  }
  mismatch(cx, a, e, at, message);
}

function mismatch(cx: Cx, a: Ty, e: Ty, at: Located | { span: Located }, message: string): void {
  const span = 'span' in at ? at.span : at;
  const show = cx.table.showVar;
  cx.findings.error(
    'typeck',
    span,
    'E0308',
    message,
    `expected \`${showTy(cx.table.deep(e), show)}\`, found \`${showTy(cx.table.deep(a), show)}\``,
  );
  cx.table.escape(a);
  cx.table.escape(e);
}

const STD_DATA = new Set([
  'String',
  'Vec',
  'Option',
  'Result',
  'HashMap',
  'HashSet',
  'BTreeMap',
  'VecDeque',
  'BinaryHeap',
  'Arc',
  'Rc',
  'Duration',
  'Instant',
]);

function userFuture(cx: Cx, name: string): boolean {
  return cx.items.impls.some((i) => i.selfName === name && i.trait === 'Future');
}

/** A type that is plain data, never a future (so a future where it is expected is a mismatch). */
export function isData(cx: Cx, t: Ty): boolean {
  const s = cx.resolved(t);
  if (s.k === 'var') return cx.table.kindOf(s.id) !== 'general';
  if (['int', 'float', 'bool', 'char', 'str', 'tuple', 'ref', 'array', 'slice'].includes(s.k)) return true;
  if (s.k !== 'adt') return false;
  if (STD_DATA.has(s.name)) return true;
  return (
    cx.items.adts.has(s.name) &&
    !userFuture(cx, s.name) &&
    !cx.items.impls.some((i) => i.blanket && i.trait === 'Future')
  );
}
