/**
 * The lab screen (design.md §6): header, playback bar and narration on top, then the source and
 * console beside the stage (lifecycle board, scheduler), the inspector, diagnostics, timeline and
 * relations. On narrow screens the regions stack in reading order.
 */
import type { ReactNode } from 'react';
import { PlaybackControls } from '../controls/PlaybackControls.tsx';
import { SeedField } from '../controls/SeedField.tsx';
import { SeekBar } from '../controls/SeekBar.tsx';
import { SpeedSelect } from '../controls/SpeedSelect.tsx';
import { useLab, useReport } from '../lab/lab-context.tsx';
import { ConsolePanel } from '../panels/ConsolePanel.tsx';
import { DiagnosticsPanel } from '../panels/DiagnosticsPanel.tsx';
import { NarrationPanel } from '../panels/NarrationPanel.tsx';
import { ShareBar } from '../share/index.ts';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog.tsx';
import { useShortcuts } from '../shortcuts/use-shortcuts.ts';
import { SourcePanel } from '../source/SourcePanel.tsx';
import { ViewSlot } from './view-slot.tsx';

function RunStatus() {
  const phase = useReport((r) => r.phase);
  const text =
    phase === 'running'
      ? '● running'
      : phase === 'compile-error'
        ? '✕ does not compile'
        : phase === 'lost'
          ? '! restarted'
          : phase === 'ended'
            ? '✓ run complete'
            : '';
  return (
    <span className={`run-status run-status-${phase}`} role="status" data-testid="run-status">
      {text}
    </span>
  );
}

export interface LabScreenProps {
  /** Why the link the lab opened could not be followed (shown above the default program). */
  readonly notice?: string;
  /** Extra header tools (the drafts menu). */
  readonly tools?: ReactNode;
  /** Extra notices under the narration (storage warnings). */
  readonly notices?: ReactNode;
}

export function LabScreen({ notice, tools, notices }: LabScreenProps = {}) {
  const lab = useLab();
  useShortcuts(lab);
  return (
    <div className="app lab-app">
      <header className="app-header">
        <h1>Task Lab</h1>
        <p className="tagline">Watch Tokio 1.48 run your tasks, one step at a time.</p>
        <div className="header-tools">
          <RunStatus />
          {tools}
          <ShareBar />
          <SeedField />
          <button
            type="button"
            className="help-button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => lab.ui.getState().setHelpOpen(true)}
          >
            ?
          </button>
        </div>
      </header>
      <div className="playback-bar" role="toolbar" aria-label="Playback controls">
        <PlaybackControls />
        <SeekBar />
        <SpeedSelect />
      </div>
      <NarrationPanel />
      {notices}
      {notice !== undefined && (
        <p className="lab-notice" role="alert">
          {notice}
        </p>
      )}
      <main className="lab-grid" aria-label="Lab">
        <SourcePanel />
        <ConsolePanel />
        <ViewSlot name="board" title="Lifecycle board" placeholder="Tasks move through their lifecycle here." />
        <ViewSlot name="scheduler" title="Scheduler" placeholder="Queues, workers and timers appear here." />
        <ViewSlot
          name="inspector"
          title="Inspector"
          placeholder="Select a task to see its state word and references."
        />
        <DiagnosticsPanel />
        <ViewSlot name="timeline" title="Timeline" placeholder="One lane per task over virtual time appears here." />
        <ViewSlot
          name="relations"
          title="Relations"
          placeholder="JoinSets, tokens, the spawn tree and wake-ups appear here."
        />
      </main>
      <ShortcutsDialog />
    </div>
  );
}
