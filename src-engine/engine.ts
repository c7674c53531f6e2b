/**
 * The engine: everything the UI asks of the data side. Pure TypeScript (no DOM, no Electron,
 * no fs), so the same code serves the Electron main process, the browser build's Web Worker
 * and the command line. It grows with the event store, generator and selections.
 */
import { API_VERSION } from '../src-shared/api/channels';
import type { AppInfo } from '../src-shared/api/contract';
import type { DetectorDescription } from '../src-shared/geometry/types';
import { NA62_DETECTOR } from '../src-shared/geometry/na62-detector';
import type { Handlers } from './dispatch';

export interface EngineOptions {
  readonly host: AppInfo['engineHost'];
  readonly appVersion: string;
  readonly detector?: DetectorDescription;
}

/** The engine's request handlers; hosts add their platform services (saving files) beside them. */
export function createEngineHandlers(opts: EngineOptions): Handlers {
  const detector = opts.detector ?? NA62_DETECTOR;
  return {
    info: () => ({ apiVersion: API_VERSION, appVersion: opts.appVersion, geometryVersion: detector.version, engineHost: opts.host }),
    detector: () => detector,
  };
}
