/**
 * Supplies a failure schedule to the learner's program by rewriting its `const FAILURES` table
 * (schedule.ts explains why the table is the seam). Everything else in the program is theirs and
 * stays byte for byte, so line numbers in the checker's report match their editor.
 */
import { formatSchedule, parseSchedule } from './schedule.ts';
import type { FailureSchedule } from './schedule.ts';

export type Injected =
  | { readonly ok: true; readonly source: string; readonly line: number }
  | { readonly ok: false; readonly message: string };

/** `const FAILURES: <type> = <literal>;` — the literal may span lines. */
const DECLARATION =
  /const\s+FAILURES\s*:\s*&\s*\[\s*\(\s*usize\s*,\s*u32\s*,\s*u64\s*,\s*bool\s*\)\s*\]\s*=\s*([^;]*);/;

export interface FoundTable {
  /** Offsets of the literal (after `=`, before `;`). */
  readonly from: number;
  readonly to: number;
  /** 1-based line of the declaration. */
  readonly line: number;
  readonly schedule: FailureSchedule | undefined;
}

export function findFailureTable(source: string): FoundTable | undefined {
  const m = DECLARATION.exec(source);
  if (!m || m[1] === undefined) return undefined;
  const literal = m[1];
  const from = m.index + m[0].length - 1 - literal.length;
  const lead = literal.length - literal.trimStart().length;
  const trail = literal.length - literal.trimEnd().length;
  return {
    from: from + lead,
    to: from + literal.length - trail,
    line: source.slice(0, m.index).split('\n').length,
    schedule: parseSchedule(literal),
  };
}

export function injectSchedule(source: string, schedule: FailureSchedule): Injected {
  const table = findFailureTable(source);
  if (!table) {
    return {
      ok: false,
      message:
        'The checker supplies connection failures through `const FAILURES: &[(usize, u32, u64, bool)] = …;`, ' +
        'and this program no longer declares it. Put the table back (Reset restores the starter).',
    };
  }
  const literal = formatSchedule(schedule);
  return { ok: true, source: source.slice(0, table.from) + literal + source.slice(table.to), line: table.line };
}
