/** Where blinding leaves records: the Electron host's unblinding log, and the session (which keeps no event while an analysis is open). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeEngineHost, UNBLINDING_LOG } from '../../src-main/engine-host';
import { sessionReport } from '../../src-renderer/src/state/session';
import { ALL_BLIND } from '../../src-shared/selection/blinding';
import type { DatasetInfo } from '../../src-shared/api/contract';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';

describe('blinding records', () => {
  it('the Electron host appends each unblinding step to a JSON-lines log in the data folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-log-'));
    const host = createNodeEngineHost(dir, () => {});
    const entry = { preset: 'dump-mumu', region: 'CR', dataset: `sha256:${'a'.repeat(64)}`, datasetName: 'x.arrow', time: '2026-12-02T01:00:00.000Z', appVersion: '0.1.0' } as const;
    host.recordUnblinding!(entry);
    host.recordUnblinding!({ ...entry, region: 'SR' });
    const lines = readFileSync(path.join(dir, UNBLINDING_LOG), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([entry, { ...entry, region: 'SR' }]);
  });

  it('the session records the event on show while blind, and not while an analysis of the dataset is open', () => {
    const ds = { id: 'ds1', name: 'mock.arrow', numEvents: 100, meta: {} } as unknown as DatasetInfo;
    const stores = createAppStores({ storage: memoryStorage() });
    stores.data.setState({ datasets: [ds], current: 'ds1', index: 42 });
    stores.selection.setState({ blinding: { dataset: 'ds1', applies: true, why: '', stages: ALL_BLIND, identity: null, log: [] } });
    expect(sessionReport(stores).index).toBe(42);
    stores.selection.setState({ blinding: { dataset: 'ds1', applies: true, why: '', stages: { ...ALL_BLIND, 'dump-ee': 'cr' }, identity: null, log: [] } });
    expect(sessionReport(stores).index).toBe(0);
  });
});

describe('blinding before import', () => {
  it('holds back the events of a data preview that a blind analysis masks, and only for data', async () => {
    const { createGenerator } = await import('../../src-engine/generator/generate');
    const { visibleBeforeImport } = await import('../../src-engine/selection/blinding');
    const { runSelection, resolveSelection } = await import('../../src-engine/selection/run');
    const { writeEventFile, openEventFile } = await import('../../src-engine/io/event-file');
    const { memorySink, memorySource } = await import('../../src-engine/io/source');
    const gen = createGenerator({ mode: 'dump', numEvents: 400, seed: 8, mix: { 'aprime-mumu': 1 }, truth: false });
    const events = gen.events(0, 400);
    const sink = memorySink();
    await writeEventFile(sink, 400, () => events, { meta: { geometryVersion: 't', strawHits: false, truth: false, kind: 'data', generator: null } });
    const file = await openEventFile(memorySource('data.arrow', sink.bytes()));
    const open = await runSelection(file, resolveSelection({ preset: 'dump-mumu' }), { stages: { 'dump-mumu': 'sr', 'dump-ee': 'sr', 'kaon-pi4e': 'sr' } });
    const masked = new Set(open.candidates.filter((c) => c.region).map((c) => c.event));
    expect(masked.size).toBeGreaterThan(10);
    const shown = visibleBeforeImport(events, { kind: 'data' });
    // the same events as a blind selection of the file masks: its regions' population, the selection's events among them
    const blind = await runSelection(file, resolveSelection({ preset: 'dump-mumu' }));
    expect(shown.hidden).toBe(blind.masked.n);
    expect(shown.hidden).toBeGreaterThanOrEqual(masked.size);
    expect(shown.events.filter((e) => masked.has(e.header.event))).toEqual([]);
    expect(visibleBeforeImport(events, { kind: 'simulation' }).hidden).toBe(0);
  });
});
