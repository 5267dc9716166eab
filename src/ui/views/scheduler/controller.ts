/**
 * The scheduler view (tokio-facts.md §6): block_on's main future, the workers with their running
 * slot, LIFO slot and local ring, the inject queue, the blocking pool and the timers. Tasks are
 * tokens keyed by id across the whole picture, so a task visibly travels from a queue to a worker,
 * from a timer back to a queue, from a LIFO slot to the ring.
 */
import type { Selection } from 'd3-selection';
import { deriveScheduler } from '../../../store/view/derive-scheduler.ts';
import { appendSvg, joinTokens, setAttrs, setText } from '../shared/controller.ts';
import type { TokenMotion } from '../shared/controller.ts';
import { tokenPath } from '../shared/shapes.ts';
import { viewScale, watchSize } from '../shared/measure.ts';
import { INK, UI_FONT } from '../shared/palette.ts';
import { BOX_STYLE } from '../shared/shapes-layer.ts';
import { bindTokenEvents } from '../shared/token-events.ts';
import { changeMotionMs } from '../shared/motion.ts';
import type { ControllerOptions, ViewController, ViewInput } from '../shared/view-input.ts';
import { FIT_HEIGHT_CLASS } from '../board/controller.ts';
import { TOKEN, layoutScheduler, tokensPerRow } from './layout.ts';
import type { BoxDatum, LabelDatum, SchedulerToken } from './layout.ts';

type Layer = Selection<SVGGElement, unknown, null, undefined>;

function drawBoxes(layer: Layer, boxes: readonly BoxDatum[]): void {
  layer
    .selectAll<SVGRectElement, BoxDatum>('rect')
    .data(boxes, (d) => d.key)
    .join((enter) => enter.append('rect').attr('rx', 4))
    .call(setAttrs, {
      'data-box': (d: BoxDatum) => d.key,
      x: (d: BoxDatum) => d.x,
      y: (d: BoxDatum) => d.y,
      width: (d: BoxDatum) => Math.max(0, d.w),
      height: (d: BoxDatum) => d.h,
      fill: (d: BoxDatum) => BOX_STYLE[d.kind]?.fill ?? 'none',
      stroke: (d: BoxDatum) => BOX_STYLE[d.kind]?.stroke ?? 'none',
      'stroke-width': (d: BoxDatum) => BOX_STYLE[d.kind]?.width ?? 0,
      'stroke-dasharray': (d: BoxDatum) => BOX_STYLE[d.kind]?.dash ?? null,
      // A label only where there is a role to carry it (a row's rect is decoration).
      'aria-label': (d: BoxDatum) => (d.label === '' || d.kind === 'row' ? null : d.label),
      role: (d: BoxDatum) => (d.label === '' || d.kind === 'row' ? null : 'img'),
    });
}

function drawLabels(layer: Layer, labels: readonly LabelDatum[]): void {
  layer
    .selectAll<SVGTextElement, LabelDatum>('text')
    .data(labels, (d) => d.key)
    .join((enter) =>
      enter
        .append('text')
        .attr('dominant-baseline', 'central')
        .attr('font-family', UI_FONT)
        .attr('font-size', 18)
        .attr('fill', INK)
        .attr('aria-hidden', 'true'),
    )
    .call(setAttrs, {
      x: (d: LabelDatum) => d.x,
      y: (d: LabelDatum) => d.y,
      'text-anchor': (d: LabelDatum) => d.anchor,
      'font-weight': (d: LabelDatum) => (d.bold ? 700 : 400),
    })
    .call(setText, (d: LabelDatum) => d.text);
}

/**
 * A queue's ends (issue 11): a task pushed into a queue slides in at its tail, one that leaves
 * the picture from a queue goes out of its head, and a task dropped into a one-task slot (the
 * LIFO slot, a running slot) drops in from above. Moves between places glide by themselves, as
 * tokens are keyed by task: a pop from the head to a worker, a stolen batch from ring to ring.
 */
const QUEUE_MOTION: TokenMotion<SchedulerToken> = {
  enterFrom: (d) => {
    if (d.holder?.kind === 'queue') return { dx: d.w + TOKEN.gap, dy: 0, name: 'tail' };
    if (d.holder?.kind === 'slot') return { dx: 0, dy: -TOKEN.h, name: 'slot' };
    return undefined;
  },
  exitTo: (d) => (d.holder?.kind === 'queue' ? { dx: -(d.w + TOKEN.gap), dy: 0, name: 'head' } : undefined),
};

