/**
 * Each window makes its own stores (createAppStores in its AppProvider) and binds its engine calls
 * to its own API: two "windows" here, each with its own in-process engine, share no state. The
 * view settings still persist under 'na62-view' in the format the CLI and the e2e tests seed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient, type TransportExtras } from '../../src-shared/api/client';
import type { RequestFn } from '../../src-shared/api/bridge';
import type { Na62Api } from '../../src-shared/api/contract';
import { createDispatcher, createEngineHandlers } from '../../src-engine';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { createAppActions } from '../../src-renderer/src/state/AppProvider';
import { createNodeEngineHost } from '../../src-main/engine-host';
import { sessionReport } from '../../src-renderer/src/state/session';
import { step } from '../../src-renderer/src/state/navigation';
import { runCommand } from '../../src-renderer/src/shortcuts/run-command';

const noFiles: TransportExtras = { openFileDialog: async () => null, openDroppedFile: async () => { throw new Error('no files here'); }, loadCandidateList: async () => null };

/** One window's engine: its own dispatcher and data folder behind its own API client, counting the calls it gets. */
function windowApi(): { api: Na62Api; calls: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'na62-window-'));
  const engine = createDispatcher(createEngineHandlers({ host: 'node', appVersion: 't', files: createNodeEngineHost(dir, () => {}) }));
  const calls: string[] = [];
  const request = ((key: string, payload: unknown) => { calls.push(key); return engine.handle(key, payload); }) as RequestFn;
  return { api: createApiClient('web-worker', request, noFiles), calls };
}

const generate = (api: Na62Api, seed: number, numEvents: number, name: string) => api.generate({
  taskId: `gen-${seed}`, name, config: { mode: 'dump', numEvents, seed, mix: { 'aprime-mumu': 1 }, truth: false },
});

describe('per-window stores', () => {
  it('two windows with two APIs keep their own data, view, selection and session', async () => {
    const a = windowApi(), b = windowApi();
    const sa = createAppStores({ storage: memoryStorage() }), sb = createAppStores({ storage: memoryStorage() });
    const actA = createAppActions(a.api, sa), actB = createAppActions(b.api, sb);

    await actA.openWith((api) => generate(api, 11, 30, 'a.arrow'));
    await actB.openWith((api) => generate(api, 22, 12, 'b.arrow'));
    const da = sa.data.getState(), db = sb.data.getState();
    expect([da.error, db.error]).toEqual([undefined, undefined]);
    expect(da.datasets.map((d) => [d.name, d.numEvents])).toEqual([['a.arrow', 30]]);
    expect(db.datasets.map((d) => [d.name, d.numEvents])).toEqual([['b.arrow', 12]]);
    expect(da.event).toBeDefined();
    expect(db.event).toBeDefined();
    expect(da.event).not.toBe(db.event);
    // each window's calls went to its own engine
    const count = (calls: string[], key: string) => calls.filter((c) => c === key).length;
    expect([count(a.calls, 'generate'), count(b.calls, 'generate')]).toEqual([1, 1]);
    expect([count(a.calls, 'event'), count(b.calls, 'event')]).toEqual([1, 1]);

    // stepping, commands and settings act on one window only (each opened on its first event with tracks)
    const bOpenedOn = sb.data.getState().index;
    await step(sa, actA.showEvent, 5);
    expect(sa.data.getState().index).toBe(5);
    expect(sb.data.getState().index).toBe(bOpenedOn);
    expect([count(a.calls, 'event'), count(b.calls, 'event')]).toEqual([2, 1]);
    runCommand('view.top', { model: undefined, savePng: () => {}, openFile: () => {}, openGenerate: () => {}, showEvent: actA.showEvent, stores: sa });
    expect(sa.view.getState().mode).toBe('top');
    expect(sb.view.getState().mode).toBe('side');
    sb.selection.getState().choosePreset('dump-ee');
    expect(sa.selection.getState().preset).toBe('dump-mumu');
    sb.eventDisplay.getState().setColourBy('momentum');
    expect(sa.eventDisplay.getState().colourBy).toBe('charge');

    expect(sessionReport(sa)).toMatchObject({ dataset: { name: 'a.arrow' }, index: 5, view: { mode: 'top' }, selection: { preset: 'dump-mumu' } });
    expect(sessionReport(sb)).toMatchObject({ dataset: { name: 'b.arrow' }, index: bOpenedOn, view: { mode: 'side' }, selection: { preset: 'dump-ee' } });
  }, 60_000);

  it("keeps the view settings under 'na62-view' in the format the CLI and the e2e tests seed", () => {
    const storage = memoryStorage();
    storage().setItem('na62-view', JSON.stringify({ state: { mode: 'top', compression: 4, theme: 'light', labels: false, shown: { lkr: false } }, version: 1 }));
    const stores = createAppStores({ storage });
    expect(stores.view.getState()).toMatchObject({ mode: 'top', compression: 4, theme: 'light', labels: false, shown: { lkr: false } });
    stores.view.getState().setMode('3d');
    const saved = JSON.parse(storage().getItem('na62-view') as string) as { state: Record<string, unknown>; version: number };
    expect(saved.version).toBe(1);
    expect(saved.state).toEqual({ mode: '3d', compression: 4, magnification: 1, taxInset: true, shown: { lkr: false }, labels: false, theme: 'light', beamStation: 'straw1', exportScale: 2, antialias: 'auto' });
    // a second window reading the same storage starts from the saved settings; its own changes stay its own until saved
    const other = createAppStores({ storage });
    expect(other.view.getState().mode).toBe('3d');
    other.view.getState().toggleTheme();
    expect(stores.view.getState().theme).toBe('light');
  });
});
