/** The size of a view's host element, kept current without reading layout on every update. */
export interface SizeWatcher {
  readonly width: number;
  readonly height: number;
  disconnect(): void;
}

/** Watches `el`; calls `onResize` after its size changes (not for the first measurement). */
export function watchSize(el: HTMLElement, onResize: () => void, fallbackWidth = 960): SizeWatcher {
  let width = el.clientWidth || fallbackWidth;
  let height = el.clientHeight;
  let observer: ResizeObserver | undefined;
  if (typeof ResizeObserver === 'function') {
    observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box === undefined) return;
      const w = Math.round(box.width);
      const h = Math.round(box.height);
      if (w === width && h === height) return;
      width = w || fallbackWidth;
      height = h;
      onResize();
    });
    observer.observe(el);
  }
  return {
    get width() {
      return width;
    },
    get height() {
      return height;
    },
    disconnect: () => observer?.disconnect(),
  };
}

/** The type size the views draw at (views.css: 18px); a host styled larger draws everything larger. */
export const BASE_FONT_PX = 18;

/**
 * How much larger than the base size `el`'s CSS asks its picture to be (the projector theme sets
 * the host's font-size in rem): geometry is laid out at 1/scale and the SVG's viewBox scales it up.
 */
export function viewScale(el: HTMLElement): number {
  const px = typeof getComputedStyle === 'function' ? parseFloat(getComputedStyle(el).fontSize) : NaN;
  return Number.isFinite(px) && px > 0 ? Math.min(2.5, Math.max(0.5, px / BASE_FONT_PX)) : 1;
}
