/**
 * Builds the one embed of this document (an iframe holds exactly one): the lab, the session and
 * its bridge, from the page's URL, and decides what to show first. A bad share link or an unknown
 * lesson leaves a notice and the default lesson, never an empty frame.
 */
import { loadBundledLessons } from '../lessons/loader.ts';
import type { Lesson } from '../lessons/types.ts';
import { decodeShare } from '../store/share/index.ts';
import { createLab } from '../ui/lab/create-lab.ts';
import type { Lab } from '../ui/lab/create-lab.ts';
import DEFAULT_PROGRAM from '../ui/default-program.rs?raw';
import { readEmbedParams } from './embed-params.ts';
import type { EmbedParams } from './embed-params.ts';
import { EmbedSession, slideProgram } from './embed-session.ts';
import { embedderOrigin, originPolicy } from './origins.ts';

export interface EmbedEnv {
  readonly lab: Lab;
  readonly session: EmbedSession;
  readonly params: EmbedParams;
}

let lessonsPromise: Promise<readonly Lesson[]> | undefined;
const bundledLessons = (): Promise<readonly Lesson[]> =>
  (lessonsPromise ??= loadBundledLessons().then((r) => r.lessons));

async function showDefault(session: EmbedSession): Promise<void> {
  const lessons = await bundledLessons();
  for (const lesson of lessons) {
    const index = lesson.slides.findIndex((s) => slideProgram(s) !== undefined);
    if (index >= 0) {
      await session.showSlide(lesson.id, index + 1);
      return;
    }
  }
  session.showProgram(DEFAULT_PROGRAM, 'Program');
}

async function showFirst(session: EmbedSession, params: EmbedParams): Promise<void> {
  const { url } = params;
  const config = { seed: url.seed, flavor: url.flavor, workers: url.workers };
  const step = url.step > 0 ? url.step : undefined;
  if (params.share !== undefined) {
    const d = await decodeShare(params.share);
    if (d.kind === 'ok') {
      const m = d.moment;
      session.showProgram(m.program.source, 'Shared program', m.config, m.step > 0 ? m.step : undefined);
      return;
    }
    if (d.kind === 'error') session.setNotice(d.message);
    await showDefault(session);
    return;
  }
  if (url.target.kind === 'lesson') {
    const error = await session.showSlide(url.target.lesson, url.target.slide, config, step);
    if (error === undefined) return;
    session.setNotice(`This embed asks for a slide Task Lab does not have: ${error}. Showing the default lesson.`);
  }
  await showDefault(session);
}

function ancestorOrigins(): string[] | undefined {
  const list = window.location.ancestorOrigins as DOMStringList | undefined;
  return list === undefined ? undefined : Array.from(list);
}

let current: EmbedEnv | undefined;

/** The embed of this document, created on first use. */
export function embedEnv(): EmbedEnv {
  if (current !== undefined) return current;
  const params = readEmbedParams(window.location.search, window.location.hash);
  const { policy, rejected } = originPolicy(params.origins, embedderOrigin(ancestorOrigins(), document.referrer));
  if (rejected.length > 0) console.warn(`Task Lab embed: ignored origins that are not origins: ${rejected.join(' ')}`);
  for (const p of params.problems) console.warn(`Task Lab embed: ${p}`);
  const lab = createLab({ source: '' });
  const session = new EmbedSession({ lab, window, policy, embedId: params.embedId, lessons: bundledLessons });
  session.start();
  void showFirst(session, params);
  current = { lab, session, params };
  return current;
}
