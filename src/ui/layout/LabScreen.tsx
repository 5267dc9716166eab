/**
 * The lab screen (issue 11, mockups/lab-mt-1440): two columns over one slim bar. The words on
 * the left (the editor, scrolling inside itself; the console; diagnostics; the narration right
 * above the bar), the stage on the right (board, scheduler, inspector), wholly on screen. The
 * timeline and relations sit below the fold, for when the learner wants them. On narrow
 * screens the regions stack in reading order.
 */
import type { ReactNode } from 'react';
import { PlaybackControls } from '../controls/PlaybackControls.tsx';
import { CtrlCButton } from '../controls/CtrlCButton.tsx';
import { RunStatus } from '../controls/RunStatus.tsx';
import { SeedField } from '../controls/SeedField.tsx';
import { SeekBar } from '../controls/SeekBar.tsx';
import { SpeedSelect } from '../controls/SpeedSelect.tsx';
import { useLab } from '../lab/lab-context.tsx';
import { ChoicePicker, ExploreToggle, SchedulerToggle } from '../explorer/SchedulerControls.tsx';
import { ExplorePanel } from '../explorer/ExplorePanel.tsx';
import { FaultsMenu } from '../faults/FaultsMenu.tsx';
import { useExplore } from '../explorer/use-explore.ts';
import { ConsolePanel } from '../panels/ConsolePanel.tsx';
import { DiagnosticsPanel } from '../panels/DiagnosticsPanel.tsx';
import { NarrationPanel } from '../panels/NarrationPanel.tsx';
import { ShareBar } from '../share/index.ts';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog.tsx';
import { useShortcuts } from '../shortcuts/use-shortcuts.ts';
import { SourcePanel } from '../source/SourcePanel.tsx';
import { FindTask } from '../find/FindTask.tsx';
import { Stage } from './Stage.tsx';
import { ViewSlot } from './view-slot.tsx';

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
  const exploreOpen = useExplore((s) => s.panelOpen);
  useShortcuts(lab);
  return (
    <div className="app lab-app">
      <header className="app-header">
        <h1>Task Lab</h1>
        <p className="tagline">Lab · your program</p>
        <a className="header-link" href="?" data-testid="back-to-course">
          <span aria-hidden="true">← </span>Course
        </a>
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
      {notices}
      {notice !== undefined && (
        <p className="lab-notice" role="alert">
          {notice}
        </p>
      )}
      <main className="lab-grid" aria-label="Lab">
        <div className="words">
          <SourcePanel />
          <ConsolePanel />
          <DiagnosticsPanel />
          <NarrationPanel />
          <ChoicePicker />
        </div>
        <Stage boardTools={<FindTask />} />
      </main>
      <div className="playback-bar" role="toolbar" aria-label="Playback controls">
        <PlaybackControls />
        <CtrlCButton />
        <SeekBar />
        <SpeedSelect />
        <SchedulerToggle />
        <ExploreToggle />
        <FaultsMenu />
      </div>
      {exploreOpen && <ExplorePanel />}
      <section className="lab-more" aria-label="More views">
        <ViewSlot
          name="timeline"
          title="Timeline"
          placeholder="One lane per task over virtual time appears here."
          idleOffScreen
        />
        <ViewSlot
          idleOffScreen
          name="relations"
          title="Relations"
          placeholder="JoinSets, tokens, the spawn tree and wake-ups appear here."
        />
      </section>
      <ShortcutsDialog />
    </div>
  );
}
