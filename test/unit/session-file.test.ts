/** The session file of the main process: atomic round trip, paths only from main, bad files reported. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../src-shared/api/contract';
import { createSessionHandlers } from '../../src-main/session/session-file';
import { writeFileAtomic } from '../../src-node/fs/atomic-write';
import { createDispatcher } from '../../src-engine/dispatch';
import type { SessionReport } from '../../src-shared/session/session-state';

const meta = {} as DatasetInfo['meta'];
const ds = (id: string, name: string): DatasetInfo => ({ id, name, numEvents: 100, meta });

function setup(open: DatasetInfo[], paths: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'na62-session-'));
  const file = path.join(dir, 'session.json');
  const reopened: string[] = [];
  const handlers = createSessionHandlers({
    file,
    writeFile: writeFileAtomic,
    readFile: async (f) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined),
    pathOf: (id) => paths[id],
    list: () => open,
    reopen: async (p) => { reopened.push(p); const d = ds('ds9', path.basename(p)); open.push(d); return d; },
    now: () => new Date('2026-12-01T00:00:00Z'),
  });
  return { dir, file, handlers, reopened, dispatcher: createDispatcher(handlers) };
}

const report: SessionReport = {
  dataset: { id: 'ds1', name: 'run11001.arrow' },
  index: 42,
  selection: { preset: 'dump-ee', params: { cda_tax_max: 20 }, disabled: ['lav_veto'], expressions: 'p1 > 10000', walkCandidates: true, ran: true, sort: { key: 'm_ee', dir: -1 } },
  view: { mode: 'top', compression: 20, shown: { lkr: false }, labels: true, theme: 'light', beamStation: 'straw1' },
};

describe('session file (main process)', () => {
  it('saves atomically with the path main opened, and restores the same place', async () => {
    const s = setup([ds('ds1', 'run11001.arrow')], { ds1: '/data/na62/run11001.arrow' });
    expect(await s.dispatcher.handle('saveSession', report)).toEqual({ ok: true, value: { saved: true } });
    const stored = JSON.parse(readFileSync(s.file, 'utf8'));
    expect(stored).toMatchObject({ format: 'na62-session', version: 1, index: 42, dataset: { name: 'run11001.arrow', path: '/data/na62/run11001.arrow' } });
    const back = await s.handlers.loadSession();
    expect(back.problem).toBeNull();
    expect(back.dataset?.id).toBe('ds1');
    expect(back.session?.selection).toEqual(report.selection);
    expect(back.session?.view).toEqual(report.view);
  });

  it('reopens the file from the path main recorded when it is not open', async () => {
    const s = setup([ds('ds1', 'run11001.arrow')], { ds1: '/data/na62/run11001.arrow' });
    await s.handlers.saveSession(report);
    const fresh = createSessionHandlers({
      file: s.file, writeFile: writeFileAtomic, readFile: async (f) => readFileSync(f, 'utf8'), pathOf: () => undefined, list: () => [],
      reopen: async (p) => { s.reopened.push(p); return ds('ds4', path.basename(p)); },
    });
    const back = await fresh.loadSession();
    expect(s.reopened).toEqual(['/data/na62/run11001.arrow']);
    expect(back.dataset?.id).toBe('ds4');
  });

  it('never stores a path the renderer sends', async () => {
    const s = setup([ds('ds1', 'x.arrow')], {});
    const sneaky = { ...report, dataset: { id: 'ds1', name: 'x.arrow', path: '/etc/passwd' } };
    const res = await s.dispatcher.handle('saveSession', sneaky);
    expect(res.ok).toBe(false);
    expect(existsSync(s.file)).toBe(false);
    // a dataset main did not open from disk is stored by name only, and not reopened
    await s.handlers.saveSession({ ...report, dataset: { id: 'ds1', name: 'x.arrow' } });
    expect(JSON.parse(readFileSync(s.file, 'utf8')).dataset).toEqual({ name: 'x.arrow' });
    const other = createSessionHandlers({ file: s.file, writeFile: writeFileAtomic, readFile: async (f) => readFileSync(f, 'utf8'), pathOf: () => undefined, list: () => [], reopen: async () => { throw new Error('must not reopen'); } });
    expect((await other.loadSession()).problem).toMatch(/x\.arrow was not reopened/);
  });

  it('keeps the last of quick successive saves', async () => {
    const s = setup([ds('ds1', 'a.arrow')], {});
    await Promise.all([1, 2, 3, 4, 5].map((i) => s.handlers.saveSession({ ...report, index: i })));
    expect(JSON.parse(readFileSync(s.file, 'utf8')).index).toBe(5);
  });

  it.each([
    ['', /session\.json: not JSON/],
    ['{"format":"na62-session","version":1,"savedAt":"x","index":-1}', /session\.json: not a saved session \(index: /],
    ['[1,2,3]', /session\.json: not a saved session/],
    ['{"format":"other"}', /session\.json: not a saved session \(format: /],
  ])('reports a bad session file (%j) and starts afresh', async (text, re) => {
    const s = setup([], {});
    writeFileSync(s.file, text);
    const back = await s.handlers.loadSession();
    expect(back.session).toBeNull();
    expect(back.problem).toMatch(re);
    expect(back.problem).toMatch(/starting afresh$/);
  });

  it('reports a file that cannot be reopened, keeping the rest of the session', async () => {
    const s = setup([], {});
    writeFileSync(s.file, JSON.stringify({ format: 'na62-session', version: 1, savedAt: 'x', index: 3, dataset: { name: 'gone.arrow', path: '/nowhere/gone.arrow' } }));
    const h2 = createSessionHandlers({ file: s.file, writeFile: writeFileAtomic, readFile: async (f) => readFileSync(f, 'utf8'), pathOf: () => undefined, list: () => [], reopen: async (p) => { throw new Error(`${p}: no such file`); } });
    const back = await h2.loadSession();
    expect(back.session?.index).toBe(3);
    expect(back.dataset).toBeNull();
    expect(back.problem).toBe('/nowhere/gone.arrow could not be reopened: /nowhere/gone.arrow: no such file');
  });
});
