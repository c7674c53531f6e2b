/**
 * The Electron main process's IPC handlers as src-main/index.ts registers them (electron faked at
 * the boundary): random payloads on every channel, from the app and from foreign frames, always
 * come back as typed error envelopes; and the main process opens no file whose path the renderer
 * made up — only paths the open dialog returned, or a dropped file that passed checkDroppedPath.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-shared/api/channels';
import type { Envelope } from '../../src-shared/api/contract';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { nodeFileSink, nodeFileSource } from '../../src-node/fs/node-file';
import { readTextFile } from '../../src-node/fs/read-text';
import type * as NodeFile from '../../src-node/fs/node-file';
import type * as ReadText from '../../src-node/fs/read-text';
import { app, recorded } from '../electron-main-fake';
import { budget, TEST_TIMEOUT_MS } from './fuzz-budget';

vi.mock('electron', () => import('../electron-main-fake'));
// spies on the only two ways the main process reads a file the user names
vi.mock('../../src-node/fs/node-file', async (importOriginal) => {
  const orig = await importOriginal<typeof NodeFile>();
  return { ...orig, nodeFileSource: vi.fn(orig.nodeFileSource) };
});
vi.mock('../../src-node/fs/read-text', async (importOriginal) => {
  const orig = await importOriginal<typeof ReadText>();
  return { ...orig, readTextFile: vi.fn(orig.readTextFile) };
});

type Handler = (event: { senderFrame: { url: string } | null }, raw: unknown) => Promise<Envelope<unknown>>;
let page = '';
const dir = mkdtempSync(path.join(tmpdir(), 'na62-ipc-fuzz-'));
const real = path.join(dir, 'run-1.arrow'), text = path.join(dir, 'list.csv'), secret = path.join(dir, 'secret.arrow');
/** paths a hostile renderer might name: real files among them */
const PATHS = [real, text, secret, '/etc/passwd', '/etc/shadow', dir, `${dir}/../${path.basename(dir)}/run-1.arrow`, 'run-1.arrow', '\\\\server\\share\\x.arrow', 'C:\\x.arrow', '', `file://${real}`];

beforeAll(async () => {
  await generateToSink({ mode: 'dump', numEvents: 50, seed: 1, mix: { 'aprime-mumu': 1 } }, await nodeFileSink(real));
  await generateToSink({ mode: 'dump', numEvents: 50, seed: 2, mix: { 'aprime-mumu': 1 } }, await nodeFileSink(secret));
  writeFileSync(text, '# format: na62-candidates-csv 1\n# preset: dump-mumu\nrun,burst,event,file,index,process,weight,region\n');
  await (await import('../../src-main/index')).started;
  page = recorded.windows[0]!.webContents.loads[0]!;
});

const payload = fc.oneof(
  fc.constant(undefined), // what the argument-free channels (the dialogs) take
  fc.anything({ maxDepth: 2, withTypedArray: true, withNullPrototype: true }),
  fc.constantFrom(...PATHS),
  fc.record({ path: fc.constantFrom(...PATHS) }),
  fc.dictionary(fc.constantFrom('path', 'file', 'name', 'suggestedName', 'dataset', 'text', 'data', 'config'), fc.oneof(fc.constantFrom(...PATHS), fc.anything({ maxDepth: 1 }))),
);
const sender = fc.oneof(fc.constant('app'), fc.constantFrom('https://evil.example/', 'file:///tmp/evil.html', 'devtools://devtools/x', ''), fc.constant(null));
const dialogAnswer = fc.option(fc.constantFrom(real, text, path.join(dir, 'missing.arrow')), { nil: undefined });

describe('main-process IPC, fuzzed', () => {
  it('random payloads from any frame: typed envelopes; files opened only from the dialog or a checked drop', async () => {
    const channels = Object.values(CHANNELS).filter((c) => recorded.ipc.has(c));
    expect(channels.length).toBeGreaterThan(15);
    const opened = () => [...vi.mocked(nodeFileSource).mock.calls.map((c) => c[0]), ...vi.mocked(readTextFile).mock.calls.map((c) => c[0])];
    // what one request opened: the new calls of each (one list sliced after the other would mix them)
    const mark = () => [vi.mocked(nodeFileSource).mock.calls.length, vi.mocked(readTextFile).mock.calls.length] as const;
    const openedSince = ([a, b]: readonly [number, number]) => [...vi.mocked(nodeFileSource).mock.calls.slice(a).map((c) => c[0]), ...vi.mocked(readTextFile).mock.calls.slice(b).map((c) => c[0])];
    // the channels that open files come up more often than the rest
    const channel = fc.oneof({ arbitrary: fc.constantFrom(...channels), weight: 2 }, fc.constantFrom(CHANNELS.openDialog, CHANNELS.openDropped, CHANNELS.loadCandidatesDialog));
    const accepted = new Set<string>();
    await fc.assert(fc.asyncProperty(channel, payload, sender, dialogAnswer, async (channel, raw, from, answer) => {
      const before = mark();
      recorded.openDialogAnswers = [answer];
      const url = from === 'app' ? page : from;
      const env = await (recorded.ipc.get(channel) as Handler)({ senderFrame: url === null ? null : { url } }, raw);
      expect(typeof env.ok).toBe('boolean');
      structuredClone(env);
      if (!env.ok) {
        expect(env.error.code).not.toBe('internal');
        expect(env.error.message).not.toMatch(/\n\s+at /);
      }
      const now = openedSince(before);
      if (from !== 'app') expect(now).toEqual([]); // foreign frames reach nothing
      for (const p of now) {
        const dropped = channel === CHANNELS.openDropped && typeof raw === 'object' && raw !== null && (raw as { path?: unknown }).path === p;
        // a CSV list chosen in the dialog brings its JSON sidecar (LIST.csv.json), read beside it
        const fromDialog = recorded.chosenPaths.includes(p) || (channel === CHANNELS.loadCandidatesDialog && p.endsWith('.csv.json') && recorded.chosenPaths.includes(p.slice(0, -'.json'.length)));
        // the app's own files (the demo it made), and a session reopening a file main had opened itself
        const own = p.startsWith(app.getPath('userData') + path.sep);
        const reopened = channel === CHANNELS.loadSession && accepted.has(p);
        expect(fromDialog || own || reopened || (dropped && path.isAbsolute(p) && p.endsWith('.arrow')), `${channel} opened ${p}`).toBe(true);
        accepted.add(p);
      }
    }), budget(1500, 30_000)); // a case may generate the demo data (open-demo, once): seconds on a loaded machine
    // the property saw the ways in: dialog answers, and drops (which the preload vouches for, see main-handlers.ts)
    expect(opened()).toContain(real);
    expect(opened()).toContain(text);
    expect(opened()).toContain(secret);
  }, TEST_TIMEOUT_MS);
});
