/** A modal table of keys and what they do: the lab's and the course's `?` help share it. */
import { useEffect, useRef } from 'react';

export interface KeyRow {
  readonly display: string;
  readonly description: string;
}

export function KeyTableDialog(props: {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly title: string;
  readonly titleId: string;
  readonly className: string;
  readonly rows: readonly KeyRow[];
}) {
  const { open, onClose, title, titleId, className, rows } = props;
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
      <table>
        <tbody>
          {rows.map((k) => (
            <tr key={k.display}>
              <th scope="row">
                <kbd>{k.display}</kbd>
              </th>
              <td>{k.description}</td>
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
