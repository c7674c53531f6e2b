/**
 * ROOT import on real files nobody here wrote (scikit-hep-testdata, ../shared/data/root/):
 * every entry becomes an event, and the engine's own reconstruction agrees with the file.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { openEventFile } from '../../src-engine/io/event-file';
import { openRootFile } from '../../src-engine/io/root/root-file';
import { importRoot } from '../../src-engine/io/root/import';
import { computeVariables } from '../../src-engine/reco/variables';
import { parseMapping, type RootMappingInput } from '../../src-shared/root/mapping';
import { HZZ_MAPPING, ROOT_DATA, ZMUMU_MAPPING } from './root-fixtures';

const rootSource = (name: string) => memorySource(name, new Uint8Array(readFileSync(path.join(ROOT_DATA, name))));

/** Every value of some branches, read straight with JSROOT (the reference the import is checked against). */
async function readBranches(name: string, branches: string[]): Promise<Record<string, unknown>[]> {
  const file = await openRootFile(rootSource(name));
  const tree = await file.tree('events');
  const { TSelector, treeProcess } = file.jsroot.tree;
  const rows: Record<string, unknown>[] = [];
  const sel = new TSelector();
  for (const b of branches) sel.addBranch(b);
  sel.Process = function (this: InstanceType<typeof TSelector>) { rows.push(Object.fromEntries(branches.map((b) => [b, this.tgtobj[b]]))); };
  await treeProcess(tree, sel);
  return rows;
}

async function importToFile(name: string, mapping: RootMappingInput) {
  const file = await openRootFile(rootSource(name));
  const sink = memorySink();
  const progress: number[] = [];
  await importRoot(file, parseMapping(mapping, 'test mapping'), sink, { geometryVersion: 'test', batchSize: 1000, onProgress: (d) => { progress.push(d); } });
  return { events: await openEventFile(memorySource(name.replace(/\.root$/, '.arrow'), sink.bytes())), progress };
}

describe('ROOT import of real files', () => {
  it('lists the trees of uproot-Zmumu.root with their branches and entries', async () => {
    const f = await openRootFile(rootSource('uproot-Zmumu.root'));
    expect(f.trees.map((t) => [t.name, t.entries])).toEqual([['events', 2304]]);
    const br = Object.fromEntries(f.trees[0]!.branches.map((b) => [b.name, b]));
    expect(br['px1']).toMatchObject({ type: 'double', shape: 'scalar', usable: true });
    expect(br['Q1']).toMatchObject({ type: 'int', shape: 'scalar' });
    expect(br['Type']).toMatchObject({ type: 'string', usable: false });
  });

  it('Zμμ: 2 304 two-track events whose engine m_μμ equals M × 1000 to 1e-4', async () => {
    const { events: ev, progress } = await importToFile('uproot-Zmumu.root', ZMUMU_MAPPING);
    expect(ev.numEvents).toBe(2304);
    expect(progress).toEqual([1000, 2000, 2304]);
    expect(ev.meta.kind).toBe('data');
    expect(ev.meta.source).toMatchObject({ file: 'uproot-Zmumu.root', tree: 'events', entries: 2304, mapping: { name: 'zmumu-two-muons', version: 1 } });
    expect(ev.meta.source!.absent).toEqual(expect.arrayContaining(['trackPosition', 'muv3Hits', 'lkrClusters']));
    const ref = await readBranches('uproot-Zmumu.root', ['M', 'Run', 'Event']);
    let worst = 0, checked = 0;
    await ev.scan(0, ev.numBatches, (start, cols) => {
      const v = computeVariables(cols);
      for (let i = 0; i < cols.length; i++) {
        expect(v.ntracks[i]).toBe(2);
        const M = (ref[start + i]!['M'] as number) * 1000;
        worst = Math.max(worst, Math.abs(v.m_mumu[i]! - M) / M);
        expect(cols.header['run']![i]).toBe(ref[start + i]!['Run']);
        expect(cols.header['event']![i]).toBe(ref[start + i]!['Event']);
        checked++;
      }
    });
    expect(checked).toBe(2304);
    console.log(`Zmumu: worst relative m_mumu deviation ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-4);
  });

  it('HZZ: 2 421 events whose track counts equal NMuon + NElectron, entry by entry', async () => {
    const { events: ev } = await importToFile('uproot-HZZ.root', HZZ_MAPPING);
    expect(ev.numEvents).toBe(2421);
    expect(ev.meta.kind).toBe('simulation');
    const ref = await readBranches('uproot-HZZ.root', ['NMuon', 'NElectron', 'Muon_Px', 'EventWeight']);
    let tracks = 0;
    await ev.scan(0, ev.numBatches, (start, cols) => {
      const T = cols.collections.get('tracks')!;
      for (let i = 0; i < cols.length; i++) {
        const r = ref[start + i]!;
        const n = T.offsets[i + 1]! - T.offsets[i]!;
        expect(n).toBe((r['NMuon'] as number) + (r['NElectron'] as number));
        tracks += n;
        const mpx = r['Muon_Px'] as Float32Array;
        // stored as float32 in the event file: the GeV value × 1000, rounded once
        if (mpx.length > 0) expect(T.fields['px']![T.offsets[i]!]).toBe(Math.fround(mpx[0]! * 1000));
        expect(cols.header['weight']![i]).toBeCloseTo(r['EventWeight'] as number, 6);
      }
    });
    expect(tracks).toBeGreaterThan(2421);
  });
});
