/**
 * Build-time lesson check (`npm run build` runs it first): every lesson under lessons/ must parse,
 * resolve its scenario files and expected outputs, and pass the static validator. A broken lesson
 * stops the build with `file:line: message` lines. (Running every scenario against its expected
 * stdout is the unit test src/lessons/all-lessons.test.ts.)
 */
import { loadLesson, formatDiagnostic } from '../src/lessons/index.ts';
import { lessonPaths } from '../src/lessons/paths.ts';
import { readTree } from '../src/lessons/testing/read-tree.ts';

const files = readTree('lessons');
const problems: string[] = [];
for (const path of lessonPaths(files)) {
  const r = await loadLesson(path, files, { requireSolutions: true });
  if (!r.ok) problems.push(...r.diagnostics.map(formatDiagnostic));
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`${problems.length} lesson problem(s): the build stops here.`);
  process.exit(1);
}
console.log(`lessons: ${lessonPaths(files).length} checked, no problems.`);
