/**
 * The typed API between the UI and the engine. One contract, two transports:
 * Electron IPC through the preload bridge, and a Web Worker in the browser build.
 */
import type { DetectorDescription } from '../geometry/types';
import type { CommandId } from '../commands';

export type Transport = 'electron' | 'web-worker';

export interface AppInfo {
  readonly apiVersion: number;
  readonly appVersion: string;
  readonly geometryVersion: string;
  /** where the engine runs */
  readonly engineHost: 'electron-main' | 'web-worker' | 'node';
}

export interface SavePngRequest {
  /** file name proposed to the user, e.g. na62-side-2x.png (a name, never a path) */
  readonly suggestedName: string;
  readonly data: Uint8Array;
}

export type SaveResult =
  | { readonly saved: true; readonly path: string; readonly bytes: number }
  | { readonly saved: false; readonly reason: 'cancelled' };

/** What a request on each channel takes and returns. */
export interface ApiRequests {
  info: { req: void; res: AppInfo };
  detector: { req: void; res: DetectorDescription };
  savePng: { req: SavePngRequest; res: SaveResult };
}

/** Errors cross the process boundary as data, never as thrown exceptions with stack traces. */
export interface ApiErrorData {
  readonly code: 'bad-request' | 'unknown-channel' | 'version-mismatch' | 'io' | 'internal';
  readonly message: string;
}

export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorData };

export class ApiError extends Error {
  readonly code: ApiErrorData['code'];
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
  }
}

export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new ApiError(env.error);
}

/** The surface the renderer sees, whatever the transport. */
export interface Na62Api {
  readonly transport: Transport;
  readonly apiVersion: number;
  getInfo(): Promise<AppInfo>;
  getDetector(): Promise<DetectorDescription>;
  savePng(req: SavePngRequest): Promise<SaveResult>;
  /** menu commands from the native menu (Electron only; a no-op subscription in the browser) */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
}
