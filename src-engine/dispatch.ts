/**
 * Validating request dispatch, shared by every host of the engine (Electron main, Web Worker, CLI).
 * Raw input is parsed with the channel's schema first; every failure becomes an error envelope
 * with a message a user can read, never an exception that crosses the boundary.
 */
import { z } from 'zod';
import type { ApiErrorData, ApiRequests, Envelope } from '../src-shared/api/contract';
import { REQUEST_SCHEMAS, describeIssues } from '../src-shared/api/schemas';
import { EventFileError } from './io/event-file';

export type Handler<K extends keyof ApiRequests> = (req: ApiRequests[K]['req']) => ApiRequests[K]['res'] | Promise<ApiRequests[K]['res']>;
export type Handlers = { [K in keyof ApiRequests]?: Handler<K> };

/** An error a handler throws on purpose, with a message meant for the user. */
export class UserFacingError extends Error {
  constructor(readonly code: ApiErrorData['code'], message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export interface Dispatcher {
  handle(key: string, raw: unknown): Promise<Envelope<unknown>>;
  readonly keys: readonly (keyof ApiRequests)[];
}


const isKey = (k: string): k is keyof ApiRequests => Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, k);

export function createDispatcher(handlers: Handlers, log: (msg: string, err: unknown) => void = () => {}): Dispatcher {
  const keys = (Object.keys(handlers).filter(isKey) as (keyof ApiRequests)[]).filter((k) => handlers[k] !== undefined);
  return {
    keys,
    async handle(key, raw) {
      if (!isKey(key) || !handlers[key]) {
        return { ok: false, error: { code: 'unknown-channel', message: `unknown request "${String(key).slice(0, 80)}"` } };
      }
      const parsed = REQUEST_SCHEMAS[key].safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: { code: 'bad-request', message: `invalid ${key} request: ${describeIssues(parsed.error)}` } };
      }
      try {
        const handler = handlers[key] as (req: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        if (err instanceof UserFacingError) return { ok: false, error: { code: err.code, message: err.message } };
        if (err instanceof EventFileError) return { ok: false, error: { code: 'io', message: err.message } };
        if (err instanceof z.ZodError) return { ok: false, error: { code: 'bad-request', message: describeIssues(err) } };
        log(`handler ${key} failed`, err);
        return { ok: false, error: { code: 'internal', message: `${key} failed: ${err instanceof Error ? err.message : String(err)}` } };
      }
    },
  };
}
