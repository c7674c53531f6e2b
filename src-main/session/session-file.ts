/**
 * The session file in the main process: written atomically on every change the renderer reports, so
 * a renderer crash or a quit never loses where the user was; read at start, with the dataset
 * reopened only from a path this process opened itself (dialog, drop, command line) — a path
 * from the renderer is never trusted.
 */
import path from 'node:path';
import type { DatasetInfo, SessionRestore } from '../../src-shared/api/contract';
import { findSessionDataset, parseStoredSession, storedSession, type SessionReport } from '../../src-shared/session/session-state';

export interface SessionFileDeps {
  /** the session file, e.g. <userData>/session.json */
  readonly file: string;
  writeFile(target: string, data: Uint8Array): Promise<void>;
  /** the file's text, or undefined when it does not exist */
  readFile(target: string): Promise<string | undefined>;
  /** the path this process opened dataset `id` from, if it did */
  pathOf(id: string): string | undefined;
  /** the datasets open now */
  list(): DatasetInfo[];
  /** open an event file this process had opened before */
  reopen(filePath: string): Promise<DatasetInfo>;
  now?(): Date;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSessionHandlers(deps: SessionFileDeps) {
  // saves are chained so the file always ends as the last report, never an older one
  let writing: Promise<unknown> = Promise.resolve();
  return {
    saveSession: async (report: SessionReport): Promise<{ saved: boolean }> => {
      const stored = storedSession(report, report.dataset ? deps.pathOf(report.dataset.id) : undefined, deps.now?.() ?? new Date());
      const bytes = new TextEncoder().encode(`${JSON.stringify(stored, null, 1)}\n`);
      const done = writing.then(() => deps.writeFile(deps.file, bytes));
      writing = done.catch(() => {});
      await done;
      return { saved: true };
    },
    loadSession: async (): Promise<SessionRestore> => {
      const name = path.basename(deps.file);
      let text: string | undefined;
      try {
        text = await deps.readFile(deps.file);
      } catch (e) {
        return { session: null, dataset: null, problem: `${deps.file}: cannot be read (${message(e)}); starting afresh` };
      }
      if (text === undefined) return { session: null, dataset: null, problem: null };
      const parsed = parseStoredSession(text, name);
      if ('problem' in parsed) return { session: null, dataset: null, problem: `${parsed.problem}; starting afresh` };
      const { session } = parsed;
      const open = findSessionDataset(session, deps.list(), deps.pathOf);
      if (open || !session.dataset) return { session, dataset: open ?? null, problem: null };
      if (!session.dataset.path) {
        return { session, dataset: null, problem: `${session.dataset.name} was not reopened: it was not a file opened from disk` };
      }
      try {
        return { session, dataset: await deps.reopen(session.dataset.path), problem: null };
      } catch (e) {
        return { session, dataset: null, problem: `${session.dataset.path} could not be reopened: ${message(e)}` };
      }
    },
  };
}
