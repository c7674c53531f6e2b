/**
 * Channel names of the app's API. Kept free of any library so that the sandboxed
 * CommonJS preload can import it without pulling in the schema library.
 */

/** Bumped on any breaking change of a request or response shape. Both transports check it. */
export const API_VERSION = 1;

export const CHANNELS = {
  /** app, API, engine and geometry versions */
  info: 'na62:v1:info',
  /** the detector description the engine works with */
  detector: 'na62:v1:detector',
  /** save a PNG the renderer produced: the main process asks the user where (platform service) */
  savePng: 'na62:v1:save-png',
} as const;

export type ChannelKey = keyof typeof CHANNELS;
export type ChannelName = (typeof CHANNELS)[ChannelKey];

/** main → renderer: a menu item was chosen (payload: a command id of src-shared/commands.ts) */
export const MENU_COMMAND_EVENT = 'na62:v1:menu-command';
