/**
 * Every reachable moment has a URL (design.md §6): which lesson slide or program, the run's
 * seed and configuration, the step shown, the open views and the selected task. Encoding omits
 * defaults so links stay short; decoding never throws: each bad value is replaced by its default
 * and reported as a problem the UI can show.
 *
 * Parameters: lesson, slide, program, seed, step, flavor, workers, views, task. Other parameters
 * (e.g. embed=1, owned by src/embed) are left alone.
 */
import {
  DEFAULT_CONFIG,
  DEFAULT_VIEWS,
  FLAVORS,
  isViewName,
  MAX_SEED,
  MAX_WORKERS,
  MIN_WORKERS,
} from '../store/index.ts';
import type { Flavor, LabState, ViewName } from '../store/index.ts';

export type UrlTarget =
  | { readonly kind: 'lesson'; readonly lesson: string; readonly slide: number }
  | { readonly kind: 'program'; readonly program: string }
  | { readonly kind: 'none' };

export interface UrlState {
  readonly target: UrlTarget;
  readonly seed: number;
  /** Step position shown (steps applied). */
  readonly step: number;
  readonly flavor: Flavor;
  /** 1 for current_thread. */
  readonly workers: number;
  readonly views: readonly ViewName[];
  readonly task: number | undefined;
}

export interface UrlProblem {
  readonly param: string;
  readonly value: string;
  readonly message: string;
}

export interface DecodedUrl {
  readonly state: UrlState;
  readonly problems: readonly UrlProblem[];
}

export const DEFAULT_URL_STATE: UrlState = {
  target: { kind: 'none' },
  seed: DEFAULT_CONFIG.seed,
  step: 0,
  flavor: DEFAULT_CONFIG.flavor,
  workers: 1,
  views: DEFAULT_VIEWS,
  task: undefined,
};

/** Workers a multi_thread link gets when it names none. */
export const DEFAULT_MT_WORKERS = 4;
export const MAX_STEP = 1_000_000_000;
export const MAX_SLIDE = 10_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const WHOLE = /^\d{1,16}$/;
const PARAMS = ['lesson', 'slide', 'program', 'seed', 'step', 'flavor', 'workers', 'views', 'task'] as const;

export function isValidId(id: string): boolean {
  return ID.test(id);
}

class Reader {
  readonly problems: UrlProblem[] = [];
  constructor(private readonly params: URLSearchParams) {}

  raw(param: string): string | undefined {
    const all = this.params.getAll(param);
    if (all.length > 1) this.report(param, all.join(','), `given ${all.length} times; using the first`);
    return all[0];
  }

  report(param: string, value: string, message: string): void {
    this.problems.push({ param, value, message: `${param}: ${message}` });
  }

  int(param: string, min: number, max: number, fallback: number): number {
    return this.optionalInt(param, min, max, `using ${fallback}`) ?? fallback;
  }

  optionalInt(param: string, min: number, max: number, instead = 'ignored'): number | undefined {
    const v = this.raw(param);
    if (v === undefined) return undefined;
    const n = WHOLE.test(v) ? Number(v) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
    this.report(param, v, `expected a whole number from ${min} to ${max}, got ${JSON.stringify(v)}; ${instead}`);
    return undefined;
  }

  id(param: string): string | undefined {
    const v = this.raw(param);
    if (v === undefined || isValidId(v)) return v;
    this.report(param, v, `expected an id of letters, digits, '.', '_' or '-' (at most 80), got ${JSON.stringify(v)}`);
    return undefined;
  }
}

function readTarget(r: Reader): UrlTarget {
  const lesson = r.id('lesson');
  const program = r.id('program');
  const slideRaw = r.raw('slide');
  if (lesson !== undefined) {
    if (program !== undefined) r.report('program', program, 'ignored because a lesson is given');
    return { kind: 'lesson', lesson, slide: r.int('slide', 1, MAX_SLIDE, 1) };
  }
  if (slideRaw !== undefined) r.report('slide', slideRaw, 'ignored without a lesson');
  return program !== undefined ? { kind: 'program', program } : { kind: 'none' };
}

