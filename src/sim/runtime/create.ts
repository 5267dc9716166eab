/**
 * `tokio::runtime::Builder::build` for the simulation (tokio-facts.md §6.2, §6.3): the flavor picks
 * the runtime. A literal flavor gives the concrete class; otherwise callers get the shared
 * `SimRuntime` surface (sim-runtime.ts).
 */
import { MultiThreadRuntime } from '../scheduler/multi-thread/runtime.ts';
import { CurrentThreadRuntime } from './runtime.ts';
import type { RuntimeConfig, SimRuntime } from './sim-runtime.ts';

export function createRuntime(config: RuntimeConfig & { readonly flavor: 'current_thread' }): CurrentThreadRuntime;
export function createRuntime(config: RuntimeConfig & { readonly flavor: 'multi_thread' }): MultiThreadRuntime;
export function createRuntime(config: RuntimeConfig): SimRuntime;
export function createRuntime(config: RuntimeConfig): SimRuntime {
  return config.flavor === 'multi_thread' ? new MultiThreadRuntime(config) : new CurrentThreadRuntime(config);
}
