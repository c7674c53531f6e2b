/** Messages between the UI and the engine worker. */
import type { Envelope, TaskProgress } from '../../../src-shared/api/contract';

export interface WorkerRequest { readonly id: number; readonly key: string; readonly payload: unknown }
export type WorkerMessage =
  | { readonly id: number; readonly envelope: Envelope<unknown> }
  | { readonly progress: TaskProgress };

export function isWorkerRequest(x: unknown): x is WorkerRequest {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return typeof m['id'] === 'number' && typeof m['key'] === 'string';
}

export function isReply(x: unknown): x is { id: number; envelope: Envelope<unknown> } {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return typeof m['id'] === 'number' && typeof m['envelope'] === 'object' && m['envelope'] !== null;
}

export function isProgressMessage(x: unknown): x is { progress: TaskProgress } {
  return typeof x === 'object' && x !== null && typeof (x as { progress?: unknown }).progress === 'object';
}
