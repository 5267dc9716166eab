/**
 * The lifecycle board (design.md §6): tasks as tokens in the lanes Spawned → Notified → Running →
 * Idle → Complete → Joined/Released, each token moving to its new lane when a step changes it.
 * d3 owns the SVG; tokens are joined by task id so a token is the same element for its whole
 * life (focus survives, moves animate). Unchanged tokens are not touched, so a frame with a
 * thousand live tasks only writes what moved.
 */
import type { Selection } from 'd3-selection';
import { deriveBoard } from '../../../store/view/derive-board.ts';
import { viewScale, watchSize } from '../shared/measure.ts';
import { INK, UI_FONT } from '../shared/palette.ts';
import { appendSvg, joinTokens, setAttrs, setText } from '../shared/controller.ts';
import { bindTokenEvents } from '../shared/token-events.ts';
import { changeMotionMs } from '../shared/motion.ts';
import type { ControllerOptions, ViewController, ViewInput } from '../shared/view-input.ts';
import { HEADER_H, boardTokenLimit, layoutBoard } from './layout.ts';
import type { BoardLayout, LaneBox } from './layout.ts';

export const BOARD_HEIGHT = 340;
/** A board inside an element of this class fills that element's height instead of growing. */
export const FIT_HEIGHT_CLASS = 'tl-fit-height';

function drawLanes(layer: Selection<SVGGElement, unknown, null, undefined>, lanes: readonly LaneBox[]): void {
  layer
    .selectAll<SVGGElement, LaneBox>('g.tl-lane')
    .data(lanes, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tl-lane');
      g.append('rect').attr('class', 'tl-lane-bg').attr('rx', 6).attr('stroke', INK).attr('stroke-width', 1.5);
      for (const [cls, weight] of [
        ['tl-lane-title', 700],
        ['tl-lane-count', 400],
      ] as const) {
        g.append('text')
          .attr('class', cls)
          .attr('dominant-baseline', 'central')
          .attr('font-family', UI_FONT)
          .attr('font-size', 18)
          .attr('font-weight', weight)
          .attr('fill', INK);
      }
      return g;
    })
    .call(setAttrs, { 'data-lane': (d: LaneBox) => d.id, 'data-count': (d: LaneBox) => d.count })
    .call((g) =>
      g.select<SVGRectElement>('rect').call(setAttrs, {
        x: (d: LaneBox) => d.x,
        y: (d: LaneBox) => d.y + 2,
        width: (d: LaneBox) => d.w,
        height: (d: LaneBox) => d.h - 4,
      }),
    )
    .call((g) =>
      g
        .select<SVGTextElement>('text.tl-lane-title')
        .call(setAttrs, {
          x: (d: LaneBox) => d.x + 8,
          y: (d: LaneBox) => (d.headerH === HEADER_H ? d.y + 20 : d.y + 2 + d.headerH / 2),
          'font-size': (d: LaneBox) => (d.headerH === HEADER_H ? 18 : 14),
        })
        .call(setText, (d: LaneBox) => d.lines[0]),
    )
    .call((g) =>
      g
        .select<SVGTextElement>('text.tl-lane-count')
        .call(setAttrs, { x: (d: LaneBox) => d.x + 8, y: (d: LaneBox) => d.y + 44 })
        .call(setText, (d: LaneBox) => d.lines[1]),
    );
}

export function createBoardController(el: HTMLElement, options: ControllerOptions): ViewController {
  const svg = appendSvg(el, 'tl-board', 'Lifecycle board: tasks by state');
  const lanes = svg.append('g').attr('class', 'tl-lanes');
  const tokens = svg.append('g').attr('class', 'tl-tokens');
  // Decided once: a host's role (lab column or embed frame) does not change while it lives.
  const fitHeight = el.closest(`.${FIT_HEIGHT_CLASS}`) !== null;
  let last: ViewInput | undefined;
  /** Each crowded lane's window as last drawn, kept from frame to frame (compactLane). */
  let windows: BoardLayout['windows'] = new Map();
  let scale = viewScale(el);
  const size = watchSize(el, () => {
    scale = viewScale(el);
    if (last !== undefined) render(last, 0);
  });
  const unbind = bindTokenEvents(el, (task) => options.onSelectTask?.(task));

  function render(input: ViewInput, moveMs: number): void {
    const height = fitHeight && size.height > 0 ? size.height / scale : BOARD_HEIGHT;
    const width = size.width / scale;
    const model = deriveBoard(input.view, {
      limit: boardTokenLimit(width, height, fitHeight),
      selected: input.selectedTask,
    });
    const view = input.view;
    const layout = layoutBoard(model, width, height, input.selectedTask, fitHeight, {
      slots: windows,
      taskOf: (id) => view.tasks.get(id),
    });
    windows = layout.windows;
    svg.call(setAttrs, {
      width: Math.floor(layout.width * scale),
      height: Math.floor(layout.height * scale),
      viewBox: `0 0 ${layout.width} ${layout.height}`,
    });
    drawLanes(lanes, layout.lanes);
    joinTokens(tokens, layout.tokens, moveMs);
  }

  return {
    update(input, prev) {
      last = input;
      render(input, changeMotionMs(input, prev));
    },
    destroy() {
      unbind();
      size.disconnect();
      svg.remove();
      last = undefined;
    },
  };
}
