import { readFileSync } from 'node:fs';
import { probe, probeSource, type CoverageData } from '../src/lang/std-coverage.ts';
const data = JSON.parse(readFileSync('docs/std-methods/text-and-numbers.json', 'utf8')) as CoverageData;
for (const it of data.items)
  if (process.argv.slice(2).includes(`${it.type}::${it.name}`)) console.log(probeSource(it), probe(it));
