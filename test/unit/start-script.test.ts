import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start without the Electron binary', () => {
  it('explains what is missing and how to open the browser build, without a stack trace', () => {
    // A fake electron package whose binary download fails the way it does without internet.
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-electron-'));
    writeFileSync(path.join(dir, 'package.json'), '{"name":"electron","version":"45.4.1"}');
    writeFileSync(path.join(dir, 'install.js'), 'console.error("TypeError: fetch failed"); process.exit(1);');
    const res = spawnSync(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, NA62_ELECTRON_DIR: dir }, encoding: 'utf8', timeout: 30_000 });
    expect(res.status).toBe(1);
    const out = `${res.stdout}${res.stderr}`;
    expect(out).toContain('Downloading the Electron binary failed: TypeError: fetch failed');
    expect(out).toContain('npm run web');
    expect(out).toContain('http://127.0.0.1:5173/');
    expect(out).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m); // no stack frames
  });
});
