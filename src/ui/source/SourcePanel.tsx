/**
 * The Source view (design.md §6): the learner's Rust in CodeMirror, loaded lazily so the editor
 * is not part of the first download (a plain listing stands in until it arrives). Run sends the
 * edited text to the worker; compile errors and the place a run stopped show inline.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { sourceProblemsOf } from '../../flow/worker-bridge/run-report.ts';
import { breakpointLineOf, selectBreakpoints, selectRun, selectSelectedTaskId, selectView } from '../../store/index.ts';
import { useLab, useLabState, useReport, useUi } from '../lab/lab-context.tsx';
import type { Annotations } from './editor-decorations.ts';
import { currentLine, markersByLine, sameMarkers } from './task-markers.ts';
import type { LineMarker } from './task-markers.ts';
import { foldRanges, linesOf, linesRun } from './fold-lines.ts';
import type { LineSpan } from './fold-lines.ts';

const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

export interface SourcePanelProps {
  /** Start folded to the lines that matter (the course's own programs); the learner can switch it. */
  readonly folded?: boolean;
  /** Lines the slide names (its scenario's `focus`): never folded. */
  readonly focus?: LineSpan;
}

export function SourcePanel({ folded = false, focus }: SourcePanelProps) {
  const lab = useLab();
  const draft = useUi((u) => u.draft);
  const reveal = useUi((u) => u.reveal);
  const view = useLabState(selectView);
  const selected = useLabState(selectSelectedTaskId);
  const breakpoints = useLabState(selectBreakpoints);
  const report = useReport((r) => r);
  const problems = useMemo(() => sourceProblemsOf(report), [report]);
  // The same markers keep the same map, so a frame that moves no marker sends the editor nothing
  // (each new annotation makes CodeMirror measure its layout again).
  const nextMarkers = useMemo(() => markersByLine(view, selected), [view, selected]);
  const [markers, setMarkers] = useState<ReadonlyMap<number, readonly LineMarker[]>>(nextMarkers);
  if (nextMarkers !== markers && !sameMarkers(nextMarkers, markers)) setMarkers(nextMarkers);
  const annotations: Annotations = useMemo(
    () => ({ problems, markers, highlight: reveal?.line ?? 0 }),
    [problems, markers, reveal],
  );
  const follow = currentLine(view);
  // The switch follows `folded` when that changes (an edit unfolds), and the learner otherwise.
  const [fold0, setFold0] = useState({ folded, on: folded });
  if (fold0.folded !== folded) setFold0({ folded, on: folded });
  const foldOn = fold0.on;
  const setFoldOn = (on: boolean) => setFold0({ folded, on });
  // Folds are computed once per finished run, from every line that run touched.
  const runState = useLabState(selectRun);
  const runId = runState.kind === 'done' ? runState.runId : undefined;
  const fold = useMemo(() => {
    if (!foldOn || runId === undefined) return undefined;
    const keep = linesRun(lab.store.getState().timeline);
    if (focus !== undefined) for (let l = focus.from; l <= focus.to; l++) keep.add(l);
    return { key: `${runId}`, spans: foldRanges(lab.ui.getState().draft, keep) };
  }, [foldOn, runId, focus, lab]);
  // Where a breakpoint can stop this run: the same lines playback checks (breakpointLineOf).
  const stopLines = useMemo(
    () => (runId === undefined ? undefined : linesOf(lab.store.getState().timeline, breakpointLineOf)),
    [runId, lab],
  );
  const run = () => lab.run(lab.ui.getState().draft);
  return (
    <section className="region region-source" aria-labelledby="source-title">
      <div className="region-head">
        <h2 id="source-title">Source</h2>
        <button
          type="button"
          className="fold-button"
          aria-pressed={foldOn}
          onClick={() => setFoldOn(!foldOn)}
          title="Fold the code to the lines the run touches"
        >
          <span aria-hidden="true">⋯</span> Fold
        </button>
        <button type="button" className="run-button" onClick={run} title="Run the edited program (Ctrl+Enter)">
          <span aria-hidden="true">⟳</span> Run
        </button>
      </div>
      <Suspense
        fallback={
          // it scrolls, so it takes the keyboard focus (tabIndex) as every scrolling region does
          <pre className="code-fallback" aria-label="Rust source (the editor is loading)" tabIndex={0}>
            {draft}
          </pre>
        }
      >
        <CodeEditor
          value={draft}
          annotations={annotations}
          reveal={reveal}
          breakpoints={breakpoints}
          onToggleBreakpoint={(line) => lab.send({ type: 'TOGGLE_BREAKPOINT', line })}
          onChange={(text) => lab.ui.getState().setDraft(text)}
          onRun={run}
          follow={follow}
          fold={fold}
          stopLines={stopLines}
        />
      </Suspense>
    </section>
  );
}
