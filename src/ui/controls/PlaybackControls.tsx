/**
 * Play, pause, step, step back, to start / end, and "run to the next event of a kind". The glyphs
 * are ones common system fonts have (the media-control block ⏮⏸⏭ is missing from many).
 */
import { useState } from 'react';
import { RUN_TO_KINDS, selectPlayback } from '../../store/index.ts';
import type { RunToKind } from '../../store/index.ts';
import { useLab, useLabState, useReport } from '../lab/lab-context.tsx';
import { canMove, perform } from './playback-actions.ts';
import type { PlaybackAction } from './playback-actions.ts';
import { keyHint } from '../shortcuts/shortcuts.ts';
import type { ShortcutScope } from '../shortcuts/shortcuts.ts';

interface ButtonSpec {
  readonly action: PlaybackAction;
  readonly glyph: string;
  readonly label: string;
}

const BEFORE: readonly ButtonSpec[] = [
  { action: 'start', glyph: '⇤', label: 'Back to the start' },
  { action: 'back', glyph: '◁', label: 'Step back' },
];
const AFTER: readonly ButtonSpec[] = [
  { action: 'step', glyph: '▷', label: 'Step forward' },
  { action: 'end', glyph: '⇥', label: 'To the end' },
];

/** `scope` says whose keys the buttons' hints name: the lab's or the course's (the one key table). */
export function PlaybackControls({ scope = 'lab' }: { readonly scope?: ShortcutScope }) {
  const lab = useLab();
  const status = useLabState(selectPlayback);
  const [kind, setKind] = useState<RunToKind | 'statement'>('spawn');
  const enabled = canMove(status);
  const playing = status === 'playing';
  // the worker is still computing the run: Stop ends it there (a runaway program, 10,000 tasks)
  const running = useReport((r) => r.phase === 'running');
  const button = (b: ButtonSpec) => (
    <button
      key={b.label}
      type="button"
      className="icon-button"
      disabled={!enabled}
      aria-label={b.label}
      title={withKeys(b.label, keyHint(scope, b.action))}
      onClick={() => perform(lab, b.action)}
    >
      <span aria-hidden="true">{b.glyph}</span>
    </button>
  );
  return (
    <div className="playback-controls" role="group" aria-label="Playback">
      {BEFORE.map(button)}
      <button
        type="button"
        className="icon-button play-button"
        disabled={!enabled}
        aria-label={playing ? 'Pause' : 'Play'}
        title={withKeys(playing ? 'Pause' : 'Play', keyHint(scope, 'toggle'))}
        onClick={() => perform(lab, 'toggle')}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        <span className="button-text">{playing ? 'Pause' : 'Play'}</span>
      </button>
      {running && (
        <button
          type="button"
          className="icon-button stop-button"
          aria-label="Stop the run"
          title="Stop the run (keeps what ran)"
          onClick={() => lab.send({ type: 'STOP' })}
        >
          <span aria-hidden="true">■</span>
          <span className="button-text">Stop</span>
        </button>
      )}
      {AFTER.map(button)}
      <span className="run-to">
        <button
          type="button"
          disabled={!enabled}
          onClick={() => perform(lab, kind === 'statement' ? 'statement' : { runTo: kind })}
        >
          Next
        </button>
        <select
          aria-label="Run to the next event of this kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as RunToKind | 'statement')}
        >
          <option
            value="statement"
            title={withKeys('The next statement of the current task', keyHint(scope, 'statement'))}
          >
            statement
          </option>
          {RUN_TO_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}

function withKeys(label: string, keys: string): string {
  return keys === '' ? label : `${label} (${keys})`;
}
