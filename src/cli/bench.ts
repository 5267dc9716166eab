/**
 * `npm run bench`: prints one JSON line per scenario — name, tasks, events, wall ms, events/s,
 * tasks/s, trace bytes per event, heap MB. Figures, not assertions: the issues' targets are read
 * off this output.
 */
import { spawnAndAwait } from '../sim/bench/spawn-and-await.ts';
import { fanOut } from '../sim/scheduler/multi-thread/bench.ts';
import { readFileSync } from 'node:fs';
import { compile, runProgram } from '../lang/run.ts';
import { joinSetSleepers } from './bench-sim.ts';
import { explore } from '../explore/index.ts';
import { createLabTimeline } from '../store/lab-timeline.ts';
import type { SimEvent } from '../sim/index.ts';
import { benchAgainst } from './bench-against.ts';

/** Runs a Rust benchmark program through the interpreter, as `npm run sim` would. */
function rustProgram(file: string, tasks: number): Measured {
  const source = readFileSync(new URL(`./bench-programs/${file}`, import.meta.url), 'utf8');
  const c = compile(source, file);
  if (!c.ok) throw new Error(`${file} does not compile: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  const r = runProgram(c.program, { seed: 1 });
  if (r.exitCode !== 0) throw new Error(`${file} exited with ${r.exitCode}: ${r.stderr}`);
  return { tasks, events: r.world.trace.length, traceBytes: r.world.trace.usedBytes };
}

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

const argv = process.argv.slice(2);
const againstAt = argv.indexOf('--against');
if (againstAt >= 0) {
  const dir = argv[againstAt + 1];
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 3;
  if (dir === undefined || !Number.isInteger(rounds) || rounds < 1) {
    console.error('usage: npm run bench -- --against DIR [--rounds N] [--only NAME]');
    process.exit(2);
  }
  const onlyAt = argv.indexOf('--only');
  benchAgainst(dir, rounds, onlyAt >= 0 ? argv[onlyAt + 1] : undefined);
  process.exit(0);
}
const only = argv[0];
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
  [
    'interpreter: 1,000,000 tasks spawned and awaited, from Rust source (real Tokio: ~0.5 s)',
    () => rustProgram('spawn_await_1m.rs', 1_000_000),
  ],
  [
    'interpreter: 100,000 tasks sleeping 1–100 ms in a JoinSet, from Rust source (real Tokio: ~0.45 s)',
    () => rustProgram('joinset_sleep_100k.rs', 100_000),
  ],
];

for (const [name, run] of scenarios) if (only === undefined || name.includes(only)) measure(name, run);

/**
 * Seek: fold a ≥100,000-event trace into the lab's checkpointed timeline (what the UI does as
 * batches stream in), then seek to 1,000 positions spread over the run; prints the p50/p95/max seek.
 */
function seekBench(): void {
  const c = compile(readFileSync(new URL('./bench-programs/joinset_sleep_100k.rs', import.meta.url), 'utf8'));
  if (!c.ok) throw new Error('seek bench program does not compile');
  const r = runProgram(c.program, { seed: 1 });
  const events: SimEvent[] = [];
  for (const e of r.world.trace.events()) {
    if (events.length === 150_000) break;
    events.push(e);
  }
  const timeline = createLabTimeline();
  const t0 = process.hrtime.bigint();
  timeline.append(events);
  const foldMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const times: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const p = Math.floor(((k * 7919) % 1000) * (events.length / 1000));
    const s = process.hrtime.bigint();
    timeline.seek(p);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.floor(q * (times.length - 1))] ?? 0) * 1000) / 1000;
  console.log(
    JSON.stringify({
      name: 'ui: seek in a 150,000-event trace (checkpointed fold)',
      events: events.length,
      foldMs: Math.round(foldMs),
      seekP50Ms: at(0.5),
      seekP95Ms: at(0.95),
      seekMaxMs: at(1),
      heapMb: heapMb(),
    }),
  );
}

if (only === undefined || 'seek'.includes(only)) seekBench();

/**
 * Explore: a Day 6 lesson program under 200 schedules per strategy (issue 16's runs per second).
 * CPU time is printed beside wall time: on a shared machine the first is the steadier figure.
 */
function exploreBench(): void {
  const file = new URL('../../lessons/day06-tasks-joinset-cancellation/16-mt-lifo-stealing.rs', import.meta.url);
  const c = compile(readFileSync(file, 'utf8'));
  if (!c.ok) throw new Error('explore bench program does not compile');
  for (const strategy of ['random', 'pct', 'dfs'] as const) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const report = explore(c.program, { strategy, runs: 200 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      JSON.stringify({
        name: `explore: 16-mt-lifo-stealing.rs, ${strategy}`,
        runs: report.runs,
        outcomes: report.groups.length,
        wallMs: Math.round(ms),
        runsPerSec: Math.round((report.runs / ms) * 1000),
        runsPerCpuSec: Math.round((report.runs / cpuMs) * 1000),
      }),
    );
  }
}

if (only === undefined || 'explore'.includes(only)) exploreBench();
