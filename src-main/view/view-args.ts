/**
 * What the command line asks the desktop app to show: a saved view (`npm start -- view.na62view`)
 * and/or an event and a view (`--event RUN:BURST:EVENT --view side`, `--station straw2` for the
 * beam's-eye view). Pure: parsed here, read and applied elsewhere. The files the user names are
 * resolved against the folder the app was started from, like the event files beside them.
 */
import path from 'node:path';
import { parseEventId, VIEW_FILE_EXTENSION, type ViewEvent } from '../../src-shared/view/view-file';

export const VIEW_MODES = ['3d', 'side', 'top', 'beam'] as const;
export type ViewModeArg = (typeof VIEW_MODES)[number];

export interface ViewArgs {
  /** .na62view files named (the first is applied) */
  readonly viewFiles: readonly string[];
  readonly event?: ViewEvent;
  readonly mode?: ViewModeArg;
  readonly station?: string;
  /** what could not be understood, in words, for the start-up message */
  readonly problems: readonly string[];
}

const SWITCHES = ['--event', '--view', '--station'] as const;

/** The view switches and view files among the arguments (other switches and files are left alone). */
export function viewArgsFromArgv(args: readonly string[], cwd: string): ViewArgs {
  const problems: string[] = [];
  const values = new Map<string, string>();
  const viewFiles: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if ((SWITCHES as readonly string[]).includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value.startsWith('--')) { problems.push(`${name} needs a value`); if (value !== undefined) i--; continue; }
      values.set(name, value);
    } else if (!a.startsWith('-') && path.extname(a).slice(1).toLowerCase() === VIEW_FILE_EXTENSION) {
      viewFiles.push(path.resolve(cwd, a));
    }
  }
  const eventText = values.get('--event');
  const event = eventText === undefined ? undefined : parseEventId(eventText);
  if (eventText !== undefined && !event) problems.push(`--event ${eventText}: expected RUN:BURST:EVENT, three whole numbers (e.g. 1234:5:678)`);
  const modeText = values.get('--view')?.toLowerCase();
  const mode = VIEW_MODES.find((m) => m === modeText);
  if (modeText !== undefined && !mode) problems.push(`--view ${modeText}: expected one of ${VIEW_MODES.join(', ')}`);
  const station = values.get('--station');
  if (station !== undefined && !/^[a-z0-9_-]{1,60}$/i.test(station)) problems.push(`--station ${station}: not an element id (e.g. straw1, lkr, muv3)`);
  return {
    viewFiles,
    ...(event ? { event } : {}),
    ...(mode ? { mode } : {}),
    ...(station !== undefined && /^[a-z0-9_-]{1,60}$/i.test(station) ? { station: station.toLowerCase() } : {}),
    problems,
  };
}

/** Arguments that are values of the view switches (not files to open). */
export function isViewSwitchValue(args: readonly string[], i: number): boolean {
  return i > 0 && (SWITCHES as readonly string[]).includes(args[i - 1]!);
}
