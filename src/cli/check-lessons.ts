/**
 * The full lesson check (Node): every lesson parses, resolves and validates; every scenario and
 * probe runs on the interpreter and matches its recorded output; every cue claim holds in the view
 * the store folds at the cue's stop; every sentence about Tokio cites a claims-ledger entry whose
 * evidence holds. `npm run build` (scripts/validate-lessons.ts) and tests/lessons run it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCueClaims } from '../flow/lesson/cue-claims.ts';
import { checkLedger, formatDiagnostic, loadLesson, parseFnIndex } from '../lessons/index.ts';
import type { LedgerStats, LessonFiles } from '../lessons/index.ts';
import { lessonPaths } from '../lessons/paths.ts';
import { scenarioRunner } from '../lessons/scenario-runner.ts';
import { REPO_ROOT } from '../lessons/testing/read-tree.ts';

export const FN_INDEX_FILE = 'src/lessons/ledger/tokio-fns.txt';

export function readFnIndex(): ReturnType<typeof parseFnIndex> {
  return parseFnIndex(readFileSync(join(REPO_ROOT, FN_INDEX_FILE), 'utf8'));
}

export interface LessonCheckReport {
  /** `file:line: message` lines; empty when every lesson passes. */
  readonly problems: string[];
  readonly lessons: number;
  readonly ledgers: ReadonlyMap<string, LedgerStats>;
}

export async function checkLessons(files: LessonFiles): Promise<LessonCheckReport> {
  const fnIndex = readFnIndex();
  const problems: string[] = [];
  const ledgers = new Map<string, LedgerStats>();
  const paths = lessonPaths(files);
  for (const path of paths) {
    const r = await loadLesson(path, files, {
      requireSolutions: true,
      runner: scenarioRunner,
      cueCheck: checkCueClaims,
      fnIndex,
    });
    if (!r.ok) problems.push(...r.diagnostics.map(formatDiagnostic));
    const stats = (await checkLedger(path, files)).stats;
    if (stats) ledgers.set(path, stats);
  }
  return { problems, lessons: paths.length, ledgers };
}
