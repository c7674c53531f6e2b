import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src-shared/commands';
import { filterCommands } from '../../src-renderer/src/shortcuts/palette-filter';

describe('command palette filter', () => {
  it('lists every command for an empty query, in registry order', () => {
    expect(filterCommands(COMMANDS, '  ').map((c) => c.id)).toEqual(COMMANDS.map((c) => c.id));
  });
  it('needs every typed word, in the label, id or keys, case-insensitive', () => {
    expect(filterCommands(COMMANDS, 'SIDE').map((c) => c.id)).toEqual(['view.side']);
    expect(filterCommands(COMMANDS, 'next event').map((c) => c.id)).toEqual(['event.next']);
    expect(filterCommands(COMMANDS, 'ctrl+e').map((c) => c.id)).toEqual(['file.exportPictures']);
    expect(filterCommands(COMMANDS, 'no such thing')).toEqual([]);
  });
});
