/** The course's zoom steps (the `+`, `−` and `0` keys). */
export const MIN_ZOOM = 0.6;
export const MAX_ZOOM = 2;

export function zoomed(zoom: number, command: 'zoom-in' | 'zoom-out' | 'zoom-reset'): number {
  if (command === 'zoom-reset') return 1;
  const next = Math.round((zoom + (command === 'zoom-in' ? 0.1 : -0.1)) * 10) / 10;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
}
