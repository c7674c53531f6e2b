/**
 * Event files on the Electron command line: the main process opens them at start (the renderer then
 * shows them instead of the demo), says which could not be opened, and a saved session does not
 * reopen a different file over them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-shared/api/channels';
import type { DatasetInfo, Envelope, SessionRestore } from '../../src-shared/api/contract';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { nodeFileSink } from '../../src-node/fs/node-file';
import { eventFilesFromArgv } from '../../src-main/cli-files';
import { app, recorded } from '../electron-main-fake';

vi.mock('electron', () => import('../electron-main-fake'));

const dir = mkdtempSync(path.join(tmpdir(), 'na62-cli-'));
const run = path.join(dir, 'run-7.arrow'), other = path.join(dir, 'other.arrow');
type Handler = (event: { senderFrame: { url: string } | null }, raw: unknown) => Promise<Envelope<unknown>>;
let page = '';
const call = async <T>(channel: string, raw?: unknown) => (await (recorded.ipc.get(channel) as Handler)({ senderFrame: { url: page } }, raw)) as Envelope<T>;

beforeAll(async () => {
  await generateToSink({ mode: 'dump', numEvents: 20, seed: 5, mix: { 'aprime-mumu': 1 } }, await nodeFileSink(run));
  await generateToSink({ mode: 'dump', numEvents: 20, seed: 6, mix: { 'aprime-mumu': 1 } }, await nodeFileSink(other));
  writeFileSync(path.join(dir, 'notes.txt'), 'not an event file');
  // a session from yesterday that had another file open
  mkdirSync(app.getPath('userData'), { recursive: true });
  writeFileSync(path.join(app.getPath('userData'), 'session.json'), JSON.stringify({ format: 'na62-session', version: 1, savedAt: 'x', index: 3, dataset: { name: 'other.arrow', path: other } }));
  process.argv = ['/opt/electron', '.', '--enable-logging', run, path.join(dir, 'missing.arrow'), path.join(dir, 'notes.txt')];
  await (await import('../../src-main/index')).started;
  page = recorded.windows[0]!.webContents.loads[0]!;
});

describe('event files on the command line', () => {
  it('picks the event files among the arguments, resolved from the working folder', () => {
    expect(eventFilesFromArgv(['--inspect', 'a.arrow', 'B.ARROW', 'x.txt', '/data/c.arrow'], '/home/me')).toEqual(['/home/me/a.arrow', '/home/me/B.ARROW', '/data/c.arrow']);
  });

  it('opens them at start, and says which could not be opened', async () => {
    const list = await call<DatasetInfo[]>(CHANNELS.datasets);
    expect(list.ok && list.value.map((d) => d.name)).toEqual(['run-7.arrow']);
    recorded.windows[0]!.emit('ready-to-show');
    await vi.waitFor(() => expect(recorded.messageBoxes.length).toBeGreaterThan(0));
    const box = recorded.messageBoxes.at(-1) as unknown as { message: string; detail: string };
    expect(box.message).toMatch(/could not be opened/);
    expect(box.detail).toMatch(/missing\.arrow: no such file/);
  });

  it('does not reopen the last session\'s file over them', async () => {
    const res = await call<SessionRestore>(CHANNELS.loadSession);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.dataset).toBeNull();
    expect(res.value.problem).toMatch(/other\.arrow could not be reopened: files were named on the command line/);
    const list = await call<DatasetInfo[]>(CHANNELS.datasets);
    expect(list.ok && list.value.length).toBe(1);
  });
});
