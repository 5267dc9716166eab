/**
 * Geometry of the scheduler view (tokio-facts.md §6.2, §6.3, §8, §9), pure so it is tested
 * without a DOM: one row per thing that holds tasks — block_on's main future, each worker (its
 * running slot, LIFO slot on multi_thread, local queue), the inject queue, the blocking pool and
 * the timers. A task drawn in two places (a queued task whose timer is still registered) is keyed
 * by task id only in the first, so its token travels when it moves.
 */
import type { SchedulerModel, WorkerModel } from '../../../store/view/derive-scheduler.ts';
import { LOCAL_QUEUE_CAPACITY } from '../../../store/view/derive-scheduler.ts';
import { socketLabel } from '../../../store/index.ts';
import type { IoView, SocketView, TaskView, ViewState } from '../../../store/index.ts';
import { LIFECYCLE_GLYPH, namedTokenText } from '../shared/glyphs.ts';
import { taskToken } from '../shared/token-dom.ts';
import type { TokenDatum } from '../shared/token-dom.ts';

/**
 * Compact rows (issue 11: every worker, the inject queue and the timers fit a projector strip):
 * a caption line, then the box holding tokens, then the ring meter, in 62 units.
 */
export const LABEL_W = 176;
export const ROW_H = 62;
/** block_on's row holds no tokens: its title and status share one short line. */
const MAIN_H = 34;
const CAPTION_Y = 10;
const BOX_Y = 20;
const BOX_H = 36;
export const TOKEN = { w: 62, h: 28, gap: 5 } as const;
/**
 * Token width while some task of the run has a name: wide enough for the board's words
 * ("▶ 3 fetch"), longer names cut with "…" (the token's tooltip has the whole name).
 */
export const NAMED_TOKEN_W = 118;
/** Characters a named token shows: its width over a bold 18 px monospace character, less padding. */
const NAMED_CHARS = Math.floor((NAMED_TOKEN_W - 10) / 10.8);
const PAD = 6;
/** Room for a "+N" count after the tokens that fit. */
const MORE_W = 52;

export interface BoxDatum {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly kind: 'queue' | 'slot' | 'meter' | 'meter-fill' | 'row';
  /** For screen readers and tests. */
  readonly label: string;
}

export interface LabelDatum {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly bold: boolean;
}

/** Where a token sits: in a queue (index 0 is the head) or a one-task slot, if either. */
export interface SchedulerToken extends TokenDatum {
  readonly holder?: { readonly kind: 'queue' | 'slot'; readonly key: string; readonly index: number };
}

export interface SchedulerLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly BoxDatum[];
  readonly labels: readonly LabelDatum[];
  readonly tokens: readonly SchedulerToken[];
}

class Builder {
  readonly boxes: BoxDatum[] = [];
  readonly labels: LabelDatum[] = [];
  readonly tokens: SchedulerToken[] = [];
  private readonly keyed = new Set<number>();
  y = PAD;
  /** Token width: every token is as wide as a named one once any task has a name, so rows keep still. */
  readonly tw: number;

  constructor(
    readonly view: ViewState,
    readonly width: number,
    readonly selected: number | undefined,
  ) {
    this.tw = view.index.named > 0 ? NAMED_TOKEN_W : TOKEN.w;
  }

  label(key: string, x: number, y: number, text: string, anchor: LabelDatum['anchor'] = 'start', bold = false): void {
    this.labels.push({ key, x, y, text, anchor, bold });
  }

  box(key: string, x: number, y: number, w: number, h: number, kind: BoxDatum['kind'], label: string): void {
    this.boxes.push({ key, x, y, w, h, kind, label });
  }

  /**
   * A task token centred at (x, y); `alias` keys a second appearance of the same task. `narrow`
   * keeps it glyph and id (the timers row, where the deadline is the point; the tooltip names it).
   */
  token(id: number, x: number, y: number, alias: string, holder?: SchedulerToken['holder'], narrow = false): void {
    const t: TaskView | undefined = this.view.tasks.get(id);
    if (t === undefined) return;
    const w = narrow ? TOKEN.w : this.tw;
    const text = w === NAMED_TOKEN_W ? namedTokenText(t, NAMED_CHARS) : undefined;
    const d: SchedulerToken = { ...taskToken(t, x, y, w, TOKEN.h, id === this.selected, text), holder };
    if (this.keyed.has(id)) this.tokens.push({ ...d, key: alias });
    else {
      this.keyed.add(id);
      this.tokens.push(d);
    }
  }

