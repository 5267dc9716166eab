/**
 * The course's URLs: `?lesson=<id>&slide=N` (1-based) with the lab's seed and step (flow's URL
 * codec), plus this mode's own parameters: `presenter=1` (the presenter window), `audience=1`
 * (a window driven by one), `theme=projector`, and `check=1` (the lab replays the challenge
 * checker's run for the seed given, so a finding's link opens on the step where it broke).
 */
import { decodeUrlState, mergeUrlState } from '../../flow/url-state.ts';
import type { UrlState } from '../../flow/url-state.ts';

export type WindowRole = 'solo' | 'presenter' | 'audience';

export interface DeckUrl {
  readonly lesson: string | undefined;
  /** 1-based; undefined when the URL names none (then the learner's saved place is used). */
  readonly slide: number | undefined;
  readonly seed: number | undefined;
  readonly step: number;
  readonly role: WindowRole;
  readonly projector: boolean;
  readonly check: boolean;
}

const OWN = ['presenter', 'audience', 'theme', 'check'] as const;

export function readDeckUrl(search: string): DeckUrl {
  const params = new URLSearchParams(search);
  const { state } = decodeUrlState(params);
  const t = state.target;
  const role: WindowRole =
    params.get('presenter') === '1' ? 'presenter' : params.get('audience') === '1' ? 'audience' : 'solo';
  return {
    lesson: t.kind === 'lesson' ? t.lesson : undefined,
    slide: t.kind === 'lesson' && params.has('slide') ? t.slide : undefined,
    seed: params.has('seed') ? state.seed : undefined,
    step: state.step,
    role,
    projector: params.get('theme') === 'projector',
    check: params.get('check') === '1',
  };
}

export interface DeckPlace {
  readonly lesson: string;
  readonly slide: number;
  /** Omitted from the URL when it is the slide's own seed. */
  readonly seed: number | undefined;
  readonly step: number;
  readonly role: WindowRole;
  readonly projector: boolean;
  readonly check: boolean;
}

/** The query string for a place, keeping parameters that belong to others. */
export function writeDeckUrl(search: string, place: DeckPlace): string {
  const base = new URLSearchParams(search);
  const url: UrlState = {
    ...decodeUrlState(base).state,
    target: { kind: 'lesson', lesson: place.lesson, slide: place.slide },
    seed: place.seed ?? 1,
    step: place.step,
  };
  const out = mergeUrlState(base, url);
  if (place.seed === undefined) out.delete('seed');
  for (const p of OWN) out.delete(p);
  if (place.role === 'presenter') out.set('presenter', '1');
  if (place.role === 'audience') out.set('audience', '1');
  if (place.projector) out.set('theme', 'projector');
  if (place.check) out.set('check', '1');
  return `?${out.toString()}`;
}
