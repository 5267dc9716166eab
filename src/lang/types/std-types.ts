/**
 * The std and tokio types the checker knows by name, with their number of type parameters, and
 * how a written path (`Mutex` after `use std::sync::Mutex`, `std::sync::Arc`, `String`) maps to
 * one canonical name. A path that maps to nothing here types as unknown.
 */
import type { Path } from '../syntax/ast.ts';
import type { Items } from './items.ts';

/** Canonical name → number of type parameters. */
export const STD_TYPES: ReadonlyMap<string, number> = new Map([
  ['String', 0],
  ['Vec', 1],
  ['Option', 1],
  ['Result', 2],
  ['Box', 1],
  ['Arc', 1],
  ['Rc', 1],
  ['HashMap', 2],
  ['HashSet', 1],
  ['BTreeMap', 2],
  ['BTreeSet', 1],
  ['VecDeque', 1],
  ['BinaryHeap', 1],
  ['std::sync::Mutex', 1],
  ['std::sync::MutexGuard', 1],
  ['std::sync::RwLock', 1],
  ['tokio::sync::Mutex', 1],
  ['tokio::sync::MutexGuard', 1],
  ['RefCell', 1],
  ['Cell', 1],
  ['LocalKey', 1],
  ['JoinHandle', 1],
  ['JoinSet', 1],
  ['JoinError', 0],
  ['Duration', 0],
  ['Instant', 0],
  ['Sleep', 0],
  ['Timeout', 1],
  ['Elapsed', 0],
  ['std::cell::Ref', 1],
  ['std::cell::RefMut', 1],
  ['CancellationToken', 0],
  ['Semaphore', 0],
  ['mpsc::Sender', 1],
  ['mpsc::Receiver', 1],
  ['mpsc::UnboundedSender', 1],
  ['mpsc::UnboundedReceiver', 1],
  ['oneshot::Sender', 1],
  ['oneshot::Receiver', 1],
  ['Ipv4Addr', 0],
  ['IpAddr', 0],
  ['SocketAddr', 0],
  ['AddrParseError', 0],
  ['ParseIntError', 0],
  ['ParseFloatError', 0],
]);

/** Full paths (with `core::`/`alloc::` read as `std::`) → canonical names. */
const FULL: ReadonlyMap<string, string> = new Map([
  ['std::string::String', 'String'],
  ['std::vec::Vec', 'Vec'],
  ['std::option::Option', 'Option'],
  ['std::result::Result', 'Result'],
  ['std::boxed::Box', 'Box'],
  ['std::sync::Arc', 'Arc'],
  ['std::rc::Rc', 'Rc'],
  ['std::collections::HashMap', 'HashMap'],
  ['std::collections::hash_map::HashMap', 'HashMap'],
  ['std::collections::HashSet', 'HashSet'],
  ['std::collections::hash_set::HashSet', 'HashSet'],
  ['std::collections::BTreeMap', 'BTreeMap'],
  ['std::collections::btree_map::BTreeMap', 'BTreeMap'],
  ['std::collections::BTreeSet', 'BTreeSet'],
  ['std::collections::btree_set::BTreeSet', 'BTreeSet'],
  ['std::collections::VecDeque', 'VecDeque'],
  ['std::collections::vec_deque::VecDeque', 'VecDeque'],
  ['std::collections::BinaryHeap', 'BinaryHeap'],
  ['std::collections::binary_heap::BinaryHeap', 'BinaryHeap'],
  ['std::sync::Mutex', 'std::sync::Mutex'],
  ['std::sync::MutexGuard', 'std::sync::MutexGuard'],
  ['std::sync::RwLock', 'std::sync::RwLock'],
  ['tokio::sync::Mutex', 'tokio::sync::Mutex'],
  ['tokio::sync::MutexGuard', 'tokio::sync::MutexGuard'],
  ['std::cell::RefCell', 'RefCell'],
  ['std::cell::Cell', 'Cell'],
  ['std::thread::LocalKey', 'LocalKey'],
  ['tokio::task::JoinHandle', 'JoinHandle'],
  ['tokio::task::JoinSet', 'JoinSet'],
  ['tokio::task::JoinError', 'JoinError'],
  ['std::time::Duration', 'Duration'],
  ['tokio::time::Duration', 'Duration'],
  ['std::time::Instant', 'Instant'],
  ['tokio::time::Sleep', 'Sleep'],
  ['tokio::time::Timeout', 'Timeout'],
  ['tokio::time::error::Elapsed', 'Elapsed'],
  ['tokio::time::Instant', 'Instant'],
  ['tokio_util::sync::CancellationToken', 'CancellationToken'],
  ['tokio::sync::Semaphore', 'Semaphore'],
  ['tokio::sync::mpsc::Sender', 'mpsc::Sender'],
  ['tokio::sync::mpsc::Receiver', 'mpsc::Receiver'],
  ['tokio::sync::mpsc::UnboundedSender', 'mpsc::UnboundedSender'],
  ['tokio::sync::mpsc::UnboundedReceiver', 'mpsc::UnboundedReceiver'],
  ['tokio::sync::oneshot::Sender', 'oneshot::Sender'],
  ['tokio::sync::oneshot::Receiver', 'oneshot::Receiver'],
  ['std::net::Ipv4Addr', 'Ipv4Addr'],
  ['std::net::IpAddr', 'IpAddr'],
  ['std::net::SocketAddr', 'SocketAddr'],
  ['std::net::AddrParseError', 'AddrParseError'],
  ['std::num::ParseIntError', 'ParseIntError'],
  ['std::num::ParseFloatError', 'ParseFloatError'],
]);

/** The full path a written path stands for, through the program's `use` imports. */
export function expandPath(names: readonly string[], items: Items): string {
  const head = items.imports.get(names[0] ?? '');
  const full = head !== undefined ? [head, ...names.slice(1)].join('::') : names.join('::');
  return normalize(full);
}

/** Names usable without a `use` (the std prelude). */
const PRELUDE_TYPES = new Set(['String', 'Vec', 'Option', 'Result', 'Box']);

function normalize(full: string): string {
  return full.replace(/^::/, '').replace(/^(core|alloc)::/, 'std::');
}

/** The canonical std/tokio name a path denotes, or null when it is not one the tables know. */
export function qualifyStd(path: Path, items: Items): string | null {
  const names = path.segments.map((s) => s.name);
  if (names.length === 1) {
    const n = names[0];
    const imported = items.imports.get(n);
    if (imported !== undefined) return FULL.get(normalize(imported)) ?? null;
    if (items.adts.has(n) || items.aliases.has(n) || items.traits.has(n)) return null;
    return PRELUDE_TYPES.has(n) ? n : null;
  }
  // `sync::Mutex` after `use std::sync;`: expand the first segment through the imports.
  const head = items.imports.get(names[0]);
  const full = head !== undefined ? [head, ...names.slice(1)].join('::') : names.join('::');
  return FULL.get(normalize(full)) ?? null;
}
