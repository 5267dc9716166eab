/**
 * The claims-ledger check (lessons/README.md "The claims ledger"). A lesson with a `ledger.md`
 * beside it must back every sentence that says what Tokio does with a ledger entry, and every entry
 * must hold: a source reference names a function that exists in Tokio 1.48.0 / tokio-util 0.7.16
 * (checked against the function index when one is given), and a probe's recorded real-Tokio output
 * shows the claim and is reproduced byte for byte by the simulator (when a runner is given).
 */
import { dirname, joinPath } from '../resolve.ts';
import type { LessonFiles } from '../resolve.ts';
import type { Diagnostic } from '../types.ts';
import type { ScenarioRunner } from '../validate.ts';
import { commentSentences, lessonSentences, needsEvidence, NO_CLAIM, stripMarkers } from './markers.ts';
import type { Sentence } from './markers.ts';
import { parseLedger } from './parse-ledger.ts';
import type { LedgerEntry, ProbeRef } from './parse-ledger.ts';

/** Tokio 1.48.0 / tokio-util 0.7.16 source file → the names of the functions it defines. */
export type FnIndex = ReadonlyMap<string, ReadonlySet<string>>;

/** Reads the index file: one `path: fn fn fn` line per source file. */
export function parseFnIndex(text: string): FnIndex {
  const out = new Map<string, Set<string>>();
  for (const l of text.split('\n')) {
    const m = /^(\S+\.rs):\s*(.*)$/.exec(l);
    if (m) out.set(m[1] ?? '', new Set((m[2] ?? '').split(/\s+/).filter(Boolean)));
  }
  return out;
}

export interface LedgerCheckOptions {
  readonly fnIndex?: FnIndex;
  readonly runner?: ScenarioRunner;
}

export interface LedgerStats {
  readonly sentences: number;
  readonly cited: number;
  readonly noClaim: number;
  readonly entries: number;
  readonly probes: number;
  readonly sources: number;
}

const short = (s: string): string => {
  const t = stripMarkers(s);
  return t.length > 70 ? `${t.slice(0, 67)}…` : t;
};

