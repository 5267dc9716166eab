/** The `?` dialog: every key of the course, from the one key table the handler reads. */
import { KeyTableDialog } from '../shortcuts/KeyTableDialog.tsx';

export function KeysHelp({ close }: { readonly close: () => void }) {
  return <KeyTableDialog open onClose={close} title="Keys" titleId="keys-title" className="keys-help" scope="course" />;
}
