/**
 * A ref callback for messages that appear in a panel or dialog that scrolls: the message is
 * brought into sight (the controls column is often scrolled down to the event; the export dialog
 * is taller than a laptop's window). Key the element by its text, so that each new message
 * scrolls again. jsdom has no scrollIntoView: nothing happens there.
 */
export function intoSight(el: HTMLElement | null): void {
  el?.scrollIntoView?.({ block: 'nearest' });
}
