/**
 * The timeline's marks at single steps (issue 17), like the seek bar's ^C: one per step a Ctrl-C
 * press arrived at (the view state's `signal.arrive` steps) and one per step a network fault was
 * applied (`net.fault`: by hand or drawn from the seed), inside the steps the timeline shows.
 * Several of one kind in one step share a mark, counted, so the label says how many there were.
 */
import type { FaultView } from '../../../store/view/reduce-io.ts';
import { faultClause } from '../../../store/narration/step-facts.ts';

export type StepMark =
  | { readonly kind: 'ctrl-c'; readonly step: number; readonly presses: number }
  | { readonly kind: 'fault'; readonly step: number; readonly faults: readonly FaultView[] };

function inWindow(step: number, fromStep: number, toStep: number): boolean {
  return step >= fromStep && step < toStep;
}

export function stepMarks(
  pressSteps: readonly number[],
  faults: readonly FaultView[],
  fromStep: number,
  toStep: number,
): StepMark[] {
  const marks: StepMark[] = [];
  for (const step of pressSteps) {
    if (!inWindow(step, fromStep, toStep)) continue;
    const last = marks[marks.length - 1];
    if (last?.kind === 'ctrl-c' && last.step === step) marks[marks.length - 1] = { ...last, presses: last.presses + 1 };
    else marks.push({ kind: 'ctrl-c', step, presses: 1 });
  }
  const faultMarks: StepMark[] = [];
  for (const f of faults) {
    if (!inWindow(f.step, fromStep, toStep)) continue;
    const last = faultMarks[faultMarks.length - 1];
    if (last?.kind === 'fault' && last.step === f.step)
      faultMarks[faultMarks.length - 1] = { ...last, faults: [...last.faults, f] };
    else faultMarks.push({ kind: 'fault', step: f.step, faults: [f] });
  }
  return [...marks, ...faultMarks];
}

const FAULT_LABEL = { reset: 'RST', refuse: 'REFUSED', slow: 'SLOW' } as const;

/** The mark's words, for its label and its tooltip. */
export function stepMarkText(m: StepMark): { readonly label: string; readonly title: string } {
  if (m.kind === 'ctrl-c') {
    return m.presses === 1
      ? { label: '^C', title: `Ctrl-C arrived at step ${m.step}` }
      : { label: `^C×${m.presses}`, title: `${m.presses} Ctrl-C presses arrived at step ${m.step}` };
  }
  const first = m.faults[0];
  const more = m.faults.length > 1 ? `+${m.faults.length - 1}` : '';
  return {
    label: `${FAULT_LABEL[first.fault]} c${first.conn}${more}`,
    title: `At step ${m.step}: ${m.faults.map(faultClause).join('; ')}`,
  };
}

/** A stable key for the mark's drawing (a press and a fault can share a step). */
export function stepMarkKey(m: StepMark): string {
  return `${m.kind}:${m.step}`;
}
