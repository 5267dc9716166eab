/**
 * `npm run bench -- --against DIR [--rounds N]`: runs each benchmark program as a real Tokio 1.48
 * binary from DIR (built by scripts/build-bench-reference.sh) and through `npm run sim`'s runner,
 * alternately, N rounds each, and prints one JSON line per program: the median wall time of both,
 * their ratio, and each one's peak memory (max RSS, from GNU time). Both must print the same stdout.
 * The median CPU time (user + system) and its ratio are printed too: on a machine shared with other
 * jobs, wall time mostly measures the queue for a core, CPU time the work done.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const PROGRAMS = join(ROOT, 'src/cli/bench-programs');
const TIME = '/usr/bin/time';

interface Sample {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  stdout: string;
}

/** One run under GNU time; its report is the last stderr line, `%e %M %U %S` (seconds, KiB, CPU seconds). */
function timed(cmd: string, args: readonly string[]): Sample {
  const r = spawnSync(TIME, ['-f', '%e %M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const last = r.stderr.trimEnd().split('\n').at(-1) ?? '';
  const [sec, kib, user, sys] = last.split(' ').map(Number);
  if (
    r.status !== 0 ||
    sec === undefined ||
    kib === undefined ||
    user === undefined ||
    sys === undefined ||
    Number.isNaN(sec + user + sys)
  )
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-400)}`);
  return { seconds: sec, cpuSeconds: user + sys, maxRssMb: Math.round(kib / 102.4) / 10, stdout: r.stdout };
}

function ratio(ours: number, theirs: number): number {
  return Math.round((ours / Math.max(theirs, 0.01)) * 10) / 10;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
}

export function benchAgainst(dir: string, rounds: number, only?: string): void {
  if (!existsSync(TIME)) throw new Error(`${TIME} is missing (apt-get install time).`);
  const stems = readdirSync(PROGRAMS)
    .filter((f) => f.endsWith('.rs'))
    .map((f) => f.slice(0, -3))
    .filter((s) => only === undefined || s.includes(only));
  for (const stem of stems) {
    const real = join(dir, stem);
    if (!existsSync(real)) {
      console.log(JSON.stringify({ program: stem, skipped: `no ${real}` }));
      continue;
    }
    const ours: Sample[] = [];
    const theirs: Sample[] = [];
    for (let k = 0; k < rounds; k++) {
      theirs.push(timed(real, []));
      ours.push(timed(process.execPath, [join(ROOT, 'scripts/run-cli.mjs'), join(PROGRAMS, `${stem}.rs`)]));
    }
    const same = ours.every((s) => s.stdout === theirs[0]?.stdout);
    const realS = median(theirs.map((s) => s.seconds));
    const simS = median(ours.map((s) => s.seconds));
    const realCpu = median(theirs.map((s) => s.cpuSeconds));
    const simCpu = median(ours.map((s) => s.cpuSeconds));
    console.log(
      JSON.stringify({
        program: stem,
        rounds,
        realSeconds: realS,
        simSeconds: simS,
        ratio: ratio(simS, realS),
        realCpuSeconds: Math.round(realCpu * 100) / 100,
        simCpuSeconds: Math.round(simCpu * 100) / 100,
        cpuRatio: ratio(simCpu, realCpu),
        realMaxRssMb: Math.max(...theirs.map((s) => s.maxRssMb)),
        simMaxRssMb: Math.max(...ours.map((s) => s.maxRssMb)),
        sameStdout: same,
      }),
    );
  }
}
