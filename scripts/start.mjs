/**
 * `npm start` (and `npm run dev` with --dev): open the desktop app. Electron ≥ 42 downloads its
 * binary on first use; where that download is impossible (no route to Electron's host), say so
 * plainly and point to the browser build instead of dying with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dev = process.argv.includes('--dev');
const bin = (name) => path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules', '.bin', name);

function electronDir() {
  // NA62_ELECTRON_DIR: tests point this at a fake package to exercise the no-binary path.
  if (process.env.NA62_ELECTRON_DIR) return process.env.NA62_ELECTRON_DIR;
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** Installed binary, as electron's own index.js finds it (path.txt + dist/), without triggering the download. */
function hasElectronBinary(dir) {
  const pathTxt = path.join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return false;
  const exe = readFileSync(pathTxt, 'utf8').trim();
  return existsSync(path.join(dir, 'dist', exe));
}

function explainAndExit(reason) {
  console.error(`
NA62 Event Display: the desktop window cannot open on this machine.

  ${reason}

The desktop app needs the Electron binary, which Electron downloads on first use from
its release host. Everything else (build, tests, the browser build) works without it.

  * With internet access:  npx install-electron   then   npm start
  * Without it, use the browser build (same app, engine in a Web Worker):
        npm run web
    and open http://127.0.0.1:5173/ in Chromium, Chrome or Firefox.
`);
  process.exit(1);
}

const dir = electronDir();
if (!dir) explainAndExit('The "electron" package is not installed: run `npm install` first.');
if (!hasElectronBinary(dir)) {
  console.log('Electron binary not found: trying to download it (npx install-electron)…');
  const res = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, encoding: 'utf8' });
  if (res.status !== 0 || !hasElectronBinary(dir)) {
    const detail = `${res.stderr ?? ''}${res.stdout ?? ''}`.split('\n').map((l) => l.trim()).find((l) => /error|fail|ENOTFOUND|EAI_AGAIN|fetch/i.test(l));
    explainAndExit(`Downloading the Electron binary failed${detail ? `: ${detail}` : res.error ? `: ${res.error.message}` : ''}.`);
  }
}

const args = dev ? ['dev'] : ['preview'];
if (!dev) {
  const build = spawnSync(bin('electron-vite'), ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  args.push('--skipBuild');
}
// files to open (`npm start -- run.arrow view.na62view`), resolved from where npm was started, and the
// view switches (`--event 1234:5:678 --view side --station straw2`), handed to the app as they are
const given = process.argv.slice(2).filter((a) => a !== '--dev' && a !== '--');
const VALUE_SWITCHES = ['--event', '--view', '--station'];
const appArgs = given.map((a, i) => (a.startsWith('-') || VALUE_SWITCHES.includes(given[i - 1]) ? a : path.resolve(process.env.INIT_CWD ?? process.cwd(), a)));
if (appArgs.length) args.push('--', ...appArgs);
const child = spawn(bin('electron-vite'), args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
