/** The native menu, built from the shared command registry so that labels and keys match the in-app help. */
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, acceleratorFor, type CommandId, type CommandSpec } from '../src-shared/commands';

export function buildMenuTemplate(send: (command: CommandId) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const item = (c: CommandSpec): MenuItemConstructorOptions => {
    const accelerator = acceleratorFor(c);
    return {
      id: c.id,
      label: c.label,
      ...(accelerator ? { accelerator } : {}),
      // The renderer's key handler owns the keys; the menu only shows them, so a key never fires twice.
      registerAccelerator: false,
      click: () => send(c.id),
    };
  };
  const of = (menu: CommandSpec['menu']) => COMMANDS.filter((c) => c.menu === menu).map(item);
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [...of('File'), { type: 'separator' }, { role: platform === 'darwin' ? 'close' : 'quit' }] },
    { label: 'Event', submenu: of('Event') },
    { label: 'View', submenu: [...of('View'), { type: 'separator' }, { role: 'togglefullscreen' }, { role: 'toggleDevTools' }] },
    { label: 'Help', submenu: of('Help') },
  ];
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
