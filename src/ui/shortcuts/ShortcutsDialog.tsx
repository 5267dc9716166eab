/** The `?` help: every shortcut, read from the same table the handler uses. */
import { useEffect, useRef } from 'react';
import { useLab, useUi } from '../lab/lab-context.tsx';
import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutsDialog() {
  const lab = useLab();
  const open = useUi((u) => u.helpOpen);
  const dialog = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => lab.ui.getState().setHelpOpen(false)}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.display}>
              <th scope="row">
                <kbd>{s.display}</kbd>
              </th>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
