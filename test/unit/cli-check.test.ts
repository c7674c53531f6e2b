/** na62 check: a valid file passes; another tool's file that differs is told exactly how (types included); a damaged event is named. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fl from '@uwdata/flechette';
import { describe, expect, it } from 'vitest';
import { createGenerator } from '../../src-engine/generator/generate';
import { writeEventFile } from '../../src-engine/io/event-file';
import { memorySink } from '../../src-engine/io/source';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

describe('na62 check', () => {
  it('says valid, or lists every difference with its types, and exits 1 when a file is not valid', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-check-'));
    const gen = createGenerator({ mode: 'dump', numEvents: 40, seed: 5, strawHits: false, truth: false, mix: { 'aprime-mumu': 1 } });
    const sink = memorySink();
    await writeEventFile(sink, 40, (s, c) => gen.events(s, c), { batchSize: 16, meta: { geometryVersion: 'g', strawHits: false, truth: false, kind: 'simulation', generator: gen.info } });
    const good = path.join(dir, 'good.arrow');
    writeFileSync(good, sink.bytes());
    // one flipped bit in the last event's weight (float64 1.x: its bytes are unique enough to find from the end)
    const damaged = sink.bytes().slice();
    const w = new Float64Array([(await (async () => gen.events(39, 1))())[0]!.header.weight]);
    const pat = Buffer.from(w.buffer);
    const at = Buffer.from(damaged).lastIndexOf(pat);
    expect(at).toBeGreaterThan(0);
    damaged[at] = damaged[at]! ^ 1;
    const bad = path.join(dir, 'damaged.arrow');
    writeFileSync(bad, damaged);
    // another tool's file: doubles where the spec says floats, a missing and an extra column
    const t = fl.tableFromArrays({
      run: [1], burst: [1], event: [1], mode: ['dump'], time_in_spill: [0], weight: [1], process: ['x'],
      tracks: [[{ px: 1, py: 2 }]], extra: [3],
    }, { types: { run: fl.int32(), burst: fl.int32(), event: fl.int32(), tracks: fl.largeList(fl.field('item', fl.struct({ px: fl.float64(), py: fl.float64() }))) } });
    (t.schema as { metadata: Map<string, string> | null }).metadata = new Map([['na62', JSON.stringify({ format: 'na62-event-display', formatVersion: 2, geometryVersion: 'x', numEvents: 1, batchSize: 1, strawHits: false, truth: false, kind: 'data', generator: null })]]);
    const other = path.join(dir, 'other.arrow');
    writeFileSync(other, fl.tableToIPC(t, { format: 'file' })!);
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli/na62.ts'), 'check', good, bad, other], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${good}: valid\n  format 3, 40 events in 3 batches of 16, every checksum verified\n`);
    // format 3: the weight column of the last batch (events 32–39) no longer matches its checksum
    expect(r.stdout).toContain(`${bad}: 1 problem(s):\n  - events 32–39 (batch 2) are corrupt: column "weight" does not match its checksum\n`);
    expect(r.stdout).toContain(`${other}: `);
    for (const line of [
      '  - missing column "decay_prob" (Float64)',
      '  - column "tracks" is LargeList<Struct<{px:Float64, py:Float64}>>, expected List<Struct<{charge:Int8, px:Float32, py:Float32, pz:Float32, x:Float32, y:Float32, time:Float32, chi2:Float32, n_chambers:Uint8, dxdz_after:Float32, dydz_after:Float32}>>',
      '  - missing column "lkr_clusters" (List<Struct<{x:Float32, y:Float32, energy:Float32, time:Float32}>>)',
      '  - unexpected column "extra" (Int8)',
      '  - column "time_in_spill" is Int8, expected Float64',
    ]) expect(r.stdout).toContain(`${line}\n`);
  }, 60_000);
});
