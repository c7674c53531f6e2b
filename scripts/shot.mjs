/** Developer helper: screenshot the browser build. Usage: node scripts/shot.mjs out.png [view] [theme] [event-index] [dataset-index] */
import { serveStatic } from './static-server.mjs';
import { launchChromium } from './browser.mjs';

const [out = 'test-output/shot.png', view = 'side', theme = 'dark', event, dataset] = process.argv.slice(2);
const srv = await serveStatic(new URL('../dist-web/', import.meta.url).pathname);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') console.log(`[console.error] ${m.text()}`); });
await page.goto(srv.url);
await page.waitForSelector('[data-testid="event-summary"]', { timeout: 60000 });
if (dataset) await page.selectOption('[data-testid="dataset-select"]', { index: Number(dataset) });
if (event) { await page.fill('[data-testid="event-index"]', event); await page.press('[data-testid="event-index"]', 'Enter'); }
if (theme === 'light') await page.keyboard.press('t');
await page.click(`[data-view="${view}"]`);
await page.waitForTimeout(2500);
await page.screenshot({ path: out });
console.log(await page.evaluate(() => JSON.stringify(window.__na62.renderInfo())));
await browser.close();
await srv.close();