  /** Row title on the left, with an optional second line; `x`/`w` for a row sharing its line. */
  rowTitle(key: string, title: string, sub?: string, x = 2, w = this.width - 4): void {
    this.box(`row-${key}`, x, this.y, w, ROW_H - 2, 'row', title);
    this.label(`title-${key}`, x + 8, this.y + 20, title, 'start', true);
    if (sub !== undefined) this.label(`sub-${key}`, x + 8, this.y + 42, sub);
  }

  /** A one-line row: title and status side by side. */
  shortRow(key: string, title: string, sub: string): void {
    this.box(`row-${key}`, 2, this.y, this.width - 4, MAIN_H - 2, 'row', title);
    this.label(`title-${key}`, 10, this.y + MAIN_H / 2 - 1, title, 'start', true);
    this.label(`sub-${key}`, LABEL_W, this.y + MAIN_H / 2 - 1, sub);
    this.y += MAIN_H;
  }

  /**
   * A queue of `total` tasks drawn left to right from x: as many tokens as fit, then "+N"; `ids`
   * is its head, at least as many as fit. Returns its right edge.
   */
  queue(
    key: string,
    name: string,
    ids: readonly number[],
    x: number,
    maxW: number,
    extra = '',
    total = ids.length,
  ): number {
    const tw = this.tw;
    const shown = Math.min(ids.length, fitting(total, maxW - 2 * PAD, tw + TOKEN.gap));
    const w = Math.max(
      Math.min(120, maxW),
      Math.min(maxW, 2 * PAD + shown * (tw + TOKEN.gap) + (ids.length > shown ? MORE_W : 0)),
    );
    const cy = this.y + BOX_Y + BOX_H / 2;
    this.box(key, x, this.y + BOX_Y, w, BOX_H, 'queue', `${name}: ${total} task${total === 1 ? '' : 's'}${extra}`);
    this.label(`${key}-name`, x + 4, this.y + CAPTION_Y, `${name} (${total}${extra})`);
    for (let k = 0; k < shown; k++)
      this.token(ids[k], x + PAD + k * (tw + TOKEN.gap) + tw / 2, cy, `${key}-${k}`, {
        kind: 'queue',
        key,
        index: k,
      });
    if (total > shown) this.label(`${key}-more`, x + w - PAD, cy, `+${total - shown}`, 'end', true);
    return x + w;
  }

  /** A one-task slot (running, LIFO). */
  slot(key: string, name: string, id: number | undefined, x: number): number {
    const w = this.tw + 2 * PAD;
    this.box(key, x, this.y + BOX_Y, w, BOX_H, 'slot', `${name}: ${id === undefined ? 'empty' : `task ${id}`}`);
    this.label(`${key}-name`, x + 4, this.y + CAPTION_Y, name);
    if (id !== undefined)
      this.token(id, x + w / 2, this.y + BOX_Y + BOX_H / 2, `${key}-t`, { kind: 'slot', key, index: 0 });
    return x + w;
  }

  next(): void {
    this.y += ROW_H;
  }
}

/** Readiness bits in short: R W, RC / WC for the closed halves, E for an error; – for none. */
function readyShort(ready: number): string {
  const parts: string[] = [];
  if ((ready & 1) !== 0) parts.push('R');
  if ((ready & 2) !== 0) parts.push('W');
  if ((ready & 4) !== 0) parts.push('RC');
  if ((ready & 8) !== 0) parts.push('WC');
  if ((ready & 16) !== 0) parts.push('E');
  return parts.length === 0 ? '–' : parts.join(' ');
}

/** Width of one character of an 18-unit label (the UI font, generously). */
const CHAR_W = 10.5;
/** The "r:" / "w:" before a waiting task. */
const DIR_W = 20;
/** Most socket rows drawn; past them the rest is counted. */
const MAX_IO_ROWS = 2;

/** A socket's caption: a listener by its port, a stream by its two ends (the full words are its aria-label). */
function socketCaption(s: SocketView): string {
  return s.kind === 'listener' ? `listener :${s.localPort}` : `:${s.localPort}→:${s.peerPort}`;
}

function waiterWords(task: number): string {
  return task === 0 ? 'the main future' : task < 0 ? 'a waker' : `task ${task}`;
}

function socketAria(s: SocketView): string {
  const ready = readyShort(s.readiness);
  const waits = [
    s.reader !== undefined ? `${waiterWords(s.reader)} waits to read` : '',
    s.writer !== undefined ? `${waiterWords(s.writer)} waits to write` : '',
  ].filter((w) => w !== '');
  return `${socketLabel(s)}: readiness ${ready === '–' ? 'none' : ready}${waits.length > 0 ? `; ${waits.join(', ')}` : ''}`;
}

