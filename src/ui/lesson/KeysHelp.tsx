/** The `?` dialog: every key of the course, from the same table the handler reads. */
import { useEffect, useRef } from 'react';
import { DECK_KEYS } from './keys.ts';

export function KeysHelp({ close }: { readonly close: () => void }) {
  const ref = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d !== null && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="keys-help" aria-labelledby="keys-title" onClose={close}>
      <h2 id="keys-title">Keys</h2>
      <table>
        <tbody>
          {DECK_KEYS.map((k) => (
            <tr key={k.command}>
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
