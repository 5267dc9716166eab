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
import { appendSvg, setAttrs, setText } from '../shared/controller.ts';
import { LABEL_FONT, LABEL_PAD, fitLabel, labelColumnWidth } from './lane-labels.ts';
import { stepMarkKey, stepMarks, stepMarkText } from './step-marks.ts';
import type { StepMark } from './step-marks.ts';
import { LIFECYCLE_GLYPH } from '../shared/glyphs.ts';
import { watchSize } from '../shared/measure.ts';
import { INK, LIFECYCLE_FILL, MONO_FONT, OKABE_ITO, UI_FONT } from '../shared/palette.ts';
import { bindTokenEvents } from '../shared/token-events.ts';
import type { ControllerOptions, ViewController, ViewInput } from '../shared/view-input.ts';

export const LANE_H = 30;
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
  const marksG = svg.append('g').attr('class', 'tl-step-marks');
  const note = svg.append('text').attr('font-family', UI_FONT).attr('font-size', 18).attr('fill', INK);
  // One monospace character's advance, measured once, sizes every lane label.
  const probe = svg
    .append('text')
    .attr('font-family', MONO_FONT)
    .attr('font-size', LABEL_FONT)
    .attr('visibility', 'hidden')
    .attr('aria-hidden', 'true')
    .text('0123456789');
  let advance = 0;
  const charAdvance = (): number => {
    if (advance === 0) advance = (probe.node()?.getComputedTextLength?.() ?? 0) / 10;
    return advance > 0 ? advance : LABEL_FONT * 0.6;
  };
  let last: ViewInput | undefined;
  const size = watchSize(el, () => {
    if (last !== undefined) render(last);
  });
  const unbind = bindTokenEvents(el, (task) => options.onSelectTask?.(task));

  function render(input: ViewInput): void {
    const model = deriveTimeline(input.history, input.position, input.view.step, { selected: input.selectedTask });
    const width = size.width;
    const height = AXIS_H + model.lanes.length * LANE_H + (model.hiddenLanes > 0 ? LANE_H : 0) + 8;
    svg.call(setAttrs, { width, height, viewBox: `0 0 ${width} ${height}` });
    const labelW = labelColumnWidth(
      model.lanes.map((l) => l.label),
      charAdvance(),
      width,
    );
    svg.call(setAttrs, { 'data-label-width': labelW });
    const x = scaleLinear()
      .domain([model.fromStep, Math.max(model.toStep, model.fromStep + 1)])
      .range([labelW, width - 12]);
    const laneY = new Map<number, number>();
    model.lanes.forEach((l, i) => laneY.set(l.task, AXIS_H + i * LANE_H + LANE_H / 2));

    drawAxis(axis, model, x, height, width);
    drawLanes(lanesG, model.lanes, laneY, { width, labelW, advance: charAdvance() }, input.selectedTask);
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
      .call(setAttrs, { d: (p: PathDatum) => p.d });
    drawArrows(arrowsG, model.arrows, x, laneY);
    const { io } = input.view;
    drawStepMarks(marksG, stepMarks(io.signal.pressSteps, io.faults, model.fromStep, model.toStep), x, {
      width,
      height,
    });
    note
      .call(setAttrs, { x: 12, y: height - 12 })
      .call(setText, () => (model.hiddenLanes > 0 ? `+${model.hiddenLanes} more tasks not shown` : ''));
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

/** Fewest pixels between two drawn step ticks; denser steps are ticked every 2, 5, 10, … steps. */
const MIN_STEP_GAP = 4;

function stepStride(pxPerStep: number): number {
  for (const base of [1, 10, 100, 1000, 10000]) {
    for (const m of [1, 2, 5]) if (pxPerStep * base * m >= MIN_STEP_GAP) return base * m;
  }
  return 100000;
}

/**
 * The axis is the run's simulated time: each clock reading is a labelled major tick at the step
 * where the paused clock reached it, and every scheduler step is a minor tick (many steps share
 * one instant while the clock is paused, so steps set the spacing and time labels the axis).
 */
function drawAxis(
  g: G,
  model: { readonly ticks: readonly TimeTick[]; readonly fromStep: number; readonly toStep: number },
  x: (s: number) => number,
  height: number,
  width: number,
): void {
  const [x0, x1] = [x(model.fromStep), x(model.toStep)];
  const stride = stepStride((x1 - x0) / Math.max(1, model.toStep - model.fromStep));
  let minor = `M${x0.toFixed(1)},${TICK_Y + 6}H${x1.toFixed(1)}`;
  for (let s = Math.ceil(model.fromStep / stride) * stride; s <= model.toStep; s += stride) {
    const sx = x(s).toFixed(1);
    minor += `M${sx},${TICK_Y + 6}v${s % (stride * 5) === 0 ? 9 : 5}`;
  }
  g.selectAll<SVGPathElement, string>('path.tl-steps')
    .data([minor])
    .join((enter) =>
      enter.append('path').attr('class', 'tl-steps').attr('stroke', INK).attr('stroke-width', 1).attr('fill', 'none'),
    )
    .call(setAttrs, { d: (d: string) => d });
  g.selectAll<SVGTextElement, string>('text.tl-axis-title')
    .data([stride === 1 ? 'virtual time · a tick per step' : `virtual time · a tick per ${stride} steps`])
    .join((enter) =>
      enter
        .append('text')
        .attr('class', 'tl-axis-title')
        .attr('text-anchor', 'end')
        .attr('y', 14)
        .attr('dominant-baseline', 'central')
        .attr('font-family', UI_FONT)
        .attr('font-size', 15)
        .attr('fill', INK),
    )
    .call(setAttrs, { x: width - 12 })
    .call(setText, (d: string) => d);
  // A label only where it does not run into the previous one; its line is drawn regardless.
  let freeFrom = -Infinity;
  const labelled = new Set<TimeTick>();
  for (const t of model.ticks) {
    const tx = x(t.step);
    if (tx >= freeFrom) {
      labelled.add(t);
      freeFrom = tx + 12 + `t=${t.ms} ms`.length * 10;
    }
  }
  g.selectAll<SVGGElement, TimeTick>('g.tl-tick')
    .data(model.ticks, (d) => `${d.step}:${d.ms}`)
    .join((enter) => {
      const t = enter.append('g').attr('class', 'tl-tick');
      t.append('line').attr('stroke', '#777').attr('stroke-dasharray', '3 3');
      t.append('text').attr('font-family', MONO_FONT).attr('font-size', 18).attr('fill', INK).attr('y', TICK_Y);
      return t;
    })
    .call((t) =>
      t.select<SVGLineElement>('line').call(setAttrs, {
        x1: (d: TimeTick) => x(d.step),
        x2: (d: TimeTick) => x(d.step),
        y1: TICK_Y + 6,
        y2: height - 4,
      }),
    )
    .call((t) =>
      t
        .select<SVGTextElement>('text')
        .call(setAttrs, { x: (d: TimeTick) => x(d.step) + 3 })
        .call(setText, (d: TimeTick) => (labelled.has(d) ? `t=${d.ms} ms` : '')),
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
    .call(setAttrs, { transform: (_d: (typeof LEGEND)[number], i: number) => `translate(${8 + i * 150},0)` })
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
  box: { readonly width: number; readonly labelW: number; readonly advance: number },
  selected: number | undefined,
): void {
  g.selectAll<SVGGElement, TimelineLane>('g.tl-tlane')
    .data(lanes, (d) => d.task)
    .join((enter) => {
      const lane = enter.append('g').attr('class', 'tl-tlane');
      lane.append('title');
      lane
        .append('rect')
        .attr('class', 'tl-tlane-bg')
        .attr('x', 0)
        .attr('height', LANE_H - 2);
      lane
        .append('text')
        .attr('class', 'tl-tlane-label')
        .attr('x', LABEL_PAD)
        .attr('font-family', MONO_FONT)
        .attr('fill', INK);
      return lane;
    })
    .call(setAttrs, {
      'data-task': (d: TimelineLane) => (d.task === 0 ? null : d.task),
      tabindex: (d: TimelineLane) => (d.task === 0 ? null : 0),
      role: (d: TimelineLane) => (d.task === 0 ? null : 'button'),
      'aria-label': (d: TimelineLane) => (d.task === 0 ? 'main future lane' : `task ${d.task} lane`),
    })
    .call((lane) => lane.select<SVGTitleElement>('title').call(setText, (d: TimelineLane) => d.label))
    .call((lane) =>
      lane.select<SVGRectElement>('rect').call(setAttrs, {
        y: (d: TimelineLane) => (laneY.get(d.task) ?? 0) - LANE_H / 2 + 1,
        width: box.width,
        fill: (d: TimelineLane) => (d.task === selected ? '#FFF3C4' : d.task % 2 === 0 ? '#F4F4F4' : '#FFFFFF'),
      }),
    )
    .call((lane) =>
      lane
        .select<SVGTextElement>('text')
        .call(setAttrs, {
          'data-label': (d: TimelineLane) => d.label,
          'font-weight': (d: TimelineLane) => (d.task === selected ? 700 : 400),
        })
        .each(function (d) {
          // Rebuilt only when the name, the column or the lane's place changes.
          const key = `${d.label}|${box.labelW}|${laneY.get(d.task) ?? 0}`;
          if (this.getAttribute('data-fit') === key) return;
          this.setAttribute('data-fit', key);
          const fitted = fitLabel(d.label, box.advance, box.labelW);
          const y = laneY.get(d.task) ?? 0;
          const lineH = fitted.fontSize * 1.05;
          const top = y - ((fitted.lines.length - 1) * lineH) / 2;
          this.setAttribute('font-size', String(fitted.fontSize));
          this.replaceChildren();
          fitted.lines.forEach((line, i) => {
            const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
            span.setAttribute('x', String(LABEL_PAD));
            span.setAttribute('y', (top + i * lineH).toFixed(1));
            span.setAttribute('dominant-baseline', 'central');
            span.textContent = line;
            this.appendChild(span);
          });
        }),
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

/** Each kind's look: both labelled in the time row, each its own colour and dash. */
const MARK_LOOK = {
  'ctrl-c': { testid: 'timeline-ctrl-c-mark', colour: OKABE_ITO.reddishPurple, dash: null },
  fault: { testid: 'timeline-fault-mark', colour: OKABE_ITO.orange, dash: '6 3' },
} as const;

/**
 * A line through every lane in the middle of the step a Ctrl-C arrived at or a fault was applied,
 * labelled in the time row: right of the line, or left of it near the right edge (where the newest
 * step and the axis title sit) and for a fault that shares its step with a Ctrl-C mark.
 */
function drawStepMarks(
  g: G,
  marks: readonly StepMark[],
  x: (s: number) => number,
  box: { readonly width: number; readonly height: number },
): void {
  const pressed = new Set(marks.filter((m) => m.kind === 'ctrl-c').map((m) => m.step));
  const nearEnd = (m: StepMark) => x(m.step + 0.5) > box.width - 96 !== (m.kind === 'fault' && pressed.has(m.step));
  g.selectAll<SVGGElement, StepMark>('g.tl-step-mark')
    .data(marks, stepMarkKey)
    .join((enter) => {
      const mark = enter
        .append('g')
        .attr('class', 'tl-step-mark')
        .attr('data-testid', (m) => MARK_LOOK[m.kind].testid)
        .attr('data-kind', (m) => m.kind);
      mark.append('title');
      mark
        .append('line')
        .attr('stroke', (m) => MARK_LOOK[m.kind].colour)
        .attr('stroke-width', 3)
        .attr('stroke-dasharray', (m) => MARK_LOOK[m.kind].dash)
        .attr('y1', TICK_Y - 12);
      mark
        .append('text')
        .attr('y', TICK_Y)
        .attr('font-family', MONO_FONT)
        .attr('font-size', 16)
        .attr('font-weight', 700)
        .attr('fill', INK)
        .attr('stroke', '#FFFFFF')
        .attr('stroke-width', 4)
        .attr('paint-order', 'stroke');
      return mark;
    })
    .attr('data-step', (m) => m.step)
    .call((mark) => mark.select('title').text((m) => stepMarkText(m).title))
    .call((mark) =>
      mark
        .select('line')
        .attr('x1', (m) => x(m.step + 0.5))
        .attr('x2', (m) => x(m.step + 0.5))
        .attr('y2', box.height - 4),
    )
    .call((mark) =>
      mark
        .select('text')
        .attr('x', (m) => x(m.step + 0.5) + (nearEnd(m) ? -5 : 5))
        .attr('text-anchor', (m) => (nearEnd(m) ? 'end' : 'start'))
        .text((m) => stepMarkText(m).label),
    );
}
