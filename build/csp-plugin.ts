/** Vite plugin: writes the app's Content-Security-Policy into index.html (strict for builds, relaxed for the dev server). */
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from '../src-shared/security/csp.ts';

export function cspPlugin(): Plugin {
  let dev = false;
  return {
    name: 'na62-csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ dev }) }, injectTo: 'head-prepend' }];
    },
  };
}
