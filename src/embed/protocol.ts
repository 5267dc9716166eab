/**
 * The embed API (issue 7; documented for hosts in ./README.md): the messages a host page sends an
 * embedded Task Lab through `postMessage`, and the events Task Lab sends back. Every message is an
 * envelope `{ protocol: 'task-lab-embed', version, type, … }`. The parser trusts nothing: a
 * message without our envelope is ignored (a page receives messages from browser extensions and
 * other frames too); one with it but not exactly a known command with well-typed, bounded fields
 * is answered with an error that names the field, never echoing what was sent (a value may be a
 * BigInt, a cyclic object or megabytes long).
 */
import { FLAVORS, MAX_SEED, MAX_WORKERS, MIN_WORKERS } from '../store/index.ts';
import type { Flavor, PlaybackStatus } from '../store/index.ts';

export const EMBED_PROTOCOL = 'task-lab-embed';
/** Bumped when a message changes shape; an embed answers other versions with an `error` event. */
export const EMBED_API_VERSION = 1;
export const MAX_LOAD_SOURCE_CHARS = 200_000;
const MAX_STEP = 1_000_000_000;
const MAX_SLIDE = 10_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

/** What the host asks. `requestId` (optional: a string of at most 200 characters or a safe whole number) is echoed in an `error`. */
export type HostCommand =
  /** Handshake: the embed answers with `ready` (and, in first-handshake mode, trusts this origin). */
  | { readonly type: 'hello' }
  /** Runs a program (`source`), or a lesson slide; omitted settings keep their current values. */
  | {
      readonly type: 'load';
      readonly source?: string;
      readonly lesson?: string;
      readonly slide?: number;
      readonly seed?: number;
      readonly flavor?: Flavor;
      readonly workers?: number;
      /** The step to show once loaded. */
      readonly step?: number;
    }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** One step forward, or back with `back: true`. */
  | { readonly type: 'step'; readonly back?: boolean }
  | { readonly type: 'seek'; readonly step: number }
  | { readonly type: 'setSlide'; readonly slide: number };

export type HostCommandType = HostCommand['type'];

/** Where playback is, as every `ready` and `step` event reports it. */
export interface EmbedPosition {
  readonly step: number;
  readonly steps: number;
  readonly playback: PlaybackStatus;
  /** Virtual time at the step shown (ms). */
  readonly timeMs: number;
}

export interface SlideInfo {
  readonly lesson: string;
  /** 1-based. */
  readonly slide: number;
  readonly slides: number;
  readonly title: string;
}

/** What the embed tells the host (fields besides the envelope and `embedId`). */
export type EmbedEventBody =
  | {
      readonly type: 'ready';
      readonly commands: readonly HostCommandType[];
      readonly position: EmbedPosition;
      readonly slide: SlideInfo | undefined;
    }
  | ({ readonly type: 'step' } & EmbedPosition)
  | ({ readonly type: 'slideChange' } & SlideInfo)
  | {
      readonly type: 'quizAnswered';
      readonly lesson: string;
      readonly slide: number;
      /** 1-based index of the quiz on its slide. */
      readonly quiz: number;
      readonly answer: string;
      readonly correct: boolean;
    }
  | { readonly type: 'challengePassed'; readonly lesson: string; readonly slide: number }
  | { readonly type: 'error'; readonly message: string; readonly requestId?: RequestId };

export type EmbedEvent = EmbedEventBody & {
  readonly protocol: typeof EMBED_PROTOCOL;
  readonly version: typeof EMBED_API_VERSION;
  /** The `id` URL parameter of this embed ('' when none), so a host can tell several apart. */
  readonly embedId: string;
};

export const HOST_COMMANDS: readonly HostCommandType[] = ['hello', 'load', 'play', 'pause', 'step', 'seek', 'setSlide'];

export type Parsed =
  | { readonly kind: 'command'; readonly command: HostCommand; readonly requestId: RequestId | undefined }
  /** Ours, but of another version: worth an `error` event. */
  | { readonly kind: 'unsupported'; readonly version: string; readonly requestId: RequestId | undefined }
  /** Ours and of this version, but not a well-formed command: `message` says which field. */
  | { readonly kind: 'invalid'; readonly message: string; readonly requestId: RequestId | undefined }
  | { readonly kind: 'ignored' };

export type RequestId = string | number;

type Rec = Readonly<Record<string, unknown>>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const whole = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= min && x <= max;
const IGNORED: Parsed = { kind: 'ignored' };
const MAX_REQUEST_ID_CHARS = 200;

/** A value named for a message without echoing it: short strings and numbers as they are, else its kind. */
export function describeValue(v: unknown): string {
  switch (typeof v) {
    case 'number':
    case 'boolean':
      return String(v);
    case 'string':
      return v.length <= 40 ? JSON.stringify(v) : `a string of ${v.length} characters`;
    case 'bigint':
      return 'a BigInt';
    case 'undefined':
      return 'nothing';
    case 'object':
      return v === null ? 'null' : Array.isArray(v) ? 'an array' : 'an object';
    default:
      return `a ${typeof v}`;
  }
}

