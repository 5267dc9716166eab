/**
 * The lab beside the slide, built from the lab's own pieces (src/ui/controls, panels, views):
 * playback controls, the stage (lifecycle board and scheduler), the inspector, the console and
 * the narration. The projector theme keeps the stage and the console only.
 */
import { PlaybackControls } from '../controls/PlaybackControls.tsx';
import { SeedField } from '../controls/SeedField.tsx';
import { SeekBar } from '../controls/SeekBar.tsx';
import { RunStatus } from '../controls/RunStatus.tsx';
import { ViewSlot } from '../layout/view-slot.tsx';
import { ConsolePanel } from '../panels/ConsolePanel.tsx';
import { DiagnosticsPanel } from '../panels/DiagnosticsPanel.tsx';
import { NarrationPanel } from '../panels/NarrationPanel.tsx';

export function LabStage({ compact = false }: { compact?: boolean }) {
  return (
    <section className="lab-stage" aria-label="Lab">
      <div className="lab-controls">
        <PlaybackControls />
        <SeekBar />
        <SeedField />
        <RunStatus />
      </div>
      <NarrationPanel />
      <ConsolePanel />
      <ViewSlot name="board" title="Tasks" placeholder="The lifecycle board shows every task here." />
      {!compact && (
        <ViewSlot name="scheduler" title="Scheduler" placeholder="Run queues, workers and timers appear here." />
      )}
      {!compact && (
        <ViewSlot name="inspector" title="Inspector" placeholder="Select a task to see its cell and state word." />
      )}
      {!compact && <DiagnosticsPanel />}
    </section>
  );
}
