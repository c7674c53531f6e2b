/** The renderer as a plain web app: the engine runs in a Web Worker behind the same typed API. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './build/csp-plugin.ts';
import { appVersion } from './build/app-version.ts';
import { demoPlugin } from './build/demo-plugin.ts';
import { detectorPackPlugin } from './build/detector-pack-plugin.ts';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [react(), cspPlugin(), demoPlugin(), detectorPackPlugin()],
  worker: { format: 'es' },
  build: { outDir: '../dist-web', emptyOutDir: true, minify: true, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
