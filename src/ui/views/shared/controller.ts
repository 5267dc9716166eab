/**
 * d3 helpers the view controllers share (this is the one shared file the lint lets use d3):
 * the keyed join of task tokens, with moves animated over `moveMs` and entering/leaving tokens
 * faded. A token is the same element for as long as its key is drawn, so keyboard focus survives
 * updates and a task visibly travels from one place to the next.
 */
import { select } from 'd3-selection';
import type { BaseType, Selection } from 'd3-selection';
import 'd3-transition';
import { drawTokenElement, makeTokenElement } from './token-dom.ts';
import type { TokenDatum } from './token-dom.ts';

export type Layer = Selection<SVGGElement, unknown, null, undefined>;

function placeToken(g: SVGGElement, d: TokenDatum, moveMs: number): void {
  const { transform, first } = drawTokenElement(g, d);
  if (transform === undefined) return;
  if (first || moveMs === 0) {
    select(g).interrupt('move');
    g.setAttribute('transform', transform);
  } else {
    select(g).transition('move').duration(moveMs).attr('transform', transform);
  }
}

/** An offset from a token's place, in the view's units. */
export interface Offset {
  readonly dx: number;
  readonly dy: number;
}

/**
 * Where a token comes from when it appears and goes when it disappears, so a view can make a
 * queue's ends visible (a push slides in at the tail, a pop leaves from the head). Without it,
 * tokens fade in and out in place.
 */
export interface TokenMotion<T extends TokenDatum> {
  /** Offset to slide in from, and a name for it (`data-enter`), or undefined to fade in place. */
  enterFrom?(d: T): (Offset & { readonly name: string }) | undefined;
  /** Offset to slide out to, and a name for it (`data-exit`), or undefined to fade in place. */
  exitTo?(d: T): (Offset & { readonly name: string }) | undefined;
}

const shifted = (d: TokenDatum, o: Offset): string => `translate(${d.x + o.dx},${d.y + o.dy})`;

/** Draws `data` as tokens in `layer`, keyed by `key`; `motion` says where tokens enter and leave. */
export function joinTokens<T extends TokenDatum>(
  layer: Layer,
  data: readonly T[],
  moveMs: number,
  motion: TokenMotion<T> = {},
): void {
  layer
    .selectAll<SVGGElement, T>('g.tl-token')
    .data(data, (d) => d.key)
    .join(
      (enter) =>
        enter
          .append((d) => makeTokenElement(d))
          .each(function (d) {
            placeToken(this, d, 0);
            if (moveMs === 0) return;
            const from = motion.enterFrom?.(d);
            if (from !== undefined) {
              this.setAttribute('data-enter', from.name);
              this.setAttribute('transform', shifted(d, from));
              select(this).transition('move').duration(moveMs).attr('transform', `translate(${d.x},${d.y})`);
            }
            select(this).attr('opacity', 0).transition('fade').duration(moveMs).attr('opacity', 1);
          }),
      (update) =>
        update.each(function (d) {
          placeToken(this, d, moveMs);
        }),
      (exit) => {
        if (moveMs === 0) return exit.interrupt('move').remove();
        // A fading token leaves the join at once, so a task coming back gets a fresh token.
        exit.each(function (d) {
          const to = motion.exitTo?.(d);
          if (to === undefined) return;
          this.setAttribute('data-exit', to.name);
          select(this).transition('move').duration(moveMs).attr('transform', shifted(d, to));
        });
        return exit
          .attr('class', 'tl-token-gone')
          .attr('data-task', null)
          .attr('tabindex', null)
          .attr('aria-hidden', 'true')
          .transition('fade')
          .duration(moveMs)
          .attr('opacity', 0)
          .remove();
      },
    );
}

/** Creates the view's root SVG inside `el`. */
export function appendSvg(
  el: HTMLElement,
  className: string,
  label: string,
): Selection<SVGSVGElement, unknown, null, undefined> {
  return select(el).append('svg').attr('class', `tl-view ${className}`).attr('role', 'group').attr('aria-label', label);
}

type AttrValue = string | number | boolean | null | undefined;
type AttrSpec<D> = AttrValue | ((d: D, i: number) => AttrValue);

/**
 * `selection.attr` for the attributes a view rewrites every frame, writing only where the value
 * differs from what the element has: Chromium invalidates an SVG element's style and layout on
 * every write, even of the same value, so a frame that rewrote every lane's unchanged geometry laid
 * the whole picture out again. Null or undefined removes the attribute, as in d3.
 */
export function setAttrs<E extends Element, D>(
  sel: Selection<E, D, BaseType, unknown>,
  attrs: Readonly<Record<string, AttrSpec<D>>>,
): void {
  sel.each(function (d, i) {
    for (const name in attrs) {
      const spec = attrs[name];
      const v = typeof spec === 'function' ? spec(d, i) : spec;
      const s = v === null || v === undefined ? null : String(v);
      if (this.getAttribute(name) === s) continue;
      if (s === null) this.removeAttribute(name);
      else this.setAttribute(name, s);
    }
  });
}

/** `selection.text` that leaves an element whose text is already `text(d)` untouched. */
export function setText<E extends Element, D>(sel: Selection<E, D, BaseType, unknown>, text: (d: D) => string): void {
  sel.each(function (d) {
    const t = text(d);
    if (this.textContent !== t) this.textContent = t;
  });
}
