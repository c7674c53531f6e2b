import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, createEngineHandlers, DEMO_DATASETS } from '../../src-engine';
import { createNodeEngineHost } from '../../src-main/engine-host';
import type { DatasetInfo, Envelope, ShownEvent, TaskProgress } from '../../src-shared/api/contract';

function engineIn(dir: string) {
  const progress: TaskProgress[] = [];
  const handlers = createEngineHandlers({ host: 'node', appVersion: 't', files: createNodeEngineHost(dir, (p) => progress.push(p)) });
  return { d: createDispatcher(handlers), progress };
}
const value = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.value as T;
};

describe('engine datasets', () => {
  it('makes the demo data on first use, then reuses it, and serves its events', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-engine-'));
    const a = engineIn(dir);
    const demo = value<DatasetInfo[]>(await a.d.handle('openDemo', undefined));
    expect(demo.map((x) => x.meta.generator?.mode)).toEqual(['dump', 'kaon']);
    expect(demo[0]!.numEvents).toBe(DEMO_DATASETS[0]!.config.numEvents);
    expect(Object.keys(demo[0]!.meta.generator!.processes)).toEqual(expect.arrayContaining(['aprime-mumu', 'combinatorial-mumu', 'prompt-ee']));
    expect(readdirSync(path.join(dir, 'demo')).sort()).toEqual(DEMO_DATASETS.map((x) => x.name).sort());
    expect(a.progress.at(-1)).toMatchObject({ done: 2000, total: 2000 });
    const shown = value<ShownEvent>(await a.d.handle('event', { dataset: demo[1]!.id, index: 5 }));
    const ev = shown.event;
    expect(ev.header.mode).toBe('kaon');
    expect(ev.beamKaon).toBeDefined();
    // the engine's analysis comes with it: one entry per track, the variables the selections compute
    expect(shown.analysis.tracks).toHaveLength(ev.tracks.length);
    expect(shown.analysis.vars['ntracks']).toBe(ev.tracks.length);
    // a second engine (next start) opens the cached files without generating
    const b = engineIn(dir);
    const again = value<DatasetInfo[]>(await b.d.handle('openDemo', undefined));
    expect(again.map((x) => x.numEvents)).toEqual(demo.map((x) => x.numEvents));
    expect(b.progress).toEqual([]);
    expect(value<ShownEvent>(await b.d.handle('event', { dataset: again[1]!.id, index: 5 })).event).toEqual(ev);
  }, 20_000); // generates both demo files

  it('generates a dataset with progress, refuses bad parameters, and cancels', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-engine-'));
    const { d, progress } = engineIn(dir);
    const info = value<DatasetInfo>(await d.handle('generate', { taskId: 't1', name: 'mine.arrow', config: { mode: 'dump', mix: { 'aprime-ee': 1 }, numEvents: 5000, seed: 9, massMeV: 120 } }));
    expect(info.name).toBe('mine.arrow');
    expect(info.meta.generator?.params['massMeV']).toBe(120);
    expect(progress.filter((p) => p.taskId === 't1').at(-1)).toMatchObject({ done: 5000, total: 5000 });
    const bad = await d.handle('generate', { taskId: 't2', config: { mode: 'dump', mix: { 'k2pi-dd': 1 }, numEvents: 10, seed: 1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/k2pi-dd is not a dump-mode process/);
    // cancel while running: the task stops and leaves no file behind
    const running = d.handle('generate', { taskId: 't3', name: 'big.arrow', config: { mode: 'dump', mix: { 'combinatorial-mumu': 1 }, numEvents: 400_000, seed: 2 } });
    await new Promise((r) => setTimeout(r, 50));
    expect(value<{ cancelled: boolean }>(await d.handle('cancel', { taskId: 't3' }))).toEqual({ cancelled: true });
    const res = await running;
    expect(res).toMatchObject({ ok: false });
    if (!res.ok) expect(res.error.message).toMatch(/cancelled/);
    expect(readdirSync(path.join(dir, 'generated'))).toEqual(['mine.arrow']);
    // unknown datasets and out-of-range events are clear errors
    expect(await d.handle('event', { dataset: 'ds99', index: 0 })).toMatchObject({ ok: false, error: { message: 'no open dataset "ds99"' } });
    const oor = await d.handle('event', { dataset: info.id, index: 5000 });
    expect(oor.ok).toBe(false);
    if (!oor.ok) expect(oor.error.message).toMatch(/mine\.arrow: no event 5000 \(the file has 5000\)$/);
  });
});
