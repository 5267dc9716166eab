/**
 * How much memory one piece of work took (the fuzzer's per-mutant measure): the JavaScript heap's
 * high-water mark while it ran, above the heap in use when it started. V8 reports the heap in use
 * before each garbage collection, which is where the heap peaks, so a mutant that takes 2 GB and
 * lets it go is still seen; the process's RSS, which the host keeps once taken, would blame
 * whichever mutant happened to run when it crossed a line.
 */
import { GCProfiler } from 'node:v8';

let stats: ReturnType<GCProfiler['stop']>['statistics'] = [];

export function withHeapPeak<T>(work: () => T): { readonly value: T; readonly bytes: number } {
  const start = process.memoryUsage();
  const profiler = new GCProfiler();
  profiler.start();
  let value: T;
  try {
    value = work();
  } finally {
    stats = profiler.stop().statistics;
  }
  const gcs = stats;
  const end = process.memoryUsage();
  let peak = end.heapUsed + end.external;
  for (const s of gcs)
    peak = Math.max(peak, s.beforeGC.heapStatistics.usedHeapSize + s.beforeGC.heapStatistics.externalMemory);
  return { value, bytes: Math.max(0, peak - (start.heapUsed + start.external)) };
}
