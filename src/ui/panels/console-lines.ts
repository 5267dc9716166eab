/**
 * The console's lines at the view's position: finished lines, then each stream's unfinished tail.
 * Like the command line's bounded stdout (src/lang/interp/output-tail.ts), the lab shows only the
 * tail of a program's output — the last MAX_CONSOLE_LINES lines and at most CONSOLE_TAIL_CHARS
 * characters (a longer line keeps its end) — and counts what it left out, so the console says so.
 */
import type { ConsoleLine, ViewState } from '../../store/index.ts';

/** At most this many lines are drawn; earlier ones are counted, not shown. */
export const MAX_CONSOLE_LINES = 1000;
/** At most this many characters are drawn: the 16 MiB tail the command line keeps too. */
export const CONSOLE_TAIL_CHARS = 16 * 2 ** 20;

export interface ConsoleShown {
  readonly lines: readonly ConsoleLine[];
  /** Whole lines not shown. */
  readonly hidden: number;
  /** Characters cut from the start of the first line shown (it did not fit whole). */
  readonly cutChars: number;
}

export function consoleLinesOf(
  view: Pick<ViewState, 'console' | 'stdoutTail' | 'stderrTail'>,
  max = MAX_CONSOLE_LINES,
  maxChars = CONSOLE_TAIL_CHARS,
): ConsoleShown {
  const tails = [view.stdoutTail, view.stderrTail].filter((t): t is ConsoleLine => t !== undefined);
  const total = view.console.size + tails.length;
  const lineAt = (i: number): ConsoleLine | undefined =>
    i < view.console.size ? view.console.get(i) : tails[i - view.console.size];
  // From the last line back, while both budgets last; a line that does not fit keeps its end.
  const lines: ConsoleLine[] = [];
  let chars = 0;
  let i = total - 1;
  for (; i >= 0 && lines.length < max && chars < maxChars; i--) {
    const l = lineAt(i);
    if (l === undefined) continue;
    const room = maxChars - chars;
    lines.push(l.text.length <= room ? l : { ...l, text: l.text.slice(l.text.length - room) });
    chars += Math.min(l.text.length, room);
  }
  lines.reverse();
  const cutChars = lines.length > 0 ? (lineAt(i + 1)?.text.length ?? 0) - lines[0].text.length : 0;
  return { lines, hidden: i + 1, cutChars };
}
