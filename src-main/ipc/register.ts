/** Binds the validating dispatcher to Electron IPC, one channel per request, with a sender check. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../src-shared/api/channels';
import type { Envelope } from '../../src-shared/api/contract';
import type { Dispatcher } from '../../src-engine/dispatch';

export function registerIpc(ipc: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher, isTrustedSender: (frameUrl: string | undefined) => boolean): void {
  for (const key of dispatcher.keys) {
    ipc.handle(CHANNELS[key], async (event: IpcMainInvokeEvent, raw: unknown): Promise<Envelope<unknown>> => {
      const url = event.senderFrame?.url;
      if (!isTrustedSender(url)) {
        return { ok: false, error: { code: 'bad-request', message: `request ${key} refused: sender ${url ?? '(unknown)'} is not the app` } };
      }
      return dispatcher.handle(key, raw);
    });
  }
}
