/**
 * The one registry of user commands and their keys. The renderer binds the keys from it,
 * the help overlay (`?`) and the README list it, and the native menu shows its accelerators,
 * so none of them can disagree.
 */

export type CommandId =
  | 'view.3d' | 'view.side' | 'view.top' | 'view.beam'
  | 'view.fit' | 'view.compressMore' | 'view.compressLess' | 'view.compressReset'
  | 'view.toggleLabels' | 'view.toggleTheme' | 'view.nextStation' | 'view.prevStation' | 'view.toggleAnalysis'
  | 'view.toggleXRay' | 'view.toggleCutAway' | 'view.cycleAntialias'
  | 'view.construction'
  | 'file.savePng' | 'file.open' | 'file.generate' | 'file.exportPictures'
  | 'file.saveView' | 'file.openView' | 'file.copyViewLink'
  | 'event.next' | 'event.prev' | 'event.first' | 'event.last' | 'event.toggleTruth' | 'event.fit' | 'event.autoplay' | 'event.dropPick'
  | 'help.shortcuts' | 'help.palette'
  | 'layout.inspect' | 'layout.3d' | 'layout.analysis' | 'layout.single' | 'layout.saveAs' | 'layout.export' | 'layout.import' | 'layout.addView';

export interface CommandSpec {
  readonly id: CommandId;
  readonly label: string;
  /** KeyboardEvent.key values (case-sensitive for letters), with an optional "Ctrl+" / "Shift+" prefix */
  readonly keys: readonly string[];
  readonly menu: 'File' | 'Event' | 'View' | 'Help';
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'view.3d', label: '3D view (orbit)', keys: ['1'], menu: 'View' },
  { id: 'view.side', label: 'Side view (z–y, looking from Salève)', keys: ['2'], menu: 'View' },
  { id: 'view.top', label: 'Top view (z–x, bending plane)', keys: ['3'], menu: 'View' },
  { id: 'view.beam', label: "Beam's-eye view (x–y) at the chosen station", keys: ['4'], menu: 'View' },
  { id: 'view.nextStation', label: "Beam's-eye: next station downstream", keys: ['.'], menu: 'View' },
  { id: 'view.prevStation', label: "Beam's-eye: previous station upstream", keys: [','], menu: 'View' },
  { id: 'view.fit', label: 'Fit the visible detector to the view', keys: ['f'], menu: 'View' },
  { id: 'view.compressMore', label: 'More longitudinal compression', keys: [']'], menu: 'View' },
  { id: 'view.compressLess', label: 'Less longitudinal compression', keys: ['['], menu: 'View' },
  { id: 'view.compressReset', label: 'Compression 1:1 (true scale)', keys: ['='], menu: 'View' },
  { id: 'view.construction', label: 'CDA_TAX construction: 2D view scaled to read it, inset at Z_TAX', keys: ['z'], menu: 'View' },
  { id: 'view.toggleLabels', label: 'Show/hide element labels', keys: ['l'], menu: 'View' },
  { id: 'view.toggleTheme', label: 'Dark/light theme', keys: ['t'], menu: 'View' },
  { id: 'view.toggleAnalysis', label: 'Show/hide the analysis plots', keys: ['p'], menu: 'View' },
  { id: 'layout.inspect', label: "Layout: inspect (both projections, beam's eye, info)", keys: [], menu: 'View' },
  { id: 'layout.3d', label: 'Layout: 3D', keys: [], menu: 'View' },
  { id: 'layout.analysis', label: 'Layout: analysis (plots, candidates, a view)', keys: [], menu: 'View' },
  { id: 'layout.single', label: 'Layout: one view', keys: [], menu: 'View' },
  { id: 'layout.addView', label: 'Add a view panel next to the active one', keys: [], menu: 'View' },
  { id: 'layout.saveAs', label: 'Save the layout as…', keys: [], menu: 'View' },
  { id: 'layout.export', label: 'Export the layout to a .na62layout file', keys: [], menu: 'View' },
  { id: 'layout.import', label: 'Import a layout from a .na62layout file', keys: [], menu: 'View' },
  { id: 'view.toggleXRay', label: '3D x-ray of the passive detector (off, translucent, outlines)', keys: ['x'], menu: 'View' },
  { id: 'view.toggleCutAway', label: '3D cut-away (z plane and φ wedge) on/off', keys: ['c'], menu: 'View' },
  { id: 'view.cycleAntialias', label: 'Antialiasing of the views: auto (off on software WebGL) → on → off', keys: [], menu: 'View' },
  { id: 'file.open', label: 'Open an event file', keys: ['Ctrl+o'], menu: 'File' },
  { id: 'file.generate', label: 'Generate events with the fast MC', keys: ['Ctrl+g'], menu: 'File' },
  { id: 'file.savePng', label: 'Save the current view as PNG', keys: ['Ctrl+s'], menu: 'File' },
  { id: 'file.exportPictures', label: 'Export pictures (sizes to 8K, SVG, figures, batches, glTF)', keys: ['Ctrl+e'], menu: 'File' },
  { id: 'file.saveView', label: 'Save this view to a file (.na62view: dataset, event, view, camera)', keys: [], menu: 'File' },
  { id: 'file.openView', label: 'Open a saved view (.na62view)', keys: [], menu: 'File' },
  { id: 'file.copyViewLink', label: 'Copy a link to this view (opens in the browser build)', keys: [], menu: 'File' },
  { id: 'event.next', label: 'Next event', keys: ['ArrowRight', 'PageDown'], menu: 'Event' },
  { id: 'event.prev', label: 'Previous event', keys: ['ArrowLeft', 'PageUp'], menu: 'Event' },
  { id: 'event.first', label: 'First event', keys: ['Home'], menu: 'Event' },
  { id: 'event.last', label: 'Last event', keys: ['End'], menu: 'Event' },
  { id: 'event.autoplay', label: 'Autoplay: step through the candidates (or all events) at an interval; again to pause', keys: ['a'], menu: 'Event' },
  { id: 'event.toggleTruth', label: 'Show/hide the MC truth', keys: ['m'], menu: 'Event' },
  { id: 'event.fit', label: 'Fit the current event to the view', keys: ['e'], menu: 'Event' },
  { id: 'event.dropPick', label: 'Drop the picked object (closes its card)', keys: ['Escape'], menu: 'Event' },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', keys: ['?'], menu: 'Help' },
  { id: 'help.palette', label: 'Command palette (find and run any command)', keys: ['Ctrl+k', 'Ctrl+Shift+P'], menu: 'Help' },
];

