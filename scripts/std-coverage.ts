/**
 * Which stable std methods of the text-and-numbers checklist our interpreter runs:
 *
 *   npx tsx scripts/std-coverage.ts            prints the counts, writes docs/std-methods/text-and-numbers.md
 *   npx tsx scripts/std-coverage.ts --check    only prints the counts (and the missing items)
 *   npx tsx scripts/std-coverage.ts --before   records what runs now as the "before" list
 *
 * The methods are data (`docs/std-methods/text-and-numbers.json`, extracted from rustdoc by
 * `scripts/extract-std-methods.ts`; reasons for what is left out in `….notes.json`); the probe
 * lives in `src/lang/std-coverage.ts`, which a test also runs, so the report cannot drift far.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageReport, itemKey, probeAll, type CoverageData, type CoverageNotes } from '../src/lang/std-coverage.ts';

const dir = join(import.meta.dirname, '../docs/std-methods');
const data = JSON.parse(readFileSync(join(dir, 'text-and-numbers.json'), 'utf8')) as CoverageData;
const notesPath = join(dir, 'text-and-numbers.notes.json');
const notes = JSON.parse(readFileSync(notesPath, 'utf8')) as CoverageNotes;
const results = probeAll(data, notes);
const counts = new Map<string, number>();
for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
console.log([...counts].map(([s, n]) => `${s}: ${n}`).join(', '));
if (process.argv.includes('--before')) {
  const before = results.filter((r) => r.status === 'supported' || r.status === 'added').map((r) => itemKey(r.item));
  writeFileSync(notesPath, JSON.stringify({ ...notes, before }, null, 1) + '\n');
} else if (process.argv.includes('--check')) {
  for (const r of results) if (r.status === 'missing') console.log(`missing ${itemKey(r.item)}`);
} else {
  writeFileSync(join(dir, 'text-and-numbers.md'), coverageReport(data, results));
}
