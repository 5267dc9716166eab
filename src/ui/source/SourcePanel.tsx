/**
 * The Source view (design.md §6): the learner's Rust in CodeMirror, loaded lazily so the editor
 * is not part of the first download (a plain listing stands in until it arrives). Run sends the
 * edited text to the worker; compile errors and the place a run stopped show inline.
 */
import { lazy, Suspense, useMemo } from 'react';
import { sourceProblemsOf } from '../../flow/worker-bridge/run-report.ts';
import { selectBreakpoints, selectSelectedTaskId, selectView } from '../../store/index.ts';
import { useLab, useLabState, useReport, useUi } from '../lab/lab-context.tsx';
import type { Annotations } from './editor-decorations.ts';
import { currentLine, markersByLine } from './task-markers.ts';

const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

export function SourcePanel({ foldPreamble = false }: { foldPreamble?: boolean }) {
  const lab = useLab();
  const draft = useUi((u) => u.draft);
  const reveal = useUi((u) => u.reveal);
  const view = useLabState(selectView);
  const selected = useLabState(selectSelectedTaskId);
  const breakpoints = useLabState(selectBreakpoints);
  const report = useReport((r) => r);
  const problems = useMemo(() => sourceProblemsOf(report), [report]);
  const markers = useMemo(() => markersByLine(view, selected), [view, selected]);
  const annotations: Annotations = useMemo(
    () => ({ problems, markers, highlight: reveal?.line ?? 0 }),
    [problems, markers, reveal],
  );
  const follow = currentLine(view);
  const run = () => lab.run(lab.ui.getState().draft);
  return (
    <section className="region region-source" aria-labelledby="source-title">
      <div className="region-head">
        <h2 id="source-title">Source</h2>
        <button type="button" className="run-button" onClick={run} title="Run the edited program (Ctrl+Enter)">
          <span aria-hidden="true">⟳</span> Run
        </button>
      </div>
      <Suspense
        fallback={
          <pre className="code-fallback" aria-label="Rust source (the editor is loading)">
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
          foldPreamble={foldPreamble}
        />
      </Suspense>
    </section>
  );
}
