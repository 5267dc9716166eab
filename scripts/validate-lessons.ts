/**
 * Build-time lesson check (`npm run build` runs it first): every lesson under lessons/ must parse,
 * resolve, validate, run its scenarios and probes to their recorded output, keep every cue claim
 * true, and back every sentence about Tokio with its claims ledger (src/cli/check-lessons.ts).
 * A broken lesson stops the build with `file:line: message` lines.
 */
import { checkLessons } from '../src/cli/check-lessons.ts';
import { readTree } from '../src/lessons/testing/read-tree.ts';

const report = await checkLessons(readTree('lessons'));
if (report.problems.length > 0) {
  for (const p of report.problems) console.error(p);
  console.error(`${report.problems.length} lesson problem(s): the build stops here.`);
  process.exit(1);
}
for (const [path, s] of report.ledgers) {
  console.log(
    `${path}: ${s.sentences} sentences, ${s.cited} cite the ledger, ${s.noClaim} claim nothing; ` +
      `${s.entries} claims (${s.probes} with a probe, ${s.sources} with a source reference)`,
  );
}
console.log(`lessons: ${report.lessons} checked, no problems.`);
