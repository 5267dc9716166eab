/**
 * The embed's URL (issue 7): `?embed=1` plus the lab's own state parameters (lesson, slide, seed,
 * step, flavor, workers: src/flow/url-state.ts) and the embed's: `id` (echoed in every event),
 * `origins` (the allow-list, see origins.ts), `view` (the one view shown) and `theme`. A program
 * travels in the fragment as a share link (`#share=…`, src/store/share), never in the query.
 */
import { decodeUrlState } from '../flow/index.ts';
import type { UrlState } from '../flow/index.ts';
import { isViewName } from '../store/index.ts';
import type { ViewName } from '../store/index.ts';
import { shareValueOf } from '../store/share/index.ts';

export const THEMES = ['auto', 'light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

export interface EmbedParams {
  readonly embedId: string;
  /** The raw `origins` parameter (null when absent). */
  readonly origins: string | null;
  readonly view: ViewName;
  readonly theme: Theme;
  readonly url: UrlState;
  /** The `share` value of the fragment, if any. */
  readonly share: string | undefined;
  /** One sentence per parameter that was not understood. */
  readonly problems: readonly string[];
}

const EMBED_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function readEmbedParams(search: string, hash: string): EmbedParams {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const decoded = decodeUrlState(params);
  const problems = decoded.problems.map((p) => p.message);
  const id = params.get('id') ?? '';
  if (id !== '' && !EMBED_ID.test(id)) problems.push('id: use at most 64 letters, digits, ".", "_", ":" or "-"');
  const viewParam = params.get('view');
  let view: ViewName = 'board';
  if (viewParam !== null) {
    if (isViewName(viewParam)) view = viewParam;
    else problems.push(`view: unknown view ${JSON.stringify(viewParam)}; showing the board`);
  }
  const themeParam = params.get('theme') ?? 'auto';
  const theme = THEMES.find((t) => t === themeParam);
  if (theme === undefined) problems.push(`theme: expected one of ${THEMES.join(', ')}`);
  return {
    embedId: EMBED_ID.test(id) ? id : '',
    origins: params.get('origins'),
    view,
    theme: theme ?? 'auto',
    url: decoded.state,
    share: shareValueOf(hash),
    problems,
  };
}

export interface EmbedUrlOptions {
  readonly lesson?: string;
  readonly slide?: number;
  readonly seed?: number;
  readonly step?: number;
  readonly view?: ViewName;
  readonly theme?: Theme;
  readonly id?: string;
  readonly origins?: string;
  /** A share value carrying the program (goes in the fragment). */
  readonly share?: string;
}

/** The embed URL for `appUrl` (the app's index page, on whatever subpath it is served). */
export function embedUrl(appUrl: string, o: EmbedUrlOptions): string {
  const url = new URL(appUrl);
  const p = new URLSearchParams({ embed: '1' });
  if (o.lesson !== undefined) p.set('lesson', o.lesson);
  if (o.slide !== undefined) p.set('slide', String(o.slide));
  if (o.seed !== undefined) p.set('seed', String(o.seed));
  if (o.step !== undefined && o.step > 0) p.set('step', String(o.step));
  if (o.view !== undefined && o.view !== 'board') p.set('view', o.view);
  if (o.theme !== undefined && o.theme !== 'auto') p.set('theme', o.theme);
  if (o.id !== undefined && o.id !== '') p.set('id', o.id);
  if (o.origins !== undefined && o.origins.trim() !== '') p.set('origins', o.origins.trim());
  url.search = `?${p.toString()}`;
  url.hash = o.share === undefined ? '' : `share=${o.share}`;
  return url.toString();
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<iframe>` snippet a course page pastes in. */
export function iframeSnippet(src: string, title: string, width = 640, height = 360): string {
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="${width}" height="${height}"` +
    ` style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}
