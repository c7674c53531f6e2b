/** Which registry commands the palette lists for what was typed: every word must match the label, id or a key. */
import type { CommandSpec } from '../../../src-shared/commands';

export function filterCommands(commands: readonly CommandSpec[], query: string): CommandSpec[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((c) => {
    const hay = `${c.label} ${c.id} ${c.menu} ${c.keys.join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
