/**
 * The moment a share link reproduces (issue 7, "Share"): the program text, where it came from, the
 * run configuration and seed, the step shown, the open views and the selected task. This module
 * turns it into the JSON that gets compressed and reads such JSON back, trusting nothing: a link
 * can be hand-edited, truncated or crafted, so every field is checked and bad optional fields are
 * replaced by defaults with a warning, while a missing program makes the whole link corrupt.
 */
import {
  DEFAULT_CONFIG,
  DEFAULT_VIEWS,
  FLAVORS,
  isFaultRate,
  isViewName,
  MAX_SEED,
  MAX_WORKERS,
  MIN_WORKERS,
} from '../lab-types.ts';
import type { Flavor, RunConfig, ViewName } from '../lab-types.ts';
import type { ProgramOrigin, ProgramSource } from '../lab-store.ts';
import { isFaultText } from '../../worker/fault-choice.ts';

/**
 * Bumped when the payload's meaning changes; a reader refuses versions newer than its own.
 * v2 (issue 16) adds the schedule: a link with one is written as v2, so an older Task Lab says it
 * cannot replay it instead of showing another run; a link without one stays v1. v3 (issue 17)
 * adds the Ctrl-C presses made by hand, for the same reason: a link with presses is v3. v4 adds the
 * network faults added by hand (the Faults menu): a link with faults is v4. v5 adds the rate of
 * faults drawn from the seed: a link with one is v5.
 */
export const SHARE_VERSION = 5;
/** Presses a link may carry (a learner presses a few times; a crafted link must stay small). */
const MAX_PRESSES = 64;
/** Faults a link may carry, and the longest text of one (the menu writes about 40 characters). */
const MAX_FAULTS = 64;
const MAX_FAULT_CHARS = 200;
const REPLAY_KEY = /^\d{1,16}(-[0-9a-z]{1,8}\.[0-9a-z]{1,8}){0,4096}$/;
export const MAX_SHARED_STEP = 1_000_000_000;

export interface SharedMoment {
  readonly program: ProgramSource;
  readonly config: RunConfig;
  /** The step position shown (steps applied), as in the URL state. */
  readonly step: number;
  readonly views: readonly ViewName[];
  readonly task: number | undefined;
}

/** The JSON shape inside the link (version 1; v2 adds `schedule`, v3 `ctrlC`, v4 `faults`, v5 `faultRate`). */
interface Payload {
  readonly v: 1 | 2 | 3 | 4 | 5;
  readonly source: string;
  readonly origin: ProgramOrigin;
  readonly flavor: Flavor;
  readonly workers: number;
  readonly seed: number;
  readonly step: number;
  readonly views: readonly ViewName[];
  readonly task?: number;
  /** The replay key of the run's schedule (src/explore/key.ts), v2 only. */
  readonly schedule?: string;
  /** Ctrl-C presses by hand, each after that scheduler step (`RunConfig.ctrlCAfterSteps`), v3 only. */
  readonly ctrlC?: readonly number[];
  /** Network faults by hand in `--fault` text form (`RunConfig.faults`), v4 only. */
  readonly faults?: readonly string[];
  /** The probability each connect fails with, drawn from the seed (`RunConfig.faultRate`), v5 only. */
  readonly faultRate?: number;
}

export function payloadOf(m: SharedMoment): Payload {
  const schedule = m.config.replayKey;
  const presses = m.config.ctrlCAfterSteps ?? [];
  const faults = m.config.faults ?? [];
  const rate = m.config.faultRate;
  const base: Payload = {
    v: rate !== undefined ? 5 : faults.length > 0 ? 4 : presses.length > 0 ? 3 : schedule === undefined ? 1 : 2,
    source: m.program.source,
    origin: m.program.origin,
    flavor: m.config.flavor,
    workers: m.config.flavor === 'current_thread' ? 1 : m.config.workers,
    seed: m.config.seed,
    step: m.step,
    views: m.views,
  };
  const withTask = m.task === undefined ? base : { ...base, task: m.task };
  const withSchedule = schedule === undefined ? withTask : { ...withTask, schedule };
  const withPresses = presses.length > 0 ? { ...withSchedule, ctrlC: [...presses] } : withSchedule;
  const withFaults = faults.length > 0 ? { ...withPresses, faults: [...faults] } : withPresses;
  return rate !== undefined ? { ...withFaults, faultRate: rate } : withFaults;
}

/**
 * The faults of a link: each one the worker can parse is kept, in order; a malformed one is dropped
 * with a warning (the others still run), and a value that is no list of texts drops them all.
 */
function readFaults(x: unknown, warn: (m: string) => void): readonly string[] | undefined {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length === 0 || x.length > MAX_FAULTS) {
    warn('the network faults were not understood; the run has none');
    return undefined;
  }
  const faults: string[] = [];
  for (const f of x as unknown[]) {
    if (typeof f === 'string' && f.length <= MAX_FAULT_CHARS && isFaultText(f)) faults.push(f);
    else warn(`the network fault ${JSON.stringify(f).slice(0, 80)} was not understood; the run goes without it`);
  }
  return faults.length > 0 ? faults : undefined;
}

