/** What the Electron preload exposes on `window.na62Bridge` (types only; the preload implements it). */
import type { ApiRequests, Envelope } from './contract';

export interface Na62Bridge {
  readonly apiVersion: number;
  request<K extends keyof ApiRequests>(key: K, payload?: ApiRequests[K]['req']): Promise<Envelope<ApiRequests[K]['res']>>;
  /** subscribe to native-menu commands; returns the unsubscribe function */
  onMenuCommand(listener: (command: unknown) => void): () => void;
  /** subscribe to task progress from the engine */
  onProgress(listener: (progress: unknown) => void): () => void;
  /**
   * open a file dropped on the window: the preload resolves its path (Electron's webUtils) and
   * sends openDropped itself; `request` refuses that channel, so the page never names a path
   */
  openDroppedFile(file: File): Promise<Envelope<ApiRequests['openDropped']['res']>>;
}

/** The request half of a transport: Electron IPC or a Web Worker. */
export type RequestFn = <K extends keyof ApiRequests>(key: K, payload?: ApiRequests[K]['req']) => Promise<Envelope<ApiRequests[K]['res']>>;
