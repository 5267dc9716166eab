/**
 * The Ctrl-C button (issue 17): sends SIGINT to the program right after the step on show. The run
 * is replayed with the press and plays on from there; the presses so far are counted beside it.
 */
import { selectConfig, selectPlayback } from '../../store/index.ts';
import { useLab, useLabState } from '../lab/lab-context.tsx';
import { keyHint } from '../shortcuts/shortcuts.ts';
import type { ShortcutScope } from '../shortcuts/shortcuts.ts';
import { canMove, perform } from './playback-actions.ts';
import { offersCtrlC } from './ctrl-c.ts';

export function CtrlCButton({ scope = 'lab' }: { readonly scope?: ShortcutScope }) {
  const lab = useLab();
  const status = useLabState(selectPlayback);
  const presses = useLabState(selectConfig).ctrlCAfterSteps?.length ?? 0;
  const offered = useLabState((s) => offersCtrlC(scope, s.program.source));
  if (!offered) return null;
  const keys = keyHint(scope, 'ctrl-c');
  const label = 'Press Ctrl-C: interrupt the program right after this step';
  return (
    <button
      type="button"
      className="icon-button ctrl-c-button"
      disabled={!canMove(status)}
      aria-label={label}
      title={keys === '' ? label : `${label} (${keys})`}
      data-testid="ctrl-c"
      onClick={() => perform(lab, 'ctrl-c')}
    >
      <span aria-hidden="true">^C</span>
      <span className="button-text">Ctrl-C</span>
      {presses > 0 && (
        <span className="ctrl-c-count" aria-label={`pressed ${presses} ${presses === 1 ? 'time' : 'times'}`}>
          ×{presses}
        </span>
      )}
    </button>
  );
}
