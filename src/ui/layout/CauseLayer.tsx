/**
 * Causes drawn over the stage (issue 11): for the step on show, an arrow from whoever woke a task
 * (another task's chip, the main future's row, the timers row for the driver) to the woken task's
 * chip, and a dashed ring with "next" on the task the scheduler polls next, before it moves.
 * Geometry comes from the rendered elements' boxes, measured once the views have drawn (and
 * again when their motion ends); under prefers-reduced-motion nothing animates.
 */
import { useEffect, useRef, useState } from 'react';
import { useLab } from '../lab/lab-context.tsx';
import { useViewInput } from '../views/shared/use-view-input.ts';
import { nextPolled, wakesAtStep } from './cause.ts';
import type { Cause, Waker } from './cause.ts';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
interface Arrow {
  readonly key: string;
  readonly d: string;
  readonly label: string;
  readonly lx: number;
  readonly ly: number;
}
interface Drawn {
  readonly arrows: readonly Arrow[];
  readonly next: Box | undefined;
}

const NOTHING: Drawn = { arrows: [], next: undefined };

const sameBox = (a: Box | undefined, b: Box | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h);

function sameDrawn(d: Drawn, arrows: readonly Arrow[], next: Box | undefined): boolean {
  return (
    sameBox(d.next, next) &&
    d.arrows.length === arrows.length &&
    d.arrows.every((a, i) => a.key === arrows[i].key && a.d === arrows[i].d && a.label === arrows[i].label)
  );
}

function boxIn(root: HTMLElement, selector: string): Box | undefined {
  const el = root.querySelector(selector);
  if (el === null) return undefined;
  const r = el.getBoundingClientRect();
  const o = root.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return undefined;
  // A strip scrolls inside itself: an element scrolled out of it is pinned to the strip's edge.
  const clip = el.closest('.region')?.getBoundingClientRect();
  const top =
    clip === undefined ? r.top : Math.min(Math.max(r.top, clip.top), clip.bottom - Math.min(r.height, clip.height));
  return { x: r.left - o.left, y: top - o.top, w: r.width, h: r.height };
}

const chip = (task: number) => `[data-view="board"] [data-task="${task}"]`;

function wakerBox(
  root: HTMLElement,
  w: Waker,
  socketName: (id: number) => string,
): { box: Box | undefined; name: string } {
  switch (w.kind) {
    case 'task':
      return { box: boxIn(root, chip(w.task)), name: `task ${w.task}` };
    case 'main':
      return { box: boxIn(root, '[data-view="scheduler"] [data-box="row-main"]'), name: 'main' };
    case 'driver':
      return { box: boxIn(root, '[data-view="scheduler"] [data-box="row-timers"]'), name: 'timer' };
    case 'socket':
      return {
        box:
          boxIn(root, `[data-view="scheduler"] [data-box="sock-${w.socket}"]`) ??
          boxIn(root, '[data-view="scheduler"] [data-box="row-io"]'),
        name: socketName(w.socket),
      };
  }
}

function arrowOf(root: HTMLElement, c: Cause, socketName: (id: number) => string): Arrow | undefined {
  const to = boxIn(root, chip(c.target));
  const { box: from, name } = wakerBox(root, c.waker, socketName);
  if (to === undefined || from === undefined) return undefined;
  const sx = from.x + from.w / 2;
  const sy = from.y + from.h / 2;
  const tx = to.x + to.w / 2;
  const ty = to.y + to.h + 4;
  // A bow below the straight line, so the arrow clears the chips it passes.
  const mx = (sx + tx) / 2;
  const my = Math.max(sy, ty) + Math.min(80, Math.abs(tx - sx) / 3 + 24);
  return {
    key: `${c.target}<${name}`,
    d: `M${sx},${sy} Q${mx},${my} ${tx},${ty}`,
    label: `wake${c.byVal ? '' : ' (by ref)'} · ${name}`,
    lx: mx,
    ly: (Math.max(sy, ty) + my) / 2 + 6,
  };
}

export function CauseLayer() {
  const lab = useLab();
  const input = useViewInput(lab.store);
  const host = useRef<SVGSVGElement | null>(null);
  const [drawn, setDrawn] = useState<Drawn>(NOTHING);
  const { history, position, view, motionMs } = input;

  // The measure for the step on show; the size watcher below calls whichever is current.
  const measureNow = useRef<() => void>(() => {});
  // Observes the board once it is there (views mount after the layer, and may remount).
  const watchBoard = useRef<() => void>(() => {});
  useEffect(() => {
    const causes = wakesAtStep(history.wakes, position, view.step);
    const next = nextPolled(history, position);
    const measure = () => {
      const root = host.current?.parentElement;
      if (root === null || root === undefined) return;
      const names = view.io.names;
      const socketName = (id: number) => names[id] ?? `socket ${id}`;
      const arrows = causes.map((c) => arrowOf(root, c, socketName)).filter((a): a is Arrow => a !== undefined);
      const box = next === undefined ? undefined : boxIn(root, chip(next));
      // Nothing moved (most frames while playing fast): no new state, so no render.
      setDrawn((d) => (sameDrawn(d, arrows, box) ? d : { arrows, next: box }));
    };
    measureNow.current = measure;
    watchBoard.current();
    // After the views have drawn this step, and again once their tokens have finished moving.
    const frame = requestAnimationFrame(measure);
    const settled = setTimeout(measure, motionMs + 40);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(settled);
    };
  }, [history, position, view, motionMs]);

  // Whenever the stage or the board changes size (the board then lays its chips out anew). One
  // observer for the layer's life: observing anew each step would measure each step twice more.
  useEffect(() => {
    const root = host.current?.parentElement;
    if (typeof ResizeObserver !== 'function' || root == null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const resized = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => measureNow.current(), 0);
    });
    resized.observe(root);
    let board: Element | null = null;
    watchBoard.current = () => {
      const now = root.querySelector('[data-view="board"]');
      if (now === board) return;
      if (board !== null) resized.unobserve(board);
      board = now;
      if (board !== null) resized.observe(board);
    };
    watchBoard.current();
    return () => {
      clearTimeout(timer);
      resized.disconnect();
      watchBoard.current = () => {};
    };
  }, []);

  return (
    <svg ref={host} className="cause-layer" aria-hidden="true" data-testid="cause-layer">
      <defs>
        <marker id="cause-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#14171c" />
        </marker>
      </defs>
      {drawn.next !== undefined && (
        <g className="cause-next" data-cause="next">
          <rect x={drawn.next.x - 5} y={drawn.next.y - 5} width={drawn.next.w + 10} height={drawn.next.h + 10} rx={8} />
          {/* A tab on the ring's top edge: beside the chip it would cover the next chip in the lane. */}
          <text x={drawn.next.x + 2} y={drawn.next.y - 5}>
            next
          </text>
        </g>
      )}
      {drawn.arrows.map((a) => (
        <g key={a.key} className="cause-arrow" data-cause="wake">
          <path className="cause-underlay" d={a.d} />
          <path className="cause-line" d={a.d} markerEnd="url(#cause-head)" />
          <text x={a.lx} y={a.ly} textAnchor="middle">
            {a.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
