/**
 * The saved session: damaged and random session files and random save requests give a message
 * naming the file (or a typed error envelope), never an exception — and a restored session only
 * ever carries a path the main process stored itself.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStoredSession, storedSession } from '../../src-shared/session/session-state';
import { createSessionHandlers } from '../../src-main/session/session-file';
import { createDispatcher } from '../../src-engine/dispatch';
import { writeFileAtomic } from '../../src-node/fs/atomic-write';
import { budget, TEST_TIMEOUT_MS } from './fuzz-budget';
import { damagedText } from './text-mutations';

const good = JSON.stringify(storedSession({
  dataset: { id: 'ds1', name: 'run.arrow' }, index: 12,
  selection: { preset: 'dump-ee', params: { srAz: 17000 }, disabled: ['lav_veto'], expressions: 'p1 > 1', walkCandidates: true, ran: true, sort: { key: 'm_ee', dir: 1 } },
  view: { mode: 'top', compression: 20, shown: { lkr: false }, labels: true, theme: 'dark', beamStation: 'straw1' },
}, '/data/run.arrow', new Date(0)));

describe('session files, fuzzed', () => {
  it('damaged or random session files parse or are refused with a message naming the file', () => {
    const text = fc.oneof(damagedText(good), fc.string({ maxLength: 400 }), fc.json({ maxDepth: 4 }), fc.anything({ maxDepth: 3 }).map((x) => { try { return JSON.stringify(x) ?? ''; } catch { return ''; } }));
    let ok = 0;
    fc.assert(fc.property(text, (t) => {
      const r = parseStoredSession(t, 'session.json');
      if ('problem' in r) expect(r.problem).toMatch(/^session\.json: /);
      else ok++;
    }), budget(3000));
    expect(parseStoredSession(good, 'session.json')).toHaveProperty('session');
    expect(ok).toBeGreaterThan(0); // some damage leaves a valid session (a changed index, say)
  }, TEST_TIMEOUT_MS);

  it('random save requests: typed envelopes; what is stored names only paths main opened', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-session-fuzz-'));
    const file = path.join(dir, 'session.json');
    const mainPaths: Record<string, string> = { ds1: '/data/run.arrow' };
    const handlers = createSessionHandlers({
      file, writeFile: writeFileAtomic, readFile: async (f) => readFileSync(f, 'utf8'),
      pathOf: (id) => mainPaths[id], list: () => [], reopen: async (p) => { throw new Error(`${p}: not reopened in this test`); },
    });
    const dispatcher = createDispatcher(handlers);
    const report = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.record({
        dataset: fc.option(fc.record({ id: fc.oneof(fc.constantFrom('ds1', 'ds2', 'x'), fc.string()), name: fc.string({ maxLength: 300 }), path: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['id', 'name'] }), { nil: undefined }),
        index: fc.oneof(fc.nat(), fc.integer(), fc.double()),
        selection: fc.option(fc.anything({ maxDepth: 2 }), { nil: undefined }),
        view: fc.option(fc.anything({ maxDepth: 2 }), { nil: undefined }),
      }, { requiredKeys: ['index'] }),
    );
    await fc.assert(fc.asyncProperty(report, async (raw) => {
      const env = await dispatcher.handle('saveSession', raw);
      if (!env.ok) { expect(env.error.code).toBe('bad-request'); return; }
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { dataset?: { path?: string } };
      if (stored.dataset?.path !== undefined) expect(Object.values(mainPaths)).toContain(stored.dataset.path);
      const back = await handlers.loadSession();
      expect(back.session).not.toBeNull();
    }), budget(800));
    // a session file someone else wrote never crashes the start either
    writeFileSync(file, '\u0000\u0001garbage');
    expect((await handlers.loadSession()).problem).toMatch(/session\.json: not JSON/);
  }, TEST_TIMEOUT_MS);
});
