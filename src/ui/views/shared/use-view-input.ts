/**
 * Builds the views' input from a lab store: the view state at the playback position, a trace
 * history kept in step with the run's timeline (one per run), the selection and the motion length.
 * The object only changes when something a view draws changes, so controllers skip idle frames.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import {
  selectConfig,
  selectEventCount,
  selectPosition,
  selectSavedLocals,
  selectSelectedTaskId,
  selectSpeed,
  selectTimeline,
  selectView,
} from '../../../store/index.ts';
import type { LabStore, LabTimeline } from '../../../store/index.ts';
import { TraceHistory } from '../../../store/view/derive-history.ts';
import { motionMs } from './motion.ts';
import { usePrefersReducedMotion } from './use-reduced-motion.ts';
import type { ViewInput } from './view-input.ts';

/** One history per run (beginRun makes a new timeline); dropped with its timeline. */
const histories = new WeakMap<LabTimeline, TraceHistory>();

/** The run's history, caught up with its first `events` events (incremental and idempotent). */
function historyOf(timeline: LabTimeline, events: number): TraceHistory {
  let history = histories.get(timeline);
  if (history === undefined) {
    history = new TraceHistory();
    histories.set(timeline, history);
  }
  if (history.length < events) history.syncFrom(timeline);
  return history;
}

export function useViewInput(store: LabStore): ViewInput {
  const view = useStore(store, selectView);
  const position = useStore(store, selectPosition);
  const timeline = useStore(store, selectTimeline);
  const savedLocals = useStore(store, selectSavedLocals);
  const eventCount = useStore(store, selectEventCount);
  const selectedTask = useStore(store, selectSelectedTaskId);
  const config = useStore(store, selectConfig);
  const speed = useStore(store, selectSpeed);
  const reduced = usePrefersReducedMotion();

  const history = historyOf(timeline, eventCount);

  const motion = motionMs(speed, reduced);
  return useMemo(
    () => ({
      view,
      position,
      history,
      selectedTask,
      flavor: config.flavor,
      workers: config.workers,
      motionMs: motion,
      savedLocals,
    }),
    [view, position, history, selectedTask, config.flavor, config.workers, motion, savedLocals],
  );
}
