/** The console's lines at the view's position: finished lines, then each stream's unfinished tail. */
import type { ConsoleLine, ViewState } from '../../store/index.ts';

/** At most this many lines are drawn; earlier ones are counted, not shown. */
export const MAX_CONSOLE_LINES = 1000;

export interface ConsoleShown {
  readonly lines: readonly ConsoleLine[];
  readonly hidden: number;
}

export function consoleLinesOf(
  view: Pick<ViewState, 'console' | 'stdoutTail' | 'stderrTail'>,
  max = MAX_CONSOLE_LINES,
): ConsoleShown {
  const tails = [view.stdoutTail, view.stderrTail].filter((t): t is ConsoleLine => t !== undefined);
  const total = view.console.size + tails.length;
  const hidden = Math.max(0, total - max);
  const fromFinished = Math.min(view.console.size, hidden);
  const finished = view.console.slice(fromFinished).filter((l): l is ConsoleLine => l !== undefined);
  const lines = [...finished, ...tails].slice(Math.max(0, hidden - fromFinished));
  return { lines, hidden };
}
