/**
 * Where a program's allocations come from: runs a Rust program on the interpreter (trace off, as
 * `npm run sim`) under V8's sampling heap profiler, counting every sampled object, also those that
 * a minor or major GC collected, and prints the top allocation sites (function, file:line) by bytes.
 * A measuring tool, run by hand (no inlining, so each site keeps its own name):
 *   node --no-turbo-inlining --import tsx scripts/alloc-sites.ts FILE.rs [TOP]
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { compile, startProgram } from '../src/lang/run.ts';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const [file, topArg] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: alloc-sites.ts FILE.rs [TOP]');
const compiled = compile(readFileSync(file, 'utf8'));
if (!compiled.ok) throw new Error(`${file} does not compile`);
const session = new Session();
session.connect();
const post = <T>(method: string, params: object = {}): T => {
  let out: T | undefined;
  session.post(method, params, (err, res) => {
    if (err !== null) throw err;
    out = res as T;
  });
  return out as T;
};
post('HeapProfiler.enable');
post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const runner = startProgram(compiled.program, {
  keepOutput: 0,
  traceLevel: 'off',
  keepChoices: false,
  onStdout: () => {},
});
while (runner.step()) {
  /* to the end */
}
const { profile } = post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
const sites = new Map<string, number>();
let total = 0;
const walk = (n: ProfileNode): void => {
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} — ${f.url.replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}`;
  sites.set(key, (sites.get(key) ?? 0) + n.selfSize);
  total += n.selfSize;
  for (const c of n.children) walk(c);
};
walk(profile.head);
console.log(`allocated (sampled) ${(total / 1e6).toFixed(1)} MB`);
for (const [k, b] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25)))
  console.log(`${(b / 1e6).toFixed(1).padStart(7)} MB ${((100 * b) / total).toFixed(1).padStart(5)}%  ${k}`);
