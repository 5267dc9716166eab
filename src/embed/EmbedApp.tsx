/**
 * Task Lab inside an iframe (`?embed=1`, issue 7): one slide or one program, the chosen view and
 * compact controls, no app chrome, sized to the frame and usable at 640×360: the view fills the
 * frame, the narration keeps one line above the controls and the console is one keypress (C)
 * away, drawn over the view's foot so it never shrinks it. A host page drives it through the
 * postMessage API in ./README.md.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { selectVirtualTime } from '../store/index.ts';
import { LabContext, useLab, useLabState } from '../ui/lab/lab-context.tsx';
import { ConsolePanel } from '../ui/panels/ConsolePanel.tsx';
import { NarrationPanel } from '../ui/panels/NarrationPanel.tsx';
import { EmbedControls } from './EmbedControls.tsx';
import { embedEnv } from './embed-env.ts';
import type { EmbedEnv } from './embed-env.ts';
import { EmbedQuiz } from './EmbedQuiz.tsx';
import { EmbedStage } from './EmbedStage.tsx';
import { useConsoleKey } from './use-console-key.ts';
import './embed.css';

function fullAppUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('embed');
  url.searchParams.delete('id');
  url.searchParams.delete('origins');
  url.searchParams.delete('view');
  url.searchParams.delete('theme');
  if (url.hash.includes('share=')) url.searchParams.set('mode', 'lab');
  return url.toString();
}

/** Why there is nothing to play: the program did not compile, or the worker was lost. */
function RunProblem() {
  const lab = useLab();
  const phase = useStore(lab.report, (r) => r.phase);
  const problems = useStore(lab.report, (r) => r.problems);
  const notice = useStore(lab.report, (r) => r.notice);
  if (phase === 'compile-error') {
    const p = problems[0];
    return (
      <p className="embed-notice" role="alert">
        The program does not compile{p === undefined ? '' : ` (line ${p.line}: ${p.message})`}.
      </p>
    );
  }
  return notice === undefined ? null : (
    <p className="embed-notice" role="alert">
      {notice}
    </p>
  );
}

function Clock() {
  const ns = useLabState(selectVirtualTime);
  return <span className="embed-time">t = {Math.round(ns / 1e6)} ms</span>;
}

function EmbedFrame({ env }: { env: EmbedEnv }) {
  const { session, params, lab } = env;
  const shown = useStore(session.ui, (s) => s.shown);
  const notice = useStore(session.ui, (s) => s.notice);
  const [quizOpen, setQuizOpen] = useState(false);
  const slide = shown.kind === 'slide' ? shown.lesson.slides[shown.index] : undefined;
  const title =
    shown.kind === 'slide'
      ? `${shown.lesson.meta.title} · ${shown.index + 1}/${shown.lesson.slides.length} ${slide?.title ?? ''}`
      : shown.kind === 'program'
        ? shown.title
        : 'Loading…';
  const quizzes = slide?.quizzes.length ?? 0;
  useConsoleKey(lab);
  return (
    <div className="embed" data-theme={params.theme} data-testid="embed">
      <header className="embed-header">
        <h1 className="embed-title" title={title}>
          {title}
        </h1>
        <Clock />
        {quizzes > 0 && (
          <button
            type="button"
            className="embed-button"
            aria-expanded={quizOpen}
            onClick={() => setQuizOpen(!quizOpen)}
          >
            Quiz ({quizzes})
          </button>
        )}
        <a className="embed-open" href={fullAppUrl()} target="_blank" rel="noopener noreferrer">
          Open in Task Lab ↗
        </a>
      </header>
      {notice !== undefined && (
        <p className="embed-notice" role="alert">
          {notice}
        </p>
      )}
      <RunProblem />
      <main className="embed-main">
        {shown.kind === 'slide' && slide !== undefined && quizOpen ? (
          <EmbedQuiz
            session={session}
            store={lab.store}
            lesson={shown.lesson.id}
            slideNumber={shown.index + 1}
            slide={slide}
          />
        ) : shown.kind === 'slide' &&
          slide !== undefined &&
          slide.scenario === undefined &&
          slide.challenge === undefined ? (
          <p className="embed-body">{slide.body.slice(0, 600)}</p>
        ) : (
          <EmbedStage view={params.view} />
        )}
        <div className="embed-console">
          <ConsolePanel drawer />
        </div>
      </main>
      <div className="embed-narration">
        <NarrationPanel />
      </div>
      <EmbedControls />
    </div>
  );
}

export function EmbedApp() {
  const [env] = useState(embedEnv);
  useEffect(() => env.session.connect(), [env]);
  return (
    <LabContext.Provider value={env.lab}>
      <EmbedFrame env={env} />
    </LabContext.Provider>
  );
}

export default EmbedApp;
