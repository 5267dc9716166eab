/**
 * What the Share, Embed and Export buttons do, apart from React: build the moment of a lab,
 * restore one from a link, and turn a view or a file into a download.
 */
import type { Lab } from '../lab/create-lab.ts';
import type { LabState } from '../../store/index.ts';
import { decodeShareHash } from '../../store/share/index.ts';
import type { SharedMoment } from '../../store/share/index.ts';

/** The moment the lab shows now. */
export function momentOfLab(s: LabState): SharedMoment {
  return {
    program: s.program,
    config: s.config.flavor === 'current_thread' ? { ...s.config, workers: 1 } : s.config,
    step: s.stepPosition,
    views: s.openViews,
    task: s.selectedTask,
  };
}

export type Restore =
  | { readonly kind: 'none' }
  | { readonly kind: 'restored'; readonly warnings: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Opens the moment in `hash` (a share link's fragment) in `lab`: runs its program with its
 * configuration and moves to its step, opens its views and selects its task. On a bad link it
 * changes nothing and returns the message to show; the caller then shows its default lesson.
 * `beforeOpen` runs before the editor takes the shared program (the lab opens a draft for it, so
 * the learner's own program is never overwritten).
 */
export async function restoreSharedMoment(
  lab: Lab,
  hash: string,
  beforeOpen?: (source: string) => void,
): Promise<Restore> {
  const d = await decodeShareHash(hash);
  if (d.kind === 'none') return d;
  if (d.kind === 'error') return { kind: 'error', message: d.message };
  const m = d.moment;
  beforeOpen?.(m.program.source);
  const actions = lab.store.getState().actions;
  actions.setOpenViews(m.views);
  actions.selectTask(m.task);
  lab.ui.getState().setDraft(m.program.source);
  lab.send({ type: 'LOAD', program: m.program, config: m.config, step: m.step });
  return { kind: 'restored', warnings: d.warnings };
}

/** Saves `data` as a file named `name`. */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** File name part from a title: letters, digits and dashes. */
export function fileStem(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s === '' ? 'task-lab' : s;
}

/** Copies `text`; returns a sentence for a status line. */
export async function copyText(text: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return 'Copied.';
  } catch {
    return 'Copying was not allowed here: select the text and copy it yourself.';
  }
}
