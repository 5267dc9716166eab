/**
 * The program's stdout and stderr exactly as printed, up to the step on show (design.md §6).
 * As a drawer (course and embed) it is one line (the last one printed) until opened (C), so
 * the console can never push the stage down.
 */
import { keyHint } from '../shortcuts/shortcuts.ts';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { selectView } from '../../store/index.ts';
import { useLab, useLabState, useUi } from '../lab/lab-context.tsx';
import { consoleLinesOf } from './console-lines.ts';
import type { ConsoleShown } from './console-lines.ts';

/** What the console left out, in words: it shows the tail of the output. */
function tailNotice(shown: ConsoleShown): string {
  const parts: string[] = [];
  if (shown.hidden > 0)
    parts.push(`${shown.hidden.toLocaleString('en')} earlier ${shown.hidden === 1 ? 'line' : 'lines'}`);
  if (shown.cutChars > 0) parts.push(`the first ${shown.cutChars.toLocaleString('en')} characters of the line below`);
  return `… showing the tail of the output: ${parts.join(' and ')} not shown`;
}

function ConsoleText({ shown }: { shown: ConsoleShown }) {
  const box = useRef<HTMLPreElement | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [shown]);
  return (
    <pre ref={box} className="console" tabIndex={0} aria-label="Program output" data-testid="console">
      {(shown.hidden > 0 || shown.cutChars > 0) && (
        <span className="muted console-cut" data-testid="console-tail">
          {tailNotice(shown)}
          {'\n'}
        </span>
      )}
      {shown.lines.map((l, i) => (
        <span key={i} className={`console-line console-${l.stream}`}>
          {l.stream === 'stderr' && (
            <span className="stream-tag" aria-label="standard error">
              err│{' '}
            </span>
          )}
          {l.text}
          {'\n'}
        </span>
      ))}
      {shown.lines.length === 0 && <span className="muted">Nothing printed yet.</span>}
    </pre>
  );
}

function useShown(): ConsoleShown {
  const view = useLabState(selectView);
  const { console, stdoutTail, stderrTail } = view;
  return useMemo(() => consoleLinesOf({ console, stdoutTail, stderrTail }), [console, stdoutTail, stderrTail]);
}

export function ConsolePanel({ drawer = false }: { drawer?: boolean }) {
  const shown = useShown();
  const lab = useLab();
  const open = useUi((u) => u.consoleOpen);
  if (!drawer) {
    return (
      <section className="region region-console" aria-labelledby="console-title">
        <h2 id="console-title">Console</h2>
        <ConsoleText shown={shown} />
      </section>
    );
  }
  const count = shown.lines.length + shown.hidden;
  return (
    <section className={`console-drawer${open ? ' is-open' : ''}`} aria-labelledby="console-title">
      <h2 className="console-drawer-head">
        <button
          type="button"
          id="console-title"
          className="console-toggle"
          aria-expanded={open}
          title={`Console (${keyHint('course', 'console')})`}
          onClick={() => lab.ui.getState().setConsoleOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'} </span>Console
        </button>
        <span className="console-count">
          {count} {count === 1 ? 'line' : 'lines'}
        </span>
      </h2>
      {/* Closed, the box is one line tall and scrolled to the end: the last line printed. */}
      <ConsoleText shown={shown} />
    </section>
  );
}
