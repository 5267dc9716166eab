/**
 * Token elements shared by the views (board, scheduler, timeline): an SVG group holding an
 * outline and a label, keyed by task. Creation and attribute updates are plain DOM so they are
 * cheap and need no d3; moving a token (which may animate) stays with each view's controller.
 */
import { INK, MONO_FONT, STROKE_WIDTH } from './palette.ts';
import { tokenPath } from './shapes.ts';
import type { TokenShape } from './glyphs.ts';
import { LIFECYCLE_FILL, textOn } from './palette.ts';
import { taskAriaLabel, tokenShape, tokenText } from './glyphs.ts';
import type { TaskView } from '../../../store/index.ts';

export interface TokenDatum {
  /**
   * Join key: `t<id>` for a task, so its element follows it; or a slot's key where tokens are too
   * many to follow (a crowded board lane), so the element stays and shows whoever is there.
   */
  readonly key: string;
  /** The task, or undefined for an aggregate or a non-task token. */
  readonly task: number | undefined;
  /** Centre. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly shape: TokenShape;
  readonly fill: string;
  readonly ink: string;
  /** Empty for compact tokens. */
  readonly text: string;
  readonly label: string;
  readonly selected: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What was last written to a token element, so unchanged attributes are not written again. */
const drawn = new WeakMap<SVGGElement, TokenDatum>();

/** A token for task `t` at (x, y), `w`×`h`; `text` overrides the glyph-and-id label. */
export function taskToken(
  t: TaskView,
  x: number,
  y: number,
  w: number,
  h: number,
  selected: boolean,
  text?: string,
): TokenDatum {
  const fill = LIFECYCLE_FILL[t.lifecycle];
  return {
    key: `t${t.id}`,
    task: t.id,
    x,
    y,
    w,
    h,
    shape: tokenShape(t),
    fill,
    ink: textOn(fill),
    text: text ?? tokenText(t),
    label: taskAriaLabel(t),
    selected,
  };
}

/** Makes `g` stand for `task` (focusable, selectable) or for no task (an aggregate). */
function setTask(g: SVGGElement, task: number | undefined): void {
  g.setAttribute('class', task === undefined ? 'tl-token tl-more' : 'tl-token');
  if (task !== undefined) {
    g.setAttribute('data-task', String(task));
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
  } else {
    g.removeAttribute('data-task');
    g.removeAttribute('tabindex');
    g.removeAttribute('aria-pressed');
    g.setAttribute('role', 'img');
  }
}

export function makeTokenElement(d: TokenDatum): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  setTask(g, d.task);
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('stroke', INK);
  path.setAttribute('stroke-width', String(STROKE_WIDTH));
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('text-anchor', 'middle');
  text.setAttribute('dominant-baseline', 'central');
  text.setAttribute('font-family', MONO_FONT);
  text.setAttribute('font-size', '18');
  text.setAttribute('font-weight', '700');
  text.setAttribute('aria-hidden', 'true');
  // the tooltip: a token's text may be cut ("▶ 3 fetch_p…"); the title says it all
  const title = document.createElementNS(SVG_NS, 'title');
  g.append(path, text, title);
  return g;
}

/**
 * Writes what changed since the last call, except the position. Returns the transform to move
 * to, or undefined when the token has not moved (`first` tells whether it was ever placed).
 */
export function drawTokenElement(g: SVGGElement, d: TokenDatum): { transform: string | undefined; first: boolean } {
  const old = drawn.get(g);
  drawn.set(g, d);
  const path = g.children[0] as SVGPathElement;
  const text = g.children[1] as SVGTextElement;
  const title = g.children[2] as SVGTitleElement;
  if (old === undefined || old.shape !== d.shape || old.w !== d.w || old.h !== d.h) {
    path.setAttribute('d', tokenPath(d.shape, d.w, d.h));
  }
  if (old !== undefined && old.task !== d.task) {
    // A slot-keyed token showing another task only changes its id: the rest stays.
    if (old.task !== undefined && d.task !== undefined) g.setAttribute('data-task', String(d.task));
    else setTask(g, d.task);
  }
  if (old?.fill !== d.fill) path.setAttribute('fill', d.fill);
  if (old?.selected !== d.selected) {
    g.classList.toggle('is-selected', d.selected);
    if (d.task !== undefined) g.setAttribute('aria-pressed', String(d.selected));
  }
  if (old?.text !== d.text || old.ink !== d.ink) {
    text.textContent = d.text;
    text.setAttribute('fill', d.ink);
  }
  if (old?.label !== d.label) {
    g.setAttribute('aria-label', d.label);
    title.textContent = d.label;
  }
  const moved = old === undefined || old.x !== d.x || old.y !== d.y;
  return { transform: moved ? `translate(${d.x},${d.y})` : undefined, first: old === undefined };
}