/** The requestId, undefined when absent, or null when it is not a short string or a safe whole number. */
function requestIdOf(m: Rec): RequestId | undefined | null {
  const r = m.requestId;
  if (r === undefined) return undefined;
  if ((typeof r === 'string' && r.length <= MAX_REQUEST_ID_CHARS) || whole(r, -MAX_SEED, MAX_SEED)) return r;
  return null;
}

/** Each optional field of a command: its check and what the error says it must be. */
type FieldRule = readonly [check: (v: unknown) => boolean, must: string];

const LOAD_FIELDS: Readonly<Record<string, FieldRule>> = {
  source: [
    (v) => typeof v === 'string' && v.length <= MAX_LOAD_SOURCE_CHARS,
    `a string of at most ${MAX_LOAD_SOURCE_CHARS} characters`,
  ],
  lesson: [(v) => typeof v === 'string' && ID.test(v), 'a lesson id (letters, digits, “.”, “_”, “-”; at most 80)'],
  slide: [(v) => whole(v, 1, MAX_SLIDE), `a whole number from 1 to ${MAX_SLIDE}`],
  seed: [(v) => whole(v, 0, MAX_SEED), `a whole number from 0 to ${MAX_SEED}`],
  flavor: [(v) => FLAVORS.some((f) => f === v), FLAVORS.join(' or ')],
  workers: [(v) => whole(v, MIN_WORKERS, MAX_WORKERS), `a whole number from ${MIN_WORKERS} to ${MAX_WORKERS}`],
  step: [(v) => whole(v, 0, MAX_STEP), `a whole number from 0 to ${MAX_STEP}`],
};

/** The first field of `m` that breaks its rule, as an error sentence. */
function badField(type: string, m: Rec, rules: Readonly<Record<string, FieldRule>>): string | undefined {
  for (const [name, [check, must]] of Object.entries(rules)) {
    const v = m[name];
    if (v !== undefined && !check(v)) return `${type}: ${name} must be ${must}, not ${describeValue(v)}`;
  }
  return undefined;
}

/** The command, or the sentence that says what is wrong with it. */
function readCommand(m: Rec): HostCommand | string {
  switch (m.type) {
    case 'hello':
    case 'play':
    case 'pause':
      return { type: m.type };
    case 'step':
      return m.back === undefined || typeof m.back === 'boolean'
        ? { type: 'step', back: m.back === true }
        : `step: back must be true or false, not ${describeValue(m.back)}`;
    case 'seek':
      return whole(m.step, 0, MAX_STEP)
        ? { type: 'seek', step: m.step }
        : `seek: step must be a whole number from 0 to ${MAX_STEP}, not ${describeValue(m.step)}`;
    case 'setSlide':
      return whole(m.slide, 1, MAX_SLIDE)
        ? { type: 'setSlide', slide: m.slide }
        : `setSlide: slide must be a whole number from 1 to ${MAX_SLIDE}, not ${describeValue(m.slide)}`;
    case 'load':
      return readLoad(m);
    default:
      return `unknown command type ${describeValue(m.type)}; the commands are ${HOST_COMMANDS.join(', ')}`;
  }
}

function readLoad(m: Rec): HostCommand | string {
  const bad = badField('load', m, LOAD_FIELDS);
  if (bad !== undefined) return bad;
  // A load names one program: source text, or a lesson (whose slide picks the scenario).
  if ((m.source === undefined) === (m.lesson === undefined)) return 'load: give exactly one of source and lesson';
  if (m.slide !== undefined && m.lesson === undefined) return 'load: slide goes with lesson, not with source';
  const load: { -readonly [K in keyof Extract<HostCommand, { type: 'load' }>]: unknown } = { type: 'load' };
  for (const k of ['source', 'lesson', 'slide', 'seed', 'flavor', 'workers', 'step'] as const) {
    if (m[k] !== undefined) load[k] = m[k];
  }
  return load as HostCommand;
}

/** Reads one `MessageEvent.data`. */
export function parseHostMessage(data: unknown): Parsed {
  if (!isRec(data) || data.protocol !== EMBED_PROTOCOL) return IGNORED;
  const requestId = requestIdOf(data);
  if (requestId === null) {
    return {
      kind: 'invalid',
      message: `requestId must be a string of at most ${MAX_REQUEST_ID_CHARS} characters or a safe whole number, not ${describeValue(data.requestId)}`,
      requestId: undefined,
    };
  }
  if (data.version !== EMBED_API_VERSION) {
    return { kind: 'unsupported', version: describeValue(data.version), requestId };
  }
  const command = readCommand(data);
  return typeof command === 'string'
    ? { kind: 'invalid', message: command, requestId }
    : { kind: 'command', command, requestId };
}

/** Wraps an event body in the envelope. */
export function embedEvent(embedId: string, body: EmbedEventBody): EmbedEvent {
  return { protocol: EMBED_PROTOCOL, version: EMBED_API_VERSION, embedId, ...body };
}