/** Drops the empty line rustc 1.95 writes before each `thread '…' panicked at` report. */
const withoutReportGaps = (stderr: string): string => stderr.replace(/(^|\n)\n(?=thread ')/g, '$1');

export async function checkLedger(
  lessonFile: string,
  files: LessonFiles,
  options: LedgerCheckOptions = {},
): Promise<{ readonly diagnostics: Diagnostic[]; readonly stats: LedgerStats | undefined }> {
  const dir = dirname(lessonFile);
  const ledgerFile = joinPath(dir, 'ledger.md');
  const ledgerText = files.get(ledgerFile);
  const lessonText = files.get(lessonFile);
  if (ledgerText === undefined || lessonText === undefined) return { diagnostics: [], stats: undefined };
  const { ledger, diagnostics: out } = parseLedger(ledgerText, ledgerFile);

  const docs: Array<{ file: string; sentences: Sentence[] }> = [
    { file: lessonFile, sentences: lessonSentences(lessonText) },
  ];
  for (const [path, text] of files) {
    if (path.startsWith(`${dir}/`) && path.endsWith('.rs') && !path.startsWith(`${dir}/probes/`))
      docs.push({ file: path, sentences: commentSentences(text) });
  }
  const used = new Set<string>();
  let sentences = 0;
  let cited = 0;
  let noClaim = 0;
  for (const doc of docs) {
    for (const s of doc.sentences) {
      sentences++;
      if (s.ids.length === 0) {
        if (needsEvidence(s.text))
          out.push({
            file: doc.file,
            line: s.line,
            message: `this sentence says what Tokio does but cites no claim: "${short(s.text)}" (add [^id] from the ledger, or [^-] if it claims nothing)`,
          });
        continue;
      }
      if (s.ids.includes(NO_CLAIM)) noClaim++;
      else cited++;
      for (const id of s.ids) {
        if (id === NO_CLAIM) continue;
        used.add(id);
        if (!ledger.entries.has(id))
          out.push({ file: doc.file, line: s.line, message: `claim "${id}" is not in ${basename(ledgerFile)}` });
      }
    }
  }
  const probeRuns = new Map<string, Promise<Diagnostic[]>>();
  for (const e of ledger.entries.values()) {
    const report = (message: string): void => {
      out.push({ file: ledgerFile, line: e.line, message });
    };
    if (!used.has(e.id)) report(`claim "${e.id}" is cited by no sentence; cite it or remove it`);
    for (const r of e.src) {
      if (!options.fnIndex) continue;
      const fns = options.fnIndex.get(r.file);
      if (fns === undefined) report(`claim "${e.id}": ${r.file} is not a file of Tokio 1.48.0 or tokio-util 0.7.16`);
      else if (!fns.has(r.fn)) report(`claim "${e.id}": ${r.file} defines no function ${r.fn}`);
    }
    if (e.probe) {
      out.push(...checkProbeRecording(e, e.probe, dir, ledgerFile, files));
      const file = joinPath(dir, e.probe.file);
      if (options.runner && files.has(file) && !probeRuns.has(file))
        probeRuns.set(file, runProbe(file, files, options.runner));
    }
  }
  for (const d of await Promise.all(probeRuns.values())) out.push(...d);
  const entries = [...ledger.entries.values()];
  return {
    diagnostics: out,
    stats: {
      sentences,
      cited,
      noClaim,
      entries: entries.length,
      probes: entries.filter((e) => e.probe).length,
      sources: entries.filter((e) => e.src.length > 0).length,
    },
  };
}

/** The recorded output (real Tokio 1.48) must still show what the claim says. */
function checkProbeRecording(
  e: LedgerEntry,
  p: ProbeRef,
  dir: string,
  ledgerFile: string,
  files: LessonFiles,
): Diagnostic[] {
  const report = (message: string): Diagnostic[] => [{ file: ledgerFile, line: e.line, message }];
  const file = joinPath(dir, p.file);
  if (!files.has(file)) return report(`claim "${e.id}": probe ${p.file} does not exist in the lesson folder`);
  const stem = file.slice(0, -'.rs'.length);
  const stdout = files.get(`${stem}.txt`);
  if (stdout === undefined)
    return report(`claim "${e.id}": probe ${p.file} has no recorded stdout (${basename(stem)}.txt)`);
  if (p.file.startsWith('probes/') && (!files.has(`${stem}.stderr`) || !files.has(`${stem}.code`)))
    return report(`claim "${e.id}": probe ${p.file} needs its recorded .stderr and .code beside it`);
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => l.includes(p.expect));
  if (at < 0) return report(`claim "${e.id}": the recorded output of ${p.file} no longer shows "${p.expect}"`);
  if (p.then !== undefined && !lines.slice(at + 1).some((l) => l.includes(p.then ?? '')))
    return report(`claim "${e.id}": in the recorded output of ${p.file}, "${p.then}" no longer follows "${p.expect}"`);
  return [];
}

/** The simulator must reproduce the probe's recorded stdout, stderr and exit status. */
async function runProbe(file: string, files: LessonFiles, runner: ScenarioRunner): Promise<Diagnostic[]> {
  const stem = file.slice(0, -'.rs'.length);
  const report = (message: string): Diagnostic[] => [{ file, line: 1, message }];
  // rustc names the binary's source file src/main.rs in panic reports (see the recording notes).
  const r = await runner(files.get(file) ?? '', { file: 'src/main.rs', seed: 1 });
  if (!r.ok) return r.errors.map((e) => ({ file, line: e.line, message: `does not compile: ${e.message}` }));
  if (r.stdout !== files.get(`${stem}.txt`)) return report('the simulator prints a different stdout than real Tokio');
  const stderr = files.get(`${stem}.stderr`);
  if (stderr !== undefined && withoutReportGaps(r.stderr ?? '') !== withoutReportGaps(stderr))
    return report('the simulator writes a different stderr than real Tokio');
  const code = files.get(`${stem}.code`);
  if (code !== undefined && Number(code.trim()) !== (r.exitCode ?? 0))
    return report(`the simulator exits with ${r.exitCode ?? 0}, real Tokio with ${code.trim()}`);
  return [];
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
