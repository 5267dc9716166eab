/**
 * Keyboard and pointer handling shared by the views' tokens: one delegated listener per view
 * (not one per token), so a thousand tokens cost no listeners. A token is any element with
 * `data-task`; Enter, Space or a click selects it; arrow keys move focus between tokens.
 */
export function bindTokenEvents(root: Element, onSelect: (task: number) => void): () => void {
  const taskOf = (target: EventTarget | null): Element | null =>
    target instanceof Element ? target.closest('[data-task]') : null;

  const onClick = (ev: Event): void => {
    const el = taskOf(ev.target);
    const id = Number(el?.getAttribute('data-task'));
    if (el !== null && Number.isFinite(id)) onSelect(id);
  };

  const onKey = (ev: Event): void => {
    if (!(ev instanceof KeyboardEvent)) return;
    const el = taskOf(ev.target);
    if (el === null) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      const id = Number(el.getAttribute('data-task'));
      if (Number.isFinite(id)) onSelect(id);
      return;
    }
    const step =
      ev.key === 'ArrowRight' || ev.key === 'ArrowDown' ? 1 : ev.key === 'ArrowLeft' || ev.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    const all = Array.from(root.querySelectorAll<HTMLElement | SVGElement>('[data-task][tabindex]'));
    const next = all[all.indexOf(el as HTMLElement | SVGElement) + step];
    if (next !== undefined) {
      ev.preventDefault();
      next.focus();
    }
  };

  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKey);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKey);
  };
}
