/** The app version, injected at build time from package.json (see the vite configs); "dev" in tests. */
declare const __APP_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
