import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './build/csp-plugin.ts';
import { appVersion } from './build/app-version.ts';

const define = { __APP_VERSION__: JSON.stringify(appVersion) };

export default defineConfig({
  main: {
    define,
    build: { rolldownOptions: { input: { index: resolve('src-main/index.ts'), 'selection-worker': resolve('src-node/selection-worker.ts') } } },
  },
  preload: {
    define,
    // Sandboxed preloads run without an ESM context: one self-contained CommonJS file.
    build: {
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve('src-preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'src-renderer',
    define,
    plugins: [react(), cspPlugin()],
    worker: { format: 'es' },
    build: { minify: true, chunkSizeWarningLimit: 2000, rolldownOptions: { input: { index: resolve('src-renderer/index.html') } } },
  },
});
