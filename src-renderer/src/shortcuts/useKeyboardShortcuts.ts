/** Binds the keys of the shared command registry (src-shared/commands.ts). */
import { useEffect } from 'react';
import { commandForKey, type CommandId } from '../../../src-shared/commands';
import { isModalOpen } from '../panels/Modal';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) && (el as HTMLInputElement).type !== 'checkbox' && (el as HTMLInputElement).type !== 'range';
}

export function useKeyboardShortcuts(run: (id: CommandId) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // a modal dialog owns the keyboard: nothing acts on the view behind it
      if (e.repeat || isTyping(e.target) || isModalOpen()) return;
      const id = commandForKey(e);
      if (!id) return;
      e.preventDefault();
      run(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
}