/**
 * The I/O driver (issue 17): each registered socket as a box captioned with its ports, holding its
 * cached readiness and the tasks whose Registration wakers wait on it (r: to read, w: to write);
 * a socket the turn on show reported is marked ◀. Sockets flow left to right over up to two rows.
 */
function layoutIo(b: Builder, io: IoView, step: number, x0: number): void {
  const turnNow = io.turnStep === step && step >= 0;
  const sig = io.signal;
  // Short, to fit under the title: ✓ a handler is installed, ×N presses arrived, ✕ one killed it.
  const ctrlC = sig.killed
    ? '^C ✕'
    : sig.pressSteps.length > 0
      ? `^C ×${sig.pressSteps.length}`
      : sig.installed
        ? '^C ✓'
        : undefined;
  const sub = [turnNow ? `turn ${io.tick} ◀` : `tick ${io.tick}`, ctrlC].filter((x) => x !== undefined).join(' · ');
  b.rowTitle('io', 'I/O driver', sub);
  let x = x0;
  let rows = 1;
  const right = b.width - PAD;
  for (let k = 0; k < io.sockets.length; k++) {
    const s = io.sockets[k];
    const waiters = [s.reader, s.writer].filter((t): t is number => t !== undefined);
    const caption = socketCaption(s);
    const ready = readyShort(s.readiness);
    const readyW = Math.max(34, ready.length * CHAR_W + 16);
    const content = 2 * PAD + readyW + waiters.length * (DIR_W + TOKEN.w + TOKEN.gap);
    const w = Math.max(content, (caption.length + 2) * CHAR_W);
    if (x + w > right && x > x0) {
      if (rows === MAX_IO_ROWS) {
        b.label('sock-more', right, b.y + ROW_H / 2, `+${io.sockets.length - k}`, 'end', true);
        break;
      }
      rows++;
      b.next();
      b.box(`row-io-${rows}`, 2, b.y, b.width - 4, ROW_H - 2, 'row', '');
      x = x0;
    }
    const fresh = turnNow && s.readyStep === step;
    b.box(`sock-${s.id}`, x, b.y + BOX_Y, w, BOX_H, 'slot', socketAria(s));
    b.label(`sock-${s.id}-name`, x + 4, b.y + CAPTION_Y, `${caption}${fresh ? ' ◀' : ''}`, 'start', fresh);
    b.label(`sock-${s.id}-ready`, x + PAD + 2, b.y + BOX_Y + BOX_H / 2, ready, 'start', true);
    let tx = x + PAD + readyW;
    for (const [dir, t] of [
      ['r', s.reader],
      ['w', s.writer],
    ] as const) {
      if (t === undefined) continue;
      const cx = tx + DIR_W + TOKEN.w / 2;
      const cy = b.y + BOX_Y + BOX_H / 2;
      b.label(`sock-${s.id}-${dir}-dir`, tx, cy, `${dir}:`, 'start');
      if (t > 0 && b.view.tasks.get(t) !== undefined) b.token(t, cx, cy, `sock-${s.id}-${dir}`);
      else b.label(`sock-${s.id}-${dir}-who`, cx, cy, t === 0 ? 'main' : '?', 'middle', true);
      tx += DIR_W + TOKEN.w + TOKEN.gap;
    }
    x += w + PAD;
  }
  b.next();
}

/** How many of `n` items `step` apart fit in `room`, keeping room for a "+N" when not all do. */
function fitting(n: number, room: number, step: number): number {
  const all = Math.max(0, Math.floor((room + TOKEN.gap) / step));
  return n <= all ? n : Math.max(0, Math.floor((room - MORE_W) / step));
}

function workerStatus(w: WorkerModel): string {
  if (w.running !== undefined) return `${LIFECYCLE_GLYPH.running} running`;
  if (w.parked) return w.driver ? 'parked in driver' : 'parked';
  if (w.searching) return 'searching';
  return 'idle';
}

function mainStatus(m: SchedulerModel['main']): string {
  if (m.polling) return `${LIFECYCLE_GLYPH.running} polled${m.line > 0 ? ` · line ${m.line}` : ''}`;
  return `${LIFECYCLE_GLYPH.idle} polls ${m.polls} · wakes ${m.wakes}`;
}

/** Most tokens one row of `width` units can show: what the model needs of each queue and of the timers. */
export function tokensPerRow(width: number): number {
  return Math.max(1, Math.ceil(width / (TOKEN.w + TOKEN.gap)) + 1);
}

