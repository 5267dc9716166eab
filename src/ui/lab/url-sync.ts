/**
 * Every reachable moment has a URL (design.md §6): the lab reads its seed, configuration, step and
 * selected task from the hash at start, and keeps the hash up to date (without adding history
 * entries) while the learner moves. The codec is flow's (src/flow/url-state.ts).
 */
import { decodeUrlState, encodeUrlState, urlStateOfLab } from '../../flow/index.ts';
import type { UrlProblem } from '../../flow/index.ts';
import type { LabStore, RunConfig } from '../../store/index.ts';

export interface StartState {
  readonly config: RunConfig;
  readonly step: number;
  readonly task: number | undefined;
  readonly problems: readonly UrlProblem[];
}

export function startStateOf(hash: string): StartState {
  const { state, problems } = decodeUrlState(hash);
  return {
    config: { flavor: state.flavor, workers: state.workers, seed: state.seed },
    step: state.step,
    task: state.task,
    problems,
  };
}

/** Mirrors the lab into `location.hash` at most every `delayMs`; returns the unsubscribe. */
export function syncUrl(store: LabStore, delayMs = 250): () => void {
  let timer: number | undefined;
  const write = () => {
    timer = undefined;
    const s = store.getState();
    if (s.playback === 'loading' || s.playback === 'idle') return;
    const hash = encodeUrlState(urlStateOfLab(s)).toString();
    const next = hash === '' ? window.location.pathname + window.location.search : `#${hash}`;
    if (window.location.hash !== (hash === '' ? '' : `#${hash}`)) window.history.replaceState(null, '', next);
  };
  const unsubscribe = store.subscribe(() => {
    timer ??= window.setTimeout(write, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) window.clearTimeout(timer);
  };
}
