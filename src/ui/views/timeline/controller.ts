/**
 * The timeline (design.md §6): one lane per task over the trace's steps, showing when it was
 * queued, running and idle, with an arrow for each wake-up from the waker's lane (or from the
 * runtime's axis when a timer or the driver woke it). Activities differ by bar height and outline
 * as well as colour: running is a full bar, queued a dashed half bar, idle a thin line.
 */
import { scaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { deriveTimeline } from '../../../store/view/derive-timeline.ts';
import type { TimelineArrow, TimelineLane, TimeTick } from '../../../store/view/derive-timeline.ts';
import type { Activity } from '../../../store/view/derive-history.ts';
import { appendSvg } from '../shared/controller.ts';
import { LIFECYCLE_GLYPH } from '../shared/glyphs.ts';
import { watchSize } from '../shared/measure.ts';
import { INK, LIFECYCLE_FILL, MONO_FONT, OKABE_ITO, UI_FONT } from '../shared/palette.ts';
import { bindTokenEvents } from '../shared/token-events.ts';
import type { ControllerOptions, ViewController, ViewInput } from '../shared/view-input.ts';

export const LANE_H = 30;
const LABEL_W = 150;
/** Legend row, then the time-tick row, then lanes. */
const AXIS_H = 62;
const TICK_Y = 46;
const LEGEND: readonly { readonly activity: Activity; readonly text: string }[] = [
  { activity: 'running', text: `${LIFECYCLE_GLYPH.running} running` },
  { activity: 'queued', text: `${LIFECYCLE_GLYPH.notified} queued` },
  { activity: 'idle', text: `${LIFECYCLE_GLYPH.idle} idle` },
];

const BAR: Readonly<Record<Activity, { h: number; fill: string; dash: string | null }>> = {
  running: { h: 22, fill: LIFECYCLE_FILL.running, dash: null },
  queued: { h: 14, fill: LIFECYCLE_FILL.notified, dash: '4 3' },
  idle: { h: 6, fill: LIFECYCLE_FILL.idle, dash: null },
  spawned: { h: 6, fill: LIFECYCLE_FILL.spawned, dash: null },
  done: { h: 0, fill: 'none', dash: null },
};

type G = Selection<SVGGElement, unknown, null, undefined>;
interface PathDatum {
  readonly key: string;
  readonly activity: Activity;
  readonly d: string;
}
const DRAWN: readonly Activity[] = ['idle', 'queued', 'running'];

export function createTimelineController(el: HTMLElement, options: ControllerOptions): ViewController {
  const svg = appendSvg(el, 'tl-timeline', 'Timeline: each task over the steps of the run');
  const defs = svg.append('defs');
  defs
    .append('marker')
    .attr('id', 'tl-arrowhead')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10Z')
    .attr('fill', OKABE_ITO.vermillion);
  const axis = svg.append('g').attr('class', 'tl-axis');
  const lanesG = svg.append('g').attr('class', 'tl-lanes');
  const segsG = svg.append('g').attr('class', 'tl-segs');
  const arrowsG = svg.append('g').attr('class', 'tl-arrows');
  const note = svg.append('text').attr('font-family', UI_FONT).attr('font-size', 18).attr('fill', INK);
  let last: ViewInput | undefined;
  const size = watchSize(el, () => {
    if (last !== undefined) render(last);
  });
  const unbind = bindTokenEvents(el, (task) => options.onSelectTask?.(task));

  function render(input: ViewInput): void {
    const model = deriveTimeline(input.history, input.position, input.view.step, { selected: input.selectedTask });
    const width = size.width;
    const height = AXIS_H + model.lanes.length * LANE_H + (model.hiddenLanes > 0 ? LANE_H : 0) + 8;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const x = scaleLinear()
      .domain([model.fromStep, Math.max(model.toStep, model.fromStep + 1)])
      .range([LABEL_W, width - 12]);
    const laneY = new Map<number, number>();
    model.lanes.forEach((l, i) => laneY.set(l.task, AXIS_H + i * LANE_H + LANE_H / 2));

    drawAxis(axis, model.ticks, x, height);
    drawLanes(lanesG, model.lanes, laneY, width, input.selectedTask);
    // One path per lane and activity (a run of rectangles), so a frame writes a few dozen
    // attributes however many segments the lanes hold.
    const paths: PathDatum[] = [];
    for (const l of model.lanes) {
      const y = laneY.get(l.task) ?? 0;
      for (const activity of DRAWN) {
        const bar = BAR[activity];
        let d = '';
        for (const seg of l.segments) {
          if (seg.activity !== activity) continue;
          const x0 = x(seg.fromStep);
          const w = Math.max(2, x(seg.toStep) - x0);
          d += `M${x0.toFixed(1)},${(y - bar.h / 2).toFixed(1)}h${w.toFixed(1)}v${bar.h}h${(-w).toFixed(1)}Z`;
        }
        if (d !== '') paths.push({ key: `${l.task}:${activity}`, activity, d });
      }
    }
    segsG
      .selectAll<SVGPathElement, PathDatum>('path')
      .data(paths, (p) => p.key)
      .join((enter) =>
        enter
          .append('path')
          .attr('data-activity', (p) => p.activity)
          .attr('fill', (p) => BAR[p.activity].fill)
          .attr('stroke', INK)
          .attr('stroke-width', 1.5)
          .attr('stroke-dasharray', (p) => BAR[p.activity].dash),
      )
      .attr('d', (p) => p.d);
    drawArrows(arrowsG, model.arrows, x, laneY);
    note
      .attr('x', 12)
      .attr('y', height - 12)
      .text(model.hiddenLanes > 0 ? `+${model.hiddenLanes} more tasks not shown` : '');
  }

  return {
    update(input) {
      last = input;
      render(input);
    },
    destroy() {
      unbind();
      size.disconnect();
      svg.remove();
      last = undefined;
    },
  };
}

function drawAxis(g: G, ticks: readonly TimeTick[], x: (s: number) => number, height: number): void {
  g.selectAll<SVGGElement, TimeTick>('g.tl-tick')
    .data(ticks, (d) => `${d.step}:${d.ms}`)
    .join((enter) => {
      const t = enter.append('g').attr('class', 'tl-tick');
      t.append('line').attr('stroke', '#777').attr('stroke-dasharray', '3 3');
      t.append('text').attr('font-family', MONO_FONT).attr('font-size', 18).attr('fill', INK).attr('y', TICK_Y);
      return t;
    })
    .call((t) =>
      t
        .select('line')
        .attr('x1', (d) => x(d.step))
        .attr('x2', (d) => x(d.step))
        .attr('y1', TICK_Y + 6)
        .attr('y2', height - 4),
    )
    .call((t) =>
      t
        .select('text')
        .attr('x', (d) => x(d.step) + 3)
        .text((d) => `${d.ms} ms`),
    );
  g.selectAll<SVGGElement, (typeof LEGEND)[number]>('g.tl-legend')
    .data(LEGEND, (d) => d.activity)
    .join((enter) => {
      const item = enter.append('g').attr('class', 'tl-legend');
      item.append('rect').attr('width', 26).attr('stroke', INK).attr('stroke-width', 1.5);
      item
        .append('text')
        .attr('x', 32)
        .attr('y', 14)
        .attr('dominant-baseline', 'central')
        .attr('font-family', UI_FONT)
        .attr('font-size', 18)
        .attr('fill', INK);
      return item;
    })
    .attr('transform', (_d, i) => `translate(${8 + i * 150},0)`)
    .call((item) =>
      item
        .select('rect')
        .attr('y', (d) => 14 - BAR[d.activity].h / 2)
        .attr('height', (d) => BAR[d.activity].h)
        .attr('fill', (d) => BAR[d.activity].fill)
        .attr('stroke-dasharray', (d) => BAR[d.activity].dash),
    )
    .call((item) => item.select('text').text((d) => d.text));
}

function drawLanes(
  g: G,
  lanes: readonly TimelineLane[],
  laneY: Map<number, number>,
  width: number,
  selected: number | undefined,
): void {
  g.selectAll<SVGGElement, TimelineLane>('g.tl-tlane')
    .data(lanes, (d) => d.task)
    .join((enter) => {
      const lane = enter.append('g').attr('class', 'tl-tlane');
      lane
        .append('rect')
        .attr('class', 'tl-tlane-bg')
        .attr('x', 0)
        .attr('height', LANE_H - 2);
      lane
        .append('text')
        .attr('x', 8)
        .attr('dominant-baseline', 'central')
        .attr('font-family', MONO_FONT)
        .attr('font-size', 18)
        .attr('fill', INK);
      return lane;
    })
    .attr('data-task', (d) => (d.task === 0 ? null : d.task))
    .attr('tabindex', (d) => (d.task === 0 ? null : 0))
    .attr('role', (d) => (d.task === 0 ? null : 'button'))
    .attr('aria-label', (d) => (d.task === 0 ? 'main future lane' : `task ${d.task} lane`))
    .call((lane) =>
      lane
        .select('rect')
        .attr('y', (d) => (laneY.get(d.task) ?? 0) - LANE_H / 2 + 1)
        .attr('width', width)
        .attr('fill', (d) => (d.task === selected ? '#FFF3C4' : d.task % 2 === 0 ? '#F4F4F4' : '#FFFFFF')),
    )
    .call((lane) =>
      lane
        .select('text')
        .attr('y', (d) => laneY.get(d.task) ?? 0)
        .attr('font-weight', (d) => (d.task === selected ? 700 : 400))
        .text((d) => (d.label.length > 12 ? `${d.label.slice(0, 11)}…` : d.label)),
    );
}

function drawArrows(
  g: G,
  arrows: readonly TimelineArrow[],
  x: (s: number) => number,
  laneY: Map<number, number>,
): void {
  g.selectAll<SVGPathElement, TimelineArrow>('path')
    .data(arrows, (d) => d.at)
    .join('path')
    .attr('fill', 'none')
    .attr('stroke', OKABE_ITO.vermillion)
    .attr('stroke-width', 2.5)
    .attr('marker-end', 'url(#tl-arrowhead)')
    .attr('data-wake', (d) => `${d.from ?? 'runtime'}>${d.to}`)
    .attr('d', (d) => {
      // In the middle of the wake's step, bowing left so the newest arrows stay inside the plot.
      const x1 = x(d.step + 0.5);
      const y2 = laneY.get(d.to) ?? 0;
      const y1 = d.from === undefined ? AXIS_H - 6 : (laneY.get(d.from) ?? 0);
      const bend = Math.min(36, Math.abs(y2 - y1) / 2 + 8);
      const end = y2 + (y2 > y1 ? -8 : 8);
      return `M${x1},${y1}C${x1 - bend},${y1} ${x1 - bend},${end} ${x1},${end}`;
    });
}
