/**
 * Signatures of std/tokio associated functions and free functions the checker knows
 * (`String::from`, `Vec::new`, `Arc::new`, `tokio::spawn`…). A path not listed types as unknown.
 * Each entry builds a fresh signature so generic parameters get fresh inference variables.
 */
import type { InferTable } from './table.ts';
import { UNIT, UNKNOWN, adt, floatTy, intTy, refTy, type Ty } from './ty.ts';

type Build = (t: InferTable) => Ty;

const fn = (params: Ty[], ret: Ty): Ty => ({ k: 'fn', params, ret });

/** `Arc::clone(&a)`: takes a reference, gives an owned pointer (not the reference). */
function cloneOf(t: InferTable, name: string): Ty {
  const p = adt(name, [t.fresh()]);
  return fn([refTy(p)], p);
}

/** `Type::name` for std types, by canonical type name then function name. */
const ASSOC: Record<string, Record<string, Build>> = {
  String: {
    new: () => fn([], adt('String')),
    with_capacity: () => fn([UNKNOWN], adt('String')),
    from: () => fn([UNKNOWN], adt('String')),
  },
  Vec: {
    new: (t) => fn([], adt('Vec', [t.fresh()])),
    with_capacity: (t) => fn([UNKNOWN], adt('Vec', [t.fresh()])),
  },
  HashMap: { new: (t) => fn([], adt('HashMap', [t.fresh(), t.fresh()])) },
  BTreeMap: { new: (t) => fn([], adt('BTreeMap', [t.fresh(), t.fresh()])) },
  HashSet: { new: (t) => fn([], adt('HashSet', [t.fresh()])) },
  VecDeque: { new: (t) => fn([], adt('VecDeque', [t.fresh()])) },
  BinaryHeap: {
    new: (t) => fn([], adt('BinaryHeap', [t.fresh()])),
    with_capacity: (t) => fn([UNKNOWN], adt('BinaryHeap', [t.fresh()])),
  },
  Arc: { new: (t) => one(t, (x) => adt('Arc', [x])), clone: (t) => cloneOf(t, 'Arc') },
  Rc: { new: (t) => one(t, (x) => adt('Rc', [x])), clone: (t) => cloneOf(t, 'Rc') },
  Box: {
    new: (t) => one(t, (x) => adt('Box', [x])),
    leak: (t) =>
      one(
        t,
        (x) => refTy(x, true),
        [],
        (x) => adt('Box', [x]),
      ),
  },
  'std::sync::Mutex': { new: (t) => one(t, (x) => adt('std::sync::Mutex', [x])) },
  'tokio::sync::Mutex': { new: (t) => one(t, (x) => adt('tokio::sync::Mutex', [x])) },
  RefCell: { new: (t) => one(t, (x) => adt('RefCell', [x])) },
  Cell: { new: (t) => one(t, (x) => adt('Cell', [x])) },
  JoinSet: { new: (t) => fn([], adt('JoinSet', [t.fresh()])) },
  CancellationToken: { new: () => fn([], adt('CancellationToken')) },
  Semaphore: { new: () => fn([intTy('usize')], adt('Semaphore')) },
  Instant: { now: () => fn([], adt('Instant')) },
  Duration: {
    from_secs: () => fn([intTy('u64')], adt('Duration')),
    from_millis: () => fn([intTy('u64')], adt('Duration')),
    from_micros: () => fn([intTy('u64')], adt('Duration')),
    from_nanos: () => fn([intTy('u64')], adt('Duration')),
    from_secs_f64: () => fn([floatTy('f64')], adt('Duration')),
  },
  Option: {
    Some: (t) => one(t, (x) => adt('Option', [x])),
    None: (t) => adt('Option', [t.fresh()]),
  },
  Result: {
    Ok: (t) => one(t, (x) => adt('Result', [x, t.fresh()])),
    Err: (t) => one(t, (x) => adt('Result', [t.fresh(), x])),
  },
};

/** A fn of one fresh type `x`: its last parameter is `param(x)` (after `before`), its result `ret(x)`. */
function one(t: InferTable, ret: (x: Ty) => Ty, before: readonly Ty[] = [], param: (x: Ty) => Ty = (x) => x): Ty {
  const x = t.fresh();
  return fn([...before, param(x)], ret(x));
}

/** Free functions by full path (after `use` expansion). */
const FREE: Record<string, Build> = {
  'tokio::sync::mpsc::channel': (t) => pair(t, 'mpsc::Sender', 'mpsc::Receiver', [UNKNOWN]),
  'tokio::sync::mpsc::unbounded_channel': (t) => pair(t, 'mpsc::UnboundedSender', 'mpsc::UnboundedReceiver', []),
  'tokio::sync::oneshot::channel': (t) => pair(t, 'oneshot::Sender', 'oneshot::Receiver', []),
  'std::mem::drop': () => fn([UNKNOWN], UNIT),
  'tokio::time::sleep': () => fn([adt('Duration')], adt('Sleep')),
  // `Timeout<F>` keeps the future it wraps: awaiting it gives `Result<F::Output, Elapsed>` (expr.ts).
  'tokio::time::timeout': (t) => one(t, (f) => adt('Timeout', [f]), [adt('Duration')]),
  'tokio::task::yield_now': () => fn([], { k: 'future', output: UNIT, asyncBlock: false }),
  // The expected type decides which `Default` runs (types/facts.ts hands it to the interpreter).
  'Default::default': (t) => fn([], t.fresh()),
  'std::default::Default::default': (t) => fn([], t.fresh()),
};

function pair(t: InferTable, tx: string, rx: string, params: Ty[]): Ty {
  const x = t.fresh();
  return fn(params, { k: 'tuple', elems: [adt(tx, [x]), adt(rx, [x])] });
}

export function stdFree(fullPath: string, table: InferTable): Ty | null {
  return FREE[fullPath]?.(table) ?? null;
}

export function stdAssoc(typeName: string, name: string, table: InferTable): Ty | null {
  const b = ASSOC[typeName]?.[name];
  return b === undefined ? null : b(table);
}

/** Prelude values: `Some`, `None`, `Ok`, `Err`, `drop`. */
export function preludeValue(name: string, table: InferTable): Ty | null {
  if (name === 'Some' || name === 'None') return stdAssoc('Option', name, table);
  if (name === 'Ok' || name === 'Err') return stdAssoc('Result', name, table);
  if (name === 'drop') return fn([UNKNOWN], UNIT);
  return null;
}

/** Full paths of free functions that spawn a task: their argument must be a `Send + 'static` future. */
export const SPAWN_PATHS = new Set(['tokio::spawn', 'tokio::task::spawn', 'task::spawn', 'spawn']);
