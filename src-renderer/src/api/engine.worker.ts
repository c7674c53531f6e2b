/// <reference lib="webworker" />
/** The browser build's engine host: the same engine as the Electron main process, behind postMessage. */
import { createDispatcher, createEngineHandlers } from '../../../src-engine';
import { APP_VERSION } from '../../../src-shared/version';
import type { WorkerReply } from './worker-protocol';
import { isWorkerRequest } from './worker-protocol';

const dispatcher = createDispatcher(createEngineHandlers({ host: 'web-worker', appVersion: APP_VERSION }), (msg, err) => console.error(`[na62 worker] ${msg}`, err));
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isWorkerRequest(msg)) return; // not ours: ignore rather than crash the engine
  const reply: WorkerReply = { id: msg.id, envelope: await dispatcher.handle(msg.key, msg.payload) };
  scope.postMessage(reply);
};
