/**
 * The members of the std and tokio modules learners name in paths, so that a misspelt segment
 * (`tokio::task::JoinSett`, `use tokio::sync::Mutexx`) is refused as rustc refuses it (E0433 inside a
 * path, E0432 in a `use`) instead of reaching the interpreter. Only modules whose every public
 * member is listed here are checked: a path into any other module is left alone, so an incomplete
 * table can never refuse a correct program. The lists were read from tokio 1.48.0, tokio-util 0.7.16
 * and std's documentation.
 */
import type { Program, UseTree, Span } from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';
import type { Cx } from './cx.ts';

const MODULES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    tokio: [
      'spawn',
      'main',
      'test',
      'select',
      'join',
      'try_join',
      'pin',
      'task_local',
      'task',
      'sync',
      'time',
      'runtime',
      'io',
      'net',
      'fs',
      'process',
      'signal',
      'stream',
      'macros',
      'doc',
    ],
    'tokio::task': [
      'coop',
      'futures',
      'join_set',
      'block_in_place',
      'spawn_blocking',
      'Builder',
      'Unconstrained',
      'consume_budget',
      'unconstrained',
      'AbortHandle',
      'Id',
      'id',
      'try_id',
      'JoinError',
      'JoinHandle',
      'JoinSet',
      'spawn_local',
      'LocalSet',
      'LocalEnterGuard',
      'spawn',
      'LocalKey',
      'yield_now',
      'task_local',
    ],
    'tokio::sync': [
      'broadcast',
      'futures',
      'mpsc',
      'oneshot',
      'watch',
      'Barrier',
      'BarrierWaitResult',
      'AcquireError',
      'TryAcquireError',
      'Mutex',
      'MutexGuard',
      'TryLockError',
      'OwnedMutexGuard',
      'MappedMutexGuard',
      'OwnedMappedMutexGuard',
      'Notify',
      'RwLock',
      'OwnedRwLockReadGuard',
      'OwnedRwLockWriteGuard',
      'OwnedRwLockMappedWriteGuard',
      'RwLockReadGuard',
      'RwLockWriteGuard',
      'RwLockMappedWriteGuard',
      'OnceCell',
      'SetError',
      'SetOnce',
      'SetOnceError',
      'Semaphore',
      'SemaphorePermit',
      'OwnedSemaphorePermit',
    ],
    'tokio::sync::mpsc': [
      'error',
      'channel',
      'OwnedPermit',
      'Permit',
      'PermitIterator',
      'Receiver',
      'Sender',
      'WeakSender',
      'unbounded_channel',
      'UnboundedReceiver',
      'UnboundedSender',
      'WeakUnboundedSender',
    ],
    'tokio::sync::oneshot': ['error', 'channel', 'Receiver', 'Sender'],
    'tokio::time': [
      'error',
      'advance',
      'pause',
      'resume',
      'interval',
      'interval_at',
      'Interval',
      'MissedTickBehavior',
      'Instant',
      'sleep',
      'sleep_until',
      'Sleep',
      'Duration',
      'timeout',
      'timeout_at',
      'Timeout',
    ],
    'tokio_util::sync': [
      'DropGuard',
      'DropGuardRef',
      'CancellationToken',
      'WaitForCancellationFuture',
      'WaitForCancellationFutureOwned',
      'PollSendError',
      'PollSender',
      'PollSemaphore',
      'ReusableBoxFuture',
    ],
    'std::time': ['Duration', 'Instant', 'SystemTime', 'SystemTimeError', 'TryFromFloatSecsError', 'UNIX_EPOCH'],
  }).map(([k, v]) => [k, new Set(v)]),
);

export interface BadSegment {
  /** Index of the first segment its parent module does not have. */
  readonly index: number;
  readonly parent: string;
}

/** The first segment of a full path that its (fully listed) parent module lacks, or null. */
export function missingMember(full: readonly string[]): BadSegment | null {
  for (let i = 1; i < full.length; i++) {
    const parent = full.slice(0, i).join('::');
    const members = MODULES.get(parent);
    if (members === undefined) return null;
    if (!members.has(full[i] ?? '')) return { index: i, parent };
  }
  return null;
}

/** E0432 for each `use` of a std/tokio item that does not exist. */
function checkUse(cx: Cx, tree: UseTree, prefix: readonly string[], rootSpan: Span, grouped: boolean): void {
  switch (tree.kind) {
    case 'UsePath':
      checkUse(cx, tree.rest, [...prefix, tree.name], grouped ? tree.span : rootSpan, grouped);
      return;
    case 'UseGroup':
      for (const t of tree.items) checkUse(cx, t, prefix, t.span, true);
      return;
    case 'UseGlob':
      return;
    case 'UseName': {
      if (tree.name === 'self') return;
      const full = [...prefix, tree.name];
      const bad = missingMember(full);
      if (bad === null) return;
      const name = full[bad.index] ?? '';
      const parentName = bad.parent.split('::').pop() ?? bad.parent;
      cx.findings.error(
        'resolve',
        grouped ? tree.span : rootSpan,
        'E0432',
        `unresolved import \`${full.join('::')}\``,
        `no \`${name}\` in \`${parentName}\``,
      );
    }
  }
}

/** E0433 for a path through a std/tokio module that lacks one of its segments. */
export function checkStdPaths(cx: Cx, program: Program): void {
  walk(program, (node) => {
    if (node.kind === 'Use') {
      if (!node.global) checkUse(cx, node.tree, [], node.tree.span, false);
      return false;
    }
    if ((node.kind !== 'PathExpr' && node.kind !== 'PathType') || node.path.qself || node.path.global) return true;
    const segs = node.path.segments;
    const names = segs.map((s) => s.name);
    const head = names[0] ?? '';
    // A local variable or a user item shadows a crate root.
    if (node.kind === 'PathExpr' && names.length === 1) return true;
    const imported = cx.items.imports.get(head);
    const user = cx.items.modules.has(head) || cx.items.adts.has(head) || cx.items.fns.has(head);
    if (imported === undefined && (user || !MODULES.has(head))) return true;
    const prefix = imported === undefined ? [] : imported.split('::').slice(0, -1);
    const full = [...prefix, ...names];
    const bad = missingMember(full);
    if (bad === null) return true;
    const at = bad.index - prefix.length;
    const seg = segs[at];
    // The last segment of a value path is a value lookup (E0425), not a path resolution.
    if (seg === undefined || at < 0 || at === segs.length - 1) return true;
    const parentName = bad.parent.split('::').pop() ?? bad.parent;
    cx.findings.error('resolve', seg.span, 'E0433', `cannot find \`${seg.name}\` in \`${parentName}\``);
    return true;
  });
}
