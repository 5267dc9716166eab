/**
 * d3 helpers the view controllers share (this is the one shared file the lint lets use d3):
 * the keyed join of task tokens, with moves animated over `moveMs` and entering/leaving tokens
 * faded. A token is the same element for as long as its key is drawn, so keyboard focus survives
 * updates and a task visibly travels from one place to the next.
 */
import { select } from 'd3-selection';
import type { Selection } from 'd3-selection';
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

/** Draws `data` as tokens in `layer`, keyed by `key`. */
export function joinTokens<T extends TokenDatum>(layer: Layer, data: readonly T[], moveMs: number): void {
  layer
    .selectAll<SVGGElement, T>('g.tl-token')
    .data(data, (d) => d.key)
    .join(
      (enter) =>
        enter
          .append((d) => makeTokenElement(d))
          .each(function (d) {
            placeToken(this, d, 0);
            if (moveMs > 0) select(this).attr('opacity', 0).transition('fade').duration(moveMs).attr('opacity', 1);
          }),
      (update) =>
        update.each(function (d) {
          placeToken(this, d, moveMs);
        }),
      (exit) => {
        if (moveMs === 0) return exit.interrupt('move').remove();
        // A fading token leaves the join at once, so a task coming back gets a fresh token.
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
