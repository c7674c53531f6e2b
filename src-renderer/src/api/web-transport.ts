/** The browser transport: engine requests go to a Web Worker; saving a picture becomes a download, opening a file a file picker. */
import type { ApiRequests, DatasetInfo, Envelope, Na62Api, SaveResult, StartupView, TaskProgress } from '../../../src-shared/api/contract';
import type { OpenedFile } from '../../../src-shared/api/root-contract';
import { unwrap } from '../../../src-shared/api/contract';
import type { RequestFn } from '../../../src-shared/api/bridge';
import { createApiClient } from '../../../src-shared/api/client';
import { REQUEST_SCHEMAS, describeIssues } from '../../../src-shared/api/schemas';
import { isProgressMessage, isReply, type WorkerRequest } from './worker-protocol';
import { browserSession } from './browser-session';
import { viewFromHash } from '../../../src-shared/view/view-file';

const EXPORT_TYPES: Record<string, string> = { na62view: 'application/json', png: 'image/png', svg: 'image/svg+xml', glb: 'model/gltf-binary', zip: 'application/zip', webm: 'video/webm', mp4: 'video/mp4', json: 'application/json', csv: 'text/csv', txt: 'text/plain', na62layout: 'application/json' };

/** The browser's clipboard, where the page may write images (a secure context with the user's permission). */
async function copyToClipboard(raw: unknown): Promise<Envelope<{ copied: true }>> {
  const parsed = REQUEST_SCHEMAS.copyImage.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: `invalid copyImage request: ${describeIssues(parsed.error)}` } };
  try {
    if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') throw new Error('this browser does not let pages write images to the clipboard');
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([parsed.data.data as BlobPart], { type: 'image/png' }) })]);
    return { ok: true, value: { copied: true } };
  } catch (e) {
    return { ok: false, error: { code: 'io', message: `could not copy the picture: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

/** The browser's clipboard, for text (a link to the view). */
async function copyTextToClipboard(raw: unknown): Promise<Envelope<{ copied: true }>> {
  const parsed = REQUEST_SCHEMAS.copyText.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: `invalid copyText request: ${describeIssues(parsed.error)}` } };
  try {
    if (!navigator.clipboard?.writeText) throw new Error('this browser does not let pages write to the clipboard');
    await navigator.clipboard.writeText(parsed.data.text);
    return { ok: true, value: { copied: true } };
  } catch (e) {
    return { ok: false, error: { code: 'io', message: `could not copy the link: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

/** The browser build's start-up view: the page's `#view=…`, read once (a reload goes back to the session). */
function startupViewOnce(): () => Envelope<StartupView> {
  let taken = false;
  return () => {
    if (taken) return { ok: true, value: { view: null, source: null, problem: null } };
    taken = true;
    const got = viewFromHash(window.location.hash);
    if (!got) return { ok: true, value: { view: null, source: null, problem: null } };
    return { ok: true, value: 'view' in got ? { view: got.view, source: 'the link', problem: null } : { view: null, source: 'the link', problem: got.problem } };
  };
}

/** The browser's "save": a download of what the renderer made, validated like the Electron request. */
function download(key: 'savePng' | 'saveText' | 'saveFile', raw: unknown): Envelope<SaveResult> {
  const parsed = REQUEST_SCHEMAS[key].safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: `invalid ${key} request: ${describeIssues(parsed.error)}` } };
  const req = parsed.data as { suggestedName: string; data?: Uint8Array; text?: string };
  const suggestedName = req.suggestedName;
  const data = req.data ?? new TextEncoder().encode(req.text ?? '');
  const type = EXPORT_TYPES[suggestedName.slice(suggestedName.lastIndexOf('.') + 1).toLowerCase()] ?? 'text/csv';
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: { saved: true, path: suggestedName, bytes: data.byteLength } };
}

/** The browser's file picker; resolves to undefined when the user closes it without choosing. */
function pickFile(accept = '.arrow,.root,application/vnd.apache.arrow.file'): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => { resolve(input.files?.[0] ?? undefined); input.remove(); });
    input.addEventListener('cancel', () => { resolve(undefined); input.remove(); });
    document.body.appendChild(input);
    input.click();
  });
}

export function createWebWorkerApi(): Na62Api {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'na62-engine' });
  const pending = new Map<number, (env: Envelope<unknown>) => void>();
  const progressListeners = new Set<(p: unknown) => void>();
  let nextId = 1;
  worker.onmessage = (e: MessageEvent<unknown>) => {
    if (isProgressMessage(e.data)) {
      const p: TaskProgress = e.data.progress;
      progressListeners.forEach((l) => l(p));
      return;
    }
    if (!isReply(e.data)) return;
    const resolve = pending.get(e.data.id);
    pending.delete(e.data.id);
    resolve?.(e.data.envelope);
  };
  worker.onerror = (e) => {
    const error = { code: 'internal' as const, message: `engine worker failed: ${e.message || 'unknown error'}` };
    for (const resolve of pending.values()) resolve({ ok: false, error });
    pending.clear();
  };
  const request = (<K extends keyof ApiRequests>(key: K, payload?: ApiRequests[K]['req']) => {
    if (key === 'savePng' || key === 'saveText' || key === 'saveFile') return Promise.resolve(download(key, payload));
    if (key === 'copyImage') return copyToClipboard(payload);
    if (key === 'copyText') return copyTextToClipboard(payload);
    if (key === 'startupView') return Promise.resolve(startupView());
    // no folders in the browser: a batch export becomes one zip download
    if (key === 'chooseExportFolder') return Promise.resolve({ ok: true, value: null });
    if (key === 'writeExportFile') return Promise.resolve({ ok: false, error: { code: 'bad-request', message: 'the browser build writes batches as one zip download' } });
    if (key === 'saveSession') return Promise.resolve(session.save(payload));
    if (key === 'loadSession') return session.load(() => toWorker('datasets', undefined) as Promise<Envelope<DatasetInfo[]>>);
    return toWorker(key, payload);
  }) as RequestFn;
  const toWorker = (key: keyof ApiRequests, payload: unknown): Promise<Envelope<unknown>> => {
    return new Promise<Envelope<unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const msg: WorkerRequest = { id, key, payload };
      worker.postMessage(msg);
    });
  };
  const session = browserSession(localStorage);
  const startupView = startupViewOnce();
  // a .root file goes to the ROOT import (the engine checks the signature), anything else opens as an event file
  const openBlob = async (req: RequestFn, file: File): Promise<OpenedFile> =>
    /\.root$/i.test(file.name) ? unwrap(await req('rootOpenBlob', { file, name: file.name })) : unwrap(await req('openBlob', { file, name: file.name }));
  return createApiClient('web-worker', request, {
    subscribeProgress: (l) => { progressListeners.add(l); return () => progressListeners.delete(l); },
    openFileDialog: async (req) => {
      const file = await pickFile();
      return file ? openBlob(req, file) : null;
    },
    openDroppedFile: openBlob,
    loadCandidateList: async (req) => {
      const file = await pickFile('.json,.csv');
      return file ? unwrap(await req('loadCandidatesBlob', { file, name: file.name })) : null;
    },
  });
}
