/**
 * The course's one slim bar (issue 11): playback and the seek bar on the left, the run's status,
 * then the slide's place with ‹ › and the deck's tools at the right end. The audience window
 * keeps only what it shows (step, place), never a control: it follows the presenter.
 */
import { PlaybackControls } from '../controls/PlaybackControls.tsx';
import { CtrlCButton } from '../controls/CtrlCButton.tsx';
import { RunStatus } from '../controls/RunStatus.tsx';
import { SeedField } from '../controls/SeedField.tsx';
import { SeekBar } from '../controls/SeekBar.tsx';
import type { WindowRole } from './deck-url.ts';
import { keyHint } from '../shortcuts/shortcuts.ts';
import type { DeckCommand } from './use-deck-keys.ts';

export interface DeckBarProps {
  readonly index: number;
  readonly total: number;
  readonly day: number;
  readonly role: WindowRole;
  readonly projector: boolean;
  readonly run: (command: DeckCommand) => void;
}

interface Tool {
  readonly command: DeckCommand;
  readonly glyph: string;
  readonly label: string;
}

const TOOLS: readonly Tool[] = [
  { command: 'overview', glyph: '▦', label: 'Overview' },
  { command: 'theme', glyph: '◐', label: 'Projector' },
  { command: 'fullscreen', glyph: '⤢', label: 'Fullscreen' },
  { command: 'presenter', glyph: '⊡', label: 'Presenter' },
  { command: 'help', glyph: '?', label: 'Keys' },
];

export function DeckTools({ role, projector, run }: Pick<DeckBarProps, 'role' | 'projector' | 'run'>) {
  return (
    <div className="deck-tools" role="toolbar" aria-label="Deck">
      {TOOLS.filter((t) => !(t.command === 'presenter' && role === 'presenter')).map((t) => (
        <button
          key={t.label}
          type="button"
          className="deck-tool"
          aria-label={t.label}
          aria-pressed={t.command === 'theme' ? projector : undefined}
          title={`${t.label} (${keyHint('course', t.command)})`}
          onClick={() => run(t.command)}
        >
          <span aria-hidden="true">{t.glyph}</span>
          <span className="deck-tool-text">{t.label}</span>
        </button>
      ))}
    </div>
  );
}

export function DeckBar({ index, total, day, role, projector, run }: DeckBarProps) {
  const audience = role === 'audience';
  return (
    <footer className="deck-bar" aria-label="Playback and slides">
      {!audience && <PlaybackControls scope="course" />}
      {!audience && <CtrlCButton scope="course" />}
      <SeekBar />
      {!audience && !projector && <SeedField />}
      <RunStatus />
      <nav className="deck-nav" aria-label="Slides">
        {!audience && (
          <button type="button" className="deck-nav-button" onClick={() => run('prev-slide')} disabled={index === 0}>
            <span aria-hidden="true">‹</span>
            <span className="visually-hidden">Previous slide</span>
          </button>
        )}
        <span className="deck-place" data-testid="slide-counter">
          <span className="visually-hidden">
            Slide {index + 1} of {total}
          </span>
          <span aria-hidden="true">
            Day {day} · <strong>{index + 1}</strong>/{total}
          </span>
          {role !== 'solo' && <span className="role-badge"> · {role}</span>}
        </span>
        {!audience && (
          <button
            type="button"
            className="deck-nav-button"
            onClick={() => run('next-slide')}
            disabled={index === total - 1}
          >
            <span aria-hidden="true">›</span>
            <span className="visually-hidden">Next slide</span>
          </button>
        )}
      </nav>
      {projector && !audience && <DeckTools role={role} projector={projector} run={run} />}
    </footer>
  );
}
