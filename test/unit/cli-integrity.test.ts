/**
 * The command line's answers to issue 14, each measured as a user would: checksums in `select`,
 * honest merges, the same dataset twice, interrupts (Ctrl+C under npm, twice; SIGTERM) and failed
 * writes leaving nothing behind, and messages that name the file and the cause.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEventFile } from '../../src-engine/io/event-file';
import { nodeFileSource } from '../../src-node/fs/node-file';
import { cliCommand } from '../cli-command';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const cli = cliCommand();
function na62(...args: string[]) {
  const r = spawnSync(cli[0]!, [...cli.slice(1), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

let dir = '', data = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'na62-integrity-'));
  data = path.join(dir, 'dump.arrow');
  expect(na62('generate', '--process', 'aprime-mumu:1,combinatorial-mumu:1', '--events', '6000', '--seed', '4', '--batch-size', '1000', '--no-truth', '--quiet', '--out', data).code).toBe(0);
}, 60_000);

const sel = ['select', '--preset', 'dump-mumu', '--workers', '1', '--quiet'];

describe('select checks every event and every input', () => {
  it('fails on a corrupt event by default, naming file, event and run:burst:event; --on-corrupt skip counts it', async () => {
    const bad = path.join(dir, 'bad.arrow');
    const bytes = readFileSync(data);
    const f = await openEventFile(await nodeFileSource(data));
    let i = 5;
    while ((await f.event(i)).tracks.length === 0) i++;
    const e = await f.event(i);
    await f.close();
    const pat = Buffer.from(new Float32Array([e.tracks[0]!.pz]).buffer);
    const at = bytes.indexOf(pat);
    expect(bytes.indexOf(pat, at + 1)).toBe(-1);
    bytes[at + 1] = bytes[at + 1]! ^ 1;
    writeFileSync(bad, bytes);
    const failed = na62(...sel, '--out', path.join(dir, 'bad.json'), bad);
    expect(failed.code).toBe(2);
    // format 3: the checksum of the batch's tracks.pz buffer (batches of 1000) no longer matches
    const b = Math.floor(i / 1000);
    expect(failed.err).toContain(`${bad}: events ${b * 1000}–${b * 1000 + 999} (batch ${b}) are corrupt: column "tracks.pz" does not match its checksum; rerun with --on-corrupt skip`);
    expect(existsSync(path.join(dir, 'bad.json'))).toBe(false);
    const skipped = na62(...sel, '--on-corrupt', 'skip', '--out', path.join(dir, 'bad.json'), bad);
    expect(skipped.code).toBe(0);
    expect(skipped.err).toMatch(/1000 corrupt event\(s\) skipped/);
    const r = JSON.parse(readFileSync(path.join(dir, 'bad.json'), 'utf8'));
    expect(r.corrupt.n).toBe(1000);
    expect(r.corrupt.events[0]).toEqual({ file: bad, index: b * 1000, id: `batch ${b}, column tracks.pz` });
    expect(r.cutflow[0].n).toBe(5000);
  }, 60_000);

  it('refuses the same dataset twice, by path or as a copy', () => {
    const copy = path.join(dir, 'copy.arrow');
    copyFileSync(data, copy);
    const r = na62(...sel, '--out', path.join(dir, 'twice.json'), data, copy);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dump\.arrow and .*copy\.arrow are the same dataset \([0-9a-f]{12}\): its events would be counted twice/);
  }, 30_000);

  it('plain messages for an unknown preset, --on-corrupt, a folder as --out, and a CSV that cannot be written (no JSON either)', () => {
    expect(na62(...sel, '--preset', 'dump-mumux', '--out', 'x.json', data).err).toBe('na62: unknown preset "dump-mumux" (presets: dump-mumu, dump-ee, kaon-pi4e)\n');
    expect(na62(...sel, '--on-corrupt', 'maybe', '--out', 'x.json', data).err).toMatch(/--on-corrupt wants fail or skip/);
    expect(na62(...sel, '--out', dir, data).err).toBe(`na62: cannot write ${dir}: is a folder (EISDIR)\n`);
    const json = path.join(dir, 'only.json');
    const r = na62(...sel, '--out', json, '--csv', path.join(dir, 'no-such-folder', 'x.csv'), data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write .*no-such-folder\/x\.csv: no such file or folder \(ENOENT\)/);
    expect(existsSync(json)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);
});

describe('smaller answers', () => {
  it('a kaon-mode preset on a dump file warns; render refuses a bad input before making its output folder', () => {
    const k = na62(...sel, '--preset', 'kaon-pi4e', '--out', path.join(dir, 'k.json'), data);
    expect(k.code).toBe(0);
    expect(k.err).toMatch(/warning: .*dump\.arrow: a dump-mode file, but kaon-pi4e selects kaon-mode events: expect nothing to pass/);
    expect(JSON.parse(readFileSync(path.join(dir, 'k.json'), 'utf8')).warnings[0]).toMatch(/a dump-mode file/);
    const notEvents = path.join(dir, 'notes.arrow');
    writeFileSync(notEvents, 'run,burst,event\n');
    const pics = path.join(dir, 'pics');
    const r = na62('render', '--events', '0', '--out', pics, notEvents);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^na62: .*notes\.arrow: only 16 bytes: too short to be an event file/);
    expect(existsSync(pics)).toBe(false);
  }, 60_000);
});

describe('merge refuses what would not be honest', () => {
  it('same shard twice, whole + shard, a missing shard, another version, a rising cut-flow, an event file', () => {
    const out = (n: string) => path.join(dir, n);
    for (const s of ['1/2', '2/2']) expect(na62(...sel, '--shard', s, '--out', out(`p${s[0]}.json`), data).code).toBe(0);
    expect(na62(...sel, '--out', out('all.json'), data).code).toBe(0);
    const m = (...files: string[]) => na62('merge', '--out', out('m.json'), ...files.map(out));
    expect(m('p1.json', 'p2.json').code).toBe(0);
    const counts = (f: string) => JSON.parse(readFileSync(out(f), 'utf8')).cutflow.map((c: { n: number }) => c.n);
    expect(counts('m.json')).toEqual(counts('all.json'));
    expect(m('p1.json', 'p1.json', 'p2.json').err).toMatch(/p1\.json, given twice, holds events 0–2999 of dump\.arrow/);
    expect(m('all.json', 'p2.json').err).toMatch(/all\.json and .*p2\.json both hold events 3000–5999/);
    expect(m('p1.json').err).toMatch(/events 3000–5999 of dump\.arrow .* are in none of the results/);
    expect(na62('merge', '--partial', '--out', out('m1.json'), out('p1.json')).code).toBe(0);
    const p2 = JSON.parse(readFileSync(out('p2.json'), 'utf8'));
    writeFileSync(out('v.json'), JSON.stringify({ ...p2, software: { ...p2.software, version: '9.9.9' } }));
    expect(m('p1.json', 'v.json').err).toMatch(/p1\.json was made by na62-event-display 0\.1\.0, .*v\.json by na62-event-display 9\.9\.9/);
    p2.cutflow[2].n = p2.cutflow[1].n + 1;
    writeFileSync(out('edit.json'), JSON.stringify(p2));
    expect(m('p1.json', 'edit.json').err).toMatch(/edit\.json: cannot be merged: cut-flow row .* more than the/);
    const arrow = m('p1.json', 'dump.arrow');
    expect(arrow.err).toMatch(/dump\.arrow: an event file, not a selection result/);
    expect([...arrow.err].filter((c) => c.charCodeAt(0) < 9 || c === '\ufffd')).toEqual([]); // no binary bytes echoed
  }, 120_000);
});

describe('generate: failures and interrupts leave nothing behind', () => {
  it('refused configurations leave no temporary, with plain messages', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'na62-gen-'));
    const out = path.join(d, 'x.arrow');
    const gen = (...a: string[]) => na62('generate', '--process', 'aprime-mumu', '--quiet', '--out', out, ...a);
    expect(gen('--events', '10', '--mass', '100').err).toMatch(/x\.arrow: not written: .*cannot decay to μμ/);
    expect(gen('--events', '10', '--batch-size', '1e9').err).toMatch(/--batch-size must be a whole number from 1 to 1,000,000/);
    expect(gen('--events', '10', '--batch-size', '0').err).toMatch(/--batch-size must be a whole number/);
    expect(gen('--events', '-1').err).toBe('na62: --events must be a whole number of events ≥ 0, got "-1"\n');
    expect(readdirSync(d)).toEqual([]);
  }, 60_000);

  const interrupted = (viaNpm: boolean, signal: NodeJS.Signals, times: number) => new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string; left: string[] }>((resolve) => {
    const d = mkdtempSync(path.join(tmpdir(), 'na62-sig-'));
    mkdirSync(d, { recursive: true });
    const args = ['generate', '--process', 'combinatorial-mumu', '--events', '5000000', '--quiet', '--out', path.join(d, 'big.arrow')];
    // detached: its own process group, which gets the signal as a terminal's Ctrl+C reaches every process of the job
    const p = viaNpm ? spawn('npm', ['run', '--silent', 'na62', '--', ...args], { cwd: root, detached: true }) : spawn(cli[0]!, [...cli.slice(1), ...args], { cwd: root, detached: true });
    let err = '';
    p.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    const poll = setInterval(() => {
      const tmp = readdirSync(d).find((f) => f.endsWith('.tmp'));
      if (!tmp || statSync(path.join(d, tmp)).size < 1e6) return;
      clearInterval(poll);
      for (let k = 0; k < times; k++) setTimeout(() => { try { process.kill(-p.pid!, signal); } catch { /* already gone */ } }, k * 20);
    }, 100);
    p.on('close', (code, sig) => { clearInterval(poll); resolve({ code, signal: sig, err, left: readdirSync(d) }); });
  });

  it('Ctrl+C under npm (twice) removes the temporary and says so; exit 130', async () => {
    const r = await interrupted(true, 'SIGINT', 2);
    // npm itself dies of the SIGINT it got from the terminal (the shell reports 130 either way); na62 exits 130
    expect(r.code === 130 || r.signal === 'SIGINT').toBe(true);
    expect(r.err).toMatch(/na62: interrupted \(SIGINT\); removed the unfinished .*\.big\.arrow\.\d+\.[0-9a-f]+\.tmp; no output written/);
    expect(r.left).toEqual([]);
  }, 120_000);

  it('SIGTERM (what batch systems send) does the same; exit 143', async () => {
    const r = await interrupted(false, 'SIGTERM', 1);
    expect(r.code).toBe(143);
    expect(r.err).toMatch(/interrupted \(SIGTERM\); removed the unfinished/);
    expect(r.left).toEqual([]);
  }, 120_000);
});