function readFlavor(r: Reader): Flavor {
  const v = r.raw('flavor');
  if (v === undefined) return DEFAULT_URL_STATE.flavor;
  const flavor = FLAVORS.find((f) => f === v);
  if (flavor !== undefined) return flavor;
  r.report(
    'flavor',
    v,
    `expected one of ${FLAVORS.join(', ')}, got ${JSON.stringify(v)}; using ${DEFAULT_URL_STATE.flavor}`,
  );
  return DEFAULT_URL_STATE.flavor;
}

function readViews(r: Reader): readonly ViewName[] {
  const v = r.raw('views');
  if (v === undefined) return DEFAULT_URL_STATE.views;
  const views: ViewName[] = [];
  for (const name of v === '' ? [] : v.split(',')) {
    if (!isViewName(name)) r.report('views', name, `unknown view ${JSON.stringify(name)}; skipped`);
    else if (views.includes(name)) r.report('views', name, `${name} listed twice`);
    else views.push(name);
  }
  return views;
}

function toParams(input: URLSearchParams | string): URLSearchParams {
  if (typeof input !== 'string') return input;
  const text = input.startsWith('#') || input.startsWith('?') ? input.slice(1) : input;
  return new URLSearchParams(text);
}

/** Reads a URL's state from its query or hash (a leading '?' or '#' is fine). Never throws. */
export function decodeUrlState(input: URLSearchParams | string): DecodedUrl {
  const r = new Reader(toParams(input));
  const target = readTarget(r);
  const seed = r.int('seed', 0, MAX_SEED, DEFAULT_URL_STATE.seed);
  const step = r.int('step', 0, MAX_STEP, 0);
  const flavor = readFlavor(r);
  let workers = r.int('workers', MIN_WORKERS, MAX_WORKERS, flavor === 'multi_thread' ? DEFAULT_MT_WORKERS : 1);
  if (flavor === 'current_thread' && workers !== 1) {
    r.report('workers', String(workers), 'current_thread runs on one thread; using 1');
    workers = 1;
  }
  const views = readViews(r);
  const task = r.optionalInt('task', 1, MAX_SEED);
  return { state: { target, seed, step, flavor, workers, views, task }, problems: r.problems };
}

function sameViews(a: readonly ViewName[], b: readonly ViewName[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The URL parameters of a state, defaults omitted, in a fixed order. */
export function encodeUrlState(state: UrlState): URLSearchParams {
  const p = new URLSearchParams();
  const t = state.target;
  if (t.kind === 'lesson') {
    p.set('lesson', t.lesson);
    if (t.slide !== 1) p.set('slide', String(t.slide));
  } else if (t.kind === 'program') {
    p.set('program', t.program);
  }
  if (state.seed !== DEFAULT_URL_STATE.seed) p.set('seed', String(state.seed));
  if (state.step !== 0) p.set('step', String(state.step));
  if (state.flavor !== DEFAULT_URL_STATE.flavor) p.set('flavor', state.flavor);
  const defaultWorkers = state.flavor === 'multi_thread' ? DEFAULT_MT_WORKERS : 1;
  if (state.workers !== defaultWorkers) p.set('workers', String(state.workers));
  if (!sameViews(state.views, DEFAULT_URL_STATE.views)) p.set('views', state.views.join(','));
  if (state.task !== undefined) p.set('task', String(state.task));
  return p;
}

/** `#lesson=…&step=…` (just `#` for the default state). */
export function encodeUrlHash(state: UrlState): string {
  return `#${encodeUrlState(state).toString()}`;
}

/** Replaces this module's parameters in `params`, keeping everyone else's. */
export function mergeUrlState(params: URLSearchParams, state: UrlState): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const name of PARAMS) out.delete(name);
  for (const [k, v] of encodeUrlState(state)) out.append(k, v);
  return out;
}

/** The URL state of what the lab shows now. */
export function urlStateOfLab(s: LabState): UrlState {
  const origin = s.program.origin;
  const target: UrlTarget =
    origin.kind === 'lesson'
      ? { kind: 'lesson', lesson: origin.lesson, slide: origin.slide }
      : origin.kind === 'program'
        ? { kind: 'program', program: origin.program }
        : { kind: 'none' };
  return {
    target,
    seed: s.config.seed,
    step: s.stepPosition,
    flavor: s.config.flavor,
    workers: s.config.flavor === 'current_thread' ? 1 : s.config.workers,
    views: s.openViews,
    task: s.selectedTask,
  };
}
