/** The lab as React sees it: one context, and hooks that subscribe to one slice each. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RunReportState } from '../../flow/worker-bridge/run-report.ts';
import type { LabState } from '../../store/index.ts';
import type { Lab } from './create-lab.ts';
import type { UiState } from './ui-store.ts';

export const LabContext = createContext<Lab | null>(null);

export function useLab(): Lab {
  const lab = useContext(LabContext);
  if (lab === null) throw new Error('useLab must be used inside <LabContext.Provider>');
  return lab;
}

export function useLabState<T>(selector: (s: LabState) => T): T {
  return useStore(useLab().store, selector);
}

export function useReport<T>(selector: (s: RunReportState) => T): T {
  return useStore(useLab().report, selector);
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useLab().ui, selector);
}
