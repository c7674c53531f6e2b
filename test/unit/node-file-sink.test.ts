/** The Node sink every CLI and app write goes through: the final name only when complete, temporaries never left, messages that name the file and the cause. */
import { promises as fs, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeFileSink, WriteError } from '../../src-node/fs/node-file';
import { liveTemps, removeTemps } from '../../src-node/fs/temp-files';
import { fileIdentity } from '../../src-node/fs/file-identity';
import { contentIdentity } from '../../src-engine/io/dataset-identity';
import { memorySource } from '../../src-engine/io/source';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'na62-sink-'));

afterEach(() => { vi.restoreAllMocks(); });

describe('nodeFileSink', () => {
  it('shows the final name only after commit, and registers its temporary meanwhile', async () => {
    const d = fresh(), target = path.join(d, 'out.json');
    const sink = await nodeFileSink(target);
    await sink.write(new TextEncoder().encode('{}'));
    expect(existsSync(target)).toBe(false);
    expect(liveTemps()).toHaveLength(1);
    await sink.commit();
    expect(readdirSync(d)).toEqual(['out.json']);
    expect(liveTemps()).toEqual([]);
  });

  it('a full disk: the temporary is removed and the message names the file and ENOSPC', async () => {
    const d = fresh(), target = path.join(d, 'result.csv');
    const probe = await fs.open(path.join(d, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { write: (...a: unknown[]) => Promise<unknown> };
    await probe.close();
    await fs.rm(path.join(d, 'probe'));
    vi.spyOn(proto, 'write').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    const sink = await nodeFileSink(target);
    const err = await sink.write(new Uint8Array(10)).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect((err as Error).message).toBe(`cannot write ${target}: no space left on the device (ENOSPC)`);
    expect(readdirSync(d)).toEqual([]);
    expect(liveTemps()).toEqual([]);
  });

  it('a folder as target is refused before anything is written', async () => {
    const d = fresh();
    await expect(nodeFileSink(d)).rejects.toThrow(`cannot write ${d}: is a folder (EISDIR)`);
    expect(readdirSync(d)).toEqual([]);
  });

  it('removeTemps (what SIGINT/SIGTERM run) deletes every open temporary', async () => {
    const d = fresh();
    await nodeFileSink(path.join(d, 'a.arrow'));
    await nodeFileSink(path.join(d, 'b.arrow'));
    expect(readdirSync(d)).toHaveLength(2);
    expect(removeTemps()).toHaveLength(2);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('fileIdentity', () => {
  it('is the engine\'s content identity (sha256 of the bytes), computed natively', async () => {
    const d = fresh(), f = path.join(d, 'x.bin');
    const bytes = new Uint8Array(3 * (1 << 20) + 17).map((_, i) => (i * 31 + 7) & 0xff);
    await fs.writeFile(f, bytes);
    expect(await fileIdentity(f)).toBe(await contentIdentity(memorySource(f, bytes)));
    await expect(fileIdentity(path.join(d, 'missing'))).rejects.toThrow(/missing: cannot be read to compute its identity \(ENOENT\)/);
  });
});
