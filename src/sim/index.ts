/**
 * The simulator's public entry (design.md §3): everything src/lang and the worker may use.
 * Deep imports of src/sim from src/lang are forbidden by lint; add exports here instead.
 */
export * from './future.ts';
export type {
  CoopBudget,
  DropValue,
  Nanos,
  SimContext,
  SpawnMeta,
  TimeDriver,
  TraceSink,
  VirtualClock,
} from './contracts.ts';

// Runtime
export { createRuntime } from './runtime/create.ts';
export { DeadlockError } from './runtime/sim-runtime.ts';
// `Runtime` names the flavor-agnostic surface (Tokio's `Runtime` is one type for both flavors).
export type {
  SimRuntime,
  SimRuntime as Runtime,
  BlockOnHandle,
  RuntimeConfig,
  RunOutcome,
} from './runtime/sim-runtime.ts';
export { CurrentThreadRuntime } from './runtime/runtime.ts';
export { MultiThreadRuntime, MT_START_PAUSED_PANIC, DEFAULT_SIM_WORKERS } from './scheduler/multi-thread/runtime.ts';
export type { StepResult, StepAction } from './runtime/step.ts';
export { SimWorld, lastWorld } from './runtime/world.ts';
export type { OutputStream, WorldConfig } from './runtime/world.ts';
// `BlockOn` is what `startBlockOn` returns on either flavor.
export type { BlockOnHandle as BlockOn } from './runtime/sim-runtime.ts';
export type { BlockOnStatus } from './scheduler/current-thread/block-on.ts';
export type { BlockingAction } from './scheduler/blocking/pool.ts';
export {
  spawn,
  spawnBlocking,
  taskId,
  tryTaskId,
  emitStdout,
  emitStderr,
  NO_RUNTIME_PANIC,
  NO_TASK_ID_PANIC,
} from './runtime/free-functions.ts';
export { blockingSleep } from './scheduler/blocking/pool.ts';
export { yieldNow, consumeBudget, hasBudgetRemaining, unconstrained } from './task/yield-now.ts';
export { currentContext, withContext } from './context.ts';
export type { RuntimeHandle, RuntimeMetrics, ThreadContext } from './context.ts';

// Tasks
export { JoinHandle, AbortHandle } from './task/join-handle.ts';
export type { JoinResult } from './task/join-handle.ts';
export { JoinError } from './task/join-error.ts';
export type { JoinErrorRepr } from './task/join-error.ts';
export { RustPanic, isRustPanic, rustDebugStr } from './task/panic.ts';
export { UseAfterDrop } from './use-after-drop.ts';
export type { Task } from './task/cell.ts';
export { Holder, Stage } from './task/cell.ts';
export {
  RUNNING,
  COMPLETE,
  NOTIFIED,
  JOIN_INTEREST,
  JOIN_WAKER,
  CANCELLED,
  REF_ONE,
  INITIAL_STATE,
  formatState,
  refCount,
} from './task/state.ts';

// Coop, rng
export { CoopState, INITIAL_BUDGET, UNCONSTRAINED } from './coop.ts';
export { FastRand, RngSeedGenerator, seedFromRunSeed, seedFromU64 } from './rng.ts';
export { sipHash13 } from './siphash.ts';

// Choice points (which of Tokio's random or timing-dependent decisions a run takes)
export * from './choice.ts';

// Trace
export { TraceRecorder } from './trace/recorder.ts';
export type { TraceLevel } from './trace/recorder.ts';
export { checkTrace, TraceConsistency } from './trace/consistency.ts';
export type { TraceViolation } from './trace/consistency.ts';
export * from './events.ts';

// Diagnostics
export * from './diagnostics/index.ts';

// tokio::time and tokio::sync (built in time/ and sync/)
export * from './time/index.ts';
export * from './sync/index.ts';
export * from './net/index.ts';

// std threads on the real-time axis
export { OsThreads, OsThread, ThreadDeadlock } from './threads/os-threads.ts';
export type { Blocker, ThreadBody } from './threads/os-threads.ts';

// LocalSet and spawn_local
export { LocalSet, RunUntil, spawnLocal, SPAWN_LOCAL_OUTSIDE_PANIC } from './task/local-set.ts';
