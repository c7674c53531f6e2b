/**
 * The browser build's session store: localStorage, validated like the Electron request and file.
 * A browser page cannot reopen a file by itself, so a session whose file is not open (the demo
 * is) says so instead.
 */
import type { DatasetInfo, Envelope, SessionRestore } from '../../../src-shared/api/contract';
import { REQUEST_SCHEMAS, describeIssues } from '../../../src-shared/api/schemas';
import { findSessionDataset, parseStoredSession, storedSession } from '../../../src-shared/session/session-state';

export const SESSION_KEY = 'na62-session';

export function browserSession(storage: Pick<Storage, 'getItem' | 'setItem'>) {
  return {
    save(raw: unknown): Envelope<{ saved: boolean }> {
      const parsed = REQUEST_SCHEMAS.saveSession.safeParse(raw);
      if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: `invalid saveSession request: ${describeIssues(parsed.error)}` } };
      try {
        storage.setItem(SESSION_KEY, JSON.stringify(storedSession(parsed.data, undefined, new Date())));
        return { ok: true, value: { saved: true } };
      } catch (e) {
        return { ok: false, error: { code: 'io', message: `the session could not be saved in the browser's storage: ${e instanceof Error ? e.message : String(e)}` } };
      }
    },
    async load(datasets: () => Promise<Envelope<DatasetInfo[]>>): Promise<Envelope<SessionRestore>> {
      let text: string | null;
      try {
        text = storage.getItem(SESSION_KEY);
      } catch (e) {
        return { ok: true, value: { session: null, dataset: null, problem: `the browser's storage cannot be read (${e instanceof Error ? e.message : String(e)})` } };
      }
      if (text === null) return { ok: true, value: { session: null, dataset: null, problem: null } };
      const parsed = parseStoredSession(text, `saved session (browser storage "${SESSION_KEY}")`);
      if ('problem' in parsed) return { ok: true, value: { session: null, dataset: null, problem: `${parsed.problem}; starting afresh` } };
      const open = await datasets();
      if (!open.ok) return open;
      const dataset = findSessionDataset(parsed.session, open.value) ?? null;
      const problem = !dataset && parsed.session.dataset ? `${parsed.session.dataset.name} is not open: the browser build cannot reopen a file by itself, open it again` : null;
      return { ok: true, value: { session: parsed.session, dataset, problem } };
    },
  };
}
