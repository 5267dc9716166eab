/**
 * `tokio::sync`, `tokio::task::JoinSet`, `tokio_util::sync::CancellationToken` and the
 * `select!` / `join!` combinators as the simulator provides them (tokio-facts.md §7, §10–§12).
 * src/sim/index.ts re-exports this file.
 */
export { ok, err, some, NONE } from './result.ts';
export type { Result, Option, RustError } from './result.ts';
export { Notify, Notified } from './notify.ts';
export { oneshot, OneshotSender, OneshotReceiver, RecvError, RECV_ERROR } from './oneshot.ts';
export { TryRecvError as OneshotTryRecvError } from './oneshot.ts';
export {
  channel,
  unboundedChannel,
  Sender,
  UnboundedSender,
  WeakSender,
  Receiver,
  Permit,
  SendError,
  TrySendError,
} from './mpsc.ts';
export { TryRecvError as MpscTryRecvError } from './mpsc.ts';
export {
  BatchSemaphore,
  Acquire,
  AcquireError,
  ACQUIRE_ERROR,
  TryAcquireError,
  MAX_PERMITS,
} from './batch-semaphore.ts';
export { Semaphore, SemaphorePermit } from './semaphore.ts';
export { Mutex, MutexGuard, TryLockError, TRY_LOCK_ERROR } from './mutex.ts';
export { CancellationToken, WaitForCancellation, DropGuard, DropGuardRef } from './cancellation-token.ts';
export { JoinSet } from './join-set.ts';
export { Select, selectOrPanic, SELECT_DISABLED, ALL_DISABLED_PANIC, MAX_SELECT_BRANCHES } from './select.ts';
export type { SelectOptions, SelectOutput } from './select.ts';
export { Join, TryJoin } from './join.ts';
export type { TryJoinOutput } from './join.ts';
export { Cooperative, cooperative, threadRngN } from './cooperative.ts';
export {
  watchChannel,
  WatchSender,
  WatchReceiver,
  WatchShared,
  WatchRecvError,
  WatchSendError,
  WATCH_RECV_ERROR,
} from './watch.ts';
export type { WatchRef } from './watch.ts';
export { broadcastChannel, BroadcastSender, BroadcastReceiver, BroadcastSendError } from './broadcast.ts';
export type { BroadcastRecvError } from './broadcast.ts';
export { RwLock, RwLockGuard, MAX_READS } from './rw-lock.ts';
export { Barrier } from './barrier.ts';
export { OnceCell } from './once-cell.ts';
export type { SetError } from './once-cell.ts';
export { TaskTracker } from './task-tracker.ts';
