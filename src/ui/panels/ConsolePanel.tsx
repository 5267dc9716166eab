/** The program's stdout and stderr exactly as printed, up to the step on show (design.md §6). */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { selectView } from '../../store/index.ts';
import { useLabState } from '../lab/lab-context.tsx';
import { consoleLinesOf } from './console-lines.ts';

export function ConsolePanel() {
  const view = useLabState(selectView);
  const console = view.console;
  const { stdoutTail, stderrTail } = view;
  const shown = useMemo(() => consoleLinesOf({ console, stdoutTail, stderrTail }), [console, stdoutTail, stderrTail]);
  const box = useRef<HTMLPreElement | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [shown]);
  return (
    <section className="region region-console" aria-labelledby="console-title">
      <h2 id="console-title">Console</h2>
      <pre ref={box} className="console" tabIndex={0} aria-label="Program output" data-testid="console">
        {shown.hidden > 0 && (
          <span className="muted">
            … {shown.hidden} earlier lines{'\n'}
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
    </section>
  );
}
