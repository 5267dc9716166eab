/**
 * The text-and-numbers checklist (docs/std-methods) stays true: every item it lists as supported or
 * added still resolves on its type, and every stable item is either supported or has a reason to be
 * left out. The checklist is data extracted from rustdoc; this test never reads the toolchain.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemKey, probeAll, type CoverageData, type CoverageNotes } from './std-coverage.ts';

const dir = join(import.meta.dirname, '../../docs/std-methods');
const data = JSON.parse(readFileSync(join(dir, 'text-and-numbers.json'), 'utf8')) as CoverageData;
const notes = JSON.parse(readFileSync(join(dir, 'text-and-numbers.notes.json'), 'utf8')) as CoverageNotes;
// prettier aligns the tables: compare with runs of spaces collapsed
const report = readFileSync(join(dir, 'text-and-numbers.md'), 'utf8').replace(/ +/g, ' ');

describe('std methods of str, String, char, iterators, Option, Result, numbers, Duration', () => {
  const results = probeAll(data, notes);

  it('lists the stable methods of every type of the checklist', () => {
    const types = new Set(data.items.map((i) => i.type));
    expect([...types]).toEqual(expect.arrayContaining(['str', 'String', 'char', 'Iterator', 'Option', 'f64']));
    expect(data.items.filter((i) => !i.unstable).length).toBeGreaterThan(700);
  });

  it('runs every stable method that is not left out with a reason', () => {
    const missing = results.filter((r) => r.status === 'missing').map((r) => `${itemKey(r.item)}: ${r.note}`);
    expect(missing).toEqual([]);
  });

  it('keeps what ran before this sweep', () => {
    const lost = results.filter((r) => notes.before.includes(itemKey(r.item)) && r.status !== 'supported');
    expect(lost.map((r) => itemKey(r.item))).toEqual([]);
  });

  it('matches the committed report (regenerate with npx tsx scripts/std-coverage.ts)', () => {
    for (const r of results) {
      expect(report).toContain(`| \`${r.item.name}\` | ${r.status} |`);
    }
  });
});