export const COMMAND_IDS: readonly CommandId[] = COMMANDS.map((c) => c.id);

export function isCommandId(x: unknown): x is CommandId {
  return typeof x === 'string' && (COMMAND_IDS as readonly string[]).includes(x);
}

/** Match a key event (its key and modifiers) against the registry. */
export function commandForKey(ev: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey?: boolean }): CommandId | undefined {
  if (ev.altKey) return undefined;
  const ctrl = ev.ctrlKey || ev.metaKey;
  // Shift is named only with Ctrl ("Ctrl+Shift+P"); alone it only picks the character ("?")
  const shifted = ctrl && ev.shiftKey === true;
  const key = ev.key.length === 1 && ctrl ? (shifted ? ev.key.toUpperCase() : ev.key.toLowerCase()) : ev.key;
  const name = ctrl ? `Ctrl+${shifted ? 'Shift+' : ''}${key}` : key;
  return COMMANDS.find((c) => c.keys.includes(name))?.id;
}

/** Electron accelerator string for the first key of a command ("Ctrl+s" → "CmdOrCtrl+S"). */
export function acceleratorFor(spec: CommandSpec): string | undefined {
  const k = spec.keys[0];
  if (!k) return undefined;
  if (k.startsWith('Ctrl+')) return `CmdOrCtrl+${k.slice(5).toUpperCase()}`;
  if (k === '?') return undefined; // shifted punctuation does not map portably to an accelerator
  const named: Record<string, string> = { ArrowRight: 'Right', ArrowLeft: 'Left', PageDown: 'PageDown', PageUp: 'PageUp', Home: 'Home', End: 'End' };
  return named[k] ?? (k.length === 1 ? k.toUpperCase() : k);
}
