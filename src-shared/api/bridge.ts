/** What the Electron preload exposes on `window.na62Bridge` (types only; the preload implements it). */
import type { ApiRequests, Envelope } from './contract';

export interface Na62Bridge {
  readonly apiVersion: number;
  request<K extends keyof ApiRequests>(key: K, payload?: ApiRequests[K]['req']): Promise<Envelope<ApiRequests[K]['res']>>;
  /** subscribe to native-menu commands; returns the unsubscribe function */
  onMenuCommand(listener: (command: unknown) => void): () => void;
  /** subscribe to task progress from the engine */
  onProgress(listener: (progress: unknown) => void): () => void;
  /** the path of a file dropped on the window (Electron's webUtils), to hand to openDropped */
  pathForFile(file: File): string;
}

/** The request half of a transport: Electron IPC or a Web Worker. */
export type RequestFn = <K extends keyof ApiRequests>(key: K, payload?: ApiRequests[K]['req']) => Promise<Envelope<ApiRequests[K]['res']>>;
