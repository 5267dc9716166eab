/**
 * `npm run bench`: prints one JSON line per scenario — name, tasks, events, wall ms, events/s,
 * tasks/s, trace bytes per event, heap MB. Figures, not assertions: the issues' targets are read
 * off this output.
 */
import { spawnAndAwait } from '../sim/bench/spawn-and-await.ts';
import { fanOut } from '../sim/scheduler/multi-thread/bench.ts';
import { joinSetSleepers } from './bench-sim.ts';

interface Measured {
  tasks: number;
  events: number;
  traceBytes?: number;
}

function heapMb(): number {
  const m = process.memoryUsage();
  return Math.round(((m.heapUsed + m.arrayBuffers) / 1024 / 1024) * 10) / 10;
}

function measure(name: string, run: () => Measured): void {
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  const r = run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const line = {
    name,
    tasks: r.tasks,
    events: r.events,
    wallMs: Math.round(ms),
    eventsPerSec: Math.round(r.events / (ms / 1000)),
    tasksPerSec: Math.round(r.tasks / (ms / 1000)),
    bytesPerEvent: r.traceBytes === undefined ? null : Math.round((r.traceBytes / Math.max(1, r.events)) * 10) / 10,
    heapMb: heapMb(),
  };
  console.log(JSON.stringify(line));
}

const only = process.argv[2];
const scenarios: [string, () => Measured][] = [
  [
    'sim: 1,000,000 trivial tasks spawned and awaited (current_thread, trace on)',
    () => {
      const r = spawnAndAwait(1_000_000);
      return { tasks: r.tasks, events: r.events, traceBytes: r.traceBytes };
    },
  ],
  ['sim: 100,000 tasks sleeping 1–100 ms joined through a JoinSet (paused clock)', () => joinSetSleepers(100_000)],
  [
    'sim: 100,000 tasks fanned out on multi_thread, 4 workers (stealing)',
    () => {
      const r = fanOut(100_000, { workers: 4 });
      return { tasks: r.completed, events: r.events, traceBytes: r.traceBytes };
    },
  ],
];

for (const [name, run] of scenarios) if (only === undefined || name.includes(only)) measure(name, run);