/** A task's previous place, left behind as a dashed outline for the step that moved it. */
interface Ghost {
  readonly task: number;
  readonly x: number;
  readonly y: number;
  readonly d: string;
}

function ghostsOf(before: ReadonlyMap<string, SchedulerToken>, now: readonly SchedulerToken[]): Ghost[] {
  const out: Ghost[] = [];
  for (const t of now) {
    const old = before.get(t.key);
    if (old === undefined || old.task === undefined || (old.x === t.x && old.y === t.y)) continue;
    out.push({ task: old.task, x: old.x, y: old.y, d: tokenPath(old.shape, old.w, old.h) });
  }
  return out;
}

function drawGhosts(layer: Layer, ghosts: readonly Ghost[]): void {
  layer
    .selectAll<SVGPathElement, Ghost>('path')
    .data(ghosts, (g) => g.task)
    .join((enter) =>
      enter
        .append('path')
        .attr('class', 'tl-ghost')
        .attr('fill', 'none')
        .attr('stroke', INK)
        .attr('stroke-width', 1.5)
        .attr('stroke-dasharray', '5 4')
        .attr('opacity', 0.65)
        .attr('aria-hidden', 'true'),
    )
    .call(setAttrs, {
      'data-ghost': (g: Ghost) => g.task,
      transform: (g: Ghost) => `translate(${g.x},${g.y})`,
      d: (g: Ghost) => g.d,
    });
}

export function createSchedulerController(el: HTMLElement, options: ControllerOptions): ViewController {
  const svg = appendSvg(el, 'tl-scheduler', 'Scheduler: threads, queues, blocking pool and timers');
  const boxes = svg.append('g').attr('class', 'tl-boxes');
  const labels = svg.append('g').attr('class', 'tl-labels');
  const ghosts = svg.append('g').attr('class', 'tl-ghosts');
  const tokens = svg.append('g').attr('class', 'tl-tokens');
  let last: ViewInput | undefined;
  /** The tokens as last drawn, by key: where each task was before this update. */
  let placed = new Map<string, SchedulerToken>();
  let scale = viewScale(el);
  const fitHeight = el.closest(`.${FIT_HEIGHT_CLASS}`) !== null;
  const size = watchSize(el, () => {
    scale = viewScale(el);
    if (last !== undefined) render(last, 0, false);
  });
  const unbind = bindTokenEvents(el, (task) => options.onSelectTask?.(task));

  function render(input: ViewInput, moveMs: number, forward: boolean): void {
    const derive = (width: number) =>
      deriveScheduler(input.view, input.history, input.position, {
        flavor: input.flavor,
        workers: input.workers,
        limit: tokensPerRow(width),
      });
    let model = derive(size.width / scale);
    let layout = layoutScheduler(model, input.view, size.width / scale, input.selectedTask);
    // The SVG asks for its full height; a stage strip short of room gives it less (stage.css), and
    // the picture then shrinks to fit rather than clip: a row's height does not depend on the
    // width, so laying out again at the smaller scale only widens what fits in a queue.
    const natural = layout.height * scale;
    const fitted = fitHeight && size.height > 0 && size.height < natural - 1 ? size.height / layout.height : scale;
    if (fitted !== scale) {
      model = derive(size.width / fitted);
      layout = layoutScheduler(model, input.view, size.width / fitted, input.selectedTask);
    }
    svg.call(setAttrs, {
      width: Math.floor(layout.width * fitted),
      height: Math.ceil(natural),
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      'data-flavor': model.flavor,
    });
    drawBoxes(boxes, layout.boxes);
    drawLabels(labels, layout.labels);
    // Ghosts only for a step forward, and never across a resize (every token moves then).
    drawGhosts(ghosts, forward ? ghostsOf(placed, layout.tokens) : []);
    placed = new Map(layout.tokens.map((t) => [t.key, t]));
    joinTokens(tokens, layout.tokens, moveMs, QUEUE_MOTION);
  }

  return {
    update(input, prev) {
      last = input;
      render(input, changeMotionMs(input, prev), prev !== undefined && input.position > prev.position);
    },
    destroy() {
      unbind();
      size.disconnect();
      svg.remove();
      last = undefined;
      placed = new Map();
    },
  };
}
