/**
 * A wrong state word compared bit by bit (issue 11, "what learners asked for"): which fields of
 * the learner's word match the run's, without saying what the right values are, so the first
 * wrong try teaches where to look instead of giving the answer away.
 */
const FIELDS = [
  { name: 'ref count', mask: -64 },
  { name: 'X (CANCELLED)', mask: 32 },
  { name: 'W (JOIN_WAKER)', mask: 16 },
  { name: 'J (JOIN_INTEREST)', mask: 8 },
  { name: 'N (NOTIFIED)', mask: 4 },
  { name: 'C (COMPLETE)', mask: 2 },
  { name: 'R (RUNNING)', mask: 1 },
] as const;

export interface FieldCheck {
  readonly name: string;
  readonly same: boolean;
}

export function compareWord(given: number, answer: number): FieldCheck[] {
  return FIELDS.map((f) => ({ name: f.name, same: (given & f.mask) === (answer & f.mask) }));
}

/** The run's word from a graded state-word quiz's expected text, `0b…_… (N)`. */
export function expectedWord(expected: string): number | undefined {
  const m = /\((\d+)\)\s*$/.exec(expected);
  return m === null ? undefined : Number(m[1]);
}