/** The presses of a link: whole steps in order, or none (with a warning) when they are not. */
function readPresses(x: unknown, warn: (m: string) => void): readonly number[] | undefined {
  if (x === undefined) return undefined;
  const ok =
    Array.isArray(x) &&
    x.length > 0 &&
    x.length <= MAX_PRESSES &&
    x.every((s, i) => isWhole(s, 0, MAX_SHARED_STEP) && (i === 0 || s >= (x[i - 1] as number)));
  if (ok) return x as number[];
  warn('the Ctrl-C presses were not understood; the run has none');
  return undefined;
}

export type PayloadRead =
  | { readonly kind: 'ok'; readonly moment: SharedMoment; readonly warnings: readonly string[] }
  | { readonly kind: 'corrupt'; readonly message: string }
  | { readonly kind: 'newer'; readonly version: number };

type Rec = Readonly<Record<string, unknown>>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const isWhole = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= min && x <= max;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

function readOrigin(x: unknown, warn: (m: string) => void): ProgramOrigin {
  if (isRec(x)) {
    if (x.kind === 'lesson' && typeof x.lesson === 'string' && ID.test(x.lesson) && isWhole(x.slide, 1, 10_000)) {
      return { kind: 'lesson', lesson: x.lesson, slide: x.slide };
    }
    if (x.kind === 'program' && typeof x.program === 'string' && ID.test(x.program)) {
      return { kind: 'program', program: x.program };
    }
    if (x.kind === 'scratch') return { kind: 'scratch' };
  }
  if (x !== undefined) warn('the program’s origin was not understood; it opens as a scratch program');
  return { kind: 'scratch' };
}

function readViews(x: unknown, warn: (m: string) => void): readonly ViewName[] {
  if (x === undefined) return DEFAULT_VIEWS;
  if (!Array.isArray(x)) {
    warn('the open views were not a list; the default views open');
    return DEFAULT_VIEWS;
  }
  const views: ViewName[] = [];
  for (const v of x as unknown[]) {
    if (isViewName(v) && !views.includes(v)) views.push(v);
    else warn(`unknown or repeated view ${JSON.stringify(v)} skipped`);
  }
  return views;
}

function readConfig(p: Rec, warn: (m: string) => void): RunConfig {
  const config = readSchedule(p, warn);
  const presses = readPresses(p.ctrlC, warn);
  const faults = readFaults(p.faults, warn);
  const pressed = presses === undefined ? config : { ...config, ctrlCAfterSteps: presses };
  const faulted = faults === undefined ? pressed : { ...pressed, faults };
  if (p.faultRate === undefined) return faulted;
  if (isFaultRate(p.faultRate)) return { ...faulted, faultRate: p.faultRate };
  warn('the rate of random faults was not a number in (0, 1]; the run draws none');
  return faulted;
}

function readSchedule(p: Rec, warn: (m: string) => void): RunConfig {
  let flavor: Flavor = DEFAULT_CONFIG.flavor;
  const f = FLAVORS.find((name) => name === p.flavor);
  if (f !== undefined) flavor = f;
  else if (p.flavor !== undefined) warn(`unknown flavor ${JSON.stringify(p.flavor)}; using ${flavor}`);
  let workers = flavor === 'multi_thread' ? 4 : 1;
  if (isWhole(p.workers, MIN_WORKERS, MAX_WORKERS)) workers = flavor === 'current_thread' ? 1 : p.workers;
  else if (p.workers !== undefined) warn(`workers must be ${MIN_WORKERS}–${MAX_WORKERS}; using ${workers}`);
  let seed = DEFAULT_CONFIG.seed;
  if (isWhole(p.seed, 0, MAX_SEED)) seed = p.seed;
  else if (p.seed !== undefined) warn(`the seed was not a whole number; using ${seed}`);
  if (p.schedule === undefined) return { flavor, workers, seed };
  if (typeof p.schedule === 'string' && REPLAY_KEY.test(p.schedule) && p.schedule.split('-')[0] === String(seed)) {
    return { flavor, workers, seed, replayKey: p.schedule };
  }
  warn('the schedule was not understood; the run takes the seed’s own choices');
  return { flavor, workers, seed };
}

/** Reads a parsed JSON value as a payload. */
export function readPayload(json: unknown): PayloadRead {
  if (!isRec(json)) return { kind: 'corrupt', message: 'the link’s data is not an object' };
  if (typeof json.v === 'number' && Number.isInteger(json.v) && json.v > SHARE_VERSION) {
    return { kind: 'newer', version: json.v };
  }
  if (json.v !== 1 && json.v !== 2 && json.v !== 3 && json.v !== 4 && json.v !== 5)
    return { kind: 'corrupt', message: 'the link’s data has no known version' };
  if (typeof json.source !== 'string') return { kind: 'corrupt', message: 'the link carries no program' };
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const config = readConfig(json, warn);
  let step = 0;
  if (isWhole(json.step, 0, MAX_SHARED_STEP)) step = json.step;
  else if (json.step !== undefined) warn('the step was not a whole number; starting at step 0');
  let task: number | undefined;
  if (isWhole(json.task, 0, MAX_SEED)) task = json.task;
  else if (json.task !== undefined) warn('the selected task was not a whole number; none is selected');
  const moment: SharedMoment = {
    program: { source: json.source, origin: readOrigin(json.origin, warn) },
    config,
    step,
    views: readViews(json.views, warn),
    task,
  };
  return { kind: 'ok', moment, warnings };
}