export function layoutScheduler(
  model: SchedulerModel,
  view: ViewState,
  width: number,
  selected: number | undefined,
): SchedulerLayout {
  const b = new Builder(view, width, selected);
  const x0 = LABEL_W;
  const mt = model.flavor === 'multi_thread';

  b.shortRow('main', mt ? 'block_on thread' : 'main future', mainStatus(model.main));

  for (const w of model.workers) {
    const title = mt ? `worker ${w.index}${w.active ? ' ◀' : ''}` : 'scheduler core';
    b.rowTitle(`w${w.index}`, title, workerStatus(w));
    let x = b.slot(`run-${w.index}`, 'running', w.running, x0);
    if (mt) x = b.slot(`lifo-${w.index}`, 'LIFO', w.lifo, x + PAD);
    const extra = mt ? `/${LOCAL_QUEUE_CAPACITY}` : '';
    const end = b.queue(
      `local-${w.index}`,
      mt ? 'local ring' : 'local queue',
      w.local,
      x + PAD,
      width - x - 2 * PAD,
      extra,
      w.localLength,
    );
    if (mt) {
      // The ring's fill, compactly: 256 slots as one meter under the queue.
      const meterW = Math.max(60, end - x - PAD);
      b.box(
        `meter-${w.index}`,
        x + PAD,
        b.y + BOX_Y + BOX_H + 1,
        meterW,
        4,
        'meter',
        `local ring ${w.localLength} of ${LOCAL_QUEUE_CAPACITY}`,
      );
      b.box(
        `meterfill-${w.index}`,
        x + PAD,
        b.y + BOX_Y + BOX_H + 1,
        (meterW * w.localLength) / LOCAL_QUEUE_CAPACITY,
        4,
        'meter-fill',
        '',
      );
    }
    b.next();
  }

  // The blocking pool only when the program uses it; the inject queue and the timers share a row.
  const busy = model.blockingThreads.filter((t) => t.state === 'running' || t.state === 'sleeping').length;
  if (model.blockingThreads.length > 0 || model.blockingQueue.length > 0) {
    b.rowTitle('blocking', 'blocking pool', `${busy}/${model.blockingThreads.length} threads busy`);
    let bx = x0;
    for (const th of model.blockingThreads.slice(0, 4)) {
      const job = th.state === 'running' || th.state === 'sleeping' ? th.task : undefined;
      bx =
        b.slot(`bt-${th.index}`, th.state === 'sleeping' ? `thread ${th.index} ⏾` : `thread ${th.index}`, job, bx) +
        PAD;
    }
    if (model.blockingThreads.length > 4) {
      b.label('bt-more', bx, b.y + ROW_H / 2, `+${model.blockingThreads.length - 4}`, 'start', true);
      bx += 48;
    }
    b.queue('blocking-q', 'queue', model.blockingQueue, bx, width - bx - PAD);
    b.next();
  }

  const half = Math.floor((width - 4) / 2);
  const titleW = 142;
  b.rowTitle('inject', 'inject queue', 'FIFO', 2, half - 2);
  b.queue('inject-q', 'inject', model.inject, 2 + titleW, half - titleW - PAD, '', model.injectLength);

  const tx = 2 + half + 2;
  b.rowTitle('timers', 'timers', `now ${model.nowMs} ms`, tx, width - 2 - tx);
  const x1 = tx + titleW;
  // A timer's deadline label ("@100ms") is wider than its token: space them by the label.
  const step = TOKEN.w + TOKEN.gap + 14;
  const timers = model.timers.slice(0, Math.max(1, fitting(model.timerCount, width - x1 - 2 * PAD, step)));
  timers.forEach((t, k) => {
    const cx = x1 + PAD + k * step + TOKEN.w / 2;
    b.token(t.task, cx, b.y + 4 + TOKEN.h / 2, `timer-${t.id}`, undefined, true);
    b.label(`tm-${t.id}`, cx, b.y + TOKEN.h + 16, `@${t.deadlineMs}ms`, 'middle');
  });
  if (model.timerCount > timers.length) {
    b.label('tm-more', width - PAD, b.y + ROW_H / 2, `+${model.timerCount - timers.length}`, 'end', true);
  }
  if (model.timerCount === 0) b.label('tm-none', x1 + PAD, b.y + ROW_H / 2, 'no timers', 'start');
  b.next();

  if (
    view.io.sockets.length > 0 ||
    view.io.turnStep >= 0 ||
    view.io.signal.pressSteps.length > 0 ||
    view.io.signal.installed
  )
    layoutIo(b, view.io, view.step, x0);

  return { width, height: b.y + PAD, boxes: b.boxes, labels: b.labels, tokens: b.tokens };
}
