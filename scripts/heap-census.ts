/**
 * What each live task holds: runs a Rust program on the interpreter (trace off, as `npm run sim`),
 * stops after STEPS scheduler steps, collects garbage and writes a heap snapshot, then prints the
 * live objects by constructor (count, bytes, count per live task). A measuring tool, run by hand:
 *   node --expose-gc --import tsx scripts/heap-census.ts FILE.rs STEPS [TOP] [NAME]
 * With NAME, it also prints what holds the objects of that constructor (holder and edge name).
 * Run it twice with different task counts (or STEPS) and read the difference per task.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { compile, startProgram } from '../src/lang/run.ts';

interface Snapshot {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] };
    node_count: number;
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const [file, stepsArg, topArg, retainersOf] = process.argv.slice(2);
if (file === undefined || stepsArg === undefined) throw new Error('usage: heap-census.ts FILE.rs STEPS [TOP]');
const compiled = compile(readFileSync(file, 'utf8'));
if (!compiled.ok) throw new Error(`${file} does not compile`);
const runner = startProgram(compiled.program, { keepOutput: 0, traceLevel: 'off', onStdout: () => {} });
let steps = 0;
while (steps < Number(stepsArg) && runner.step()) steps++;
const live = runner.world.liveTasks;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run node with --expose-gc');
gc();
gc();
const heapUsed = process.memoryUsage().heapUsed;
const path = writeHeapSnapshot(join(tmpdir(), `heap-census-${process.pid}.heapsnapshot`));
const snap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
rmSync(path);
const fields = snap.snapshot.meta.node_fields;
const types = snap.snapshot.meta.node_types[0];
const width = fields.length;
const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
const byName = new Map<string, { count: number; bytes: number }>();
for (let i = 0; i < snap.nodes.length; i += width) {
  const type = types[snap.nodes[i + typeAt]];
  const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt]] : `(${type})`;
  const key = type === 'closure' ? `closure ${name}` : name;
  const row = byName.get(key) ?? { count: 0, bytes: 0 };
  row.count++;
  row.bytes += snap.nodes[i + sizeAt];
  byName.set(key, row);
}
const rows = [...byName].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(topArg ?? 30));
console.log(`${steps} steps, ${live} live tasks, heap used ${(heapUsed / 1e6).toFixed(1)} MB`);
for (const [name, r] of rows)
  console.log(
    `${String(r.bytes).padStart(11)} B ${String(r.count).padStart(9)}  ${(r.count / Math.max(1, live)).toFixed(2).padStart(6)}/task ${(r.bytes / Math.max(1, live)).toFixed(0).padStart(5)} B/task  ${name}`,
  );

if (retainersOf !== undefined) {
  const nameOf = (n: number): string => {
    const type = types[snap.nodes[n + typeAt]];
    return type === 'object' || type === 'closure' ? `${type} ${snap.strings[snap.nodes[n + nameAt]]}` : `(${type})`;
  };
  const efields = snap.snapshot.meta.edge_fields;
  const etypes = snap.snapshot.meta.edge_types[0];
  const ew = efields.length;
  const [etAt, enAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => efields.indexOf(f));
  const countAt = fields.indexOf('edge_count');
  const holders = new Map<string, number>();
  let e = 0;
  for (let n = 0; n < snap.nodes.length; n += width) {
    const count = snap.nodes[n + countAt];
    for (let k = 0; k < count; k++, e += ew) {
      const to = snap.edges[e + toAt];
      if (nameOf(to).replace(/^\S+ /, '') !== retainersOf) continue;
      const et = etypes[snap.edges[e + etAt]];
      if (et === 'weak') continue;
      const en = et === 'element' || et === 'hidden' ? `[${et}]` : snap.strings[snap.edges[e + enAt]];
      const key = `${nameOf(n)} .${en}`;
      holders.set(key, (holders.get(key) ?? 0) + 1);
    }
  }
  console.log(`held by (${retainersOf}):`);
  for (const [k, c] of [...holders].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`${String(c).padStart(9)}  ${k}`);
}
