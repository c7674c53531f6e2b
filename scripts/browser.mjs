/** Launch Debian's Chromium through playwright-core with software WebGL (SwiftShader); never downloads a browser. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found. Install Debian\'s: sudo apt-get install chromium (or set CHROMIUM_PATH).');
  return found;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage',
      ...(process.env.CHROMIUM_EXTRA_ARGS ?? '').split(' ').filter(Boolean)], // CHROMIUM_EXTRA_ARGS: flags to try (benchmarks)
  });
}
