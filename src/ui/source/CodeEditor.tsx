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
import { foldEffect } from '@codemirror/language';
import { preambleRange } from './fold-preamble.ts';
import { rustHighlight } from './highlight.ts';
import { cspStyleNonce, mountEditorStylesAsConstructedSheets } from '../offline/csp.ts';
import { breakpointGutter, setBreakpoints } from './breakpoint-gutter.ts';
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
  /** Fold the preamble above `#[tokio::main]` whenever a new program is loaded (course slides). */
  readonly foldPreamble?: boolean;
}

const theme = EditorView.theme({
  '&': { fontSize: 'var(--code-size, 18px)', border: '2px solid #444', borderRadius: '4px', backgroundColor: '#fff' },
  '&.cm-focused': { outline: '3px solid #0072B2', outlineOffset: '2px' },
  '.cm-content': { fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace" },
  '.cm-gutters': { backgroundColor: '#f2f2f2', color: '#333', borderRight: '1px solid #999' },
  '.cm-scroller': { lineHeight: '1.5' },
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
        rust(),
        rustHighlight,
        theme,
        annotations(),
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

  // A freshly loaded program starts folded to what matters; the learner can unfold it.
  const { foldPreamble = false } = props;
  const foldedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    const v = view.current;
    if (v === null || !foldPreamble || foldedFor.current === value) return;
    foldedFor.current = value;
    const r = preambleRange(value);
    if (r === undefined) return;
    v.dispatch({ effects: foldEffect.of({ from: v.state.doc.line(r.from).from, to: v.state.doc.line(r.to).to }) });
  }, [value, foldPreamble]);

  const { follow = 0 } = props;
  useEffect(() => {
    const v = view.current;
    if (v === null || follow < 1 || follow > v.state.doc.lines) return;
    // Only the editor's own scroller moves: scrollIntoView would also scroll the slide and page.
    const block = v.lineBlockAt(v.state.doc.line(follow).from);
    const scroller = v.scrollDOM;
    const margin = block.height * 1.5;
    const top = block.top - scroller.scrollTop;
    if (top < margin) scroller.scrollTop = Math.max(0, block.top - margin);
    else if (top + block.height > scroller.clientHeight - margin) {
      scroller.scrollTop = block.top + block.height - scroller.clientHeight + margin;
    }
  }, [follow]);

  const a = props.annotations;
  useEffect(() => {
    view.current?.dispatch({ effects: setAnnotations.of(a) });
  }, [a]);

  const { breakpoints } = props;
  useEffect(() => {
    view.current?.dispatch({ effects: setBreakpoints.of(breakpoints) });
  }, [breakpoints]);

  const { reveal } = props;
  useEffect(() => {
    const v = view.current;
    if (v === null || reveal === undefined || reveal.line < 1 || reveal.line > v.state.doc.lines) return;
    const line = v.state.doc.line(reveal.line);
    v.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    v.focus();
  }, [reveal]);

  return <div ref={host} className="code-editor" data-testid="code-editor" />;
}
