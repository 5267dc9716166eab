/** The `?` help: every shortcut, read from the same table the handler uses. */
import { useLab, useUi } from '../lab/lab-context.tsx';
import { KeyTableDialog } from './KeyTableDialog.tsx';

export function ShortcutsDialog() {
  const lab = useLab();
  const open = useUi((u) => u.helpOpen);
  return (
    <KeyTableDialog
      open={open}
      onClose={() => lab.ui.getState().setHelpOpen(false)}
      title="Keyboard shortcuts"
      titleId="shortcuts-title"
      className="shortcuts-dialog"
      scope="lab"
    />
  );
}
