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
    check();
    el.addEventListener('scroll', check, { passive: true });
    // Content changes (a quiz opening, fonts arriving) and the region's own size both count.
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(check) : undefined;
    resize?.observe(el);
    for (const child of Array.from(el.children)) resize?.observe(child);
    const mutate = typeof MutationObserver === 'function' ? new MutationObserver(check) : undefined;
    mutate?.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      el.removeEventListener('scroll', check);
      resize?.disconnect();
      mutate?.disconnect();
    };
  }, [ref]);
  return below;
}
