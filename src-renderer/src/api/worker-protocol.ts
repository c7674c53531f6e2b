/** Messages between the UI and the engine worker. */
import type { Envelope } from '../../../src-shared/api/contract';

export interface WorkerRequest { readonly id: number; readonly key: string; readonly payload: unknown }
export interface WorkerReply { readonly id: number; readonly envelope: Envelope<unknown> }

export function isWorkerRequest(x: unknown): x is WorkerRequest {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return typeof m['id'] === 'number' && typeof m['key'] === 'string';
}

export function isWorkerReply(x: unknown): x is WorkerReply {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return typeof m['id'] === 'number' && typeof m['envelope'] === 'object' && m['envelope'] !== null;
}
