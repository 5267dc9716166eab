/** Slidev's `g`: a small box that takes a slide number and goes there. */
import { useEffect, useId, useRef, useState } from 'react';

export function GotoDialog(props: {
  readonly total: number;
  readonly current: number;
  readonly close: () => void;
  readonly go: (index: number) => void;
}) {
  const { total, current, close, go } = props;
  const dialog = useRef<HTMLDialogElement | null>(null);
  const [value, setValue] = useState(String(current + 1));
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
  }, []);
  const n = Number(value);
  const valid = Number.isInteger(n) && n >= 1 && n <= total;
  return (
    <dialog ref={dialog} className="goto-dialog keys-help" aria-labelledby={`${id}-title`} onClose={close}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          go(n - 1);
          close();
        }}
      >
        <h2 id={`${id}-title`}>Go to slide</h2>
        <label htmlFor={`${id}-n`}>Slide number (1–{total})</label>{' '}
        <input
          id={`${id}-n`}
          type="number"
          min={1}
          max={total}
          value={value}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={!valid}
        />{' '}
        <button type="submit" disabled={!valid}>
          Go
        </button>
      </form>
    </dialog>
  );
}
