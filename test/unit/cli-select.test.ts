import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommand } from '../cli-command';

const CLI = cliCommand();

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const na62 = (...args: string[]) => execFileSync(CLI[0]!, [...CLI.slice(1), ...args], { cwd: root, encoding: 'utf8' });

describe('na62 select on a batch farm: shards merge into the single run', () => {
  it('3 shards + merge = 1 run, for the cut-flow and the candidate list', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-cli-'));
    const data = path.join(dir, 'run.arrow');
    na62('generate', '--process', 'aprime-ee:1,prompt-ee:2,combinatorial-mumu:1', '--events', '20000', '--seed', '9', '--batch-size', '1000', '--out', data, '--quiet');
    const common = ['--preset', 'dump-ee', '--param', 'cdaMax=12', '--expr', 'p1 + p2 > 10000', '--workers', '2', '--quiet', '--unblind', 'sr'];
    na62('select', ...common, '--out', path.join(dir, 'all.json'), data);
    for (const i of [1, 2]) na62('select', ...common, '--shard', `${i}/3`, '--out', path.join(dir, `part${i}.json`), data);
    na62('select', ...common, '--shard-index', '2', '--shards', '3', '--out', path.join(dir, 'part3.json'), data); // HTCondor style, from 0
    const out = na62('merge', '--out', path.join(dir, 'merged.json'), '--csv', path.join(dir, 'merged.csv'), ...[3, 1, 2].map((i) => path.join(dir, `part${i}.json`)));
    expect(out).toMatch(/merged 3 results: 20000 events/);
    const all = JSON.parse(readFileSync(path.join(dir, 'all.json'), 'utf8'));
    const merged = JSON.parse(readFileSync(path.join(dir, 'merged.json'), 'utf8'));
    expect(merged.cutflow.map((c: { n: number }) => c.n)).toEqual(all.cutflow.map((c: { n: number }) => c.n));
    expect(merged.candidates).toEqual(all.candidates);
    expect(merged.selection.params.cdaMax).toBe(12);
    // plain CSV, the header line first; the selection in the sidecar
    const csv = readFileSync(path.join(dir, 'merged.csv'), 'utf8');
    expect(csv).toMatch(/^run,burst,event,file,index,process,weight,region,/);
    expect(csv.trim().split('\n')).toHaveLength(merged.candidates.length + 1);
    const sidecar = JSON.parse(readFileSync(path.join(dir, 'merged.csv.json'), 'utf8'));
    expect(sidecar).toMatchObject({ format: 'na62-candidates-csv-sidecar', selection: { preset: 'dump-ee' }, candidatesListed: merged.candidates.length });
    expect(sidecar.inputs.every((x: { identity: string }) => /^sha256:/.test(x.identity))).toBe(true);
    // bad requests fail with a message, not a stack trace
    expect(() => na62('select', '--preset', 'dump-ee', '--param', 'nope=1', '--out', path.join(dir, 'x.json'), data)).toThrow(/no parameter "nope"/);
    // an output that is an input, or another output, is refused before anything is written: the files stay as they were
    const before = readFileSync(data), part1 = readFileSync(path.join(dir, 'part1.json'));
    expect(() => na62('select', '--preset', 'dump-ee', '--out', data, data)).toThrow(/--out .*run\.arrow would overwrite the input/);
    expect(() => na62('select', '--preset', 'dump-ee', '--out', path.join(dir, 'same.json'), '--csv', path.join(dir, 'same.json'), data)).toThrow(/--csv .*same\.json would overwrite --out/);
    expect(() => na62('merge', '--out', path.join(dir, 'part1.json'), ...[1, 2, 3].map((i) => path.join(dir, `part${i}.json`)))).toThrow(/--out .*part1\.json would overwrite the input/);
    expect(readFileSync(data).equals(before)).toBe(true);
    expect(readFileSync(path.join(dir, 'part1.json')).equals(part1)).toBe(true);
  }, 90_000);
});
