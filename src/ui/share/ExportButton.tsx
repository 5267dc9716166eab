/** "Export": the trace for Perfetto, the program as a Cargo project, the current view as SVG or PNG. */
import { useState } from 'react';
import { chromeTraceJson, projectAsText, rustProject, zipFiles } from '../../store/export/index.ts';
import type { TraceClock } from '../../store/export/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import { copyText, download, fileStem } from './share-actions.ts';
import { ShareDialog } from './ShareDialog.tsx';
import { svgToPng, viewAsSvg } from './view-image.ts';

export interface ExportButtonProps {
  /** The element holding the view to export (default: the first animated view on the page). */
  readonly viewRoot?: () => Element | null;
  /** Names the files (default: from the program's origin). */
  readonly title?: string;
}

const defaultViewRoot = () => document.querySelector('.tl-host');

export function ExportButton({ viewRoot = defaultViewRoot, title }: ExportButtonProps) {
  const lab = useLab();
  const [open, setOpen] = useState(false);
  const [clock, setClock] = useState<TraceClock>('virtual');
  const [status, setStatus] = useState('');
  const state = () => lab.store.getState();
  const name = () => {
    const o = state().program.origin;
    return fileStem(title ?? (o.kind === 'lesson' ? `${o.lesson}-slide-${o.slide}` : 'task-lab-program'));
  };

  const trace = () => {
    const s = state();
    const json = chromeTraceJson(s.timeline, {
      clock,
      seed: s.config.seed,
      schedule: s.config.replayKey,
      title: 'Task Lab',
    });
    download(`${name()}-seed-${s.config.seed}.trace.json`, new Blob([json], { type: 'application/json' }));
    setStatus('Saved. Open it at ui.perfetto.dev or in chrome://tracing.');
  };
  const project = () => {
    const s = state();
    const files = rustProject(s.program.source, {
      title: name(),
      seed: s.config.seed,
      flavor: s.config.flavor,
      workers: s.config.workers,
    });
    const zip = zipFiles(files, name());
    download(`${name()}.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    setStatus('Saved. Unzip it and run: cargo run');
  };
  const image = async (kind: 'svg' | 'png') => {
    const root = viewRoot();
    if (root === null) {
      setStatus('There is no view on screen to export.');
      return;
    }
    const bg = getComputedStyle(document.body).backgroundColor || '#ffffff';
    const img = viewAsSvg(root, bg);
    try {
      const blob = kind === 'svg' ? new Blob([img.svg], { type: 'image/svg+xml' }) : await svgToPng(img);
      download(`${name()}-step-${state().stepPosition}.${kind}`, blob);
      setStatus('Saved.');
    } catch (e) {
      setStatus(`The image could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <>
      <button type="button" className="share-button" onClick={() => setOpen(true)}>
        Export
      </button>
      <ShareDialog open={open} title="Export" onClose={() => setOpen(false)}>
        <fieldset className="share-group">
          <legend>Trace (Chrome Trace Event JSON)</legend>
          <label>
            <input type="radio" name="clock" checked={clock === 'virtual'} onChange={() => setClock('virtual')} /> at
            Tokio’s virtual time
          </label>
          <label>
            <input type="radio" name="clock" checked={clock === 'sequence'} onChange={() => setClock('sequence')} /> one
            microsecond per event
          </label>
          <button type="button" onClick={trace}>
            Save trace for Perfetto
          </button>
        </fieldset>
        <fieldset className="share-group">
          <legend>Program as a Rust project</legend>
          <button type="button" onClick={project}>
            Save Cargo project (.zip)
          </button>
          <button
            type="button"
            onClick={() =>
              void copyText(projectAsText(rustProject(state().program.source, { title: name() }))).then(setStatus)
            }
          >
            Copy Cargo.toml and main.rs
          </button>
        </fieldset>
        <fieldset className="share-group">
          <legend>Current view as an image</legend>
          <button type="button" onClick={() => void image('svg')}>
            Save SVG
          </button>
          <button type="button" onClick={() => void image('png')}>
            Save PNG
          </button>
        </fieldset>
        <p role="status">{status}</p>
      </ShareDialog>
    </>
  );
}
