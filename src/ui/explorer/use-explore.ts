/** The explorer's stores as React sees them: one slice per hook. */
import { useStore } from 'zustand';
import type { ExploreState, ScheduleState } from '../../store/explorer/index.ts';
import { useLab } from '../lab/lab-context.tsx';

export function useExplore<T>(selector: (s: ExploreState) => T): T {
  return useStore(useLab().explore, selector);
}

export function useSchedule<T>(selector: (s: ScheduleState) => T): T {
  return useStore(useLab().schedule, selector);
}
