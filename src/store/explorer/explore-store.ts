/**
 * The explore panel's state (issue 16), a zustand vanilla store built by a factory like the lab's:
 * the settings the learner picked, and where the exploration is — idle, exploring (the report so
 * far, runs per second), done (all groups; for DFS whether every schedule was covered), or failed.
 * The session (src/flow/explore) drives it; the panel only reads it and calls the session.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { WireExploreOptions, WireExploreReport } from '../../worker/protocol.ts';

export type ExploreStrategy = WireExploreOptions['strategy'];
export const EXPLORE_STRATEGIES: readonly ExploreStrategy[] = ['random', 'pct', 'dfs'];

export interface ExploreSettings {
  readonly strategy: ExploreStrategy;
  readonly runs: number;
  /** PCT: the bug depth (priority changes + 1). */
  readonly depth: number;
  /** DFS: most preemptions per schedule. */
  readonly preemptions: number;
}

export const DEFAULT_EXPLORE_SETTINGS: ExploreSettings = { strategy: 'pct', runs: 500, depth: 3, preemptions: 2 };
export const MAX_EXPLORE_RUNS = 100_000;

export type ExplorePhase =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'exploring';
      readonly id: number;
      /** The program explored (the groups' runs replay it, whatever the editor holds by then). */
      readonly source: string;
      readonly of: number;
      readonly report: WireExploreReport | undefined;
      readonly runsPerSecond: number;
    }
  | {
      readonly kind: 'done';
      readonly id: number;
      readonly source: string;
      readonly report: WireExploreReport;
      readonly runsPerSecond: number;
      /** Stopped by the learner before the budget was spent. */
      readonly cancelled: boolean;
    }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

export interface ExploreState {
  readonly settings: ExploreSettings;
  readonly phase: ExplorePhase;
  /** The group whose first run the lab shows (index into the report's groups). */
  readonly opened: number | undefined;
  /** The panel is on screen. */
  readonly panelOpen: boolean;
  readonly actions: {
    setSettings(patch: Partial<ExploreSettings>): void;
    started(id: number, of: number, source: string): void;
    progressed(id: number, report: WireExploreReport, runsPerSecond: number): void;
    finished(id: number, report: WireExploreReport, runsPerSecond: number): void;
    cancelled(id: number): void;
    failed(id: number, message: string): void;
    opened(group: number | undefined): void;
    setPanelOpen(open: boolean): void;
  };
}

export type ExploreStore = StoreApi<ExploreState>;

function clampSettings(s: ExploreSettings): ExploreSettings {
  const whole = (v: number, lo: number, hi: number, dflt: number) =>
    Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : dflt;
  return {
    strategy: EXPLORE_STRATEGIES.includes(s.strategy) ? s.strategy : DEFAULT_EXPLORE_SETTINGS.strategy,
    runs: whole(s.runs, 1, MAX_EXPLORE_RUNS, DEFAULT_EXPLORE_SETTINGS.runs),
    depth: whole(s.depth, 1, 50, DEFAULT_EXPLORE_SETTINGS.depth),
    preemptions: whole(s.preemptions, 0, 20, DEFAULT_EXPLORE_SETTINGS.preemptions),
  };
}

export function createExploreStore(settings: Partial<ExploreSettings> = {}): ExploreStore {
  return createStore<ExploreState>()((set, get) => {
    // Messages of an exploration that was replaced are late, not news.
    const current = (id: number): boolean => {
      const p = get().phase;
      return p.kind !== 'idle' && p.id === id;
    };
    return {
      settings: clampSettings({ ...DEFAULT_EXPLORE_SETTINGS, ...settings }),
      phase: { kind: 'idle' },
      opened: undefined,
      panelOpen: false,
      actions: {
        setSettings: (patch) => set({ settings: clampSettings({ ...get().settings, ...patch }) }),
        started: (id, of, source) =>
          set({ phase: { kind: 'exploring', id, source, of, report: undefined, runsPerSecond: 0 }, opened: undefined }),
        progressed: (id, report, runsPerSecond) => {
          const p = get().phase;
          if (p.kind === 'exploring' && p.id === id) set({ phase: { ...p, report, runsPerSecond } });
        },
        finished: (id, report, runsPerSecond) => {
          const p = get().phase;
          if (current(id) && p.kind === 'exploring')
            set({ phase: { kind: 'done', id, source: p.source, report, runsPerSecond, cancelled: false } });
        },
        cancelled: (id) => {
          const p = get().phase;
          if (p.kind !== 'exploring' || p.id !== id) return;
          set({
            phase:
              p.report === undefined
                ? { kind: 'idle' }
                : {
                    kind: 'done',
                    id,
                    source: p.source,
                    report: p.report,
                    runsPerSecond: p.runsPerSecond,
                    cancelled: true,
                  },
          });
        },
        failed: (id, message) => {
          if (current(id)) set({ phase: { kind: 'failed', id, message } });
        },
        opened: (group) => set({ opened: group }),
        setPanelOpen: (panelOpen) => set({ panelOpen }),
      },
    };
  });
}
