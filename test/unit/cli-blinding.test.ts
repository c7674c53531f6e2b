/** `na62 select` and blinding: the published regions stay masked whatever the parameters, `--unblind cr|sr` opens them in stages and logs it. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommand } from '../cli-command';

const CLI = cliCommand();

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const na62 = (...args: string[]) => execFileSync(CLI[0]!, [...CLI.slice(1), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
interface Cand { run: number; burst: number; event: number; region: string }
const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as { candidates: Cand[]; blinded: boolean; masked: { n: number }; blinding: { stages: Record<string, string>; datasets: string[]; log: { region: string; dataset: string; preset: string }[] } };
const rbe = (c: Cand) => `${c.run}:${c.burst}:${c.event}`;

describe('na62 select, blind by default', () => {
  it('lists no event of the published SR/CR with the regions narrowed, opens the CR then the SR with --unblind, and logs it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-blind-'));
    const data = path.join(dir, 'mock.arrow');
    na62('generate', '--process', 'aprime-mumu:2,combinatorial-mumu:1', '--events', '3000', '--seed', '12', '--batch-size', '500', '--mock-data', '--out', data, '--quiet');
    const sel = (out: string, ...more: string[]) => { na62('select', '--preset', 'dump-mumu', '--workers', '2', '--quiet', '--out', path.join(dir, out), ...more, data); return read(path.join(dir, out)); };
    const open = sel('open.json', '--unblind', 'sr');
    const published = new Set(open.candidates.filter((c) => c.region).map(rbe));
    expect(published.size).toBeGreaterThan(50);
    // the command, without --unblind: nothing of the published regions, in the JSON or the CSV
    const narrowed = sel('narrow.json', '--csv', path.join(dir, 'narrow.csv'), '--param', 'srCdaMax=5', '--param', 'crCdaMax=6', '--param', 'srZMin=20000', '--param', 'srZMax=21000', '--param', 'crZMin=19000', '--param', 'crZMax=22000');
    expect(narrowed.blinded).toBe(true);
    expect(narrowed.candidates.filter((c) => published.has(rbe(c)))).toEqual([]);
    const csv = readFileSync(path.join(dir, 'narrow.csv'), 'utf8');
    for (const key of published) expect(csv).not.toContain(`\n${key.replaceAll(':', ',')},`);
    // the CR first: CR events listed, the SR still masked, the step logged with the file's sha256
    const cr = sel('cr.json', '--unblind', 'cr');
    const sha = `sha256:${createHash('sha256').update(readFileSync(data)).digest('hex')}`;
    expect(cr.candidates.some((c) => c.region === 'SR')).toBe(false);
    expect(cr.blinding.stages['dump-mumu']).toBe('cr');
    expect(cr.blinding.stages['dump-ee']).toBe('blind');
    expect(cr.blinding.log).toEqual([expect.objectContaining({ preset: 'dump-mumu', region: 'CR', dataset: sha })]);
    expect(open.blinding.log.map((e) => e.region)).toEqual(['CR', 'SR']);
    expect(open.candidates.some((c) => c.region === 'SR')).toBe(true);
    // merging results made under different stages is refused
    expect(() => na62('merge', '--out', path.join(dir, 'm.json'), path.join(dir, 'cr.json'), path.join(dir, 'open.json'))).toThrow(/blinding/);
    expect(() => na62('select', '--preset', 'dump-mumu', '--unblind', 'yes', '--out', path.join(dir, 'x.json'), data)).toThrow(/--unblind wants cr .* or sr/);
  }, 120_000);

  it('pure simulation is not blind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-mc-'));
    const data = path.join(dir, 'mc.arrow');
    na62('generate', '--process', 'aprime-mumu', '--events', '1500', '--seed', '12', '--out', data, '--quiet');
    na62('select', '--preset', 'dump-mumu', '--workers', '1', '--quiet', '--out', path.join(dir, 'r.json'), data);
    const r = read(path.join(dir, 'r.json'));
    expect(r.blinded).toBe(false);
    expect(r.candidates.some((c) => c.region === 'SR')).toBe(true);
  }, 60_000);
});
