/** The keyboard-shortcut help, generated from the same registry that binds the keys. */
import { COMMANDS } from '../../../src-shared/commands';
import { useView } from '../state/AppProvider';
import { Modal } from './Modal';

export function HelpOverlay() {
  const open = useView((s) => s.helpOpen);
  const setOpen = useView((s) => s.setHelpOpen);
  if (!open) return null;
  return (
    <Modal label="Keyboard shortcuts" onClose={() => setOpen(false)}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {COMMANDS.map((c) => (
              <tr key={c.id}><td>{c.keys.map((k) => <kbd key={k}>{k}</kbd>)}</td><td>{c.label}</td></tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Mouse: 3D — drag to orbit, right-drag to pan, wheel to zoom at the cursor. 2D views — drag to pan, wheel to zoom.</p>
        <button type="button" onClick={() => setOpen(false)}>Close</button>
    </Modal>
  );
}
