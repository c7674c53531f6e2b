/**
 * Share a view, on the real engine: a captured view brings a second window to the same dataset (by
 * content identity), event and view; opening goes through the engine, so an event a blind analysis
 * masks is refused and nothing is drawn in its place.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createEngineHandlers } from '../../src-engine';
import { createNodeEngineHost } from '../../src-main/engine-host';
import { createApiClient } from '../../src-shared/api/client';
import type { DatasetInfo, Na62Api } from '../../src-shared/api/contract';
import type { RequestFn } from '../../src-shared/api/bridge';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { createAppActions } from '../../src-renderer/src/state/AppProvider';
import { applyView, captureView } from '../../src-renderer/src/state/view-link';
import type { ViewFile } from '../../src-shared/view/view-file';

function engineApi(): Na62Api {
  const d = createDispatcher(createEngineHandlers({ host: 'node', appVersion: 't', files: createNodeEngineHost(mkdtempSync(path.join(tmpdir(), 'na62-view-')), () => {}) }));
  const request = ((key: string, payload?: unknown) => d.handle(key as never, payload)) as RequestFn;
  const none = () => Promise.reject(new Error('no file dialogs here'));
  return createApiClient('electron', request, { openFileDialog: none, openDroppedFile: none, loadCandidateList: none });
}

const config = { mode: 'dump' as const, numEvents: 400, seed: 17, mix: { 'aprime-mumu': 1 } };
let api: Na62Api;
let sim: DatasetInfo, other: DatasetInfo, mock: DatasetInfo;

beforeAll(async () => {
  api = engineApi();
  other = await api.generate({ taskId: 'o', name: 'other.arrow', config: { ...config, seed: 18 } });
  sim = await api.generate({ taskId: 's', name: 'sim.arrow', config });
  // the same events written as mock data: blind like data
  mock = await api.generate({ taskId: 'm', name: 'mock.arrow', config, mockData: true });
}, 60_000);

/** A window (its own stores and engine calls) with these datasets open. */
function open(datasets: DatasetInfo[], current?: string) {
  const stores = createAppStores({ storage: memoryStorage() });
  stores.data.setState({ datasets, current });
  return { stores, actions: createAppActions(api, stores) };
}

describe('share a view', () => {
  it('brings a second window to the same dataset, event, view and drawing', async () => {
    const a = open([other, sim], sim.id);
    await a.actions.showEvent(123);
    a.stores.view.setState({ mode: 'top', compression: 50, beamStation: 'lkr', camera: { mode: 'top', position: [0, 5e4, 1e5], target: [0, 0, 1e5], up: [1, 0, 0], zoom: 3 } });
    a.stores.eventDisplay.setState({ colourBy: 'momentum', pMin: 2000 });
    const got = await captureView(api, a.stores);
    if ('problem' in got) throw new Error(got.problem);
    const view: ViewFile = got.view;
    const h = a.stores.data.getState().event!.header;
    expect(view.event).toEqual({ run: h.run, burst: h.burst, event: h.event });
    expect(view.dataset).toEqual({ name: 'sim.arrow', numEvents: 400, identity: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(JSON.stringify(view)).not.toMatch(/tracks|hits|\/tmp/); // no event data, no path

    // the second window has other files open, the other one current, and the file under another name
    const b = open([other, { ...sim, name: 'renamed.arrow' }], other.id);
    expect(await applyView(view, 'v.na62view', api, b.stores, b.actions)).toBeUndefined();
    const d = b.stores.data.getState();
    expect(d.current).toBe(sim.id);
    expect(d.index).toBe(123);
    expect(d.event?.header).toEqual(h);
    expect(b.stores.view.getState()).toMatchObject({ mode: 'top', compression: 50, beamStation: 'lkr', pendingCamera: view.view!.camera });
    expect(b.stores.eventDisplay.getState()).toMatchObject({ colourBy: 'momentum', pMin: 2000 });
  });

  it('says when the file is not open, or the event not in it', async () => {
    const a = open([sim], sim.id);
    await a.actions.showEvent(5);
    const got = await captureView(api, a.stores);
    if ('problem' in got) throw new Error(got.problem);
    const b = open([other], other.id);
    expect(await applyView(got.view, 'v.na62view', api, b.stores, b.actions)).toMatch(/^v\.na62view shows sim\.arrow \(identity [0-9a-f]{12}\), which is not open/);
    expect(b.stores.data.getState().current).toBe(other.id);
    const c = open([sim], sim.id);
    expect(await applyView({ ...got.view, event: { run: 1, burst: 2, event: 3 } }, 'v.na62view', api, c.stores, c.actions)).toBe('v.na62view: no event 1:2:3 in sim.arrow');
    expect(await captureView(api, open([sim], sim.id).stores)).toEqual({ problem: 'no event is shown' });
  });

  it('refuses an event a blind analysis masks, whatever the view file says', async () => {
    // which events lie in dump-mumu's SR: known from the simulation, which is not blind
    const res = await api.runSelection({ taskId: 'sel', dataset: sim.id, selection: { preset: 'dump-mumu' } });
    const inSr = res.candidates.find((c) => c.region === 'SR' || c.region === 'CR');
    expect(inSr, 'the A′ sample has events in the SR or CR').toBeDefined();
    const m = open([mock], mock.id);
    const view: ViewFile = { format: 'na62-view', version: 1, dataset: { name: 'mock.arrow' }, event: { run: inSr!.run, burst: inSr!.burst, event: inSr!.event }, view: { mode: 'side' } };
    const problem = await applyView(view, 'leak.na62view', api, m.stores, m.actions);
    expect(problem).toMatch(/^leak\.na62view: .*blind/i);
    expect(m.stores.data.getState().event).toBeUndefined();
    expect(m.stores.data.getState().analysis).toBeUndefined();
  });
});
