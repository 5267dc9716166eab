/** A modal table of keys and what they do: the lab's and the course's `?` help share it. */
import { useEffect, useRef } from 'react';
import { helpRows } from './shortcuts.ts';
import type { ShortcutScope } from './shortcuts.ts';

export function KeyTableDialog(props: {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly title: string;
  readonly titleId: string;
  readonly className: string;
  /** Whose keys to list: the rows come from the one key table. */
  readonly scope: ShortcutScope;
}) {
  const { open, onClose, title, titleId, className, scope } = props;
  const rows = helpRows(scope);
  const groups = [...new Set(rows.map((r) => r.group))];
  const dialog = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className={className} aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <table data-scope={scope}>
        {groups.map((g) => (
          <tbody key={g}>
            <tr>
              <th scope="colgroup" colSpan={2} className="key-group">
                {g}
              </th>
            </tr>
            {rows
              .filter((r) => r.group === g)
              .map((k) => (
                <tr key={k.display}>
                  <th scope="row">
                    <kbd>{k.display}</kbd>
                  </th>
                  <td>{k.description}</td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
