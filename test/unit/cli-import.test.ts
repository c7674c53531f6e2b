/** `na62 import`: list, propose, import (two files chained), then `select` over the result. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DATA } from './root-fixtures';
import { cliCommand } from '../cli-command';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const cli = (...args: string[]) => [...cliCommand().slice(1), ...args];
const na62 = (...args: string[]) => execFileSync(process.execPath, cli(...args), { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const zmumu = path.join(ROOT_DATA, 'uproot-Zmumu.root');

describe('na62 import', () => {
  it('lists, proposes a mapping that needs the kind, imports and selects', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-import-'));
    const list = na62('import', zmumu, '--list');
    expect(list).toMatch(/events {2}2304 entries, 20 branches/);
    expect(list).toMatch(/^ {4}px1 {2}double$/m);
    expect(list).toMatch(/^ {4}Type {2}string {2}\(not usable: not numbers\)$/m);

    const map = path.join(dir, 'map.json');
    expect(na62('import', zmumu, '--propose-map', map)).toMatch(/2 track sources[\s\S]*set "kind"/);
    const proposed = JSON.parse(readFileSync(map, 'utf8'));
    expect(proposed.tracks.map((t: { px: string }) => t.px)).toEqual(['px1', 'px2']);
    expect(proposed.units.momentum).toBe('GeV');
    // data or simulation is asked: the proposal does not import until it is answered
    const refused = spawnSync(process.execPath, cli('import', zmumu, '--map', map, '--out', path.join(dir, 'z.arrow')), { cwd: root, encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/map\.json: invalid mapping: kind/);
    expect(existsSync(path.join(dir, 'z.arrow'))).toBe(false);

    writeFileSync(map, JSON.stringify({ ...proposed, kind: 'data' }));
    const out = path.join(dir, 'z2.arrow');
    // the same file twice, as a chain: 2 × 2304 events
    expect(na62('import', zmumu, zmumu, '--map', map, '--out', out)).toMatch(/imported 4608 events \(data\) from 2 files[\s\S]*absent: no MUV3 hits: no μ ID/);
    const sel = spawnSync(process.execPath, cli('select', '--preset', 'dump-mumu', '--workers', '1', '--out', path.join(dir, 's.json'), out), { cwd: root, encoding: 'utf8' });
    expect(sel.status).toBe(0);
    expect(sel.stderr).toMatch(/z2\.arrow: no track times \(NaN\): timing cuts fail/);
    expect(sel.stdout).toMatch(/dump-mumu: 4608 events/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 90_000);

  it('refuses a damaged file with its name and writes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-import-'));
    const bad = path.join(dir, 'cut.root');
    writeFileSync(bad, readFileSync(zmumu).subarray(0, 100_000));
    const map = path.join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ format: 'na62-root-mapping', version: 1, name: 'z', tree: 'events', kind: 'data', mode: 'dump', units: { momentum: 'GeV', energy: 'GeV', length: 'mm', time: 'ns' }, vertex: { x: 0, y: 0, z: 150000 }, tracks: [{ charge: 'Q1', px: 'px1', py: 'py1', pz: 'pz1' }] }));
    const r = spawnSync(process.execPath, cli('import', bad, '--map', map, '--out', path.join(dir, 'x.arrow')), { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^na62: cut\.root: the file is truncated: its header says \d+ bytes, there are 100000/);
    expect(readdirSync(dir).sort()).toEqual(['cut.root', 'map.json']);
  }, 30_000);
});
