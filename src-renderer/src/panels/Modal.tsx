/**
 * The one modal dialog frame every dialog uses: a backdrop, a dialog marked aria-modal, Esc closes
 * it, Tab and Shift+Tab cycle inside it, focus moves in on open and back on close. While one is open
 * the app's shortcuts are off (see `isModalOpen`, read by the shortcut and menu bindings), so no key
 * acts on the view behind a dialog.
 */
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Whether a modal dialog is open in this document (read from the DOM: no module-level state). */
export function isModalOpen(doc: Document = document): boolean {
  return doc.querySelector('[aria-modal="true"]') !== null;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el === document.activeElement);
}

/** Esc, the Tab trap and the focus hand-over for a dialog element. */
export function useModal(ref: React.RefObject<HTMLElement | null>, onClose: (() => void) | undefined): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    // without scrolling: a dialog whose first control is its Close button at the bottom (the
    // shortcuts' help) opened scrolled down to it, its title and first lines out of sight
    if (!dialog.contains(document.activeElement)) (focusables(dialog)[0] ?? dialog).focus({ preventScroll: true });
    const topmost = () => {
      const all = document.querySelectorAll('[aria-modal="true"]');
      return all[all.length - 1] === dialog;
    };
    const onKey = (e: KeyboardEvent) => {
      if (!topmost()) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close.current?.();
        return;
      }
      if (e.key !== 'Tab') return;
      const list = focusables(dialog);
      if (list.length === 0) { e.preventDefault(); dialog.focus(); return; }
      const first = list[0]!;
      const last = list[list.length - 1]!;
      const at = document.activeElement;
      const inside = dialog.contains(at);
      if (e.shiftKey && (at === first || !inside)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (at === last || !inside)) { e.preventDefault(); first.focus(); }
    };
    // capture: the dialog sees Esc and Tab before anything behind it
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      if (before && document.contains(before)) before.focus();
    };
  }, [ref]);
}

export interface ModalProps {
  label: string;
  className?: string;
  /** Esc, a click on the backdrop; undefined while the dialog must not close (busy) */
  onClose?: () => void;
  /** makes the dialog a form */
  onSubmit?: () => void;
  /** whether a click on the backdrop closes it (default true) */
  closeOnBackdrop?: boolean;
  children: ReactNode;
}

export function Modal({ label, className, onClose, onSubmit, closeOnBackdrop = true, children }: ModalProps) {
  const ref = useRef<HTMLElement | null>(null);
  useModal(ref, onClose);
  const common = {
    className: `modal${className ? ` ${className}` : ''}`,
    role: 'dialog',
    'aria-modal': true,
    'aria-label': label,
    tabIndex: -1,
    onClick: (e: React.MouseEvent) => e.stopPropagation(),
  } as const;
  return (
    <div className="modal-backdrop" role="presentation" onClick={() => closeOnBackdrop && onClose?.()}>
      {onSubmit
        ? <form {...common} ref={(el) => { ref.current = el; }} onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(); }}>{children}</form>
        : <div {...common} ref={(el) => { ref.current = el; }}>{children}</div>}
    </div>
  );
}
