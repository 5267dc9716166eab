/**
 * Result types of common std/tokio methods, by receiver type. A method not listed here types as
 * unknown (its receiver and arguments escape), so this table only ever adds precision.
 */
import { INT_TYPES, unsignedOf } from '../num/int-type.ts';
import type { InferTable } from './table.ts';
import { BOOL, REF_STR, UNIT, UNKNOWN, adt, floatTy, intTy, refTy, type Ty } from './ty.ts';

const USIZE = intTy('usize');
const STRING = adt('String');

type Rule = (self: Ty, args: readonly Ty[], t: InferTable) => Ty;

const same: Rule = (self) => self;
const string: Rule = () => STRING;
const bool: Rule = () => BOOL;
const usize: Rule = () => USIZE;
const unit: Rule = () => UNIT;

const arg0 = (self: Ty): Ty => (self.k === 'adt' ? (self.args[0] ?? UNKNOWN) : UNKNOWN);
const arg1 = (self: Ty): Ty => (self.k === 'adt' ? (self.args[1] ?? UNKNOWN) : UNKNOWN);

/** `str::split` and its kin: an iterator whose items are `&str` (one type for all of them). */
const STR_PIECES = 'std::str::Split';
const strPieces: Rule = () => adt(STR_PIECES);

const STR_METHODS: Record<string, Rule> = {
  len: usize,
  is_empty: bool,
  to_string: string,
  to_owned: string,
  to_uppercase: string,
  to_lowercase: string,
  repeat: string,
  trim: () => REF_STR,
  contains: bool,
  starts_with: bool,
  ends_with: bool,
  // The `Ok` type is what the program expects (an annotation, a return type, a turbofish).
  parse: (_s, _a, t) => adt('Result', [t.fresh(), UNKNOWN]),
  // iterators of `&str` pieces: their `next()` is typed, the adapters stay unknown
  split_whitespace: strPieces,
  split_ascii_whitespace: strPieces,
  split: strPieces,
  rsplit: strPieces,
  split_terminator: strPieces,
  splitn: strPieces,
  rsplitn: strPieces,
  lines: strPieces,
};

/** `map.entry(k)`, `map.get(&k)`, … on `HashMap<K, V>` and `BTreeMap<K, V>`. */
/** `Option<&T>::cloned()` → `Option<T>`; unknown while the checker cannot see the reference. */
const derefArg0: Rule = (s, _a, t) => {
  const inner = t.shallow(arg0(s));
  return inner.k === 'ref' ? adt('Option', [inner.inner]) : UNKNOWN;
};

/** The `T` of a `LocalKey<Cell<T>>` or `LocalKey<RefCell<T>>`. */
const cellValue: Rule = (s, _a, t) => {
  const cell = t.shallow(arg0(s));
  return cell.k === 'adt' && (cell.name === 'Cell' || cell.name === 'RefCell') ? (cell.args[0] ?? UNKNOWN) : UNKNOWN;
};

const MAP_METHODS: Record<string, Rule> = {
  len: usize,
  is_empty: bool,
  contains_key: bool,
  clone: same,
  entry: (s) => adt('Entry', [arg0(s), arg1(s)]),
  get: (s) => adt('Option', [refTy(arg1(s))]),
  insert: (s) => adt('Option', [arg1(s)]),
  remove: (s) => adt('Option', [arg1(s)]),
  // `[Option<&mut V>; N]` for `N` keys: an array, so `let [a, b] = …` is irrefutable
  get_disjoint_mut: (s, args, t) => {
    const keys = args[0] === undefined ? UNKNOWN : t.shallow(args[0]);
    return keys.k === 'array' ? { k: 'array', elem: adt('Option', [refTy(arg1(s), true)]), len: keys.len } : UNKNOWN;
  },
};

/** What an entry's `or_*` methods give: a `&mut V` into the map. */
const valueRef: Rule = (s) => refTy(arg1(s), true);

const SET_METHODS: Record<string, Rule> = {
  len: usize,
  is_empty: bool,
  contains: bool,
  insert: bool,
  remove: bool,
  clone: same,
};

const SLICE_METHODS: Record<string, Rule> = { len: usize, is_empty: bool, contains: bool };

/** What `Vec` and `BinaryHeap` share: both grow with `push` and give back an `Option` from `pop`. */
const PUSH_POP: Record<string, Rule> = {
  len: usize,
  is_empty: bool,
  clone: same,
  push: unit,
  clear: unit,
  pop: (s) => adt('Option', [arg0(s)]),
};

