/**
 * The ROOT import through the engine's validating dispatcher, as both hosts serve it: Electron's
 * main handlers read a `.root` path they were given (dialog or drop), the engine proposes, previews
 * and imports into the host's data folder with progress; cancel leaves no file; bad requests and
 * unknown handles are clear errors.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, createEngineHandlers } from '../../src-engine';
import { createNodeEngineHost } from '../../src-main/engine-host';
import { createMainHandlers } from '../../src-main/ipc/main-handlers';
import { nodeFileSource } from '../../src-node/fs/node-file';
import type { DatasetInfo, Envelope, TaskProgress } from '../../src-shared/api/contract';
import type { MappingProposal, RootFileInfo, RootPreview } from '../../src-shared/api/root-contract';
import { ROOT_DATA } from './root-fixtures';

const value = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.value as T;
};

function electronLike(dir: string, chosen: () => string | undefined) {
  const progress: TaskProgress[] = [];
  const engine = createEngineHandlers({ host: 'electron-main', appVersion: 't', files: createNodeEngineHost(dir, (p) => progress.push(p)) });
  const main = createMainHandlers(engine, {
    chooseOpenPath: async () => chosen(),
    openEventSource: nodeFileSource,
    readTextFile: async () => '',
    save: { chooseSavePath: async () => undefined, writeFile: async () => {}, defaultDir: () => dir },
  });
  return { d: createDispatcher({ ...engine, ...main }), progress };
}

describe('ROOT import through the engine (Electron main handlers)', () => {
  it('opens a .root from the dialog, proposes, previews, imports with progress, and the dataset opens', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-root-'));
    const { d, progress } = electronLike(dir, () => path.join(ROOT_DATA, 'uproot-HZZ.root'));
    const info = value<RootFileInfo>(await d.handle('openDialog', undefined));
    expect(info).toMatchObject({ rootFile: 'rf1', name: 'uproot-HZZ.root', trees: [{ name: 'events', entries: 2421 }] });
    const proposal = value<MappingProposal>(await d.handle('rootPropose', { rootFile: info.rootFile, tree: 'events' }));
    expect(proposal.mapping.tracks.map((t) => t.label)).toEqual(['Muon', 'Electron']);
    expect(proposal.mapping.kind).toBeUndefined();
    // the proposal alone is not a request the engine accepts: kind is missing
    const noKind = await d.handle('rootPreview', { rootFile: info.rootFile, mapping: proposal.mapping, count: 3 });
    expect(noKind).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!noKind.ok) expect(noKind.error.message).toMatch(/mapping\.kind/);
    const mapping = { ...proposal.mapping, kind: 'simulation' };
    const preview = value<RootPreview>(await d.handle('rootPreview', { rootFile: info.rootFile, mapping, count: 3 }));
    expect(preview.events).toHaveLength(3);
    expect(preview.entries).toBe(2421);
    const ds = value<DatasetInfo>(await d.handle('rootImport', { taskId: 'imp1', rootFile: info.rootFile, mapping }));
    expect(ds).toMatchObject({ name: 'uproot-HZZ.arrow', numEvents: 2421, meta: { kind: 'simulation', source: { file: 'uproot-HZZ.root', tree: 'events' } } });
    expect(progress.filter((p) => p.taskId === 'imp1').at(-1)).toMatchObject({ done: 2421, total: 2421 });
    expect(readdirSync(path.join(dir, 'generated'))).toEqual(['uproot-HZZ.arrow']);
    expect(value<{ event: { tracks: unknown[] } }>(await d.handle('event', { dataset: ds.id, index: 0 })).event.tracks.length).toBeGreaterThanOrEqual(0);
    expect(value(await d.handle('rootClose', { rootFile: info.rootFile }))).toEqual({ closed: true });
    expect(await d.handle('rootPropose', { rootFile: info.rootFile, tree: 'events' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no open ROOT file rf1/) } });
  });

  it('cancel stops an import and leaves no file; a dropped non-ROOT .root is refused naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-root-'));
    const { d } = electronLike(dir, () => undefined);
    expect(value(await d.handle('openDialog', undefined))).toBeNull();
    const info = value<RootFileInfo>(await d.handle('openDropped', { path: path.join(ROOT_DATA, 'uproot-Zmumu.root') }));
    const mapping = { ...value<MappingProposal>(await d.handle('rootPropose', { rootFile: info.rootFile, tree: 'events' })).mapping, kind: 'data' };
    const running = d.handle('rootImport', { taskId: 'imp2', rootFile: info.rootFile, mapping });
    expect(value(await d.handle('cancel', { taskId: 'imp2' }))).toEqual({ cancelled: true });
    const res = await running;
    expect(res).toMatchObject({ ok: false, error: { message: 'Importing uproot-Zmumu.root: cancelled' } });
    expect(readdirSync(path.join(dir, 'generated')).filter((f) => !f.startsWith('.'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'generated'))).toEqual([]);

    const fake = path.join(dir, 'fake.root');
    (await import('node:fs')).writeFileSync(fake, 'not ROOT at all, just text');
    const r = await d.handle('openDropped', { path: fake });
    expect(r).toMatchObject({ ok: false, error: { code: 'io', message: 'fake.root: not a ROOT file (no "root" signature at the start)' } });
    // the renderer cannot hand Electron's engine a Blob to read
    expect(await d.handle('rootOpenBlob', { file: new Blob(['x']), name: 'x.root' })).toMatchObject({ ok: false });
  });
});
