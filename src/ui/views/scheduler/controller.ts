/**
 * The scheduler view (tokio-facts.md §6): block_on's main future, the workers with their running
 * slot, LIFO slot and local ring, the inject queue, the blocking pool and the timers. Tasks are
 * tokens keyed by id across the whole picture, so a task visibly travels from a queue to a worker,
 * from a timer back to a queue, from a LIFO slot to the ring.
 */
import type { Selection } from 'd3-selection';
import { deriveScheduler } from '../../../store/view/derive-scheduler.ts';
import { appendSvg, joinTokens } from '../shared/controller.ts';
import { viewScale, watchSize } from '../shared/measure.ts';
import { INK, UI_FONT } from '../shared/palette.ts';
import { BOX_STYLE } from '../shared/shapes-layer.ts';
import { bindTokenEvents } from '../shared/token-events.ts';
import type { ControllerOptions, ViewController, ViewInput } from '../shared/view-input.ts';
import { layoutScheduler } from './layout.ts';
import type { BoxDatum, LabelDatum } from './layout.ts';

type Layer = Selection<SVGGElement, unknown, null, undefined>;

function drawBoxes(layer: Layer, boxes: readonly BoxDatum[]): void {
  layer
    .selectAll<SVGRectElement, BoxDatum>('rect')
    .data(boxes, (d) => d.key)
    .join((enter) => enter.append('rect').attr('rx', 4))
    .attr('data-box', (d) => d.key)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => Math.max(0, d.w))
    .attr('height', (d) => d.h)
    .attr('fill', (d) => BOX_STYLE[d.kind]?.fill ?? 'none')
    .attr('stroke', (d) => BOX_STYLE[d.kind]?.stroke ?? 'none')
    .attr('stroke-width', (d) => BOX_STYLE[d.kind]?.width ?? 0)
    .attr('stroke-dasharray', (d) => BOX_STYLE[d.kind]?.dash ?? null)
    // A label only where there is a role to carry it (a row's rect is decoration).
    .attr('aria-label', (d) => (d.label === '' || d.kind === 'row' ? null : d.label))
    .attr('role', (d) => (d.label === '' || d.kind === 'row' ? null : 'img'));
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
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('text-anchor', (d) => d.anchor)
    .attr('font-weight', (d) => (d.bold ? 700 : 400))
    .text((d) => d.text);
}

export function createSchedulerController(el: HTMLElement, options: ControllerOptions): ViewController {
  const svg = appendSvg(el, 'tl-scheduler', 'Scheduler: threads, queues, blocking pool and timers');
  const boxes = svg.append('g').attr('class', 'tl-boxes');
  const labels = svg.append('g').attr('class', 'tl-labels');
  const tokens = svg.append('g').attr('class', 'tl-tokens');
  let last: ViewInput | undefined;
  let scale = viewScale(el);
  const size = watchSize(el, () => {
    scale = viewScale(el);
    if (last !== undefined) render(last, 0);
  });
  const unbind = bindTokenEvents(el, (task) => options.onSelectTask?.(task));

  function render(input: ViewInput, moveMs: number): void {
    const model = deriveScheduler(input.view, input.history, input.position, {
      flavor: input.flavor,
      workers: input.workers,
    });
    const layout = layoutScheduler(model, input.view, size.width / scale, input.selectedTask);
    svg
      .attr('width', Math.floor(layout.width * scale))
      .attr('height', Math.floor(layout.height * scale))
      .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
      .attr('data-flavor', model.flavor);
    drawBoxes(boxes, layout.boxes);
    drawLabels(labels, layout.labels);
    joinTokens(tokens, layout.tokens, moveMs);
  }

  return {
    update(input, prev) {
      last = input;
      render(input, prev === undefined ? 0 : input.motionMs);
    },
    destroy() {
      unbind();
      size.disconnect();
      svg.remove();
      last = undefined;
    },
  };
}
