/** Share a view: the .na62view file and #view= link format, and what the desktop command line asks for. */
import { describe, expect, it } from 'vitest';
import { parseEventId, parseViewFile, viewFileName, viewFileText, viewFromHash, viewHash, VIEW_FORMAT, VIEW_VERSION, type ViewFile } from '../../src-shared/view/view-file';
import { viewArgsFromArgv } from '../../src-main/view/view-args';
import { onceStartupView, startupViewFrom } from '../../src-main/view/startup-view';

const view: ViewFile = {
  format: VIEW_FORMAT, version: VIEW_VERSION, savedAt: '2026-12-02T07:00:00.000Z',
  dataset: { name: 'demo-dump.arrow', numEvents: 2000, identity: `sha256:${'ab'.repeat(32)}` },
  event: { run: 9001, burst: 12, event: 345 },
  view: { mode: 'top', compression: 20, shown: { lav1: false }, labels: true, theme: 'light', beamStation: 'straw2', camera: { mode: 'top', position: [1, 2, 3], target: [0, 0, 0], up: [0, 1, 0], zoom: 2.5 } },
  drawing: { colourBy: 'momentum', hidden: { straws: true }, pMin: 5000, tWindow: 10, showTruth: true },
};

describe('view file', () => {
  it('round-trips through the file text and through the URL hash', () => {
    expect(parseViewFile(viewFileText(view), 'a.na62view')).toEqual({ view });
    const hash = viewHash(view);
    expect(hash).toMatch(/^#view=[A-Za-z0-9_-]+$/);
    expect(viewFromHash(hash)).toEqual({ view });
    // other hash parameters beside it do not matter; no view in the hash is no view
    expect(viewFromHash(`#x=1&${hash.slice(1)}`)).toEqual({ view });
    expect(viewFromHash('#x=1')).toBeUndefined();
    expect(viewFromHash('')).toBeUndefined();
    // non-ASCII names survive (UTF-8 in base64url)
    const named = { ...view, dataset: { name: 'Lauf-µμ-ä.arrow' } };
    expect(viewFromHash(viewHash(named))).toEqual({ view: named });
  });

  it('refuses damaged files and links with a message naming them, never throwing', () => {
    expect(parseViewFile('{', 'bad.na62view')).toEqual({ problem: expect.stringMatching(/^bad\.na62view: not JSON/) });
    expect(parseViewFile('{"format":"na62-session","version":1}', 's.na62view')).toEqual({ problem: expect.stringMatching(/^s\.na62view: not a saved NA62 view \(format/) });
    expect(parseViewFile(JSON.stringify({ ...view, event: { run: -1, burst: 0, event: 0 } }), 'v.na62view')).toEqual({ problem: expect.stringMatching(/event\.run/) });
    expect(parseViewFile(JSON.stringify({ ...view, extra: 1 }), 'v.na62view')).toEqual({ problem: expect.stringMatching(/not a saved NA62 view/) });
    expect(parseViewFile(JSON.stringify({ ...view, view: { compression: 1e9 } }), 'v.na62view')).toEqual({ problem: expect.stringMatching(/view\.compression/) });
    expect(parseViewFile(' '.repeat(300 * 1024), 'big.na62view')).toEqual({ problem: expect.stringMatching(/larger than 256 KiB/) });
    const hash = viewHash(view);
    expect(viewFromHash(hash.slice(0, 40))).toEqual({ problem: expect.stringMatching(/the link/) });
    expect(viewFromHash('#view=%%%')).toEqual({ problem: expect.stringMatching(/not valid base64url/) });
    expect(viewFromHash('#view=A')).toEqual({ problem: expect.stringMatching(/not valid base64url/) });
  });

  it('reads run:burst:event and names files after the event', () => {
    expect(parseEventId(' 1234:5:678 ')).toEqual({ run: 1234, burst: 5, event: 678 });
    expect(parseEventId('1234:5')).toBeUndefined();
    expect(parseEventId('1:-2:3')).toBeUndefined();
    expect(parseEventId('99999999999:1:1')).toBeUndefined();
    expect(viewFileName({ run: 1, burst: 2, event: 3 })).toBe('na62-view-1-2-3.na62view');
  });
});

describe('the desktop command line', () => {
  it('finds view files, --event, --view and --station among the other arguments', () => {
    const a = viewArgsFromArgv(['.', '--enable-logging', 'run.arrow', 'shared/v.NA62VIEW', '--event', '1234:5:678', '--view=beam', '--station', 'STRAW2'], '/home/me');
    expect(a).toEqual({ viewFiles: ['/home/me/shared/v.NA62VIEW'], event: { run: 1234, burst: 5, event: 678 }, mode: 'beam', station: 'straw2', problems: [] });
    const bad = viewArgsFromArgv(['--event', '12:x', '--view', 'front', '--station', '../etc', '--event'], '/');
    expect(bad.event).toBeUndefined();
    expect(bad.mode).toBeUndefined();
    expect(bad.station).toBeUndefined();
    expect(bad.problems).toEqual([
      '--event needs a value',
      '--event 12:x: expected RUN:BURST:EVENT, three whole numbers (e.g. 1234:5:678)',
      '--view front: expected one of 3d, side, top, beam',
      '--station ../etc: not an element id (e.g. straw1, lkr, muv3)',
    ]);
    expect(viewArgsFromArgv(['--view', '--event', '1:2:3'], '/').problems).toEqual(['--view needs a value']);
    expect(viewArgsFromArgv(['--view', '--event', '1:2:3'], '/').event).toEqual({ run: 1, burst: 2, event: 3 });
  });

  it('reads the view file, lets the switches refine it, and hands it out once', async () => {
    const files: Record<string, string> = { '/v/a.na62view': viewFileText(view), '/v/bad.na62view': '{"format":"x"}' };
    const read = async (f: string) => { if (!(f in files)) throw new Error(`${f}: no such file`); return files[f]!; };
    const got = await startupViewFrom(viewArgsFromArgv(['/v/a.na62view', '--view', 'side'], '/'), read);
    expect(got.problem).toBeNull();
    expect(got.source).toBe('a.na62view');
    expect(got.view?.event).toEqual(view.event);
    expect(got.view?.view).toMatchObject({ mode: 'side', compression: 20, camera: view.view!.camera });
    const only = await startupViewFrom(viewArgsFromArgv(['--event', '7:8:9', '--view', 'top'], '/'), read);
    expect(only).toEqual({ view: { format: VIEW_FORMAT, version: VIEW_VERSION, event: { run: 7, burst: 8, event: 9 }, view: { mode: 'top' } }, source: 'the command line', problem: null });
    const bad = await startupViewFrom(viewArgsFromArgv(['/v/bad.na62view'], '/'), read);
    expect(bad.view).toBeNull();
    expect(bad.problem).toMatch(/^\/v\/bad\.na62view: not a saved NA62 view/);
    const missing = await startupViewFrom(viewArgsFromArgv(['/v/none.na62view', '/v/a.na62view'], '/'), read);
    expect(missing.problem).toMatch(/^only one view opens at a time: a\.na62view left unopened; \/v\/none\.na62view: no such file$/);
    expect(await startupViewFrom(viewArgsFromArgv(['run.arrow'], '/'), read)).toEqual({ view: null, source: null, problem: null });
    const once = onceStartupView(Promise.resolve(got));
    expect((await once()).view).toEqual(got.view);
    expect(await once()).toEqual({ view: null, source: null, problem: null });
  });
});
