/**
 * Records what real rustc 1.95 + tokio 1.48 say about each program of the rejection corpus
 * (tests/fixtures/rejections/NNN_name.rs) and writes `NNN_name.expected.json` beside it.
 *
 * A RECORDING TOOL, RUN BY HAND: it needs the machine's Rust toolchain and the shared tokio148
 * build tool (`../shared/tools/tokio148/from-mirrors.sh` beside this checkout, or $TOKIO148_TOOL) and
 * the fetched mirrors it reads. Tests never call it; they only read the JSON it leaves in the
 * repository.
 *
 *   npx tsx scripts/record-rejections.ts --work DIR --mirrors DIR [NAME_FILTER]
 *
 * DIR for --work must lie outside any folder with a .cargo/config.toml (see the tool's README).
 *
 * For a refused program the JSON holds rustc's FIRST error and its primary span:
 *   { "level": "error", "code": "E0382" | "overflowing_literals" | null, "message", "line", "col" }
 * For a program that builds (only warnings, e.g. a future that is never awaited) it holds the first
 * warning (or null) plus the binary's real stdout and exit status:
 *   { "level": "warning", "code", "message", "line", "col", "stdout", "exitCode" }
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { RejectionRecord } from '../tests/rejections/record.ts';

interface Span {
  file_name: string;
  is_primary: boolean;
  line_start: number;
  column_start: number;
  expansion: { span: Span } | null;
}
interface CompilerMessage {
  level: string;
  message: string;
  code: { code: string } | null;
  spans: Span[];
}
interface CargoLine {
  reason: string;
  target?: { name: string };
  message?: CompilerMessage;
}

const fixtures = resolve(import.meta.dirname, '../tests/fixtures/rejections');
const argv = process.argv.slice(2);
const opt = (name: string): string => {
  const i = argv.indexOf(name);
  const v = i < 0 ? undefined : argv[i + 1];
  if (v === undefined) {
    console.error(`record-rejections: ${name} DIR is required (see the header of this script).`);
    process.exit(2);
  }
  argv.splice(i, 2);
  return v;
};
const work = resolve(opt('--work'));
const mirrors = resolve(opt('--mirrors'));
const tool =
  process.env['TOKIO148_TOOL'] ?? resolve(import.meta.dirname, '../../shared/tools/tokio148/from-mirrors.sh');
const filter = argv[0] ?? '';

// Lays out (or reuses) the generated cargo package and builds the dependency graph once; the
// programs of an earlier run are removed first, since the tool builds every bin it finds.
const bin = join(work, 'ref/src/bin');
rmSync(bin, { recursive: true, force: true });
execFileSync(tool, [mirrors, work], { stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(bin, { recursive: true, force: true });
mkdirSync(bin, { recursive: true });
const programs = readdirSync(fixtures)
  .filter((f) => /^\d{3}_.*\.rs$/.test(f) && f.includes(filter))
  .sort();
for (const p of programs) copyFileSync(join(fixtures, p), join(bin, p));

// --keep-going: one refused program must not stop the others from being diagnosed.
const build = spawnSync(
  'cargo',
  ['build', '--offline', '--release', '--bins', '--keep-going', '--message-format=json'],
  {
    cwd: join(work, 'ref'),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  },
);
const firstOf = new Map<string, { error?: CompilerMessage; warning?: CompilerMessage }>();
for (const raw of build.stdout.split('\n')) {
  if (!raw.startsWith('{')) continue;
  const line = JSON.parse(raw) as CargoLine;
  if (line.reason !== 'compiler-message' || line.target === undefined || line.message === undefined) continue;
  const m = line.message;
  // Summaries ("aborting due to ...") carry no span; the first located message is rustc's first.
  if (!m.spans.some((s) => s.is_primary)) continue;
  const slot = firstOf.get(line.target.name) ?? {};
  if (m.level === 'error' && slot.error === undefined) slot.error = m;
  if (m.level === 'warning' && slot.warning === undefined) slot.warning = m;
  firstOf.set(line.target.name, slot);
}

function located(m: CompilerMessage, level: 'error' | 'warning', stem: string): RejectionRecord {
  let span = m.spans.find((s) => s.is_primary);
  // A span inside a std macro (assert_eq!'s body) is shown by rustc at the call in the program.
  while (span !== undefined && !span.file_name.endsWith(`${stem}.rs`)) span = span.expansion?.span;
  if (span === undefined) throw new Error(`${stem}: no primary span in the program for ${m.message}`);
  // rustc names the crate's bin file; the corpus programs are each a crate's src/main.rs.
  const message = m.message.split(`src/bin/${stem}.rs`).join('src/main.rs');
  return { level, code: m.code?.code ?? null, message, line: span.line_start, col: span.column_start };
}

let errors = 0;
let warnings = 0;
for (const p of programs) {
  const stem = basename(p, '.rs');
  const got = firstOf.get(stem) ?? {};
  let rec: RejectionRecord;
  if (got.error !== undefined) {
    rec = located(got.error, 'error', stem);
    errors++;
  } else {
    const exe = join(work, 'ref/target/release', stem);
    if (!existsSync(exe)) throw new Error(`${stem}: no error recorded and no binary built`);
    const run = spawnSync(exe, [], { encoding: 'utf8', timeout: 20_000 });
    const w = got.warning;
    rec = {
      ...(w !== undefined
        ? located(w, 'warning', stem)
        : { level: 'warning', code: null, message: '', line: 0, col: 0 }),
      stdout: run.stdout,
      exitCode: run.status ?? -1,
    };
    warnings++;
  }
  writeFileSync(join(fixtures, `${stem}.expected.json`), JSON.stringify(rec, null, 2) + '\n');
  console.log(`${stem}: ${rec.level} ${rec.code ?? '-'} ${rec.line}:${rec.col} ${rec.message}`);
}
console.log(`recorded ${programs.length} programs: ${errors} refused, ${warnings} built`);
