/** `npm run web`: serve the browser build and say where. */
import { existsSync } from 'node:fs';
import { serveStatic } from './static-server.mjs';

const root = new URL('../dist-web/', import.meta.url).pathname;
if (!existsSync(`${root}index.html`)) {
  console.error('No browser build in dist-web/. Run `npm run build:web` first (or `npm run web`, which does both).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 5173);
const { url } = await serveStatic(root, port).catch((err) => {
  console.error(`Could not listen on 127.0.0.1:${port}: ${err.message}. Set PORT to another port.`);
  process.exit(1);
});
console.log(`NA62 Event Display (browser build) at ${url}\nOpen it in Chromium, Chrome or Firefox. Ctrl+C stops the server.`);
