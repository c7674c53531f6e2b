/**
 * Event files named on the command line (`npm start -- run.arrow`, or `na62-event-display run.arrow`
 * packaged): the arguments that are not switches and end in an event-file extension, resolved
 * against the folder the app was started from. The user typed them: they are trusted like a
 * dialog's answer, and still checked (existing, regular, .arrow) before they are opened.
 */
import path from 'node:path';
import { EVENT_FILE_EXTENSIONS } from './ipc/open-file';

export function eventFilesFromArgv(args: readonly string[], cwd: string): string[] {
  return args
    .filter((a) => !a.startsWith('-') && EVENT_FILE_EXTENSIONS.includes(path.extname(a).slice(1).toLowerCase()))
    .map((a) => path.resolve(cwd, a));
}
