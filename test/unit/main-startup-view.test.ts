/**
 * The desktop command line's view (`npm start -- run.arrow view.na62view --view top`): the main
 * process reads and checks the view file, lets the switches refine it, and hands it to the page
 * once over validated IPC; a link to the view goes onto the clipboard.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-shared/api/channels';
import type { Envelope, StartupView } from '../../src-shared/api/contract';
import { viewFileText } from '../../src-shared/view/view-file';
import { recorded } from '../electron-main-fake';

vi.mock('electron', () => import('../electron-main-fake'));

const dir = mkdtempSync(path.join(tmpdir(), 'na62-view-cli-'));
type Handler = (event: { senderFrame: { url: string } | null }, raw: unknown) => Promise<Envelope<unknown>>;
let page = '';
const call = async <T>(channel: string, raw?: unknown, url = page) => (await (recorded.ipc.get(channel) as Handler)({ senderFrame: { url } }, raw)) as Envelope<T>;

beforeAll(async () => {
  writeFileSync(path.join(dir, 'shared.na62view'), viewFileText({ format: 'na62-view', version: 1, event: { run: 12, burst: 3, event: 45 }, view: { mode: 'side', compression: 20 } }));
  process.argv = ['/opt/electron', '.', path.join(dir, 'shared.na62view'), '--view', 'top', '--station', 'lkr'];
  await (await import('../../src-main/index')).started;
  page = recorded.windows[0]!.webContents.loads[0]!;
});

describe('a view named on the command line', () => {
  it('is handed to the page once, the switches refining the file', async () => {
    const first = await call<StartupView>(CHANNELS.startupView);
    expect(first).toEqual({ ok: true, value: {
      view: { format: 'na62-view', version: 1, event: { run: 12, burst: 3, event: 45 }, view: { mode: 'top', compression: 20, beamStation: 'lkr' } },
      source: 'shared.na62view', problem: null,
    } });
    // a reload after a renderer crash goes back to its session, not to the start-up view
    expect(await call<StartupView>(CHANNELS.startupView)).toEqual({ ok: true, value: { view: null, source: null, problem: null } });
  });

  it('copies a link as text, validated, and only for the app\'s own page', async () => {
    expect(await call(CHANNELS.copyText, { text: 'http://127.0.0.1:5173/#view=abc' })).toEqual({ ok: true, value: { copied: true } });
    expect(recorded.clipboardText).toEqual(['http://127.0.0.1:5173/#view=abc']);
    expect(await call(CHANNELS.copyText, { text: '' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call(CHANNELS.copyText, { text: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call(CHANNELS.copyText, { text: 'x' }, 'https://evil.example/')).toMatchObject({ ok: false });
    expect(recorded.clipboardText).toHaveLength(1);
  });
});
