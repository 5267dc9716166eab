/**
 * Whether a scrolling region has more below what it shows (issue 11: a slide's words may scroll
 * in their own region on a projector, but never end cut off without saying so).
 */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

export function useMoreBelow(ref: RefObject<HTMLElement | null>): boolean {
  const [below, setBelow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const check = () => setBelow(el.scrollTop + el.clientHeight < el.scrollHeight - 2);
    // The mark itself takes room at the end of the region, so showing or hiding it moves the end:
    // look again once that layout has settled (a CI run once kept the mark at the very end).
    let frame = 0;
    const settle = () => {
      check();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(check);
    };
    settle();
    el.addEventListener('scroll', settle, { passive: true });
    // Content changes (a quiz opening, fonts arriving) and the region's own size both count.
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(settle) : undefined;
    const observeAll = () => {
      resize?.observe(el);
      for (const child of Array.from(el.children)) resize?.observe(child);
    };
    observeAll();
    const mutate =
      typeof MutationObserver === 'function'
        ? new MutationObserver(() => {
            observeAll();
            settle();
          })
        : undefined;
    mutate?.observe(el, { childList: true, subtree: true, characterData: true });
    void document.fonts?.ready.then(settle);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', settle);
      resize?.disconnect();
      mutate?.disconnect();
    };
  }, [ref]);
  return below;
}
