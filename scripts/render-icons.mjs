/**
 * npm run icons: rasterise assets/icons/icon.svg (the source) into the PNGs the window, the web
 * build's favicon and packaging use, with Debian's Chromium (scripts/browser.mjs). The PNGs are
 * committed; run this after editing the SVG.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets/icons');
const svg = readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const fonts = path.resolve(dir, '../fonts');
const browser = await launchChromium();
try {
  for (const size of [512, 256, 64, 32]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // the bundled DejaVu Sans, so the icon's text does not depend on the machine's fonts
    const face = `@font-face { font-family: "DejaVu Sans"; font-weight: bold; src: url(data:font/ttf;base64,${readFileSync(path.join(fonts, 'DejaVuSans-Bold.ttf')).toString('base64')}); }`;
    await page.setContent(`<style>${face} html,body{margin:0;background:transparent} svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.evaluate('document.fonts.ready');
    writeFileSync(path.join(dir, `icon-${size}.png`), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons written to ${path.relative(process.cwd(), dir)}`);
