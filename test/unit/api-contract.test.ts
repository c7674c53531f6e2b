import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApiClient, type TransportExtras } from '../../src-shared/api/client';
import { ApiError, type Envelope } from '../../src-shared/api/contract';
import type { RequestFn } from '../../src-shared/api/bridge';
import { createDispatcher, createEngineHandlers, UserFacingError } from '../../src-engine';
import { COMMANDS, commandForKey } from '../../src-shared/commands';

const engine = createDispatcher(createEngineHandlers({ host: 'node', appVersion: 't' }));
const direct: RequestFn = ((key: string, payload: unknown) => engine.handle(key, payload)) as RequestFn;
const noFiles: TransportExtras = { openFileDialog: async () => null, openDroppedFile: async () => { throw new Error('no files here'); }, loadCandidateList: async () => null };

describe('engine dispatch', () => {
  it('refuses unknown requests and survives throwing handlers', async () => {
    expect(await engine.handle('constructor', undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await engine.handle('__proto__', undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const d = createDispatcher({
      info: () => { throw new Error('disk on fire'); },
      detector: () => { throw new UserFacingError('io', 'cannot read /x.arrow: truncated'); },
    });
    expect(await d.handle('info', undefined)).toEqual({ ok: false, error: { code: 'internal', message: 'info failed: disk on fire' } });
    expect(await d.handle('detector', undefined)).toEqual({ ok: false, error: { code: 'io', message: 'cannot read /x.arrow: truncated' } });
  });
});

describe('API client', () => {
  it('gives the same answers over any transport', async () => {
    const api = createApiClient('web-worker', direct, noFiles);
    expect((await api.getInfo()).engineHost).toBe('node');
    expect((await api.getDetector()).elements.some((e) => e.id === 'lkr')).toBe(true);
  });

  it('turns error envelopes into ApiError and checks the API version', async () => {
    const failing: RequestFn = (async () => ({ ok: false, error: { code: 'io', message: 'no space left' } })) as unknown as RequestFn;
    await expect(createApiClient('electron', failing, noFiles).getDetector()).rejects.toThrow(ApiError);
    const future: RequestFn = (async () => ({ ok: true, value: { apiVersion: 99, appVersion: 'x', geometryVersion: 'g', engineHost: 'node' } } satisfies Envelope<unknown>)) as unknown as RequestFn;
    await expect(createApiClient('electron', future, noFiles).getInfo()).rejects.toThrow(/API v99/);
  });

  it('passes on only known menu commands', () => {
    let emit: (c: unknown) => void = () => {};
    const api = createApiClient('electron', direct, { ...noFiles, subscribeMenu: (l) => { emit = l; return () => {}; } });
    const got: string[] = [];
    api.onMenuCommand((c) => got.push(c));
    emit('view.side'); emit('rm -rf'); emit(42);
    expect(got).toEqual(['view.side']);
  });
});

describe('shortcut registry', () => {
  it('binds each key to one command', () => {
    const keys = COMMANDS.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(commandForKey({ key: '2', ctrlKey: false, metaKey: false, altKey: false })).toBe('view.side');
    expect(commandForKey({ key: 'S', ctrlKey: true, metaKey: false, altKey: false })).toBe('file.savePng');
    expect(commandForKey({ key: 's', ctrlKey: false, metaKey: false, altKey: false })).toBeUndefined();
    expect(commandForKey({ key: '?', ctrlKey: false, metaKey: false, altKey: false })).toBe('help.shortcuts');
    expect(commandForKey({ key: 'k', ctrlKey: true, metaKey: false, altKey: false })).toBe('help.palette');
    expect(commandForKey({ key: 'P', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe('help.palette');
    // Ctrl+P alone is no command: Shift is part of the palette's chord
    expect(commandForKey({ key: 'p', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBeUndefined();
  });

  it('is what the README documents', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const c of COMMANDS) {
      for (const k of c.keys) expect(readme, `README lists ${k}`).toContain(`| \`${k}\` | ${c.label} |`);
    }
  });
});
