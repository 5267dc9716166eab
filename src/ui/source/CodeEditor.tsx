/**
 * The CodeMirror 6 editor (loaded lazily by SourcePanel): Rust highlighting, the lab's inline
 * errors and task markers, a breakpoint gutter, Ctrl/⌘+Enter to run. The document is the editor's own; the draft in
 * the UI store follows it, and a draft changed from outside (a reset) replaces it.
 */
import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { rust } from '@codemirror/lang-rust';
import { EditorView, keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import { codeFolding, foldEffect, foldedRanges, unfoldEffect } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import { spanAt } from './fold-lines.ts';
import type { LineSpan } from './fold-lines.ts';
import { rustHighlight } from './highlight.ts';
import { cspStyleNonce, mountEditorStylesAsConstructedSheets } from '../offline/csp.ts';
import { breakpointGutter, setBreakpoints, setStopLines } from './breakpoint-gutter.ts';
import { runLineHighlight, setRunLine } from './current-line.ts';
import { annotations, setAnnotations } from './editor-decorations.ts';
import type { Annotations } from './editor-decorations.ts';

export interface CodeEditorProps {
  readonly value: string;
  readonly annotations: Annotations;
  /** Lines with a breakpoint (sorted). */
  readonly breakpoints: readonly number[];
  onToggleBreakpoint(line: number): void;
  /** A line to scroll into view; `nonce` repeats a request for the same line. */
  readonly reveal: { readonly line: number; readonly nonce: number } | undefined;
  onChange(value: string): void;
  onRun(): void;
  /** The line the run is at: kept in view (scrolled to, never focused); 0 for none. */
  readonly follow?: number;
  /**
   * Lines to fold away, applied whenever `key` changes (a new run, the fold switched on); none
   * when undefined. The line in `follow` is never left folded.
   */
  readonly fold?: { readonly key: string; readonly spans: readonly LineSpan[] };
  /** The lines the run can stop at (for the breakpoint gutter); undefined while unknown. */
  readonly stopLines?: ReadonlySet<number>;
}

/**
 * A fold shows as one `⋯ N lines` row: a real button, so a click, Enter or Space opens it (the
 * click handler is CodeMirror's own unfold).
 */
const foldRow = codeFolding({
  preparePlaceholder: (state: EditorState, range: { from: number; to: number }) =>
    state.doc.lineAt(range.to).number - state.doc.lineAt(range.from).number + 1,
  placeholderDOM: (_view, onclick, prepared: unknown) => {
    const n = typeof prepared === 'number' ? prepared : 0;
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'cm-fold-row';
    b.textContent = `⋯ ${n} line${n === 1 ? '' : 's'}`;
    b.setAttribute('aria-label', `Show ${n} folded line${n === 1 ? '' : 's'}`);
    b.title = 'Unfold';
    b.onclick = onclick;
    return b;
  },
});

/**
 * Keeps 1-based `line` in view: a fold hiding it opens, and only the editor's own scroller moves
 * (scrollIntoView would also scroll the slide and the page).
 */
function keepInView(v: EditorView, line: number): void {
  if (line < 1 || line > v.state.doc.lines) return;
  const hiding = foldsAt(v.state, line);
  if (hiding.length > 0) v.dispatch({ effects: hiding.map((r) => unfoldEffect.of(r)) });
  const block = v.lineBlockAt(v.state.doc.line(line).from);
  const scroller = v.scrollDOM;
  const margin = block.height * 1.5;
  const top = block.top - scroller.scrollTop;
  if (top < margin) scroller.scrollTop = Math.max(0, block.top - margin);
  else if (top + block.height > scroller.clientHeight - margin) {
    scroller.scrollTop = block.top + block.height - scroller.clientHeight + margin;
  }
}

/** The folded ranges of `state` that hold 1-based `line`. */
function foldsAt(state: EditorState, line: number): { from: number; to: number }[] {
  const pos = state.doc.line(line);
  const out: { from: number; to: number }[] = [];
  foldedRanges(state).between(pos.from, pos.to, (from, to) => {
    out.push({ from, to });
  });
  return out;
}

const theme = EditorView.theme({
  '&': { fontSize: 'var(--code-size, 18px)', border: '2px solid #444', borderRadius: '4px', backgroundColor: '#fff' },
  '&.cm-focused': { outline: '3px solid #0072B2', outlineOffset: '2px' },
  '.cm-content': { fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace" },
  '.cm-gutters': { backgroundColor: '#f2f2f2', color: '#333', borderRight: '1px solid #999' },
  '.cm-scroller': { lineHeight: '1.5' },
  '.cm-fold-row': {
    font: 'inherit',
    fontSize: '0.85em',
    color: '#3B4350',
    background: '#F4F6F9',
    border: '1.5px dashed #596273',
    borderRadius: '4px',
    padding: '0 0.6em',
    cursor: 'pointer',
  },
  '.cm-fold-row:focus-visible': { outline: '3px solid #0072B2', outlineOffset: '1px' },
});

export default function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement | null>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);

  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (host.current === null) return undefined;
    const run = Prec.highest(
      keymap.of([
        {
          key: 'Mod-Enter',
          run: () => {
            latest.current.onRun();
            return true;
          },
        },
      ]),
    );
    mountEditorStylesAsConstructedSheets();
    const v = new EditorView({
      parent: host.current,
      doc: latest.current.value,
      extensions: [
        run,
        // The page's Content-Security-Policy admits only <style> elements that carry its nonce.
        EditorView.cspNonce.of(cspStyleNonce()),
        breakpointGutter((line) => latest.current.onToggleBreakpoint(line)),
        basicSetup,
        foldRow,
        rust(),
        rustHighlight,
        theme,
        annotations(),
        runLineHighlight(),
        // tabindex: the scroller then holds a keyboard-focusable element (axe: scrollable-region-focusable).
        EditorView.contentAttributes.of({ 'aria-label': 'Rust source (Ctrl+Enter runs it)', tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) latest.current.onChange(u.state.doc.toString());
        }),
      ],
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  const { value } = props;
  useEffect(() => {
    const v = view.current;
    if (v === null || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  // Folding to what matters: applied once per key (each new run, or when switched on).
  const { fold, follow = 0 } = props;
  const foldedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    const v = view.current;
    const key = fold?.key;
    if (v === null || foldedFor.current === key) return;
    foldedFor.current = key;
    const open: { from: number; to: number }[] = [];
    foldedRanges(v.state).between(0, v.state.doc.length, (from, to) => {
      open.push({ from, to });
    });
    const doc = v.state.doc;
    const current = latest.current.follow ?? 0;
    const spans = (fold?.spans ?? []).filter((s) => s.to <= doc.lines && spanAt([s], current) === undefined);
    v.dispatch({
      effects: [
        ...open.map((r) => unfoldEffect.of(r)),
        ...spans.map((s) => foldEffect.of({ from: doc.line(s.from).from, to: doc.line(s.to).to })),
      ],
    });
    // The folds moved every line: bring the current one back into view.
    keepInView(v, current);
  }, [fold]);

  useEffect(() => {
    const v = view.current;
    if (v === null) return;
    v.dispatch({ effects: setRunLine.of(follow) });
    keepInView(v, follow);
  }, [follow]);

  const a = props.annotations;
  useEffect(() => {
    view.current?.dispatch({ effects: setAnnotations.of(a) });
  }, [a]);

  const { breakpoints } = props;
  useEffect(() => {
    view.current?.dispatch({ effects: setBreakpoints.of(breakpoints) });
  }, [breakpoints]);

  const { stopLines } = props;
  useEffect(() => {
    view.current?.dispatch({ effects: setStopLines.of(stopLines) });
  }, [stopLines]);

  const { reveal } = props;
  useEffect(() => {
    const v = view.current;
    if (v === null || reveal === undefined || reveal.line < 1 || reveal.line > v.state.doc.lines) return;
    const line = v.state.doc.line(reveal.line);
    v.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    v.focus();
  }, [reveal]);

  return <div ref={host} className="code-editor" data-testid="code-editor" data-current-line={follow || undefined} />;
}
