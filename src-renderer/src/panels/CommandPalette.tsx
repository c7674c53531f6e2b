/** Ctrl+K / Ctrl+Shift+P: every command of the registry with its keys, filtered as one types; Enter runs. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { COMMANDS, type CommandId } from '../../../src-shared/commands';
import { filterCommands } from '../shortcuts/palette-filter';
import { Modal } from './Modal';

export function CommandPalette({ onClose, run }: { onClose: () => void; run: (id: CommandId) => void }) {
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const shown = useMemo(() => filterCommands(COMMANDS, query), [query]);
  const current = shown[Math.min(at, shown.length - 1)];
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => { list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }); }, [current]);
  const choose = (id: CommandId | undefined) => {
    if (!id) return;
    onClose();
    // after the palette is gone, so the command acts on the app, not on the dialog
    queueMicrotask(() => run(id));
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setAt((i) => Math.min(shown.length - 1, i + 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setAt((i) => Math.max(0, i - 1)); }
  };
  return (
    <Modal label="Command palette" className="palette" onClose={onClose} onSubmit={() => choose(current?.id)}>
      <input value={query} onChange={(e) => { setQuery(e.target.value); setAt(0); }} onKeyDown={onKey} autoFocus spellCheck={false}
        placeholder="Type a command…" aria-label="command" data-testid="palette-input" role="combobox" aria-expanded="true" aria-controls="palette-list"
        aria-activedescendant={current ? `palette-${current.id}` : undefined} />
      <ul ref={list} id="palette-list" role="listbox" data-testid="palette-list">
        {shown.map((c) => (
          <li key={c.id} id={`palette-${c.id}`} role="option" aria-selected={c === current} className={c === current ? 'current' : ''}
            onMouseMove={() => setAt(shown.indexOf(c))} onClick={() => choose(c.id)} data-command={c.id}>
            <span className="label">{c.label}</span>
            <span className="keys">{c.keys.map((k) => <kbd key={k}>{k}</kbd>)}</span>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">no command matches “{query}”</li>}
      </ul>
    </Modal>
  );
}
