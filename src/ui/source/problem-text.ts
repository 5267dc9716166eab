/**
 * The line of text the editor shows under a problem: an error (✕) or one of rustc's warnings (⚠),
 * and for a warning about a future that is never awaited, one sentence on what it means for tasks.
 */
import type { SourceProblem } from '../../worker/protocol.ts';

/** What an unused future means for the runtime the lab shows. */
export const UNUSED_FUTURE_MEANING =
  'This future is created and dropped without being polled: the work inside never runs, and no task is spawned.';

/** The lab's sentence for a warning, or undefined when it adds nothing to rustc's words. */
export function taskMeaning(p: SourceProblem): string | undefined {
  if (p.severity !== 'warning') return undefined;
  const said = `${p.message} ${p.hint ?? ''}`;
  return /futures do nothing unless you `\.await` or poll them/.test(said) ? UNUSED_FUTURE_MEANING : undefined;
}

export function problemText(p: SourceProblem): string {
  const warning = p.severity === 'warning';
  const head = `${warning ? '⚠' : '✕'} line ${p.line}:${p.col}: ${warning ? 'warning: ' : ''}${p.message}`;
  const hint = p.hint !== undefined ? ` — ${p.hint}` : '';
  const meaning = taskMeaning(p);
  return `${head}${hint}${meaning !== undefined ? ` ${meaning}` : ''}`;
}
