/** The `?` dialog: every key of the course, from the same table the handler reads. */
import { KeyTableDialog } from '../shortcuts/KeyTableDialog.tsx';
import { DECK_KEYS } from './keys.ts';

export function KeysHelp({ close }: { readonly close: () => void }) {
  return (
    <KeyTableDialog open onClose={close} title="Keys" titleId="keys-title" className="keys-help" rows={DECK_KEYS} />
  );
}
