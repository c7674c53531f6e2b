import { readFileSync } from 'node:fs';
/** package.json version, compiled into the bundles as __APP_VERSION__. */
export const appVersion: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