const TABLE: Record<string, Record<string, Rule>> = {
  String: {
    ...STR_METHODS,
    clone: same,
    as_str: () => REF_STR,
    push_str: unit,
    push: unit,
    clear: unit,
  },
  str: STR_METHODS,
  Vec: { ...PUSH_POP, contains: bool },
  BinaryHeap: { ...PUSH_POP, peek: (s) => adt('Option', [refTy(arg0(s), false)]) },
  HashMap: MAP_METHODS,
  BTreeMap: MAP_METHODS,
  Entry: { or_default: valueRef, or_insert: valueRef, or_insert_with: valueRef },
  Option: {
    unwrap: arg0,
    expect: arg0,
    unwrap_or_default: arg0,
    cloned: derefArg0,
    copied: derefArg0,
    is_some: bool,
    is_none: bool,
    take: same,
    clone: same,
    get_or_insert_default: (s) => refTy(arg0(s), true),
    get_or_insert_with: (s) => refTy(arg0(s), true),
    take_if: same,
    ok_or: (s, a) => adt('Result', [arg0(s), a[0] ?? UNKNOWN]),
  },
  Result: {
    unwrap: arg0,
    expect: arg0,
    unwrap_err: arg1,
    unwrap_or_default: arg0,
    is_ok: bool,
    is_err: bool,
    ok: (s) => adt('Option', [arg0(s)]),
    err: (s) => adt('Option', [arg1(s)]),
  },
  [STR_PIECES]: { next: () => adt('Option', [REF_STR]), next_back: () => adt('Option', [REF_STR]) },
  Arc: { clone: same },
  Rc: { clone: same },
  'std::sync::Mutex': {
    lock: (s) => adt('Result', [adt('std::sync::MutexGuard', [arg0(s)]), UNKNOWN]),
  },
  'tokio::sync::Mutex': {
    lock: (s) => ({ k: 'future', output: adt('tokio::sync::MutexGuard', [arg0(s)]), asyncBlock: false }),
  },
  JoinHandle: { abort: unit, is_finished: bool },
  // (so that `token.cancel().await` is refused: `()` is not a future)
  CancellationToken: { cancel: unit, is_cancelled: bool, child_token: () => adt('CancellationToken') },
  Instant: { elapsed: () => adt('Duration'), duration_since: () => adt('Duration') },
  Duration: {
    as_secs: () => intTy('u64'),
    as_millis: () => intTy('u128'),
    as_micros: () => intTy('u128'),
    as_nanos: () => intTy('u128'),
    subsec_millis: () => intTy('u32'),
    subsec_micros: () => intTy('u32'),
    subsec_nanos: () => intTy('u32'),
    as_secs_f64: () => floatTy('f64'),
    as_secs_f32: () => floatTy('f32'),
    is_zero: bool,
    clone: same,
  },
  VecDeque: {
    len: usize,
    is_empty: bool,
    contains: bool,
    clone: same,
    push_back: unit,
    push_front: unit,
    clear: unit,
    pop_front: (s) => adt('Option', [arg0(s)]),
    pop_back: (s) => adt('Option', [arg0(s)]),
  },
  HashSet: SET_METHODS,
  BTreeSet: SET_METHODS,
  'mpsc::Receiver': { recv: (s) => ({ k: 'future', output: adt('Option', [arg0(s)]), asyncBlock: false }) },
  'mpsc::UnboundedReceiver': {
    recv: (s) => ({ k: 'future', output: adt('Option', [arg0(s)]), asyncBlock: false }),
  },
  // `LocalKey<Cell<T>>` / `LocalKey<RefCell<T>>`: the value methods give the `T` inside
  LocalKey: { get: cellValue, take: cellValue, replace: cellValue, set: unit },
  RefCell: { borrow: (s) => adt('std::cell::Ref', [arg0(s)]), borrow_mut: (s) => adt('std::cell::RefMut', [arg0(s)]) },
  JoinSet: {
    len: usize,
    is_empty: bool,
    join_next: (s) => ({
      k: 'future',
      output: adt('Option', [adt('Result', [arg0(s), adt('JoinError')])]),
      asyncBlock: false,
    }),
  },
};

const INT_METHODS: Record<string, Rule> = {
  pow: same,
  abs: same,
  unsigned_abs: (s) => (s.k === 'int' ? intTy(unsignedOf(INT_TYPES[s.name]).name) : UNKNOWN),
  to_string: string,
  min: same,
  max: same,
  clone: same,
  wrapping_add: same,
  wrapping_sub: same,
  wrapping_mul: same,
  saturating_add: same,
  saturating_sub: same,
  checked_add: (s) => adt('Option', [s]),
  checked_sub: (s) => adt('Option', [s]),
  checked_mul: (s) => adt('Option', [s]),
  checked_div: (s) => adt('Option', [s]),
};

/** Float methods whose result is an integer type (`to_bits`). */
const FLOAT_METHODS: Record<string, Rule> = {
  to_bits: (s) => intTy(s.k === 'float' && s.name === 'f32' ? 'u32' : 'u64'),
};

/** The result type of `recv.name(…)` for a std receiver (already auto-dereferenced), or null. */
export function stdMethod(self: Ty, name: string, args: readonly Ty[], t: InferTable): Ty | null {
  if (self.k === 'int') return INT_METHODS[name]?.(self, args, t) ?? null;
  if (self.k === 'float') return FLOAT_METHODS[name]?.(self, args, t) ?? null;
  if (self.k === 'str') return TABLE['str']?.[name]?.(self, args, t) ?? null;
  // Arrays reach these through their unsizing step (`derefStep`): the element type stays known.
  if (self.k === 'slice') return SLICE_METHODS[name]?.(self, args, t) ?? null;
  if (self.k === 'adt') return TABLE[self.name]?.[name]?.(self, args, t) ?? null;
  return null;
}

export { refTy };
