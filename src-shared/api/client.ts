/** Builds the typed API over any request transport: one client, two transports. */
import { API_VERSION } from './channels';
import type { Na62Api, Transport } from './contract';
import { ApiError, unwrap } from './contract';
import type { RequestFn } from './bridge';
import { isCommandId, type CommandId } from '../commands';

export function createApiClient(
  transport: Transport,
  request: RequestFn,
  subscribeMenu: (listener: (command: unknown) => void) => () => void = () => () => {},
): Na62Api {
  return {
    transport,
    apiVersion: API_VERSION,
    async getInfo() {
      const info = unwrap(await request('info'));
      if (info.apiVersion !== API_VERSION) {
        throw new ApiError({ code: 'version-mismatch', message: `engine speaks API v${info.apiVersion}, this UI v${API_VERSION}` });
      }
      return info;
    },
    async getDetector() {
      return unwrap(await request('detector'));
    },
    async savePng(req) {
      return unwrap(await request('savePng', req));
    },
    onMenuCommand(listener: (command: CommandId) => void) {
      return subscribeMenu((cmd) => {
        if (isCommandId(cmd)) listener(cmd);
      });
    },
  };
}
