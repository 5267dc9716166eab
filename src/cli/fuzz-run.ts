/**
 * The mutation fuzzer's loop, shared by `npm run fuzz` and the bounded slice in the test suite:
 * mutants of the corpus programs, drawn from one seed, each judged by src/lang/outcome.ts. A `bad`
 * outcome, a run slower than the hang limit or a mutant whose judgement took more memory than the
 * limit (its own heap high-water mark, heap-peak.ts) is a finding.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mutate, Rng } from '../lang/fuzz/mutate.ts';
import { judgeProgram, type Outcome } from '../lang/outcome.ts';
import { withHeapPeak } from './heap-peak.ts';

export interface CorpusProgram {
  readonly name: string;
  readonly source: string;
}

/** The corpus: conformance programs, examples and lesson scenarios, in a stable order. */
export function loadCorpus(root: string): CorpusProgram[] {
  const out: CorpusProgram[] = [];
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.rs')) out.push({ name: p.slice(root.length + 1), source: readFileSync(p, 'utf8') });
    }
  };
  for (const d of ['tests/fixtures/conformance', 'tests/fixtures/examples', 'lessons']) walk(join(root, d));
  return out;
}

export interface Finding {
  readonly seed: number;
  readonly index: number;
  readonly program: string;
  readonly edit: string;
  readonly reason: string;
  readonly source: string;
}

export interface FuzzTally {
  mutants: number;
  readonly kinds: Record<Outcome['kind'], number>;
  readonly findings: Finding[];
  slowestMs: number;
  maxRssMb: number;
  /** The most memory one mutant's judgement took (MB), and which mutant. */
  maxMutantMb: number;
  maxMutantIndex: number;
}

export interface FuzzOptions {
  readonly seed: number;
  /** The first mutant's index (to resume a run that was stopped). */
  readonly start?: number;
  /** Stop after this many mutants... */
  readonly count?: number;
  /** ...or when this returns true (checked between mutants). */
  readonly stop?: () => boolean;
  /** A run using more CPU time than this is a finding (a hang the step budget did not stop). */
  readonly hangMs?: number;
  /** A mutant whose judgement takes more memory than this (MB) is a finding. */
  readonly memoryLimitMb?: number;
  readonly onFinding?: (f: Finding) => void;
  /** Called every 500 mutants. */
  readonly progress?: (t: FuzzTally) => void;
  /** Called before each mutant is judged: a host-level hang is then known by the last one seen. */
  readonly onMutant?: (index: number, source: string, from: string) => void;
}

/** The mutant `index` of run `seed`: replayable on its own. */
export function mutantOf(corpus: readonly CorpusProgram[], seed: number, index: number) {
  const rng = new Rng((seed * 0x9e3779b1) ^ index);
  const base = corpus[rng.below(corpus.length)];
  return { base, ...mutate(base.source, rng) };
}

export function fuzz(corpus: readonly CorpusProgram[], o: FuzzOptions): FuzzTally {
  const t: FuzzTally = {
    mutants: 0,
    kinds: { refused: 0, exit: 0, panic: 0, abort: 0, limit: 0, bad: 0 },
    findings: [],
    slowestMs: 0,
    maxRssMb: 0,
    maxMutantMb: 0,
    maxMutantIndex: -1,
  };
  const hangMs = o.hangMs ?? 10_000;
  const memoryLimitMb = o.memoryLimitMb ?? 1024;
  const first = o.start ?? 0;
  for (let i = first; o.count === undefined || i < first + o.count; i++) {
    if (o.stop?.() === true) break;
    const m = mutantOf(corpus, o.seed, i);
    o.onMutant?.(i, m.source, `${m.base.name}: ${m.edit}`);
    // CPU time, not wall time: the machine may be shared
    const t0 = process.cpuUsage();
    const { value: out, bytes } = withHeapPeak(() => judgeProgram(m.source, { seed: o.seed }));
    const used = process.cpuUsage(t0);
    const mb = bytes / 2 ** 20;
    const ms = (used.user + used.system) / 1000;
    const rss = process.memoryUsage().rss / 2 ** 20;
    t.mutants++;
    if (t.mutants % 500 === 0) o.progress?.(t);
    t.kinds[out.kind]++;
    t.slowestMs = Math.max(t.slowestMs, ms);
    t.maxRssMb = Math.max(t.maxRssMb, rss);
    if (mb > t.maxMutantMb) {
      t.maxMutantMb = mb;
      t.maxMutantIndex = i;
    }
    let reason = out.kind === 'bad' ? out.reason : undefined;
    if (reason === undefined && ms > hangMs) reason = `used ${Math.round(ms)} ms of CPU (a hang?)`;
    if (reason === undefined && mb > memoryLimitMb) reason = `took ${Math.round(mb)} MB of memory`;
    if (reason !== undefined) {
      const f: Finding = { seed: o.seed, index: i, program: m.base.name, edit: m.edit, reason, source: m.source };
      t.findings.push(f);
      o.onFinding?.(f);
    }
  }
  return t;
}
