/** Developer helper: screenshot the browser build. Usage: node scripts/shot.mjs out.png [url-query] [view] */
import { serveStatic } from './static-server.mjs';
import { launchChromium } from './browser.mjs';

const [out = 'test-output/shot.png', view = 'side', theme = 'dark'] = process.argv.slice(2);
const srv = await serveStatic(new URL('../dist-web/', import.meta.url).pathname);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(srv.url);
await page.waitForTimeout(8000); console.log(await page.evaluate(() => JSON.stringify(window.__na62 && window.__na62.renderInfo())));
if (theme === 'light') await page.keyboard.press('t');
await page.click(`[data-view="${view}"]`);
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
console.log(await page.evaluate(() => JSON.stringify(window.__na62.renderInfo())));
await browser.close();
await srv.close();
