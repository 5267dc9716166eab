/**
 * The Ctrl-C marks of the timeline (issue 17), like the seek bar's ^C: one per step a press
 * arrived at (the view state's `signal.arrive` steps), inside the steps the timeline shows. Two
 * presses in one step share a mark, counted, so the label says how many arrived there.
 */
export interface CtrlCMark {
  readonly step: number;
  readonly presses: number;
}

export function ctrlCMarks(pressSteps: readonly number[], fromStep: number, toStep: number): CtrlCMark[] {
  const marks: CtrlCMark[] = [];
  for (const step of pressSteps) {
    if (step < fromStep || step >= toStep) continue;
    const last = marks[marks.length - 1];
    if (last !== undefined && last.step === step) marks[marks.length - 1] = { step, presses: last.presses + 1 };
    else marks.push({ step, presses: 1 });
  }
  return marks;
}

/** The mark's words, for its label and its tooltip. */
export function ctrlCMarkText(m: CtrlCMark): { readonly label: string; readonly title: string } {
  return m.presses === 1
    ? { label: '^C', title: `Ctrl-C arrived at step ${m.step}` }
    : { label: `^C×${m.presses}`, title: `${m.presses} Ctrl-C presses arrived at step ${m.step}` };
}
