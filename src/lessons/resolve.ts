/**
 * The resolver: `SourceLesson` + the lesson files → `Lesson`, with each scenario's Rust source and
 * its expected stdout (`<name>.txt` beside it) attached. Files come in as a map, so this stays pure:
 * the app fills it from `import.meta.glob`, tests and the CLI from the file system.
 */
import { stripCommentMarkers } from './ledger/markers.ts';
import type { Challenge, Diagnostic, Lesson, Parsed, Scenario, ScenarioRef, Slide, SourceLesson } from './types.ts';

/** Repository-relative path (`lessons/day06-…/02-detached.rs`) → file text. */
export type LessonFiles = ReadonlyMap<string, string>;

export interface ResolveOptions {
  /**
   * Check that each challenge's reference solution and its `.txt` exist. The app never loads
   * solutions (they stay out of the learner's view), so only tests and the checker set this.
   */
  readonly requireSolutions?: boolean;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function joinPath(dir: string, rel: string): string {
  return dir === '' ? rel : `${dir}/${rel}`;
}

/** Learners see a scenario's comments without the ledger's claim markers. */
const withoutMarkers = (source: string): string => source.split('\n').map(stripCommentMarkers).join('\n');

const txtOf = (rs: string): string => `${rs.slice(0, -'.rs'.length)}.txt`;

export function resolveLesson(src: SourceLesson, files: LessonFiles, options: ResolveOptions = {}): Parsed<Lesson> {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, message: string): void => {
    diagnostics.push({ file: src.file, line, message });
  };
  const dir = dirname(src.file);

  const fromFile = (rel: string, line: number, extra: Pick<ScenarioRef, 'seed' | 'focus'>): Scenario | undefined => {
    const file = joinPath(dir, rel);
    const source = files.get(file);
    if (source === undefined) {
      report(line, `missing scenario file: "${rel}" does not exist beside the lesson`);
      return undefined;
    }
    const expectedFile = txtOf(file);
    const expected = files.get(expectedFile);
    if (expected === undefined) {
      report(line, `missing expected output: "${txtOf(rel)}" (the stdout of ${rel}) does not exist beside it`);
      return undefined;
    }
    return { file, expectedFile, source: withoutMarkers(source), expected, line, firstLine: 1, ...extra };
  };

  const scenarioOf = (ref: ScenarioRef): Scenario | undefined => {
    const extra = { ...(ref.seed !== undefined ? { seed: ref.seed } : {}), ...(ref.focus ? { focus: ref.focus } : {}) };
    if (ref.kind === 'file') return fromFile(ref.file, ref.line, extra);
    const expectedFile = joinPath(dir, `${ref.name}.txt`);
    const expected = files.get(expectedFile);
    if (expected === undefined) {
      report(
        ref.line,
        `missing expected output: "${ref.name}.txt" (the stdout of scenario "${ref.name}") does not exist beside the lesson`,
      );
      return undefined;
    }
    return {
      file: src.file,
      expectedFile,
      source: withoutMarkers(ref.source),
      expected,
      line: ref.line,
      firstLine: ref.line + 1,
      ...extra,
    };
  };

  const slides: Slide[] = src.slides.map((s) => {
    const { scenario: ref, challenge: cref, ...rest } = s;
    const scenario = ref ? scenarioOf(ref) : undefined;
    let challenge: Challenge | undefined;
    if (cref) {
      const starter = fromFile(cref.starter, cref.line, {});
      const solutionFile = joinPath(dir, cref.solution);
      if (options.requireSolutions) {
        if (!files.has(solutionFile)) report(cref.line, `missing solution file: "${cref.solution}" does not exist`);
        else if (!files.has(txtOf(solutionFile))) {
          report(
            cref.line,
            `missing expected output: "${txtOf(cref.solution)}" (the solution's stdout) does not exist`,
          );
        }
      }
      if (starter) challenge = { kind: cref.kind ?? 'pool', starter, solutionFile, line: cref.line };
    }
    return { ...rest, ...(scenario ? { scenario } : {}), ...(challenge ? { challenge } : {}) };
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const id = dir.slice(dir.lastIndexOf('/') + 1);
  return { ok: true, lesson: { id, file: src.file, meta: src.meta, slides } };
}
