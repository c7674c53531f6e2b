/** The browser transport: engine requests go to a Web Worker; saving a picture becomes a download. */
import type { ApiRequests, Envelope, Na62Api, SaveResult } from '../../../src-shared/api/contract';
import type { RequestFn } from '../../../src-shared/api/bridge';
import { createApiClient } from '../../../src-shared/api/client';
import { SavePngRequestSchema, describeIssues } from '../../../src-shared/api/schemas';
import { isWorkerReply, type WorkerRequest } from './worker-protocol';

function downloadPng(raw: unknown): Envelope<SaveResult> {
  const parsed = SavePngRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: `invalid savePng request: ${describeIssues(parsed.error)}` } };
  const { suggestedName, data } = parsed.data;
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: 'image/png' }));
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

export function createWebWorkerApi(): Na62Api {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'na62-engine' });
  const pending = new Map<number, (env: Envelope<unknown>) => void>();
  let nextId = 1;
  worker.onmessage = (e: MessageEvent<unknown>) => {
    if (!isWorkerReply(e.data)) return;
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
    if (key === 'savePng') return Promise.resolve(downloadPng(payload));
    return new Promise<Envelope<unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const msg: WorkerRequest = { id, key, payload };
      worker.postMessage(msg);
    });
  }) as RequestFn;
  return createApiClient('web-worker', request);
}
