/** What `electron-vite build` and the browser build produce (run after both builds). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-shared/security/csp';
import { ROOT } from './support';

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const cspOf = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");

describe('build output', () => {
  it('has main, a CommonJS preload and the renderer', () => {
    for (const f of ['out/main/index.js', 'out/main/selection-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(existsSync(path.join(ROOT, f)), f).toBe(true);
    const preload = read('out/preload/index.cjs');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*import\s|^\s*export\s/m); // sandboxed preloads cannot be ES modules
    expect(preload).not.toMatch(/zod/); // the schema library stays in the main process
    expect(read('out/main/index.js')).toMatch(/contextIsolation: true/);
  });

  it('ships the strict CSP in both renderers, and no inline script', () => {
    for (const f of ['out/renderer/index.html', 'dist-web/index.html']) {
      const html = read(f);
      expect(cspOf(html), f).toBe(contentSecurityPolicy({ dev: false }));
      expect(html, f).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('bundles the engine worker for the browser build', () => {
    const assets = read('dist-web/index.html');
    expect(assets).toMatch(/assets\/index-[\w-]+\.js/);
    const js = read(`dist-web/${/(assets\/index-[\w-]+\.js)/.exec(assets)![1]}`);
    expect(js).toMatch(/engine\.worker-[\w-]+\.js/);
  });
});
