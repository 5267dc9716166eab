/**
 * Drives the lab through schedules (issue 16). Three things, one subscription to the lab store:
 *
 * - "You are the scheduler": while on, when the view moves forward over a choice event that is
 *   not yet decided, the lab pauses just before it and waits for the learner's pick. Picking what
 *   the run took goes on; picking another option replays the run from the start with that
 *   decision forced (design.md §2: branching from the past is a deterministic replay), so the
 *   prefix is the same and the run stays replayable from its key.
 * - Opening an explored group: its first run is replayed from its key, and the view goes to the
 *   end of the step where it parted from the most common run.
 * - Both land the view on a decision only once the step holding it has streamed in.
 */
import type { LabStore, RunConfig } from '../../store/index.ts';
import type { ScheduleStore } from '../../store/explorer/index.ts';
import { optionLabels } from '../../store/narration/index.ts';
import { scheduleWithPick, seedOfKey } from '../../worker/schedule-key.ts';
import type { PlaybackCommand } from '../playback-types.ts';
import { decisionAt, endOfStepAt, firstChoiceIn, indexOfDecision } from './trace-choices.ts';

/** What the driver needs of a lab (src/ui/lab/create-lab.ts provides it). */
export interface LabHandle {
  readonly store: LabStore;
  send(command: PlaybackCommand): void;
  run(source: string, config: RunConfig): void;
}

/** A run the driver started, and what to do once it streams in. */
interface Carry {
  /** Focus: the decision whose step the view goes to. */
  readonly decision: number | undefined;
  readonly resume: boolean;
  readonly parted: { readonly decision: number; readonly mainTaken: number | undefined } | undefined;
}

export interface ScheduleDriver {
  /** The learner's pick for the pending decision. */
  pick(option: number): void;
  /** Replays `replayKey` of `source` and shows decision `decision` (where it parted from `mainTaken`). */
  open(source: string, replayKey: string, decision: number | undefined, mainTaken: number | undefined): void;
  dispose(): void;
}

export function createScheduleDriver(lab: LabHandle, schedule: ScheduleStore): ScheduleDriver {
  let carry: Carry | undefined;
  let focusing: Carry | undefined;
  let runId = -1;
  let last = lab.store.getState().position;

  const startRun = (source: string, config: RunConfig, next: Carry) => {
    carry = next;
    lab.run(source, config);
  };

  const onRunChange = () => {
    const c = carry;
    carry = undefined;
    focusing = c?.decision !== undefined ? c : undefined;
    schedule.getState().actions.reset(0);
    schedule.getState().actions.markParted(c?.parted);
  };

  /** Moves the view to the focused decision's step once it is there; true when done. */
  const focus = (): boolean => {
    const f = focusing;
    if (f === undefined || f.decision === undefined) return true;
    const s = lab.store.getState();
    if (s.playback !== 'paused' && s.playback !== 'finished') return false;
    const c = indexOfDecision(s.timeline, f.decision);
    const ended = s.run.kind === 'done' || s.run.kind === 'error';
    if (c === undefined) {
      if (ended) focusing = undefined;
      return ended;
    }
    const target = endOfStepAt(s.timeline, c);
    if (target >= s.timeline.length && !ended) return false;
    focusing = undefined;
    schedule.getState().actions.decided(c + 1);
    last = target;
    lab.send({ type: 'SEEK', to: target, unit: 'event' });
    if (f.resume) lab.send({ type: 'PLAY' });
    return true;
  };

  /** Scheduler mode: stop before the first undecided choice the view just moved over. */
  const intercept = (from: number, to: number) => {
    const sch = schedule.getState();
    if (!sch.scheduler || sch.pending !== undefined || to <= from) return;
    const s = lab.store.getState();
    const hit = firstChoiceIn(s.timeline, Math.max(from, sch.decidedUpTo), to);
    if (hit === undefined) return;
    const resume = s.playback === 'playing';
    lab.send({ type: 'PAUSE' });
    lab.send({ type: 'SEEK', to: hit.index, unit: 'event' });
    last = hit.index;
    sch.actions.waitFor({
      event: hit.index,
      decision: decisionAt(s.timeline, hit.index),
      point: hit.event.point,
      labels: optionLabels(hit.event),
      taken: hit.event.taken,
      resume,
    });
  };

  const unsubscribe = lab.store.subscribe((s) => {
    if (s.run.kind !== 'idle' && s.run.runId !== runId) {
      runId = s.run.runId;
      last = 0;
      onRunChange();
    }
    if (!focus()) return;
    // Focusing may have moved the view: read the store again, never the state this call got.
    const position = lab.store.getState().position;
    const from = last;
    last = position;
    intercept(from, position);
  });

  return {
    pick: (option) => {
      const p = schedule.getState().pending;
      if (p === undefined || option < 0 || option >= p.labels.length) return;
      const s = lab.store.getState();
      if (option === p.taken) {
        schedule.getState().actions.decided(p.event + 1);
        const target = endOfStepAt(s.timeline, p.event);
        last = target;
        lab.send({ type: 'SEEK', to: target, unit: 'event' });
        if (p.resume) lab.send({ type: 'PLAY' });
        return;
      }
      const replayKey = scheduleWithPick(s.config.replayKey, s.config.seed, p.decision, option);
      const next = { decision: p.decision, resume: p.resume, parted: undefined };
      startRun(s.program.source, { ...s.config, replayKey }, next);
    },
    open: (source, replayKey, decision, mainTaken) => {
      const s = lab.store.getState();
      const seed = seedOfKey(replayKey) ?? s.config.seed;
      const parted = decision === undefined ? undefined : { decision, mainTaken };
      startRun(source, { ...s.config, seed, replayKey }, { decision, resume: false, parted });
    },
    dispose: unsubscribe,
  };
}
