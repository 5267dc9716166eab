/**
 * `npm run fuzz -- --minutes N [--seed S] [--start I] [--out DIR]`: mutates the corpus programs (conformance,
 * examples, lessons) from a seed and judges every mutant. Every outcome must be a located
 * diagnostic, a Rust-like panic or abort, a normal exit or a guard's stop; anything else (an
 * internal error, a JavaScript exception, a hang, more than 1 GB) is a finding, written to
 * DIR/finding-SEED-INDEX.rs with the edit and the reason. Exit status 1 when there are findings.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fuzz, loadCorpus } from './fuzz-run.ts';

const USAGE = 'usage: npm run fuzz -- --minutes N [--seed S] [--start I] [--out DIR]';

function parse(argv: readonly string[]): { minutes: number; seed: number; start: number; out: string } | string {
  const r = { minutes: 1, seed: 1, start: 0, out: '.reports/fuzz' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--help' || a === '-h') return USAGE;
    if (a === '--out' && v !== undefined && !v.startsWith('--')) r.out = v;
    else if ((a === '--minutes' || a === '--seed' || a === '--start') && v !== undefined && /^\d+(\.\d+)?$/.test(v)) {
      const n = Number(v);
      if (a === '--minutes') r.minutes = n;
      else if (!Number.isSafeInteger(n)) return `${a} takes a whole number, got ${v}.\n${USAGE}`;
      else if (a === '--seed') r.seed = n;
      else r.start = n;
    } else return `${a === undefined ? '' : `bad option ${a}${v === undefined ? '' : ` ${v}`}.\n`}${USAGE}`;
    i++;
  }
  return r;
}

const args = parse(process.argv.slice(2));
if (typeof args === 'string') {
  const help = args === USAGE;
  (help ? process.stdout : process.stderr).write(`${args}\n`);
  process.exit(help ? 0 : 2);
}
const root = resolve(import.meta.dirname, '../..');
const corpus = loadCorpus(root);
const out = resolve(args.out);
mkdirSync(out, { recursive: true });
const deadline = performance.now() + args.minutes * 60_000;
// the mutant being judged, kept on disk: if the host hangs in one, killing the run leaves it here
const current = join(out, `current-${args.seed}.rs`);
const tally = fuzz(corpus, {
  seed: args.seed,
  start: args.start,
  onMutant: (i, source, from) => writeFileSync(current, `// #${i} from ${from}\n${source}`),
  stop: () => performance.now() > deadline,
  progress: (t) => process.stderr.write(`fuzz: ${t.mutants} mutants ${JSON.stringify(t.kinds)}\n`),
  onFinding: (f) => {
    const file = join(out, `finding-${f.seed}-${f.index}.rs`);
    writeFileSync(file, `// from ${f.program}: ${f.edit}\n// ${f.reason.replace(/\n/g, ' ')}\n${f.source}`);
    process.stderr.write(`fuzz: finding ${file}: ${f.reason.split('\n')[0]}\n`);
  },
});
const summary = {
  seed: args.seed,
  corpus: corpus.length,
  mutants: tally.mutants,
  outcomes: tally.kinds,
  findings: tally.findings.length,
  slowestMs: Math.round(tally.slowestMs),
  maxRssMb: Math.round(tally.maxRssMb),
  maxMutantMb: Math.round(tally.maxMutantMb),
  maxMutantIndex: tally.maxMutantIndex,
};
rmSync(current, { force: true });
writeFileSync(join(out, `summary-${args.seed}.json`), JSON.stringify(summary, null, 2) + '\n');
const histogram = Object.entries(tally.kinds)
  .map(([k, n]) => `${k} ${n}`)
  .join(', ');
process.stdout.write(
  `fuzzed ${tally.mutants} programs (seed ${args.seed}, mutants ${args.start}..${args.start + tally.mutants - 1}) ` +
    `from ${corpus.length} corpus programs\noutcomes: ${histogram}\nfindings: ${tally.findings.length}; ` +
    `slowest ${summary.slowestMs} ms CPU; most memory one mutant took ${summary.maxMutantMb} MB ` +
    `(#${summary.maxMutantIndex}); max RSS ${summary.maxRssMb} MB\n${JSON.stringify(summary)}\n`,
);
process.exitCode = tally.findings.length > 0 ? 1 : 0;
