/**
 * The embed API (issue 7; documented for hosts in ./README.md): the messages a host page sends an
 * embedded Task Lab through `postMessage`, and the events Task Lab sends back. Every message is an
 * envelope `{ protocol: 'task-lab-embed', version, type, … }`. The parser trusts nothing: any
 * message that is not exactly a known command with well-typed fields is ignored (a page receives
 * messages from browser extensions and other frames too).
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

/** What the host asks. `requestId` (optional, any string or number) is echoed in an `error`. */
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
  | { readonly type: 'error'; readonly message: string; readonly requestId?: string | number };

export type EmbedEvent = EmbedEventBody & {
  readonly protocol: typeof EMBED_PROTOCOL;
  readonly version: typeof EMBED_API_VERSION;
  /** The `id` URL parameter of this embed ('' when none), so a host can tell several apart. */
  readonly embedId: string;
};

export const HOST_COMMANDS: readonly HostCommandType[] = ['hello', 'load', 'play', 'pause', 'step', 'seek', 'setSlide'];

export type Parsed =
  | { readonly kind: 'command'; readonly command: HostCommand; readonly requestId: string | number | undefined }
  /** Ours, but of another version: worth an `error` event. */
  | { readonly kind: 'unsupported'; readonly version: unknown; readonly requestId: string | number | undefined }
  | { readonly kind: 'ignored' };

type Rec = Readonly<Record<string, unknown>>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const whole = (x: unknown, min: number, max: number): boolean =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= min && x <= max;
/** An optional field: absent, or valid. */
const opt = (x: unknown, ok: (v: unknown) => boolean): boolean => x === undefined || ok(x);
const IGNORED: Parsed = { kind: 'ignored' };

function requestIdOf(m: Rec): string | number | undefined | null {
  const r = m.requestId;
  if (r === undefined) return undefined;
  if ((typeof r === 'string' && r.length <= 200) || whole(r, -MAX_SEED, MAX_SEED)) return r as string | number;
  return null;
}

function readCommand(m: Rec): HostCommand | undefined {
  switch (m.type) {
    case 'hello':
    case 'play':
    case 'pause':
      return { type: m.type };
    case 'step':
      return opt(m.back, (v) => typeof v === 'boolean') ? { type: 'step', back: m.back === true } : undefined;
    case 'seek':
      return whole(m.step, 0, MAX_STEP) ? { type: 'seek', step: m.step as number } : undefined;
    case 'setSlide':
      return whole(m.slide, 1, MAX_SLIDE) ? { type: 'setSlide', slide: m.slide as number } : undefined;
    case 'load':
      return readLoad(m);
    default:
      return undefined;
  }
}

function readLoad(m: Rec): HostCommand | undefined {
  const ok =
    opt(m.source, (v) => typeof v === 'string' && v.length <= MAX_LOAD_SOURCE_CHARS) &&
    opt(m.lesson, (v) => typeof v === 'string' && ID.test(v)) &&
    opt(m.slide, (v) => whole(v, 1, MAX_SLIDE)) &&
    opt(m.seed, (v) => whole(v, 0, MAX_SEED)) &&
    opt(m.flavor, (v) => FLAVORS.some((f) => f === v)) &&
    opt(m.workers, (v) => whole(v, MIN_WORKERS, MAX_WORKERS)) &&
    opt(m.step, (v) => whole(v, 0, MAX_STEP));
  // A load names one program: source text, or a lesson (whose slide picks the scenario).
  if (!ok || (m.source === undefined) === (m.lesson === undefined)) return undefined;
  if (m.slide !== undefined && m.lesson === undefined) return undefined;
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
  if (requestId === null) return IGNORED;
  if (data.version !== EMBED_API_VERSION) return { kind: 'unsupported', version: data.version, requestId };
  const command = readCommand(data);
  return command === undefined ? IGNORED : { kind: 'command', command, requestId };
}

/** Wraps an event body in the envelope. */
export function embedEvent(embedId: string, body: EmbedEventBody): EmbedEvent {
  return { protocol: EMBED_PROTOCOL, version: EMBED_API_VERSION, embedId, ...body };
}
